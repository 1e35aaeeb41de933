#!/usr/bin/env bash
# Integration test: docpipe under a Slurm job array on this machine (one-node cluster on
# loopback, shared storage = this disk, one shared cache). N array tasks each run
# `docpipe run --shard $SLURM_ARRAY_TASK_ID/N`; `docpipe merge` must then equal an unsharded run
# byte for byte. One input is a PNG (an injected document failure: it must come back as an error
# record, not vanish), and one shard's part is deleted and rerun alone before the final merge.
#   scripts/scale-out/test-slurm.sh      (as root; installs Debian's slurm-wlm when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench="$root/../shared/corpus/bench/ungdc"
[ -d "$bench" ] || { echo "skipped: $bench not found"; exit 0; }
command -v slurmctld >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm >/dev/null; }
swift build -c release --product docpipe >/dev/null
exe="$root/.build/release/docpipe"
N=4
work=$(mktemp -d /tmp/docpipe-slurm.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -n "${munge_pid:-}" ] && kill "$munge_pid" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

# The corpus: the 300-file UN subset plus one PNG.
mkdir -p "$work/input"
mapfile -t first300 < <(ls "$bench" | sort | head -300 || true)
for f in "${first300[@]}"; do cp "$bench/$f" "$work/input/"; done
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$work/input/not-a-paper.png"

# A private one-node cluster.
host=$(hostname)
mkdir -p "$work/spool" "$work/state" "$work/munge"
cat > "$work/slurm.conf" <<CONF
ClusterName=docpipe
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmUser=root
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
[ -f /etc/munge/munge.key ] || { mkdir -p /etc/munge; dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; chmod 400 /etc/munge/munge.key; }
mkdir -p /run/munge
munged --force --socket="$work/munge/munge.socket" --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed"
munge_pid=$(cat "$work/munge/munged.pid")
cat >> "$work/slurm.conf" <<CONF
AuthInfo=socket=$work/munge/munge.socket
CONF
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 30); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo

# The array job: one shard per task, a shared cache, parts in $work/shards.
cat > "$work/shard.sh" <<JOB
#!/bin/sh
exec "$exe" run "$work/input" --config "$root/pipeline.json" --shard "\$SLURM_ARRAY_TASK_ID/$N" \
    --out "$work/shards" --cache "$work/cache" --jobs 1 --progress plain
JOB
chmod +x "$work/shard.sh"
sbatch --wait --array=0-$((N - 1)) --output="$work/task-%a.log" "$work/shard.sh" || true   # a task with the PNG exits 1
ls "$work/shards"

# Rerun one shard alone: remove its part, see merge refuse, rerun it, merge.
rm -rf "$work/shards/2-of-$N"
if "$exe" merge "$work/shards" --config "$root/pipeline.json" --out "$work/merged"; then echo "merge accepted an incomplete set"; exit 1; fi
sbatch --wait --array=2 --output="$work/rerun-%a.log" "$work/shard.sh" || true
set +e
"$exe" merge "$work/shards" --config "$root/pipeline.json" --out "$work/merged"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "merge exited $code; expected 1 (the PNG failed)"; exit 1; }
grep -q 'not-a-paper.png' "$work/merged/errors.jsonl" || { echo "the PNG's failure was lost"; exit 1; }

# The same corpus without Slurm or shards.
"$exe" run "$work/input" --config "$root/pipeline.json" --out "$work/local" --no-cache --quiet || true
diff -r -x run.json -x .docpipe-state -x .docpipe-outputs -x .docpipe-parts "$work/local" "$work/merged" >/dev/null || { echo "merged output differs from the local run"; diff -rq -x run.json -x .docpipe-state -x .docpipe-outputs -x .docpipe-parts "$work/local" "$work/merged" | head; exit 1; }
# The output manifests list the same files (a run lists documents' files in input order, a merge sorted).
diff <(sort "$work/local/.docpipe-outputs") <(sort "$work/merged/.docpipe-outputs") >/dev/null || { echo "the output manifests list different files"; exit 1; }
docs=$(ls "$work/merged/documents" | wc -l)
echo "slurm test passed: $N array tasks + 1 rerun; merged output ($docs documents, 1 error record) identical to a local run"
