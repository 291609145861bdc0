// Overview: the index counts (AdminService.Stats, admin keys) and the labour office's
// figures (FiguresService.GetFigures, every role): a slice form, the counts as tiles, the
// sentence an office publishes ("of 748 trained in 2024, 89 placed: ..."), and supply
// and demand per skill and kabupaten/kota with its CSV export. Every number shown is the
// server's; a count a partner may not see exactly is shown as "< 10", never as 0.
import { api, callError, Code, regionName, regions } from "./api";
import { field, h, set, type Field } from "./dom";
import { getLang, t } from "./i18n";
import { regionSelect } from "./find";
import { skillInput } from "./skills";
import { download, tableCsv } from "./csv";
import { Issuer } from "./gen/cakap/v1/common_pb";
import type { Count, Figures, FiguresSlice, GetFiguresResponse, SupplyDemandRow } from "./gen/cakap/v1/figures_pb";
import type { RegionEntry } from "./gen/cakap/v1/lexicon_pb";

// The slice form as the user left it, so that moving between pages or switching the
// language shows the same figures again.
interface SliceForm {
  cohortFrom: string;
  cohortTo: string;
  skill: string;
  issuer: string;
  region: string;
  kind: string;
  decileMin: string;
  decileMax: string;
  periodFrom: string;
  periodTo: string;
  supplyDemand: boolean;
  asOf: string;
}
let saved: SliceForm | null = null;
let ran = false;
// Replies shown (figures or an error), on the results as data-run: the tests wait on it.
let runs = 0;

export async function renderOverview(main: HTMLElement): Promise<void> {
  const stats = h("section", { class: "stats", "aria-label": t("overviewTitle") });
  const figures = h("section", { class: "figures", "aria-labelledby": "figures-title" }, h("h2", { id: "figures-title" }, t("figures")));
  set(main, h("h1", {}, t("overviewTitle")), stats, figures);
  const all = await regions();
  renderFigures(figures, all);
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
}

const locale = () => (getLang() === "en" ? "en-US" : "id-ID");
const num = (v: bigint | number) => v.toLocaleString(locale());

// A count as shown: the number, or "< 10" when the server suppressed it (between 1 and
// the minimum cell size minus one).
export function countText(c: Count | undefined, minCell: number): string {
  if (c?.suppressed) return `< ${minCell || 10}`;
  return num(c?.value ?? 0n);
}

// The sentence an office publishes, in the page's language. Indonesian nouns do not
// inflect; English ones agree with the count ("1 apprenticeship", "2 apprenticeships";
// a suppressed count "< 10" reads as plural). Apprenticeships are left out when there are
// none, as in `cakap figures`.
export function summarySentence(f: Figures, slice: Pick<FiguresSlice, "cohortFrom" | "cohortTo">, minCell: number): string {
  const c = (x: Count | undefined) => countText(x, minCell);
  const app = f.placedApprenticeship;
  const withApp = (app?.value ?? 0n) > 0n || app?.suppressed === true;
  const from = slice.cohortFrom;
  const to = slice.cohortTo;
  const wholeYear = from.length === 10 && to.length === 10 && from.endsWith("-01-01") && to.endsWith("-12-31") && from.slice(0, 4) === to.slice(0, 4);
  if (getLang() === "en") {
    const noun = (x: Count | undefined, one: string, many: string) => `${c(x)} ${!x?.suppressed && x?.value === 1n ? one : many}`;
    const cohort = wholeYear ? ` in ${from.slice(0, 4)}` : from && to ? ` from ${from} to ${to}` : from ? ` since ${from}` : to ? ` until ${to}` : "";
    const parts = [noun(f.placedJob, "job", "jobs"), withApp ? noun(app, "apprenticeship", "apprenticeships") : null, noun(f.placedOwnBusiness, "own business", "own businesses")];
    return `Of ${c(f.trained)} trained${cohort}, ${c(f.placed)} placed: ${parts.filter(Boolean).join(", ")}; still working after 6 months: ${c(f.stillWorking6m)}.`;
  }
  const cohort = wholeYear ? ` pada ${from.slice(0, 4)}` : from && to ? ` antara ${from} dan ${to}` : from ? ` sejak ${from}` : to ? ` sampai ${to}` : "";
  const parts = [`${c(f.placedJob)} mendapat pekerjaan`, withApp ? `${c(app)} magang` : null, `${c(f.placedOwnBusiness)} membuka usaha sendiri`];
  return `Dari ${c(f.trained)} orang yang selesai pelatihan${cohort}, ${c(f.placed)} ditempatkan: ${parts.filter(Boolean).join(", ")}; yang masih bekerja setelah 6 bulan: ${c(f.stillWorking6m)}.`;
}

