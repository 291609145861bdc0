// Find candidates: the vacancy form (skills with autocomplete, issuers, KKNI, place by
// kabupaten/kota or map click, radius circle, start date, include employed), the ranked
// list with score bars and explanations, facets as filters, near misses, paging, the
// shortlist and its CSV export. Every figure shown is the server's (MatchCandidates).
import { create } from "@bufbuild/protobuf";
import { api, callError, regionName, regions } from "./api";
import { field, fmt, h, set } from "./dom";
import { label, t } from "./i18n";
import { ConsoleMap, type MapPoint } from "./map";
import { skillInput } from "./skills";
import { toCsv, download } from "./csv";
import { Issuer } from "./gen/cakap/v1/common_pb";
import { VacancySchema, type Vacancy } from "./gen/cakap/v1/vacancy_pb";
import type { Candidate, MatchResult, ScoreComponent } from "./gen/cakap/v1/match_pb";
import type { RegionEntry } from "./gen/cakap/v1/lexicon_pb";
import type { Worker } from "./gen/cakap/v1/worker_pb";

const PAGE_SIZES = [5, 10, 20, 50, 100];
const EXPORT_PAGE = 200;
const EXPORT_MAX = 5000;
const ISSUERS: [Issuer, string][] = [
  [Issuer.BNSP, "BNSP"],
  [Issuer.KEMNAKER, "KEMNAKER"],
  [Issuer.OTHER, "OTHER"],
];

interface Filters {
  issuer?: Issuer;
  region?: string;
  kkni?: number;
}

// What the page remembers while the user moves between pages of the console.
const state: {
  form?: { pageSize: number; required: string[]; preferred: string[]; issuers: Issuer[]; kkni: number; region: string; point?: [number, number]; radius: number; start: string; employed: boolean };
  vacancyId?: string;
} = {};

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function lastStartDate(): string {
  return state.form?.start ?? "";
}

// Opens the page matching a stored vacancy (from the Vacancies page).
export function matchStoredVacancy(id: string): void {
  state.vacancyId = id;
  location.hash = "#/find";
}

export function workerPoint(w: Worker | undefined, all: RegionEntry[]): [number, number] | null {
  const d = w?.domicile;
  if (!d) return null;
  if (d.hasCoordinates) return [d.latitude, d.longitude];
  const r = all.find((x) => x.code === d.regionCode);
  return r ? [r.latitude, r.longitude] : null;
}

// The kabupaten/kota select, grouped by province; with `provinces`, each group starts
// with its whole province (a slice of the figures may name a province code).
export function regionSelect(all: RegionEntry[], name: string, empty: string, provinces = false): HTMLSelectElement {
  const select = h("select", { name }, h("option", { value: "" }, empty));
  for (const p of all.filter((r) => r.level === "province")) {
    const group = h("optgroup", { label: p.name });
    if (provinces) group.appendChild(h("option", { value: p.code }, `${p.name} (${p.code}) — ${t("wholeProvince")}`));
    for (const r of all.filter((x) => x.provinceCode === p.code && x.level !== "province")) {
      group.appendChild(h("option", { value: r.code }, `${r.name} (${r.code})`));
    }
    select.appendChild(group);
  }
  return select;
}

export function scoreBars(components: ScoreComponent[]): HTMLElement {
  return h(
    "ul",
    { class: "bars", "aria-label": t("explanation") },
    components.map((c) =>
      h(
        "li",
        { "data-component": c.name },
        h("span", { class: "bar-name" }, label(c.name)),
        h(
          "span",
          { class: "bar-track", role: "img", "aria-label": `${label(c.name)} ${fmt(c.value)}` },
          h("span", { class: "bar-fill", style: `width:${Math.max(0, Math.min(1, c.value)) * 100}%` }),
        ),
        h("span", { class: "bar-value" }, fmt(c.value)),
        h("span", { class: "bar-detail" }, c.detail),
      ),
    ),
  );
}

