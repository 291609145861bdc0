// CSV exports (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the Indonesian
// names right). The shortlist: one row per candidate, in ranking order, with the score
// and its components exactly as the server sent them.
import type { Candidate } from "./gen/cakap/v1/match_pb";
import type { RegionEntry } from "./gen/cakap/v1/lexicon_pb";

const COMPONENTS = ["preferred_skills", "certificate", "distance", "welfare"];

function cell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Candidate[], regions: RegionEntry[]): string {
  const header = ["rank", "worker_id", "display_name", "score", "distance_km", "region_code", "region", ...COMPONENTS, "explanation"];
  const lines = [header.join(",")];
  rows.forEach((c, i) => {
    const w = c.worker!;
    const code = w.domicile?.regionCode ?? "";
    const byName = new Map(c.explanation.map((e) => [e.name, e]));
    lines.push(
      [
        i + 1,
        w.id,
        w.displayName,
        c.score,
        c.distanceKm,
        code,
        regions.find((r) => r.code === code)?.name ?? "",
        ...COMPONENTS.map((n) => byName.get(n)?.value ?? ""),
        c.explanation.map((e) => `${e.name}: ${e.detail}`).join("; "),
      ]
        .map(cell)
        .join(","),
    );
  });
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

// Any table as CSV in the same form (RFC 4180, UTF-8 with a BOM, CRLF): the header, then
// one line per row, the cells as given.
export function tableCsv(header: string[], rows: (string | number)[][]): string {
  return "\ufeff" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