function renderFigures(section: HTMLElement, all: RegionEntry[]): void {
  const s = saved;
  const text = (name: string, value = "") => h("input", { type: "text", name, value, inputmode: "numeric", placeholder: "YYYY-MM-DD", autocomplete: "off" });
  const cohortFrom = text("cohort_from", s?.cohortFrom);
  const cohortTo = text("cohort_to", s?.cohortTo);
  const periodFrom = text("period_from", s?.periodFrom);
  const periodTo = text("period_to", s?.periodTo);
  const asOf = text("as_of", s?.asOf);
  const skill = skillInput("figures-skill");
  skill.set(s?.skill ? [s.skill] : []);
  // One skill: a new choice replaces the old.
  skill.onChange = () => {
    const v = skill.values();
    if (v.length > 1) skill.set(v.slice(-1));
  };
  const issuer = h(
    "select",
    { name: "certificate_issuer" },
    h("option", { value: "" }, t("anyIssuer")),
    [Issuer.BNSP, Issuer.KEMNAKER, Issuer.OTHER].map((v) => h("option", { value: String(v) }, Issuer[v])),
  );
  issuer.value = s?.issuer ?? "";
  const region = regionSelect(all, "region_codes", t("allRegions"), true);
  region.value = s?.region ?? "";
  const kind = h(
    "select",
    { name: "institution_kind" },
    h("option", { value: "" }, t("anyKind")),
    h("option", { value: "BLK" }, t("kindBlk")),
    h("option", { value: "LPK" }, t("kindLpk")),
  );
  kind.value = s?.kind ?? "";
  const decile = (name: string, value = "") => {
    const el = h("select", { name }, h("option", { value: "" }, "—"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => h("option", { value: String(n) }, String(n))));
    el.value = value;
    return el;
  };
  const decileMin = decile("welfare_decile_min", s?.decileMin);
  const decileMax = decile("welfare_decile_max", s?.decileMax);
  const supplyDemand = h("input", { type: "checkbox", name: "supply_demand", checked: s?.supplyDemand ?? false });

  const fields: Record<string, Field> = {
    cohort_from: field(t("cohortFrom"), cohortFrom, { name: "cohort_from", help: t("cohortHelp") }),
    cohort_to: field(t("cohortTo"), cohortTo, { name: "cohort_to" }),
    skill: field(t("figSkill"), skill.root, { name: "skill", help: t("figSkillHelp") }),
    certificate_issuer: field(t("certIssuer"), issuer, { name: "certificate_issuer" }),
    region_codes: field(t("figRegion"), region, { name: "region_codes" }),
    institution_kind: field(t("institutionKind"), kind, { name: "institution_kind" }),
    period_from: field(t("periodFrom"), periodFrom, { name: "period_from", help: t("periodHelp") }),
    period_to: field(t("periodTo"), periodTo, { name: "period_to" }),
    as_of: field(t("asOf"), asOf, { name: "as_of", help: t("asOfHelp") }),
  };
  // The label points at the text input inside the skill control.
  {
    const label = fields.skill.wrap.querySelector("label")!;
    skill.input.id = `${label.htmlFor}-input`;
    label.htmlFor = skill.input.id;
    skill.input.setAttribute("aria-describedby", `${fields.skill.error.id} ${fields.skill.error.id.replace(/-error$/, "-help")}`);
  }
  // The welfare range: two selects under one legend, one message slot for both (the
  // server names the one given, "slice.welfare_decile_min", when it refuses a partner).
  const decileError = h("p", { class: "field-error", id: "welfare-decile-error", "data-field-error": "welfare_decile", role: "alert" });
  const decileHelp = h("p", { class: "help", id: "welfare-decile-help" }, t("welfareHelp"));
  for (const el of [decileMin, decileMax]) el.setAttribute("aria-describedby", `${decileError.id} ${decileHelp.id}`);
  const welfare = h(
    "fieldset",
    { class: "field welfare", "data-field": "welfare_decile" },
    h("legend", {}, t("welfareRange")),
    h("div", { class: "row" },
      h("label", { class: "inline" }, `${t("decileMin")} `, decileMin),
      h("label", { class: "inline" }, `${t("decileMax")} `, decileMax),
    ),
    decileHelp,
    decileError,
  );
  const welfareField: Field = {
    wrap: welfare,
    error: decileError,
    setError(message: string) {
      decileError.textContent = message;
      welfare.classList.toggle("invalid", message !== "");
      for (const el of [decileMin, decileMax]) el.setAttribute("aria-invalid", message ? "true" : "false");
    },
  };

  const button = h("button", { type: "submit", class: "primary" }, t("computeFigures"));
  const form = h(
    "form",
    { class: "figures-form", novalidate: true, "aria-label": t("figures") },
    h("p", { class: "help" }, t("figuresHelp")),
    h("div", { class: "slice-grid" },
      fields.cohort_from.wrap,
      fields.cohort_to.wrap,
      fields.skill.wrap,
      fields.certificate_issuer.wrap,
      fields.region_codes.wrap,
      fields.institution_kind.wrap,
      fields.period_from.wrap,
      fields.period_to.wrap,
      welfare,
    ),
    h("div", { class: "field" }, h("label", { class: "inline" }, supplyDemand, ` ${t("includeSupplyDemand")}`)),
    h("div", { class: "slice-grid" }, fields.as_of.wrap),
    button,
  );
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "figures-results", "data-figures": "results" });
  section.append(form, status, results);

  function read(): SliceForm {
    return {
      cohortFrom: cohortFrom.value.trim(),
      cohortTo: cohortTo.value.trim(),
      skill: skill.values()[0] ?? skill.input.value.trim(),
      issuer: issuer.value,
      region: region.value,
      kind: kind.value,
      decileMin: decileMin.value,
      decileMax: decileMax.value,
      periodFrom: periodFrom.value.trim(),
      periodTo: periodTo.value.trim(),
      supplyDemand: supplyDemand.checked,
      asOf: asOf.value.trim(),
    };
  }

  function clearErrors() {
    for (const f of Object.values(fields)) f.setError("");
    welfareField.setError("");
  }

  // The server's message goes next to the field its path names ("slice.cohort_from: ...",
  // "slice.region_codes[0]: ...", "slice.welfare_decile_min: ...", "as_of: ...").
  function showError(err: unknown) {
    const e = callError(err);
    const path = e.field.replace(/^slice\./, "");
    const name = path.replace(/\[\d+\]$/, "");
    const target = name.startsWith("welfare_decile") ? welfareField : fields[name] ?? null;
    target?.setError(e.message);
    status.textContent = `${t("error")}: ${e.message}`;
    status.classList.add("error");
    set(results);
  }

  let latest = 0;
  async function run() {
    const f = read();
    saved = f;
    ran = true;
    const mine = ++latest;
    clearErrors();
    status.classList.remove("error");
    status.textContent = t("computing");
    button.disabled = true;
    const slice = {
      cohortFrom: f.cohortFrom,
      cohortTo: f.cohortTo,
      skill: f.skill,
      certificateIssuer: f.issuer ? (Number(f.issuer) as Issuer) : Issuer.UNSPECIFIED,
      regionCodes: f.region ? [f.region] : [],
      institutionKind: f.kind,
      welfareDecileMin: Number(f.decileMin || 0),
      welfareDecileMax: Number(f.decileMax || 0),
      periodFrom: f.periodFrom,
      periodTo: f.periodTo,
    };
    try {
      const reply = await api.figures.getFigures({ slice, supplyDemand: f.supplyDemand, asOf: f.asOf });
      if (mine !== latest) return;
      status.textContent = `${t("figuresAsOf")} ${reply.asOf}`;
      show(reply, f.supplyDemand);
    } catch (err) {
      if (mine === latest) showError(err);
    } finally {
      if (mine === latest) {
        button.disabled = false;
        results.dataset.run = String(++runs);
      }
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run();
  });

  function show(reply: GetFiguresResponse, askedSupplyDemand: boolean) {
    const f = reply.figures!;
    const minCell = reply.minCellSize;
    const slice = { cohortFrom: saved?.cohortFrom ?? "", cohortTo: saved?.cohortTo ?? "" };
    const counts: [string, string, Count | undefined][] = [
      ["workers", t("fWorkers"), f.workers],
      ["trained", t("fTrained"), f.trained],
      ["certified", t("fCertified"), f.certified],
      ["placed", t("fPlaced"), f.placed],
      ["placed_job", t("fJob"), f.placedJob],
      ["placed_apprenticeship", t("fApprenticeship"), f.placedApprenticeship],
      ["placed_own_business", t("fOwnBusiness"), f.placedOwnBusiness],
      ["still_working_3m", t("fStill3"), f.stillWorking3m],
      ["still_working_6m", t("fStill6"), f.stillWorking6m],
    ];
    const tile = (key: string, label: string, c: Count | undefined) =>
      h(
        "div",
        { class: c?.suppressed ? "tile suppressed" : "tile", "data-figure": key, "data-value": String(c?.value ?? 0n), "data-suppressed": c?.suppressed ? "true" : "false" },
        h("span", { class: "value", title: c?.suppressed ? t("suppressedTitle").replace("{m}", String((minCell || 10) - 1)) : undefined }, countText(c, minCell)),
        h("span", { class: "label" }, label),
      );
    const median = (key: string, label: string, m: number, n: Count | undefined) =>
      h(
        "div",
        { class: "tile median", "data-figure": key, "data-value": String(m), "data-count": String(n?.value ?? 0n), "data-suppressed": n?.suppressed ? "true" : "false" },
        h("span", { class: "value" }, m < 0 ? "—" : m.toLocaleString(locale(), { maximumFractionDigits: 1 })),
        h("span", { class: "label" }, label),
        h("span", { class: "of" }, t("ofPeople").replace("{n}", countText(n, minCell))),
      );
    const anySuppressed = [...counts.map((x) => x[2]), f.withTrainingBeforePlacement, f.withCertificateBeforePlacement].some((c) => c?.suppressed) ||
      reply.supplyDemand.some((r) => [r.availableCertified, r.openOpenings, r.expiring30d, r.expiring90d, r.expiring180d].some((c) => c?.suppressed));
    set(results,
      h("p", { class: "summary", "data-summary": "" }, summarySentence(f, slice, minCell)),
      // A partner's reply: what "< 10" means, next to the numbers it qualifies.
      minCell > 0
        ? h("p", { class: "help suppression", "data-suppression": anySuppressed ? "shown" : "none" },
            t("suppressedNote").replaceAll("{n}", String(minCell)).replace("{m}", String(minCell - 1)))
        : null,
      h("div", { class: "stats figure-tiles" },
        counts.map(([key, label, c]) => tile(key, label, c)),
        median("median_days_training_to_placement", t("fMedianTraining"), f.medianDaysTrainingToPlacement, f.withTrainingBeforePlacement),
        median("median_days_certification_to_placement", t("fMedianCert"), f.medianDaysCertificationToPlacement, f.withCertificateBeforePlacement),
      ),
      askedSupplyDemand ? supplyDemandTable(reply, minCell) : null,
    );
  }

  function supplyDemandTable(reply: GetFiguresResponse, minCell: number): HTMLElement {
    type Col = { key: string; label: string; get: (r: SupplyDemandRow) => Count | string };
    const cols: Col[] = [
      { key: "skill", label: t("sdSkill"), get: (r) => r.skill },
      { key: "region", label: t("sdRegion"), get: (r) => r.regionCode },
      { key: "available_certified", label: t("sdAvailable"), get: (r) => r.availableCertified! },
      { key: "open_openings", label: t("sdOpenings"), get: (r) => r.openOpenings! },
      { key: "expiring_30d", label: t("sdExp30"), get: (r) => r.expiring30d! },
      { key: "expiring_90d", label: t("sdExp90"), get: (r) => r.expiring90d! },
      { key: "expiring_180d", label: t("sdExp180"), get: (r) => r.expiring180d! },
    ];
    // Sorting: by a column, either way; the server's order (skill, then region) first.
    let sortKey = "";
    let descending = false;
    const sortValue = (v: Count | string): number | string =>
      typeof v === "string" ? v : v.suppressed ? 1 : Number(v.value ?? 0n);
    function ordered(): SupplyDemandRow[] {
      const rows = reply.supplyDemand.map((r, i) => ({ r, i }));
      const col = cols.find((c) => c.key === sortKey);
      if (col) {
        rows.sort((a, b) => {
          const x = sortValue(col.get(a.r));
          const y = sortValue(col.get(b.r));
          const d = x < y ? -1 : x > y ? 1 : 0;
          return (descending ? -d : d) || a.i - b.i;
        });
      }
      return rows.map((x) => x.r);
    }
    // A row as the CSV holds it: the counts as plain numbers, "< 10" when suppressed.
    const csvRow = (r: SupplyDemandRow) => [
      r.skill,
      r.regionCode,
      regionName(all, r.regionCode),
      ...cols.slice(2).map((c) => {
        const v = c.get(r) as Count;
        return v.suppressed ? `< ${minCell || 10}` : String(v.value);
      }),
    ];
    const table = h("table", { class: "sd", "data-table": "supply-demand" });
    const wrap = h("section", { class: "supply-demand", "aria-labelledby": "sd-title" });
    function render() {
      const head = h(
        "tr",
        {},
        cols.map((c) =>
          h(
            "th",
            { scope: "col", "aria-sort": sortKey === c.key ? (descending ? "descending" : "ascending") : "none", "data-col": c.key },
            h(
              "button",
              {
                type: "button",
                class: "sort",
                "data-sort": c.key,
                onclick: () => {
                  // First click: names A-Z, counts largest first; again: the other way.
                  if (sortKey === c.key) descending = !descending;
                  else (sortKey = c.key), (descending = c.key !== "skill" && c.key !== "region");
                  render();
                },
              },
              c.label,
              sortKey === c.key ? (descending ? " ▼" : " ▲") : "",
            ),
          ),
        ),
      );
      const body = h(
        "tbody",
        {},
        ordered().map((r) =>
          h(
            "tr",
            { "data-skill": r.skill, "data-region": r.regionCode },
            h("td", {}, r.skill),
            h("td", {}, `${regionName(all, r.regionCode)} (${r.regionCode})`),
            cols.slice(2).map((c) => {
              const v = c.get(r) as Count;
              return h("td", { class: v.suppressed ? "num suppressed" : "num", "data-col": c.key, "data-value": String(v.value ?? 0n), "data-suppressed": v.suppressed ? "true" : "false" }, countText(v, minCell));
            }),
          ),
        ),
      );
      set(table, h("caption", {}, t("sdCaption").replace("{date}", reply.asOf)), h("thead", {}, head), body);
    }
    render();
    const exportButton = h(
      "button",
      {
        type: "button",
        "data-export": "supply-demand-csv",
        disabled: reply.supplyDemand.length === 0,
        onclick: () =>
          download(
            `cakap-supply-demand-${reply.asOf}.csv`,
            tableCsv(["skill", "region_code", "region", ...cols.slice(2).map((c) => c.key)], ordered().map(csvRow)),
          ),
      },
      t("exportCsv"),
    );
    set(wrap,
      h("h3", { id: "sd-title" }, t("sdTitle")),
      h("p", { class: "help" }, t("sdHelp")),
      reply.supplyDemand.length === 0
        ? h("p", { "data-supply-demand": "empty" }, t("sdEmpty"))
        : [h("div", { class: "table-wrap" }, table), h("div", { class: "buttons" }, exportButton, h("span", { class: "help" }, t("sdExportHelp")))],
    );
    return wrap;
  }

  if (ran) void run();
}
