#!/usr/bin/env python3
"""Validate data/skills.tsv and data/regions.tsv (Python 3 standard library only).

Usage: python3 scripts/check_data.py [--skills PATH] [--regions PATH]
Prints every problem as FILE:LINE: message and exits 1 if there is any; exits 0 and
prints a one-line summary per file otherwise.
"""
import argparse
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SKILLS_HEADER = "# id\tcode\tparent\tname_id\tname_en\tkbji\tsynonyms"
REGIONS_HEADER = "# code\tlevel\tprovince_code\tname\tpopulation\tlatitude\tlongitude"

CODE_RE = re.compile(r"^[A-Z0-9]+(\.[A-Z0-9]+)?$")
ID_RE = re.compile(r"^[1-9][0-9]{0,4}$")
KBJI_RE = re.compile(r"^[0-9]{4}$")
SYN_RE = re.compile(r"^[a-z0-9]+(?:[ -][a-z0-9]+)*$")
REGION_CODE_RE = re.compile(r"^[0-9]{2}(\.[0-9]{2})?$")
COORD_RE = re.compile(r"^-?[0-9]{1,3}(\.[0-9]{1,5})?$")
LAT_RANGE = (-11.0, 6.5)
LON_RANGE = (94.0, 142.0)


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, path, lineno, msg):
        self.errors.append("%s:%s: %s" % (os.path.relpath(path), lineno, msg))


