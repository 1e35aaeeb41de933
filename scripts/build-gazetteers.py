#!/usr/bin/env python3
"""Regenerates the ISO-derived gazetteers in Sources/EntityStage/Resources/gazetteers/.

Source: Debian's iso-codes package (`apt-get install -y iso-codes`), files
/usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json (LGPL-2.1-or-later).
Output is sorted and deterministic. The hand-written lists (countries-extra.tsv,
demonyms.tsv, orgs.tsv, places.tsv, heads.tsv) are not touched.
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Sources/EntityStage/Resources/gazetteers")
ISO = "/usr/share/iso-codes/json"

def main():
    c1 = json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]
    rows = set()
    for c in c1:
        canonical = c.get("common_name") or c["name"]
        for key in ("name", "common_name", "official_name"):
            if key in c and "," not in c[key]:
                rows.add((c[key], c["alpha_3"], canonical))
    with open(os.path.join(OUT, "countries.tsv"), "w") as f:
        f.write("# name\tiso3\tcanonical  (source: Debian iso-codes, ISO 3166-1; LGPL-2.1+)\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    c2 = json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]
    keep = {"US": "state", "CA": "province", "AU": "state", "CN": "province", "IN": "state", "DE": "land",
            "JP": "prefecture", "KR": "province", "KP": "province", "MX": "state", "BR": "state"}
    subs = set()
    for s in c2:
        cc = s["code"][:2]
        if cc in keep and s["type"].lower() in ("state", "province", "land", "prefecture", "metropolitan city",
                                               "special city", "capital city", "autonomous region", "municipality",
                                               "special self-governing province", "special self-governing city",
                                               "district", "federal district", "territory"):
            name = s["name"].split(" (")[0]
            if "," in name or len(name) < 3:
                continue
            subs.add((name, s["code"]))
    with open(os.path.join(OUT, "subdivisions.tsv"), "w") as f:
        f.write("# name\tiso3166-2  (source: Debian iso-codes, ISO 3166-2, selected countries; LGPL-2.1+)\n")
        for r in sorted(subs):
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} country names, {len(subs)} subdivisions", file=sys.stderr)

if __name__ == "__main__":
    main()
