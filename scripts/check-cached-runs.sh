#!/usr/bin/env bash
# Checks that cached runs give exactly what a fresh run gives, on real files:
#
#   scripts/check-cached-runs.sh INPUT_FOLDER [DOCPIPE_BINARY]
#
# Copies the inputs into a temporary folder, then: a cold run and a warm run (compared with a
# fresh run), an edited, a removed and an added input (compared with a fresh run of the new
# inputs), a warm run again, and a run after an output file and a corpus file were deleted.
# Every comparison is `diff -r` of the output folders, bookkeeping files included, run.json and
# the parts store aside (.docpipe-parts: spool files in the order documents finished).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
input=${1:?usage: scripts/check-cached-runs.sh INPUT_FOLDER [DOCPIPE_BINARY]}
exe=${2:-$root/.build/release/docpipe}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -rL "$input" "$tmp/in"
run() { "$exe" run "$tmp/in" --config "$root/pipeline.json" --out "$tmp/$1" --cache "$tmp/$2" --jobs 2 --quiet; }
same() { diff -r --exclude=run.json --exclude=.docpipe-parts "$tmp/out" "$tmp/$1" >/dev/null || { echo "FAILED: $2"; diff -rq --exclude=run.json --exclude=.docpipe-parts "$tmp/out" "$tmp/$1" | head; exit 1; }; echo "ok: $2"; }
run out cache; run out cache; run fresh1 cache1; same fresh1 "a warm run equals a fresh one"
mapfile -t files < <(ls "$tmp/in" | sort)
[ "${#files[@]}" -ge 3 ] || { echo "need at least 3 input files"; exit 1; }
echo "An added sentence by Jane Doe in Paris." >> "$tmp/in/${files[0]}"
rm "$tmp/in/${files[1]}"
echo "A new note about the United Nations and 5 % growth." > "$tmp/in/zz-added-input.txt"
run out cache; run fresh2 cache2; same fresh2 "after an edit, a removal and an addition"
run out cache; same fresh2 "a warm run again"
doc=$(ls "$tmp/out/documents" | sort | head -1)
rm "$tmp/out/documents/$doc" "$tmp/out/claims.csv"
run out cache; same fresh2 "deleted outputs are written again"
