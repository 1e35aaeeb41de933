#!/usr/bin/env bash
# Integration test: docpipe stream mode under Apache Spark (local mode, RDD.pipe, checkCode=True)
# over the 300-file UN subset of ../shared/corpus/bench plus one injected bad record. Checks that
# every record comes back exactly once, in order, and that the results equal a local
# `docpipe filter` run (error records compared without their partition-relative "id"/"line").
#   scripts/scale-out/test-spark.sh        (installs pyspark with pip when missing; needs Java)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench="$root/../shared/corpus/bench/ungdc"
[ -d "$bench" ] || { echo "skipped: $bench not found"; exit 0; }
command -v java >/dev/null || { echo "skipped: no java (apt-get install default-jre-headless)"; exit 0; }
python3 -c "import pyspark" 2>/dev/null || pip install -q pyspark
swift build -c release --product docpipe >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bench" "$work/input.jsonl" <<'PY'
import json, os, sys
bench, out = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(bench))[:300]
with open(out, "w", encoding="utf-8") as f:
    for i, n in enumerate(names):
        text = open(os.path.join(bench, n), encoding="utf-8-sig", errors="replace").read()
        f.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
        if i == 150:
            f.write("this line is not JSON: docpipe must answer it with an error record\n")
PY
"$root/.build/release/docpipe" filter --config "$root/pipeline.json" --no-cache --jobs 2 < "$work/input.jsonl" > "$work/local.jsonl"
python3 "$root/scripts/scale-out/spark_pipe.py" "$work/input.jsonl" "$work/spark.jsonl" \
    --docpipe "$root/.build/release/docpipe" --config "$root/pipeline.json" --partitions 4
python3 - "$work/local.jsonl" "$work/spark.jsonl" <<'PY'
import json, sys
def load(p):
    rows = []
    for line in open(p, encoding="utf-8"):
        r = json.loads(line)
        if "error" in r:
            r.pop("line", None)
            r.pop("id", None)
        rows.append(r)
    return rows
local, spark = load(sys.argv[1]), load(sys.argv[2])
assert len(local) == len(spark), f"{len(local)} local results, {len(spark)} from Spark"
ids = [r["id"] for r in spark if "id" in r]
assert len(ids) == len(set(ids)), "a document came back twice"
diff = [i for i, (a, b) in enumerate(zip(local, spark)) if a != b]
assert not diff, f"{len(diff)} results differ, e.g. at lines {diff[:3]}"
errors = [r["error"]["code"] for r in spark if "error" in r]
assert len(errors) == 1, f"expected one error record, got {errors}"
print(f"spark test passed: {len(spark)} results, each record exactly once and in order, identical to the local run; "
      f"the injected bad line came back as error record '{errors[0]}'")
PY
