// Vacancies: the stored ones listed (VacancyService.ListVacancies: the office sees every
// vacancy, a partner its own), load by id, create and edit, open and close, match a
// stored vacancy. Writes need a portal or admin key (the server answers PERMISSION_DENIED
// to partners, shown as it says); partners also load the open vacancies of others by id.
import { create } from "@bufbuild/protobuf";
import { api, callError, regions } from "./api";
import { field, h, set } from "./dom";
import { t } from "./i18n";
import { matchStoredVacancy } from "./find";
import { skillInput } from "./skills";
import { Issuer } from "./gen/cakap/v1/common_pb";
import { VacancySchema, type Vacancy } from "./gen/cakap/v1/vacancy_pb";

// The stored vacancies by id, a server page (50) at a time; "more" appends the next one.
// `current`: the id on the form, marked in the list. refresh(): from the first page again
// (after a write).
function vacancyList(current: string): { root: HTMLElement; refresh(): void } {
  const openOnly = h("input", { type: "checkbox", name: "list_open_only" });
  const rows = h("ul", { class: "vacancy-list" });
  const more = h("button", { type: "button", class: "more", hidden: true }, t("moreVacancies"));
  const note = h("p", { class: "status", role: "status", "aria-live": "polite" });
  let token = "";
  let latest = 0;
  async function fetchPage(reset: boolean) {
    const mine = ++latest;
    if (reset) token = "";
    try {
      const r = await api.vacancies.listVacancies({ openOnly: openOnly.checked, pageToken: token });
      if (mine !== latest) return;  // a newer request (the filter changed) owns the list
      if (reset) set(rows);
      for (const v of r.vacancies) {
        const filled = v.openings > 0 ? `${v.filled}/${v.openings}` : "";
        rows.appendChild(
          h("li", { "data-vacancy": v.id, "aria-current": v.id === current ? "true" : undefined },
            h("a", { href: `#/vacancies/${encodeURIComponent(v.id)}` }, v.id),
            h("span", { class: "title" }, v.title || v.employer),
            h("span", { class: v.open ? "badge open" : "badge closed" }, v.open ? t("vacancyOpen") : t("vacancyClosed")),
            filled ? h("span", { class: "filled", title: t("filledOfOpenings") }, filled) : null),
        );
      }
      token = r.nextPageToken;
      more.hidden = !token;
      note.classList.remove("error");
      note.textContent = rows.children.length ? "" : t("noStoredVacancies");
    } catch (err) {
      if (mine !== latest) return;
      note.classList.add("error");
      note.textContent = `${t("error")}: ${callError(err).message}`;
    }
  }
  openOnly.addEventListener("change", () => void fetchPage(true));
  more.addEventListener("click", () => void fetchPage(false));
  void fetchPage(true);
  const root = h("nav", { class: "stored-vacancies", "aria-label": t("storedVacancies") },
    h("h2", {}, t("storedVacancies")),
    h("label", { class: "inline" }, openOnly, ` ${t("openOnly")}`),
    rows, more, note);
  return { root, refresh: () => void fetchPage(true) };
}

