// Overview: the index counts (AdminService.Stats, admin keys) and the labour-office
// figures of the workflow issue.
import { api, callError, Code } from "./api";
import { h, set } from "./dom";
import { t } from "./i18n";

// HOOK: the labour-office figures (placements, trainees' outcomes) come from a
// FiguresService that is not in cakapd yet. When proto/cakap/v1 gains it, generate the
// client (`npm run gen`), call it here and return its reply; until then the section says
// plainly that the figures are not available. Nothing here invents a number.
export async function loadFigures(): Promise<HTMLElement | null> {
  return null;
}

export async function renderOverview(main: HTMLElement): Promise<void> {
  const stats = h("section", { class: "stats", "aria-label": t("overviewTitle") });
  const figures = h("section", { class: "figures", "data-hook": "figures" }, h("h2", {}, t("figures")));
  set(main, h("h1", {}, t("overviewTitle")), stats, figures);
  try {
    const s = await api.admin.stats({});
    const tile = (label: string, value: string, key: string) => h("div", { class: "tile", "data-stat": key }, h("span", { class: "value" }, value), h("span", { class: "label" }, label));
    set(stats, 
      tile(t("workers"), s.workers.toLocaleString(), "workers"),
      tile(t("vacancies"), s.vacancies.toLocaleString(), "vacancies"),
      tile(t("openVacancies"), s.openVacancies.toLocaleString(), "open_vacancies"),
      tile(t("revision"), s.revision.toString(), "revision"),
      tile(t("size"), `${(Number(s.sizeBytes) / 1048576).toFixed(1)} MiB`, "size"),
    );
  } catch (err) {
    const e = callError(err);
    set(stats, h("p", { class: "help", role: "status" }, e.code === Code.PermissionDenied ? `${t("statsAdminOnly")} (${e.message})` : `${t("error")}: ${e.message}`));
  }
  const extra = await loadFigures();
  figures.appendChild(extra ?? h("p", { class: "help", "data-figures": "pending" }, t("figuresPending")));
}
