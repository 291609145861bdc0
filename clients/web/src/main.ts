// The console's shell: sign-in (API key, once per browser session), navigation, the
// language switch and the map settings; pages by URL hash (#/find, #/worker/ID,
// #/vacancies/ID, #/overview), so the browser's back button and links work.
import "./style.css";
import { api, callError, session } from "./api";
import { field, h, set } from "./dom";
import { getLang, setLang, t, type Lang } from "./i18n";
import { renderFind } from "./find";
import { renderWorker } from "./worker";
import { renderVacancies } from "./vacancies";
import { renderOverview } from "./overview";
import { setTileUrl, tileUrl } from "./map";

const app = document.getElementById("app")!;

function langSwitch(): HTMLElement {
  const select = h(
    "select",
    { id: "lang", "aria-label": t("language"), onchange: (e: Event) => (setLang((e.target as HTMLSelectElement).value as Lang), route()) },
    h("option", { value: "id" }, "Bahasa Indonesia"),
    h("option", { value: "en" }, "English"),
  );
  select.value = getLang();
  return select;
}

function renderLogin(): void {
  const input = h("input", { type: "password", autocomplete: "off", name: "api-key", required: true });
  const f = field(t("apiKey"), input, { name: "key" });
  const button = h("button", { type: "submit", class: "primary" }, t("login"));
  const form = h(
    "form",
    {
      class: "login",
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        f.setError("");
        session.set(input.value.trim());
        button.disabled = true;
        try {
          // Any role may call this: it checks the key (UNAUTHENTICATED otherwise).
          await api.lexicon.lookupSkills({ query: "las", limit: 1 });
          if (!location.hash || location.hash === "#/") location.hash = "#/find";
          route();
        } catch (err) {
          session.clear();
          f.setError(callError(err).message);
          input.focus();
        } finally {
          button.disabled = false;
        }
      },
    },
    h("h1", {}, t("loginTitle")),
    h("p", {}, t("loginHelp")),
    f.wrap,
    button,
  );
  set(app, h("header", { class: "top" }, h("span", { class: "brand" }, "cakap"), h("div", { class: "tools" }, langSwitch())), h("main", { id: "main", tabindex: "-1" }, form));
  input.focus();
}

function settingsDialog(): HTMLDialogElement {
  const input = h("input", { type: "url", value: tileUrl(), name: "tile-url" });
  const f = field(t("tileUrl"), input, { name: "tiles", help: t("tileHelp") });
  const dialog = h(
    "dialog",
    { class: "settings", "aria-label": t("settings") },
    h(
      "form",
      {
        method: "dialog",
        onsubmit: () => {
          setTileUrl(input.value);
          route();
        },
      },
      h("h2", {}, t("settings")),
      f.wrap,
      h("button", { type: "submit", class: "primary" }, t("save")),
    ),
  );
  return dialog;
}

function shell(active: string): HTMLElement {
  const link = (href: string, text: string, key: string) => h("a", { href, "aria-current": active === key ? "page" : undefined }, text);
  const dialog = settingsDialog();
  const main = h("main", { id: "main", tabindex: "-1" });
  set(app, 
    h(
      "header",
      { class: "top" },
      h("span", { class: "brand" }, "cakap"),
      h(
        "nav",
        { "aria-label": "cakap" },
        link("#/find", t("navFind"), "find"),
        link("#/worker", t("navWorker"), "worker"),
        link("#/vacancies", t("navVacancies"), "vacancies"),
        link("#/overview", t("navOverview"), "overview"),
      ),
      h(
        "div",
        { class: "tools" },
        langSwitch(),
        h("button", { type: "button", onclick: () => dialog.showModal() }, t("settings")),
        h("button", { type: "button", onclick: () => (session.clear(), (location.hash = "#/"), route()) }, t("logout")),
      ),
    ),
    main,
    dialog,
  );
  return main;
}

async function route(): Promise<void> {
  document.title = t("appTitle");
  if (!session.key()) return renderLogin();
  const [path, query] = (location.hash.replace(/^#/, "") || "/find").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query ?? "");
  const page = parts[0] ?? "find";
  const main = shell(page);
  try {
    if (page === "worker") await renderWorker(main, parts[1] ?? "", params.get("start") ?? "");
    else if (page === "vacancies") await renderVacancies(main, parts[1] ?? "");
    else if (page === "overview") await renderOverview(main);
    else await renderFind(main);
  } catch (err) {
    const e = callError(err);
    main.appendChild(h("p", { class: "field-error", role: "alert" }, `${t("error")}: ${e.message}`));
  }
}

window.addEventListener("hashchange", () => void route());
void route();
