# Sourced by the benchmark scripts: warm_page_cache INPUT_FOLDER EXECUTABLE
#
# Reads the inputs (following symlinks), the executable and the release build's model files into
# the page cache. This VM pages out file pages nobody touched for a minute (DAMON proactive
# reclaim: /sys/kernel/mm/damon/admin/kdamonds/0, action "pageout"), so without this a run after a
# pause would also time reading its inputs and models back from the virtual disk, at random.
warm_page_cache() {
  find -L "$1" -type f -print0 | xargs -0 -r cat > /dev/null
  cat "$2" > /dev/null
  find "$(dirname "$2")" -maxdepth 2 -path '*.resources/*' -type f -print0 | xargs -0 -r cat > /dev/null
}