export async function renderVacancies(main: HTMLElement, initialId: string): Promise<void> {
  const all = await regions();
  const text = (name: string) => h("input", { type: "text", name });
  const inputs = {
    id: text("id"),
    title: text("title"),
    employer: text("employer"),
    owner: text("owner"),
    start: h("input", { type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", name: "start_date" }),
    radius: h("input", { type: "number", min: "0", step: "1", name: "radius_km", value: "50" }),
    openings: h("input", { type: "number", min: "0", step: "1", name: "openings", value: "1" }),
    kkni: h("input", { type: "number", min: "0", max: "9", step: "1", name: "min_kkni_level", value: "0" }),
    employed: h("input", { type: "checkbox", name: "include_employed" }),
    open: h("input", { type: "checkbox", name: "open", checked: true }),
  };
  const region = h("select", { name: "region" }, h("option", { value: "" }, t("chooseRegion")));
  for (const r of all.filter((x) => x.level !== "province")) region.appendChild(h("option", { value: r.code }, `${r.name} (${r.code})`));
  const required = skillInput("vacancy-required");
  const preferred = skillInput("vacancy-preferred");
  const issuerBoxes = [Issuer.BNSP, Issuer.KEMNAKER, Issuer.OTHER].map((v) => {
    const box = h("input", { type: "checkbox", value: String(v) });
    return { v, box, label: h("label", { class: "inline" }, box, ` ${Issuer[v]}`) };
  });
  const fields: Record<string, ReturnType<typeof field>> = {
    id: field(t("vacancyId"), inputs.id, { name: "id" }),
    title: field(t("title"), inputs.title, { name: "title" }),
    employer: field(t("employer"), inputs.employer, { name: "employer" }),
    owner: field(t("owner"), inputs.owner, { name: "owner", help: t("ownerHelp") }),
    required_skills: field(t("requiredSkills"), required.root, { name: "required_skills", help: t("skillsHelp") }),
    preferred_skills: field(t("preferredSkills"), preferred.root, { name: "preferred_skills" }),
    min_kkni_level: field(t("minKkni"), inputs.kkni, { name: "min_kkni_level" }),
    location: field(t("region"), region, { name: "location" }),
    radius_km: field(`${t("radius")} (km)`, inputs.radius, { name: "radius_km" }),
    start_date: field(t("start"), inputs.start, { name: "start_date" }),
    openings: field(t("openings"), inputs.openings, { name: "openings" }),
  };
  for (const [f, input] of [
    [fields.required_skills, required.input],
    [fields.preferred_skills, preferred.input],
  ] as const) {
    input.id = `${f.wrap.querySelector("label")!.htmlFor}-input`;
    f.wrap.querySelector("label")!.htmlFor = input.id;
  }
  const issuerError = h("p", { class: "field-error", role: "alert" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const list = vacancyList(initialId);
  let loaded: Vacancy | null = null;

  function fill(v: Vacancy) {
    loaded = v;
    inputs.id.value = v.id;
    inputs.title.value = v.title;
    inputs.employer.value = v.employer;
    inputs.start.value = v.startDate;
    inputs.radius.value = String(v.radiusKm);
    inputs.openings.value = String(v.openings);
    inputs.kkni.value = String(v.minKkniLevel);
    inputs.employed.checked = v.includeEmployed;
    inputs.open.checked = v.open;
    region.value = v.location?.regionCode ?? "";
    required.set(v.requiredSkills);
    preferred.set(v.preferredSkills);
    for (const b of issuerBoxes) b.box.checked = v.acceptedIssuers.includes(b.v);
    inputs.owner.value = v.owner;
  }

  function fromForm(): Vacancy {
    return create(VacancySchema, {
      // What this form does not edit stays as loaded.
      description: loaded?.description ?? "",
      keywords: loaded?.keywords ?? "",
      regionCodes: loaded?.regionCodes ?? [],
      id: inputs.id.value.trim(),
      title: inputs.title.value.trim(),
      employer: inputs.employer.value.trim(),
      owner: inputs.owner.value.trim(),
      requiredSkills: required.values(),
      preferredSkills: preferred.values(),
      acceptedIssuers: issuerBoxes.filter((b) => b.box.checked).map((b) => b.v),
      minKkniLevel: Number(inputs.kkni.value || 0),
      location: region.value ? { regionCode: region.value } : loaded?.location,
      radiusKm: Number(inputs.radius.value || 0),
      startDate: inputs.start.value.trim(),
      openings: Number(inputs.openings.value || 0),
      includeEmployed: inputs.employed.checked,
      open: inputs.open.checked,
    });
  }

  function clear() {
    for (const f of Object.values(fields)) f.setError("");
    issuerError.textContent = "";
    status.classList.remove("error");
    status.textContent = "";
  }
  // `fallback`: the field a message naming none is about (a load's NOT_FOUND: the id).
  function fail(err: unknown, fallback = "") {
    const e = callError(err);
    const path = (e.field || fallback).replace(/^vacancy\./, "").replace(/^vacancy_id$/, "id");
    const key = Object.keys(fields).find((k) => path === k || path.startsWith(`${k}[`) || path.startsWith(`${k}.`));
    if (key) fields[key].setError(e.message);
    else if (path.startsWith("accepted_issuers")) issuerError.textContent = e.message;
    status.textContent = `${t("error")}: ${e.message}`;
    status.classList.add("error");
  }

  async function load(id: string) {
    clear();
    try {
      const r = await api.vacancies.getVacancy({ id });
      fill(r.vacancy!);
    } catch (err) {
      // Nothing of an earlier vacancy stays on the form under this id.
      fill(create(VacancySchema, { id, open: true, radiusKm: 50, openings: 1 }));
      loaded = null;
      fail(err, "id");
    }
  }
  async function save(openOverride?: boolean) {
    clear();
    // The checkbox shows what is stored: it changes when the reload after the write does.
    const v = fromForm();
    if (openOverride !== undefined) v.open = openOverride;
    try {
      await api.vacancies.upsertVacancy({ vacancy: v });
      list.refresh();
      status.textContent = t("saved");
      await load(v.id);
      status.textContent = t("saved");
    } catch (err) {
      fail(err);
    }
  }

  const form = h(
    "form",
    { class: "vacancy-form", novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void save()) },
    h("div", { class: "row" }, fields.id.wrap, h("button", { type: "button", onclick: () => void load(inputs.id.value.trim()) }, t("load")), h("button", { type: "button", onclick: () => { loaded = null; location.hash = "#/vacancies"; void renderVacancies(main, ""); } }, t("newVacancy"))),
    fields.title.wrap,
    fields.employer.wrap,
    fields.owner.wrap,
    fields.required_skills.wrap,
    fields.preferred_skills.wrap,
    h("fieldset", { class: "issuers" }, h("legend", {}, t("issuers")), issuerBoxes.map((b) => b.label)),
    issuerError,
    fields.min_kkni_level.wrap,
    fields.location.wrap,
    fields.radius_km.wrap,
    fields.start_date.wrap,
    fields.openings.wrap,
    h("div", { class: "field" }, h("label", { class: "inline" }, inputs.employed, ` ${t("includeEmployed")}`)),
    h("div", { class: "field" }, h("label", { class: "inline" }, inputs.open, ` ${t("openForMatching")}`)),
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "submit", class: "primary" }, t("saveVacancy")),
      h("button", { type: "button", onclick: () => void save(true) }, t("openVacancy")),
      h("button", { type: "button", onclick: () => void save(false) }, t("closeVacancy")),
      h("button", { type: "button", onclick: () => inputs.id.value.trim() && matchStoredVacancy(inputs.id.value.trim()) }, t("matchVacancy")),
    ),
    status,
  );
  set(main, h("h1", {}, t("vacanciesTitle")), h("p", { class: "help" }, t("vacanciesHelp")), h("div", { class: "two-col" }, form, list.root));
  if (initialId) {
    inputs.id.value = initialId;
    await load(initialId);
  }
}