export async function renderFind(main: HTMLElement): Promise<void> {
  const all = await regions();
  const saved = state.form;

  // --- the form -------------------------------------------------------------------
  const required = skillInput("required");
  const preferred = skillInput("preferred");
  required.set(saved?.required ?? []);
  preferred.set(saved?.preferred ?? []);
  const issuerBoxes = ISSUERS.map(([value, name]) => {
    const box = h("input", { type: "checkbox", value: String(value), checked: saved?.issuers.includes(value) ?? false, "data-issuer": name });
    return { value, box, label: h("label", { class: "inline" }, box, ` ${name}`) };
  });
  const issuerGroup = h("fieldset", { class: "issuers" }, h("legend", {}, t("issuers")), issuerBoxes.map((b) => b.label));
  const issuerError = h("p", { class: "field-error", role: "alert", "data-field-error": "issuers" });
  const kkni = h(
    "select",
    { name: "kkni" },
    h("option", { value: "0" }, t("noMinimum")),
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h("option", { value: String(n) }, String(n))),
  );
  kkni.value = String(saved?.kkni ?? 0);
  const region = regionSelect(all, "region", t("chooseRegion"));
  region.value = saved?.region ?? "";
  let point: [number, number] | undefined = saved?.point;
  const pointText = h("p", { class: "help", "aria-live": "polite" });
  const radius = h("input", { type: "range", min: "0", max: "500", step: "5", value: String(saved?.radius ?? 50), name: "radius" });
  const radiusOut = h("output", { for: "" }, `${radius.value} km`);
  const start = h("input", { type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", value: saved?.start ?? today(), name: "start" });
  const employed = h("input", { type: "checkbox", checked: saved?.employed ?? false, name: "employed" });
  const pageSize = h("select", { name: "page-size" }, PAGE_SIZES.map((n) => h("option", { value: String(n) }, String(n))));
  pageSize.value = String(saved?.pageSize ?? 20);

  const fields = {
    required: field(t("requiredSkills"), required.root, { name: "required_skills", help: t("skillsHelp") }),
    preferred: field(t("preferredSkills"), preferred.root, { name: "preferred_skills" }),
    kkni: field(t("minKkni"), kkni, { name: "min_kkni_level" }),
    region: field(t("region"), region, { name: "location", help: t("mapClickHelp") }),
    radius: field(t("radius"), h("div", { class: "range" }, radius, radiusOut), { name: "radius_km" }),
    start: field(t("start"), start, { name: "start_date" }),
    pageSize: field(t("perPage"), pageSize, { name: "page_size" }),
  };
  // Labels point at the text inputs inside the composite controls.
  for (const [f, input] of [
    [fields.required, required.input],
    [fields.preferred, preferred.input],
    [fields.radius, radius],
  ] as const) {
    input.id = `${f.wrap.querySelector("label")!.htmlFor}-input`;
    f.wrap.querySelector("label")!.htmlFor = input.id;
    input.setAttribute("aria-describedby", f.error.id);
  }
  radiusOut.setAttribute("for", radius.id);
  fields.region.wrap.appendChild(pointText);
  const searchButton = h("button", { type: "submit", class: "primary" }, t("search"));
  const form = h(
    "form",
    { class: "search-form", novalidate: true, "aria-label": t("navFind") },
    fields.required.wrap,
    fields.preferred.wrap,
    issuerGroup,
    issuerError,
    fields.kkni.wrap,
    fields.region.wrap,
    fields.radius.wrap,
    fields.start.wrap,
    h("div", { class: "field" }, h("label", { class: "inline" }, employed, ` ${t("includeEmployed")}`)),
    fields.pageSize.wrap,
    searchButton,
  );

  // --- results area -------------------------------------------------------------------
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const mapEl = h("div", { class: "map", role: "region", "aria-label": t("map") });
  const mapNote = h("p", { class: "help map-note" });
  const filtersEl = h("div", { class: "filters", "aria-label": t("activeFilters") });
  const facetsEl = h("section", { class: "facets", "aria-label": t("facets") });
  const listEl = h("section", { class: "results", "aria-label": t("results") });
  const pagerEl = h("nav", { class: "pager", "aria-label": t("page") });
  const nearEl = h("section", { class: "near-misses", "aria-label": t("nearMisses") });
  const shortlistEl = h("section", { class: "shortlist", "aria-label": t("shortlist") });

  set(main, 
    h("h1", {}, t("navFind")),
    h(
      "div",
      { class: "find-layout" },
      h("div", { class: "find-form" }, form),
      h("div", { class: "find-map" }, mapEl, mapNote),
      h("div", { class: "find-results" }, status, filtersEl, facetsEl, listEl, pagerEl, shortlistEl, nearEl),
    ),
  );

  const map = new ConsoleMap(mapEl, mapNote, all, {
    region(code) {
      region.value = code;
      point = undefined;
      showPlace();
    },
    point(lat, lng) {
      point = [Math.round(lat * 1e4) / 1e4, Math.round(lng * 1e4) / 1e4];
      region.value = "";
      showPlace();
    },
  });

  function centre(): [number, number] | null {
    if (point) return point;
    const r = all.find((x) => x.code === region.value);
    return r ? [r.latitude, r.longitude] : null;
  }
  function showPlace() {
    pointText.textContent = point ? `${t("pickedPoint")}: ${point[0]}, ${point[1]}` : "";
    radiusOut.textContent = `${radius.value} km`;
    const c = centre();
    if (c) map.showSearch(c[0], c[1], Number(radius.value));
  }
  region.addEventListener("change", () => {
    point = undefined;
    showPlace();
  });
  radius.addEventListener("input", showPlace);
  showPlace();

  // --- searching ----------------------------------------------------------------------
  let filters: Filters = {};
  let tokens: string[] = [""]; // tokens[i]: the token of page i+1
  let pageIndex = 0;
  let size = Number(pageSize.value);
  let lastVacancy: Vacancy | null = null;
  let lastVacancyId: string | undefined = state.vacancyId;
  state.vacancyId = undefined;
  const shortlist = new Map<string, Candidate>();

  function vacancyFromForm(): Vacancy {
    const c = point;
    const issuers = issuerBoxes.filter((b) => b.box.checked).map((b) => b.value);
    return create(VacancySchema, {
      requiredSkills: required.values(),
      preferredSkills: preferred.values(),
      acceptedIssuers: filters.issuer !== undefined ? [filters.issuer] : issuers,
      minKkniLevel: Math.max(Number(kkni.value), filters.kkni ?? 0),
      location: c
        ? { latitude: c[0], longitude: c[1], hasCoordinates: true }
        : region.value
          ? { regionCode: region.value }
          : undefined,
      radiusKm: Number(radius.value),
      regionCodes: filters.region ? [filters.region] : [],
      startDate: start.value.trim(),
      includeEmployed: employed.checked,
    });
  }

  function clearErrors() {
    for (const f of Object.values(fields)) f.setError("");
    issuerError.textContent = "";
  }

  // The server's message goes next to the field its path names.
  function showError(err: unknown) {
    const e = callError(err);
    const path = e.field.replace(/^vacancy\./, "");
    const target = path.startsWith("required_skills")
      ? fields.required
      : path.startsWith("preferred_skills")
        ? fields.preferred
        : path.startsWith("min_kkni_level")
          ? fields.kkni
          : path.startsWith("location") || path.startsWith("region_codes")
            ? fields.region
            : path.startsWith("radius_km")
              ? fields.radius
              : path.startsWith("start_date")
                ? fields.start
                : e.field.startsWith("options.page_size")
                  ? fields.pageSize
                  : null;
    if (target) {
      target.setError(e.message);
    } else if (path.startsWith("accepted_issuers")) {
      issuerError.textContent = e.message;
    }
    status.textContent = `${t("error")}: ${e.message}`;
    status.classList.add("error");
  }

  // The map zooms to the circle on a new search, not on every page or filter.
  let refit = false;
  // Only the latest search's reply is shown: one still in flight when the user changed
  // a filter again must not overwrite the newer answer.
  let latest = 0;
  async function run(page: number) {
    const mine = ++latest;
    clearErrors();
    status.classList.remove("error");
    status.textContent = t("searching");
    searchButton.disabled = true;
    try {
      const options = { pageSize: size, pageToken: tokens[page] ?? "", facets: true, nearMissLimit: 5 };
      const reply = lastVacancyId
        ? await api.match.matchCandidates({ source: { case: "vacancyId", value: lastVacancyId }, options })
        : await api.match.matchCandidates({ source: { case: "vacancy", value: lastVacancy! }, options });
      if (mine !== latest) return;
      pageIndex = page;
      if (reply.result?.nextPageToken) tokens[page + 1] = reply.result.nextPageToken;
      else tokens = tokens.slice(0, page + 1);
      show(reply.result!);
      if (page === 0 && !refit) {
        refit = true;
        map.fitSearch();
      }
    } catch (err) {
      if (mine === latest) showError(err);
    } finally {
      if (mine === latest) searchButton.disabled = false;
    }
  }

  function newSearch(fit = true) {
    size = Number(pageSize.value);
    state.form = {
      pageSize: size,
      required: required.values(),
      preferred: preferred.values(),
      issuers: issuerBoxes.filter((b) => b.box.checked).map((b) => b.value),
      kkni: Number(kkni.value),
      region: region.value,
      point,
      radius: Number(radius.value),
      start: start.value.trim(),
      employed: employed.checked,
    };
    lastVacancyId = undefined;
    lastVacancy = vacancyFromForm();
    refit = !fit;
    tokens = [""];
    shortlist.clear();
    renderShortlist();
    return run(0);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void newSearch();
  });

  function applyFilter(next: Filters) {
    filters = next;
    renderFilters();
    void newSearch(false);
  }

  function renderFilters() {
    const chips: HTMLElement[] = [];
    const chip = (text: string, drop: keyof Filters) =>
      h("button", { type: "button", class: "chip filter", "aria-label": `${t("removeFilter")}: ${text}`, onclick: () => applyFilter({ ...filters, [drop]: undefined }) }, `${text} ×`);
    if (filters.issuer !== undefined) chips.push(chip(`${t("facetIssuer")}: ${Issuer[filters.issuer]}`, "issuer"));
    if (filters.region) chips.push(chip(`${t("facetRegion")}: ${regionName(all, filters.region)}`, "region"));
    if (filters.kkni) chips.push(chip(`KKNI ≥ ${filters.kkni}`, "kkni"));
    set(filtersEl, ...(chips.length ? [h("span", {}, `${t("activeFilters")}: `), ...chips] : []));
  }

  function show(result: MatchResult) {
    const rv = result.resolvedVacancy;
    status.textContent = `${result.total} ${t("total")}`;
    if (rv?.location) {
      map.showSearch(rv.location.latitude, rv.location.longitude, rv.radiusKm);
    }
    const resolved = rv ? [...rv.requiredSkills, ...rv.preferredSkills].join(", ") : "";
    // Facets.
    const facetGroup = (title: string, values: { value: string; label: string; count: bigint }[], pick: (v: string) => Filters | null) =>
      h(
        "div",
        { class: "facet-group" },
        h("h3", {}, title),
        h(
          "ul",
          {},
          values.map((v) => {
            // A stored vacancy is matched by its id as stored: its facets are counts only
            // (filters refine searches made with the form).
            const next = lastVacancyId ? null : pick(v.value);
            return h(
              "li",
              {},
              h(
                "button",
                { type: "button", class: "facet", disabled: next === null, "data-facet": `${title}:${v.value}`, onclick: () => next && applyFilter(next) },
                `${v.label || v.value || "—"} `,
                h("span", { class: "count" }, String(v.count)),
              ),
            );
          }),
        ),
      );
    const f = result.facets;
    set(facetsEl, 
      h("h2", {}, t("facets")),
      resolved ? h("p", { class: "help" }, `${t("resolved")}: ${resolved}`) : null,
      f
        ? [
            facetGroup(t("facetIssuer"), f.issuer, (v) => {
              // Facet values are issuer names ("BNSP"), as match.proto says.
              const issuer = ISSUERS.find(([, name]) => name === v)?.[0];
              return issuer === undefined ? null : { ...filters, issuer };
            }),
            facetGroup(t("facetRegion"), f.region, (v) => (v ? { ...filters, region: v } : null)),
            facetGroup(t("facetKkni"), f.kkniLevel, (v) => (Number(v) > 0 ? { ...filters, kkni: Number(v) } : null)),
          ]
        : null,
    );
    // Candidates.
    const first = pageIndex * size + 1;
    set(listEl, 
      h("h2", {}, `${t("results")} (${result.total})`),
      result.candidates.length === 0
        ? h("p", {}, t("noResults"))
        : h("ol", { start: String(first), class: "candidates" }, result.candidates.map((c, i) => candidateItem(c, first + i))),
    );
    // Map.
    const points: MapPoint[] = [];
    for (const c of result.candidates) {
      const p = workerPoint(c.worker, all);
      if (p) points.push({ lat: p[0], lng: p[1], id: c.worker!.id, label: `${c.worker!.displayName || c.worker!.id} · ${fmt(c.score)}` });
    }
    map.showPeople(points, (id) => (location.hash = workerHash(id)));
    // Pager.
    const hasNext = tokens.length > pageIndex + 1;
    set(pagerEl, 
      h("button", { type: "button", disabled: pageIndex === 0, onclick: () => run(pageIndex - 1), "data-pager": "prev" }, `← ${t("prev")}`),
      h("span", { "aria-current": "page", "data-page": String(pageIndex + 1) }, `${t("page")} ${pageIndex + 1}`),
      h("button", { type: "button", disabled: !hasNext, onclick: () => run(pageIndex + 1), "data-pager": "next" }, `${t("next")} →`),
    );
    // Near misses.
    set(nearEl, 
      h("h2", {}, t("nearMisses")),
      h("p", { class: "help" }, t("nearMissHelp")),
      result.nearMisses.map((n) =>
        h(
          "details",
          { class: "near-miss", "data-near-miss": n.candidate?.worker?.id ?? "" },
          h("summary", {}, `${n.candidate?.worker?.displayName || n.candidate?.worker?.id} — ${label(n.constraint)}`),
          h(
            "dl",
            {},
            h("dt", {}, t("failed")),
            h("dd", { "data-reason": "" }, `${label(n.constraint)}: ${n.reason}`),
            h("dt", {}, t("wouldScore")),
            h("dd", {}, fmt(n.candidate?.score ?? 0)),
          ),
          scoreBars(n.candidate?.explanation ?? []),
          h("a", { href: workerHash(n.candidate?.worker?.id ?? "") }, t("openWorker")),
        ),
      ),
    );
    renderShortlist();
  }

  function workerHash(id: string): string {
    return `#/worker/${encodeURIComponent(id)}?start=${encodeURIComponent(lastVacancy?.startDate || state.form?.start || "")}`;
  }

  function candidateItem(c: Candidate, rank: number): HTMLElement {
    const w = c.worker!;
    const box = h("input", {
      type: "checkbox",
      checked: shortlist.has(w.id),
      "aria-label": `${t("addShortlist")}: ${w.displayName || w.id}`,
      onchange: (e: Event) => {
        if ((e.target as HTMLInputElement).checked) shortlist.set(w.id, c);
        else shortlist.delete(w.id);
        renderShortlist();
      },
    });
    return h(
      "li",
      { class: "candidate", "data-worker-id": w.id, "data-score": String(c.score), "data-region": w.domicile?.regionCode ?? "", "data-rank": String(rank) },
      h(
        "div",
        { class: "candidate-head" },
        box,
        h("a", { href: workerHash(w.id), class: "name" }, w.displayName || w.id),
        h("span", { class: "id" }, w.id),
        h("span", { class: "score", title: t("score") }, `${t("score")} ${fmt(c.score)}`),
        c.distanceKm >= 0 ? h("span", { class: "distance" }, `${fmt(c.distanceKm, 1)} km`) : null,
        h("span", { class: "region" }, regionName(all, w.domicile?.regionCode ?? "")),
      ),
      scoreBars(c.explanation),
    );
  }

  function renderShortlist() {
    set(shortlistEl, 
      h("h2", {}, `${t("shortlist")} (${shortlist.size})`),
      h("p", { class: "help" }, t("exportHelp")),
      h("button", { type: "button", "data-export": "csv", disabled: !lastVacancy && !lastVacancyId, onclick: () => void exportCsv() }, t("exportCsv")),
    );
  }

  async function exportCsv() {
    let rows: Candidate[] = [...shortlist.values()];
    if (rows.length === 0) {
      let token = "";
      do {
        const options = { pageSize: EXPORT_PAGE, pageToken: token };
        const reply = lastVacancyId
          ? await api.match.matchCandidates({ source: { case: "vacancyId", value: lastVacancyId }, options })
          : await api.match.matchCandidates({ source: { case: "vacancy", value: lastVacancy! }, options });
        rows.push(...reply.result!.candidates);
        token = reply.result!.nextPageToken;
      } while (token && rows.length < EXPORT_MAX);
    }
    rows = rows.slice(0, EXPORT_MAX);
    rows.sort((a, b) => b.score - a.score || (a.worker!.id < b.worker!.id ? -1 : 1));
    download("cakap-shortlist.csv", toCsv(rows, all));
  }

  if (lastVacancyId) {
    tokens = [""];
    status.textContent = `${t("vacancyId")}: ${lastVacancyId}`;
    void run(0);
  }
}
