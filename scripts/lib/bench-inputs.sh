# Sourced by the benchmark scripts (bench.sh, cold-series.sh, ab-cold.sh).

# link_un300 BENCH_FOLDER DEST: DEST gets symlinks to the 300-file UN subset, the first 300 files
# of BENCH_FOLDER/ungdc by name (the set spaCy was measured on; 4,534,709 bytes). No `ls | head`
# pipeline whose early close would abort a script under pipefail.
link_un300() {
  local first300 f
  mkdir -p "$2"
  mapfile -t first300 < <(ls "$1/ungdc" | sort | head -300 || true)
  for f in "${first300[@]}"; do ln -s "$1/ungdc/$f" "$2/$f"; done
}

# warm_page_cache INPUT_FOLDER EXECUTABLE: reads the inputs (following symlinks), the executable
# and the release build's model files into the page cache. This VM pages out file pages nobody
# touched for a minute (DAMON proactive reclaim: /sys/kernel/mm/damon/admin/kdamonds/0, action
# "pageout"), so without this a run after a pause would also time reading its inputs and models
# back from the virtual disk, at random.
warm_page_cache() {
  find -L "$1" -type f -print0 | xargs -0 -r cat > /dev/null
  cat "$2" > /dev/null
  # The bundles beside the executable (.build/release is a symlink and the files sit two folders
  # down, so a plain `find -maxdepth 2` from there saw none of them).
  local bundle
  for bundle in "$(dirname "$2")"/*.resources; do
    if [ -d "$bundle" ]; then find -L "$bundle" -type f -print0 | xargs -0 -r cat > /dev/null; fi
  done
}
