#!/usr/bin/env python3
"""Turns the JSON of scripts/bench.sh into report.md and latency.svg (docs/benchmarks.md).

usage: bench_report.py OUT_DIR
Reads OUT_DIR/inprocess.json, grpc.json, transport-*.json, sweep-*.json and micro.json,
each when present (scripts/bench-cakapd.sh alone writes only grpc.json and transport-*).
Every ratio compares figures measured in the same run.
"""
import glob
import json
import os
import re
import statistics
import subprocess
import sys

CLASSES = ["local10", "local50", "regional200", "regions", "national"]
PEERS = ["floor", "xapian-plain", "sqlite", "postgres"]


def load(path):
    with open(path) as f:
        return json.load(f)


def fmt(x, digits=3):
    return "-" if x is None else f"{x:.{digits}f}"


def rows_of(run, system, variant="base", threads=1):
    return {r["class"]: r for r in run.get("latency", [])
            if r["system"] == system and r["variant"] == variant and r["threads"] == threads}


def comparison_table(run):
    cakap = rows_of(run, "cakap")
    out = ["| system | class | p50 ms | p99 ms | QPS | candidates | p99 / cakap p99 |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for system in ["cakap"] + PEERS:
        rows = rows_of(run, system)
        for cls in CLASSES:
            r = rows.get(cls)
            if r is None:
                continue
            ratio = r["p99_ms"] / cakap[cls]["p99_ms"] if cls in cakap else None
            out.append(f"| {system} | {cls} | {fmt(r['p50_ms'])} | {fmt(r['p99_ms'])} | "
                       f"{r['qps']:.0f} | {r['mean_total']:.0f} | {fmt(ratio, 2)} |")
    return out


def variants_table(run):
    out = ["| variant | threads | class | p50 ms | p99 ms | QPS |", "|---|---:|---|---:|---:|---:|"]
    for r in run.get("latency", []):
        if r["system"] == "cakap":
            out.append(f"| {r['variant']} | {r['threads']} | {r['class']} | {fmt(r['p50_ms'])} | "
                       f"{fmt(r['p99_ms'])} | {r['qps']:.0f} |")
    return out


def targets(run):
    """The issue's targets at this corpus size, each with the figure it is judged on."""
    cakap = rows_of(run, "cakap")
    checks = []
    for cls in ["local10", "local50"]:
        r = cakap.get(cls)
        if r:
            checks.append((f"{cls}: in-process p50 <= 0.3 ms", r["p50_ms"] <= 0.3, f"{r['p50_ms']:.3f} ms"))
            checks.append((f"{cls}: in-process p99 <= 2 ms", r["p99_ms"] <= 2, f"{r['p99_ms']:.3f} ms"))
    for peer, factor in [("postgres", 10), ("xapian-plain", 5)]:
        rows = rows_of(run, peer)
        for cls in ["local10", "local50"]:
            if cls in rows and cls in cakap:
                ratio = rows[cls]["p99_ms"] / cakap[cls]["p99_ms"]
                checks.append((f"{cls}: p99 >= {factor}x better than {peer}", ratio >= factor, f"{ratio:.1f}x"))
    floor = rows_of(run, "floor")
    for cls in CLASSES:
        if cls in floor and cls in cakap:
            ratio = cakap[cls]["p99_ms"] / floor[cls]["p99_ms"]
            checks.append((f"{cls}: p99 within 2x of the floor", ratio <= 2, f"{ratio:.2f}x the floor"))
    idx = run.get("indexing", {})
    if "workers_per_s" in idx:  # absent when the run reused an index
        checks.append(("bulk indexing >= 50k workers/s", idx["workers_per_s"] >= 50000,
                       f"{idx['workers_per_s']:.0f}/s"))
        checks.append(("index <= 500 B/worker after compaction", idx["compacted_bytes_per_worker"] <= 500,
                       f"{idx['compacted_bytes_per_worker']:.0f} B"))
    vis = run.get("visibility")
    if vis:
        checks.append(("update visible p99 <= 100 ms", vis["visibility"]["p99_ms"] <= 100,
                       f"{vis['visibility']['p99_ms']:.2f} ms at {vis['updates_per_s']:.0f} updates/s"))
        checks.append(("match p99 degrades <= 20% under updates", vis["p99_degradation"] <= 1.2,
                       f"x{vis['p99_degradation']:.2f}"))
    return ["| target | met | measured |", "|---|---|---|"] + [
        f"| {name} | {'yes' if ok else '**no**'} | {value} |" for name, ok, value in checks]


def grpc_section(out_dir, workers):
    path = os.path.join(out_dir, "grpc.json")
    if not os.path.exists(path):
        return []
    lines = [f"## Through gRPC: cakap-load against cakapd{workers}", "",
             "| class | concurrency | QPS | p50 ms | p99 ms | p99.9 ms | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in load(path):
        lines.append(f"| {r['class']} | {r['concurrency']} | {r['qps']:.0f} | {fmt(r['p50_ms'])} | "
                     f"{fmt(r['p99_ms'])} | {fmt(r['p999_ms'])} | {r['errors']} |")
    return lines + [""]


TRANSPORTS = ["grpc", "http-json", "http-json-tree", "http-proto", "php-http-json"]
HTTP_TARGET = 1.5  # issue 13: HTTP/JSON p50 within 1.5x of gRPC, local10 at concurrency 1


def transport_section(out_dir, workers):
    """Each transport's median over the rounds of transport-R-T.json; the ratios are of
    p50s from the same round (runs minutes apart), their median and range over rounds."""
    runs = {}  # (round, transport) -> {(class, concurrency): row}
    for path in glob.glob(os.path.join(out_dir, "transport-*.json")):
        m = re.fullmatch(r"transport-(\d+)-([a-z-]+)\.json", os.path.basename(path))
        if m and m.group(2) in TRANSPORTS:
            runs[(int(m.group(1)), m.group(2))] = {(r["class"], r["concurrency"]): r for r in load(path)}
    rounds = sorted({r for r, t in runs if all((r, x) in runs for x in TRANSPORTS)})
    if not rounds:
        return []
    keys = sorted(runs[(rounds[0], "grpc")], key=lambda k: (CLASSES.index(k[0]), k[1]))
    lines = [f"## Through HTTP/JSON: cakap-load against cakapd's HTTP port{workers}", "",
             f"Connect unary calls over HTTP/1.1 (keep-alive, one connection per client thread) "
             f"beside gRPC on the same cakapd; {len(rounds)} round(s) of grpc, http-json, "
             f"http-json-tree, http-proto in turn; medians over the rounds, ratios of p50s from "
             f"the same round (median, and range when several). http-json includes printing the "
             f"request and parsing the reply into protobuf messages (protobuf 3.21's JSON "
             f"parser) in the client; http-json-tree parses the same reply into a generic JSON "
             f"tree (nlohmann::json), as PHP's json_decode, Python's json.loads or JSON.parse "
             f"do; php-http-json is the PHP client (clients/php, curl keep-alive, json_decode) "
             f"replaying the same requests (bench/load/replay.php), concurrency 1 only.", "",
             "| class | concurrency | transport | QPS | p50 ms | p99 ms | p50 / gRPC p50 | errors |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    verdict = None
    for key in keys:
        for t in TRANSPORTS:
            rows = [runs[(r, t)].get(key) for r in rounds]
            grpc = [runs[(r, "grpc")].get(key) for r in rounds]
            if any(x is None for x in rows + grpc):
                continue
            med = {f: statistics.median(x[f] for x in rows) for f in ("qps", "p50_ms", "p99_ms")}
            ratios = sorted(x["p50_ms"] / g["p50_ms"] for x, g in zip(rows, grpc) if g["p50_ms"] > 0)
            ratio = "-"
            if t != "grpc" and ratios:
                ratio = f"{statistics.median(ratios):.2f}"
                if len(ratios) > 1:
                    ratio += f" ({ratios[0]:.2f}-{ratios[-1]:.2f})"
                if t == "php-http-json" and key == ("local10", 1):
                    verdict = statistics.median(ratios)
            lines.append(f"| {key[0]} | {key[1]} | {t} | {med['qps']:.0f} | {fmt(med['p50_ms'])} | "
                         f"{fmt(med['p99_ms'])} | {ratio} | {sum(x['errors'] for x in rows)} |")
    if verdict is not None:
        lines += ["", f"Target: HTTP/JSON p50 within {HTTP_TARGET}x of gRPC for local10 at concurrency 1, "
                      f"for a PHP portal backend (php-http-json): "
                      f"{verdict:.2f}x, {'met' if verdict <= HTTP_TARGET else '**not met**'}. "
                      f"The C++ JSON clients are the rows above it."]
    return lines + [""]


def plot(runs, out_dir):
    """p99 latency against corpus size, one line per system, local50 and national."""
    sizes = [r["workers"] for r in runs]
    if len(sizes) < 1:
        return None
    data_path = os.path.join(out_dir, "latency.dat")
    series = []
    with open(data_path, "w") as f:
        for cls in ["local50", "national"]:
            for system in ["cakap"] + PEERS:
                pts = [(r["workers"], rows_of(r, system).get(cls)) for r in runs]
                pts = [(n, row["p99_ms"]) for n, row in pts if row]
                if not pts:
                    continue
                f.write(f"# {system} {cls}\n")
                for n, p99 in pts:
                    f.write(f"{n} {p99}\n")
                f.write("\n\n")
                series.append(f"{system} {cls}")
    svg = os.path.join(out_dir, "latency.svg")
    cmds = [
        "set terminal svg size 900,560 dynamic font 'sans,11'",
        f"set output '{svg}'",
        "set logscale xy", "set xlabel 'workers'", "set ylabel 'p99 latency (ms), 1 thread'",
        "set key outside right", "set grid",
        "set title 'Match p99 against corpus size (same run, same vacancies)'",
        "plot " + ", ".join(
            f"'{data_path}' index {i} with linespoints title '{name}'" for i, name in enumerate(series)),
    ]
    try:
        subprocess.run(["gnuplot"], input="\n".join(cmds), text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"bench_report: no plot ({e})", file=sys.stderr)
        return None
    return svg


def main():
    out_dir = sys.argv[1]
    inproc_path = os.path.join(out_dir, "inprocess.json")
    inproc = load(inproc_path) if os.path.exists(inproc_path) else {"runs": []}
    lines = [f"# cakap benchmark report", ""]
    if "meta" in inproc:
        meta = inproc["meta"]
        m = meta["machine"]
        lines += [f"- date: {meta['date']}",
                  f"- machine: {m['nproc']} cores, {m['cpu']}, {m['memory_gib']:.1f} GiB",
                  f"- command: `{meta['command']}`",
                  f"- vacancies: {meta['vacancies_per_class']} per class, {meta['queries_per_class']} timed "
                  f"queries per class and system, page size {meta['page_size']}", ""]
    for run in inproc["runs"]:
        n = run["workers"]
        lines += [f"## {n:,} workers", "", "### Match latency, one thread, warm", ""]
        lines += comparison_table(run) + [""]
        lines += ["### Targets", ""] + targets(run) + [""]
        idx = run["indexing"]
        if "workers_per_s" not in idx:
            idx = {"workers_per_s": float("nan"), "bytes_per_worker": float("nan"),
                   "compacted_bytes_per_worker": float("nan")}
        lines += ["### Indexing and size", "",
                  "| system | workers/s | bytes/worker | after compaction |", "|---|---:|---:|---:|",
                  f"| cakap | {idx['workers_per_s']:.0f} | {idx['bytes_per_worker']:.0f} | "
                  f"{idx['compacted_bytes_per_worker']:.0f} |"]
        for p in run.get("peers_load", []):
            lines.append(f"| {p['system']} | {p['workers_per_s']:.0f} | {p['bytes_per_worker']:.0f} | - |")
        lines += ["", "### Same question: candidate sets compared with cakap", "",
                  "| system | vacancies | full sets compared | mismatches |", "|---|---:|---:|---:|"]
        for v in run.get("verification", []):
            lines.append(f"| {v['system']} | {v['vacancies']} | {v['full_sets']} | {v['mismatches']} |")
        vis = run.get("visibility")
        if vis:
            lines += ["", "### Update visibility", "",
                      f"- {vis['updates_per_s']:.0f} updates/s (offered {vis['offered_updates_per_s']}); "
                      f"upsert acknowledged p50 {vis['upsert_ack']['p50_ms']:.2f} ms, p99 "
                      f"{vis['upsert_ack']['p99_ms']:.2f} ms",
                      f"- visible to a match after the acknowledgement: p50 {vis['visibility']['p50_ms']:.2f} ms, "
                      f"p99 {vis['visibility']['p99_ms']:.2f} ms",
                      f"- local50 match p99 {vis['match_alone']['p99_ms']:.3f} ms alone, "
                      f"{vis['match_under_updates']['p99_ms']:.3f} ms under updates (x{vis['p99_degradation']:.2f})"]
        lines += ["", "### cakap variants (threads, facets, near misses)", ""] + variants_table(run) + [""]
    workers = f" ({inproc['runs'][-1]['workers']:,} workers)" if inproc["runs"] else ""
    lines += grpc_section(out_dir, workers)
    lines += transport_section(out_dir, workers)
    for path in sorted(glob.glob(os.path.join(out_dir, "sweep-*.json"))):
        sweep = load(path)["sweep"]
        lines += [f"## Sweep: {sweep['option']} at {sweep['workers']:,} workers", "",
                  "| value | " + " | ".join(f"{c} p50 / p99 ms" for c in CLASSES) +
                  " | workers/s | B/worker compacted | visible p99 ms | ack p99 ms | match p99 x |",
                  "|---|" + "---:|" * (len(CLASSES) + 5)]
        for row in sweep["rows"]:
            lat = rows_of(row, "cakap")
            vis = row.get("visibility", {})
            idx = row["indexing"]  # without rates when the sweep reused an index
            rate = f"{idx['workers_per_s']:.0f}" if "workers_per_s" in idx else "-"
            size = f"{idx['compacted_bytes_per_worker']:.0f}" if "workers_per_s" in idx else "-"
            lines.append(f"| {row['value']} | " +
                         " | ".join(f"{fmt(lat[c]['p50_ms'])} / {fmt(lat[c]['p99_ms'])}" if c in lat else "-"
                                    for c in CLASSES) +
                         f" | {rate} | {size} | "
                         f"{fmt(vis.get('visibility', {}).get('p99_ms'), 2)} | {fmt(vis.get('upsert_ack', {}).get('p99_ms'), 2)} | "
                         f"{fmt(vis.get('p99_degradation'), 2)} |")
        lines.append("")
    svg = plot(inproc["runs"], out_dir)
    if svg:
        lines += ["## Plot", "", f"![p99 latency against corpus size]({os.path.basename(svg)})", ""]
    with open(os.path.join(out_dir, "report.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
