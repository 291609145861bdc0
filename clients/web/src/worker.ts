// The worker page: the record as the caller's role may see it (partners: the redacted
// record, so no NIK, no welfare decile, coordinates only at ~1 km), the certificates
// with their validity on a start date, and the open vacancies the worker fits.
import { api, callError, regionName, regions } from "./api";
import { field, fmt, h, set } from "./dom";
import { t } from "./i18n";
import { lastStartDate, scoreBars, today } from "./find";
import { EmploymentStatus, type Certificate, type Worker } from "./gen/cakap/v1/worker_pb";
import { Issuer } from "./gen/cakap/v1/common_pb";

// A certificate is valid on `date` when issued on or before it and not expired before
// it (dates are plain civil dates; an expiry date is the last valid day).
export function validOn(c: Certificate, date: string): boolean {
  if (c.issuedOn && c.issuedOn > date) return false;
  return !c.expiresOn || date <= c.expiresOn;
}

function employment(s: EmploymentStatus): string {
  switch (s) {
    case EmploymentStatus.SEEKING:
      return t("seeking");
    case EmploymentStatus.EMPLOYED:
      return t("employed");
    case EmploymentStatus.SELF_EMPLOYED:
      return t("selfEmployed");
    default:
      return t("unknown");
  }
}

export async function renderWorker(main: HTMLElement, id: string, startParam: string): Promise<void> {
  const all = await regions();
  const idInput = h("input", { type: "text", value: id, name: "worker-id" });
  const idField = field(t("workerId"), idInput, { name: "id" });
  const startInput = h("input", { type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", value: startParam || lastStartDate() || today() });
  const startField = field(t("validOn"), startInput, { name: "start" });
  const body = h("div", { class: "worker-body" });
  const form = h(
    "form",
    {
      class: "inline-form",
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        location.hash = `#/worker/${encodeURIComponent(idInput.value.trim())}?start=${encodeURIComponent(startInput.value.trim())}`;
      },
    },
    idField.wrap,
    startField.wrap,
    h("button", { type: "submit" }, t("open")),
  );
  set(main, h("h1", {}, t("workerTitle")), form, body);
  if (!id) return;
  // Validity is judged on a civil date; anything else would compare as text.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startInput.value.trim())) {
    startField.setError(`${t("validOn")}: YYYY-MM-DD`);
    return;
  }

  let worker: Worker;
  try {
    worker = (await api.workers.getWorker({ id })).worker!;
  } catch (err) {
    const e = callError(err);
    idField.setError(e.message);
    return;
  }
  const start = startInput.value.trim();
  const d = worker.domicile;
  const rows: [string, string | HTMLElement, string][] = [
    [t("name"), worker.displayName, "name"],
    [t("workerId"), worker.id, "id"],
    [t("domicile"), d?.regionCode ? `${regionName(all, d.regionCode)} (${d.regionCode})${d.kecamatan ? `, ${d.kecamatan}` : ""}` : "—", "domicile"],
  ];
  if (d?.hasCoordinates) rows.push([t("coordinates"), `${d.latitude}, ${d.longitude}`, "coordinates"]);
  rows.push([t("travel"), worker.travelKm ? `${worker.travelKm} km` : "—", "travel"]);
  rows.push([t("relocate"), worker.willingToRelocate ? t("yes") : t("no"), "relocate"]);
  rows.push([t("employment"), employment(worker.employmentStatus), "employment"]);
  if (worker.availableFrom) rows.push([t("availableFrom"), worker.availableFrom, "available"]);
  if (worker.contact && (worker.contact.phone || worker.contact.email)) {
    rows.push([t("contact"), [worker.contact.phone, worker.contact.email].filter(Boolean).join(" · "), "contact"]);
  }
  // Only what the server sent: for a partner these are never in the reply.
  if (worker.nik) rows.push([t("nik"), worker.nik, "nik"]);
  if (worker.welfareDecile) rows.push([t("welfare"), String(worker.welfareDecile), "welfare"]);
  rows.push([t("skills"), worker.skills.join(", ") || "—", "skills"]);

  const certRows = worker.certificates.map((c) => {
    const ok = validOn(c, start);
    return h(
      "tr",
      { "data-valid": String(ok) },
      h("td", {}, Issuer[c.issuer] ?? String(c.issuer)),
      h("td", {}, [c.scheme, c.issuingBody].filter(Boolean).join(" · ") || "—"),
      h("td", {}, c.skills.join(", ")),
      h("td", {}, String(c.kkniLevel || "—")),
      h("td", {}, c.issuedOn || "—"),
      h("td", {}, c.expiresOn || "—"),
      h("td", { class: ok ? "valid" : "invalid" }, ok ? `✔ ${t("valid")}` : `✘ ${t("invalid")}`),
    );
  });
  const fits = h("section", { class: "fits", "aria-label": t("fitsVacancies") }, h("h2", {}, t("fitsVacancies")));
  set(body, 
    h("dl", { class: "record" }, rows.map(([k, v, key]) => [h("dt", {}, k), h("dd", { "data-row": key }, v)])),
    h("h2", {}, `${t("certificates")} — ${t("validOn")} ${start}`),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "certs" },
        h(
          "thead",
          {},
          h("tr", {}, [t("issuer"), t("scheme"), t("skills"), t("level"), t("issuedOn"), t("expiresOn"), start].map((x) => h("th", { scope: "col" }, x))),
        ),
        h("tbody", {}, certRows),
      ),
    ),
    worker.trainings.length
      ? [h("h2", {}, t("trainings")), h("ul", {}, worker.trainings.map((tr) => h("li", {}, [tr.programme, tr.institution, tr.year || ""].filter(Boolean).join(" · "))))]
      : null,
    fits,
  );
  try {
    const r = await api.match.matchVacancies({ workerId: id, limit: 20 });
    const hits = r.result?.vacancies ?? [];
    fits.appendChild(
      hits.length === 0
        ? h("p", {}, t("noVacancies"))
        : h(
            "ol",
            { class: "vacancy-hits" },
            hits.map((v) =>
              h(
                "li",
                { "data-vacancy-id": v.vacancy?.id ?? "" },
                h("strong", {}, v.vacancy?.title || v.vacancy?.id),
                ` · ${v.vacancy?.employer ?? ""} · ${t("score")} ${fmt(v.score)}`,
                v.distanceKm >= 0 ? ` · ${fmt(v.distanceKm, 1)} km` : "",
                scoreBars(v.explanation),
              ),
            ),
          ),
    );
  } catch (err) {
    fits.appendChild(h("p", { class: "field-error", role: "alert" }, callError(err).message));
  }
}