def data_lines(path, header, chk):
    """Yield (lineno, fields) for the non-comment, non-empty lines of a TSV file."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        chk.err(path, 0, "cannot read: %s" % e)
        return
    if "\r" in text:
        chk.err(path, 0, "CR characters found: use LF line endings")
    if text and not text.endswith("\n"):
        chk.err(path, 0, "file does not end with a newline")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if not lines or lines[0] != header:
        chk.err(path, 1, "first line must be the header %r" % header)
    for lineno, line in enumerate(lines, start=1):
        if lineno == 1 or line.startswith("#") or line == "":
            continue
        if line != line.strip(" "):
            chk.err(path, lineno, "leading or trailing spaces")
        yield lineno, line.split("\t")


def check_skills(path, chk):
    ids, codes, parents = {}, {}, {}
    names = {}     # lower-cased name_id / name_en -> (code, lineno)
    synonyms = {}  # synonym -> (code, lineno)
    rows = []
    for lineno, f in data_lines(path, SKILLS_HEADER, chk):
        if len(f) != 7:
            chk.err(path, lineno, "expected 7 tab-separated columns, found %d" % len(f))
            continue
        sid, code, parent, name_id, name_en, kbji, syns = f
        if not ID_RE.match(sid) or not 1 <= int(sid) <= 65535:
            chk.err(path, lineno, "id %r is not an integer in 1..65535 (no leading zeros)" % sid)
        elif sid in ids:
            chk.err(path, lineno, "id %s already used on line %d" % (sid, ids[sid]))
        else:
            ids[sid] = lineno
        if len(code) > 32 or not CODE_RE.match(code):
            chk.err(path, lineno, "code %r: use [A-Z0-9], at most one dot, at most 32 chars" % code)
        if code in codes:
            chk.err(path, lineno, "code %s already defined on line %d" % (code, codes[code]))
        else:
            codes[code] = lineno
            parents[code] = parent
        if parent:
            if parent not in parents:
                chk.err(path, lineno, "parent %r is not defined on an earlier line" % parent)
            elif parents[parent]:
                chk.err(path, lineno, "parent %s has a parent itself (only one level allowed)"
                        % parent)
            if not code.startswith(parent + ".") or code.count(".") != 1:
                chk.err(path, lineno, "code %s must be PARENT.NAME with parent %s" % (code, parent))
        elif "." in code:
            chk.err(path, lineno, "code %s has a dot but no parent" % code)
        for col, name in (("name_id", name_id), ("name_en", name_en)):
            if not name.strip() or name != name.strip():
                chk.err(path, lineno, "%s is empty or has surrounding spaces" % col)
                continue
            key = name.lower()
            other = names.get(key)
            if other and other[0] != code:
                chk.err(path, lineno, "%s %r already used by %s (line %d)"
                        % (col, name, other[0], other[1]))
            names.setdefault(key, (code, lineno))
        if kbji and not KBJI_RE.match(kbji):
            chk.err(path, lineno, "kbji %r is not a 4-digit code" % kbji)
        syn_list = syns.split("|") if syns else []
        for s in syn_list:
            if not SYN_RE.match(s):
                chk.err(path, lineno, "synonym %r: use lower-case [a-z0-9], single spaces "
                        "or hyphens between words" % s)
            elif not 1 <= len(s.split(" ")) <= 5:
                chk.err(path, lineno, "synonym %r must have 1-5 words" % s)
            other = synonyms.get(s)
            if other:
                chk.err(path, lineno, "synonym %r already maps to %s (line %d)"
                        % (s, other[0], other[1]))
            else:
                synonyms[s] = (code, lineno)
        rows.append((lineno, code, syn_list))
    # Synonyms must not equal another row's name (checked after all names are known).
    for lineno, code, syn_list in rows:
        for s in syn_list:
            other = names.get(s)
            if other and other[0] != code:
                chk.err(path, lineno, "synonym %r equals the name of %s (line %d)"
                        % (s, other[0], other[1]))
    n_children = sum(1 for p in parents.values() if p)
    return "%s: %d skills (%d families, %d specialisations), %d synonyms" % (
        os.path.relpath(path), len(codes), len(codes) - n_children, n_children, len(synonyms))


def check_regions(path, chk):
    codes = {}
    rows = []
    for lineno, f in data_lines(path, REGIONS_HEADER, chk):
        if len(f) != 7:
            chk.err(path, lineno, "expected 7 tab-separated columns, found %d" % len(f))
            continue
        code, level, prov, name, pop, lat, lon = f
        if not REGION_CODE_RE.match(code):
            chk.err(path, lineno, "code %r is not NN or NN.NN" % code)
            continue
        if code in codes:
            chk.err(path, lineno, "code %s already on line %d" % (code, codes[code]))
        codes[code] = lineno
        if level not in ("province", "kabupaten", "kota"):
            chk.err(path, lineno, "level %r is not province, kabupaten or kota" % level)
        elif (level == "province") != ("." not in code):
            chk.err(path, lineno, "level %s does not fit code %s" % (level, code))
        if prov != code.split(".")[0]:
            chk.err(path, lineno, "province_code %r does not match code %s" % (prov, code))
        if not name or name != name.strip():
            chk.err(path, lineno, "name is empty or has surrounding spaces")
        if level == "kota" and not name.startswith("Kota "):
            chk.err(path, lineno, "kota name %r does not start with 'Kota '" % name)
        if level == "kabupaten" and name.startswith("Kota "):
            chk.err(path, lineno, "kabupaten name %r starts with 'Kota '" % name)
        if not pop.isdigit():
            chk.err(path, lineno, "population %r is not a non-negative integer" % pop)
        for col, v, (lo, hi) in (("latitude", lat, LAT_RANGE), ("longitude", lon, LON_RANGE)):
            if not COORD_RE.match(v):
                chk.err(path, lineno, "%s %r is not a decimal with at most 5 decimals" % (col, v))
            elif not lo <= float(v) <= hi:
                chk.err(path, lineno, "%s %s out of range [%s, %s]" % (col, v, lo, hi))
        rows.append((lineno, code, level, prov))
    n_prov = 0
    for lineno, code, level, prov in rows:
        if level == "province":
            n_prov += 1
        elif prov not in codes or "." in prov:
            chk.err(path, lineno, "province %s of %s is not in the file" % (prov, code))
    return "%s: %d provinces, %d kabupaten/kota" % (os.path.relpath(path), n_prov,
                                                    len(rows) - n_prov)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skills", default=os.path.join(REPO_ROOT, "data", "skills.tsv"))
    ap.add_argument("--regions", default=os.path.join(REPO_ROOT, "data", "regions.tsv"))
    args = ap.parse_args()
    chk = Checker()
    summaries = [check_skills(args.skills, chk), check_regions(args.regions, chk)]
    if chk.errors:
        for e in chk.errors:
            print(e, file=sys.stderr)
        print("check_data.py: %d problem(s)" % len(chk.errors), file=sys.stderr)
        return 1
    for s in summaries:
        print("ok: " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
