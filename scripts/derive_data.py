#!/usr/bin/env python3
"""Derive data/regions.tsv from the reference CSV of Kemendagri regions.

Usage: python3 scripts/derive_data.py [SOURCE] [--out PATH]

SOURCE is either the directory holding regions_kabkota_kemendagri2025.csv or the
CSV itself; default: ../shared/data relative to the repository root.
Output defaults to data/regions.tsv in the repository root.
Python 3 standard library only. The output is deterministic (same input, same bytes).
"""
import argparse
import csv
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSV_NAME = "regions_kabkota_kemendagri2025.csv"
HEADER = "# code\tlevel\tprovince_code\tname\tpopulation\tlatitude\tlongitude"
LAT_RANGE = (-11.0, 6.5)
LON_RANGE = (94.0, 142.0)
LEVELS = {"provinsi": "province", "kabupaten": "kabupaten", "kota": "kota"}


def fail(msg):
    sys.exit("derive_data.py: error: " + msg)


def warn(msg):
    print("derive_data.py: warning: " + msg, file=sys.stderr)


def fmt_coord(x):
    s = "%.5f" % x
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def code_key(code):
    return tuple(int(p) for p in code.split("."))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?",
                    default=os.path.join(REPO_ROOT, "..", "shared", "data"),
                    help="directory holding %s, or the CSV file" % CSV_NAME)
    ap.add_argument("--out", default=os.path.join(REPO_ROOT, "data", "regions.tsv"))
    args = ap.parse_args()

    src = args.source
    if os.path.isdir(src):
        src = os.path.join(src, CSV_NAME)
    if not os.path.isfile(src):
        fail("source CSV not found: %s" % src)

    rows = {}
    with open(src, encoding="utf-8", newline="") as f:
        for lineno, r in enumerate(csv.DictReader(f), start=2):
            code = r["kode_kemendagri"].strip()
            where = "%s:%d (%s)" % (os.path.basename(src), lineno, code)
            level = LEVELS.get(r["level"].strip())
            if level is None:
                fail("%s: unknown level %r" % (where, r["level"]))
            name = " ".join(r["nama"].split())
            if not name or any(c in name for c in "\t\r\n"):
                fail("%s: bad name %r" % (where, r["nama"]))
            prov = r["kode_prov"].strip()
            parts = code.split(".")
            if not all(p.isdigit() and len(p) == 2 for p in parts) or len(parts) > 2:
                fail("%s: bad code" % where)
            if parts[0] != prov:
                fail("%s: code does not start with province code %s" % (where, prov))
            if (level == "province") != (len(parts) == 1):
                fail("%s: level %s does not fit code" % (where, level))
            if level != "province" and (level == "kota") != name.startswith("Kota "):
                fail("%s: level %s disagrees with name %r" % (where, level, name))
            try:
                pop = int(r["penduduk_total"])
            except ValueError:
                fail("%s: bad population %r" % (where, r["penduduk_total"]))
            lat = lon = None
            if r["latitude"].strip() and r["longitude"].strip():
                lat, lon = float(r["latitude"]), float(r["longitude"])
            elif r["latitude"].strip() or r["longitude"].strip():
                fail("%s: only one of latitude/longitude" % where)
            if code in rows:
                fail("%s: duplicate code" % where)
            rows[code] = dict(code=code, level=level, prov=prov, name=name,
                              pop=pop, lat=lat, lon=lon)

    provinces = {c for c, r in rows.items() if r["level"] == "province"}
    for r in rows.values():
        if r["prov"] not in provinces:
            fail("%s: province %s missing" % (r["code"], r["prov"]))

    # Provinces without a point: population-weighted mean of their kab/kota points.
    imputed_prov = []
    for pc in sorted(provinces, key=code_key):
        p = rows[pc]
        if p["lat"] is not None:
            continue
        kids = [r for r in rows.values() if r["level"] != "province"
                and r["prov"] == pc and r["lat"] is not None]
        w = sum(r["pop"] for r in kids)
        if not kids or w <= 0:
            fail("province %s (%s) has no point and no kabupaten/kota points" % (pc, p["name"]))
        p["lat"] = sum(r["lat"] * r["pop"] for r in kids) / w
        p["lon"] = sum(r["lon"] * r["pop"] for r in kids) / w
        imputed_prov.append(pc)

    # Kab/kota without a point: take the province's point (after imputation above).
    imputed_kab = []
    for c in sorted(rows, key=code_key):
        r = rows[c]
        if r["lat"] is None:
            p = rows[r["prov"]]
            r["lat"], r["lon"] = p["lat"], p["lon"]
            imputed_kab.append(c)
            warn("%s %s has no point; using its province's point" % (c, r["name"]))

    for c, r in rows.items():
        if not (LAT_RANGE[0] <= r["lat"] <= LAT_RANGE[1]):
            fail("%s: latitude %s out of range %s" % (c, r["lat"], LAT_RANGE))
        if not (LON_RANGE[0] <= r["lon"] <= LON_RANGE[1]):
            fail("%s: longitude %s out of range %s" % (c, r["lon"], LON_RANGE))

    comment = ("# derived by scripts/derive_data.py from %s: codes, names and population "
               "from github cahyadsn/wilayah @ b7ad440a (MIT), latitude/longitude from "
               "github D1msky/nusantara-shipping @ 27c37ded (MIT), joined on names" % CSV_NAME)
    if imputed_prov:
        comment += ("; provinces %s have no point in the source: their latitude/longitude is "
                    "the population-weighted mean of their kabupaten/kota points"
                    % ",".join(imputed_prov))
    if imputed_kab:
        comment += ("; kabupaten/kota %s have no point in the source: they use their "
                    "province's point" % ",".join(imputed_kab))

    out_lines = [HEADER, comment]
    for c in sorted(rows, key=code_key):
        r = rows[c]
        out_lines.append("\t".join([c, r["level"], r["prov"], r["name"], str(r["pop"]),
                                    fmt_coord(r["lat"]), fmt_coord(r["lon"])]))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out_lines) + "\n")
    os.replace(tmp, args.out)

    n_prov = len(provinces)
    print("derive_data.py: wrote %s: %d provinces + %d kabupaten/kota; "
          "%d province points imputed, %d kabupaten/kota points imputed"
          % (os.path.relpath(args.out), n_prov, len(rows) - n_prov,
             len(imputed_prov), len(imputed_kab)))


if __name__ == "__main__":
    main()
