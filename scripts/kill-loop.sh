#!/usr/bin/env bash
# SIGKILL loop: kills `docpipe run` at random points, again and again, over one shared cache and
# output folder, and checks after every kill that nothing corrupt is left for a later run to trust.
#
#   scripts/kill-loop.sh [ITERATIONS] [SEED]       (defaults: 25 iterations, seed 1)
#   DOCPIPE_EXE=path/to/docpipe scripts/kill-loop.sh ...   (use a built binary)
#
# Release build. The corpus is the seeds plus 15 variants of each text paper (each with its own
# last line). Every iteration first edits a random quarter of the files (and every 4th one also
# deletes the output folder), so each run has real work to do: reading inputs, computing, writing
# cache objects, writing outputs, the corpus step. The kill lands at a random moment between 0 and
# the time such a run takes. After each kill:
#   - `docpipe cache verify` must find 0 corrupt objects;
#   - every .json file visible in the output folder must parse (temporary .tmp-* files excepted:
#     they are what a killed writer leaves, and the next run removes them);
#   - every 5th iteration, a complete run must reproduce a clean (--no-cache) run of the same
#     inputs byte for byte.
# At the end a complete run must match a clean run and leave no temporary files.
# Prints the counts; exits 1 if any check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
iterations=${1:-25}
RANDOM=${2:-1}
if [ -n "${DOCPIPE_EXE:-}" ]; then exe=$DOCPIPE_EXE; else
  swift build -c release --product docpipe >/dev/null
  exe="$root/.build/release/docpipe"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds"
cp "$root/pipeline.json" "$work/"
cp "$root"/seeds/* "$work/seeds/"
for k in $(seq 1 15); do
  for f in "$root"/seeds/*.txt "$root"/seeds/*.md "$root"/seeds/*.html; do
    name=$(basename "$f")
    { cat "$f"; printf '\n\nVariant %s was filed in Geneva on %s May 2019.\n' "$k" "$k"; } > "$work/seeds/v$k-$name"
  done
done
cd "$work"

# How long a cold run and a fully cached run take (the window kills are drawn from).
ms_now() { echo $(( $(date +%s%N) / 1000000 )); }
start=$(ms_now); "$exe" run --cache timing-cache --out timing --quiet; cold_ms=$(( $(ms_now) - start ))
start=$(ms_now); "$exe" run --cache timing-cache --out timing --quiet; warm_ms=$(( $(ms_now) - start ))
rm -rf timing-cache timing
mapfile -t inputs < <(ls seeds | grep -v -e '^README' -e '\.jsonl$' || true)
files=${#inputs[@]}
echo "corpus: $(ls seeds | wc -l) files; a cold run takes ${cold_ms} ms, a cached one ${warm_ms} ms (release build)"

same_as_reference() {   # a complete run, compared with a clean run of the same inputs
  rm -rf ref
  "$exe" run --no-cache --out ref --quiet >/dev/null 2>&1 || true
  "$exe" run --quiet >/dev/null 2>&1 || true
  diff -r -q -x run.json -x .docpipe-state -x .docpipe-parts ref out >&2
}
unparsable_outputs() {
  python3 - out <<'PY'
import json, os, sys
bad = 0
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".json") and not f.startswith(".tmp-"):
            try:
                json.load(open(os.path.join(d, f), encoding="utf-8"))
            except Exception:
                bad += 1
                print("  unparsable: " + os.path.join(d, f), file=sys.stderr)
print(bad)
PY
}

killed=0 finished=0 corrupt=0 halfwritten=0 mismatches=0 checks=0 edits=0
for i in $(seq 1 "$iterations"); do
  # Work for this run: edit a random quarter of the files; every 4th time, lose the outputs too.
  n=$(( files / 4 ))
  for _ in $(seq 1 "$n"); do printf 'Edit %s.\n' "$i" >> "seeds/${inputs[RANDOM % files]}"; done
  edits=$((edits + n))
  if [ $((i % 4)) -eq 0 ]; then rm -rf out; expected=$cold_ms; else expected=$(( warm_ms + cold_ms * n / files )); fi
  delay_ms=$(( RANDOM * 32768 + RANDOM ))
  delay_ms=$(( delay_ms % (expected + 1) ))
  "$exe" run --jobs 2 --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); state=killed; else state=finished; finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
  verify=$("$exe" cache verify 2>&1 || true)
  c=$(printf '%s\n' "$verify" | sed -n 's/.*: \([0-9][0-9]*\) corrupt.*/\1/p' | tail -1)
  c=${c:-0}
  corrupt=$((corrupt + c))
  h=0
  if [ -d out ]; then h=$(unparsable_outputs); fi
  halfwritten=$((halfwritten + h))
  line="iteration $i: ${state} after ${delay_ms} of ~${expected} ms; corrupt objects $c; unparsable outputs $h"
  if [ $((i % 5)) -eq 0 ]; then
    checks=$((checks + 1))
    if same_as_reference; then line="$line; complete run matches a clean run"; else
      mismatches=$((mismatches + 1)); line="$line; complete run DIFFERS from a clean run"; fi
  fi
  echo "$line"
done

checks=$((checks + 1))
same_as_reference || mismatches=$((mismatches + 1))
leftovers=$(find out .docpipe -name '.tmp-*' | wc -l)
echo
echo "iterations: $iterations (killed mid-run: $killed, finished before the kill: $finished; $edits file edits)"
echo "corrupt cache objects found: $corrupt"
echo "half-written outputs visible: $halfwritten"
echo "complete runs differing from a clean run: $mismatches of $checks"
echo "temporary files left after the final run: $leftovers"
if [ "$corrupt" -ne 0 ] || [ "$halfwritten" -ne 0 ] || [ "$mismatches" -ne 0 ] || [ "$leftovers" -ne 0 ]; then
  echo "FAILED"; exit 1
fi
echo "OK: no corruption"
