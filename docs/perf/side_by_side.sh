#!/usr/bin/env bash
# Runs Catapult and the PyTorch peer scripts side by side, interleaved, in one window, and keeps
# every raw result: the figures in docs/performance.md come from this script.
#
#   CATAPULT_PEERS=/path/to/bench docs/perf/side_by_side.sh [repeats] [outdir]
#
# CATAPULT_PEERS is the folder holding the team's peer scripts peer_torch.py and peer_e2e.py
# (they are not part of this repository). Each repeat runs, one after the other and on one
# thread each: the peer's kernels, ./catapult bench, the peer's end-to-end experiment, and the
# end-to-end .cat script. Load (/proc/loadavg) is logged before each command. Summarize with
# docs/perf/summarize.py <outdir>.
set -euo pipefail
peers=${CATAPULT_PEERS:?set CATAPULT_PEERS to the folder holding peer_torch.py and peer_e2e.py}
repeats=${1:-3}
out=${2:-target/side-by-side}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
export OMP_NUM_THREADS=1
./catapult version > /dev/null   # build first, outside the timed window
for i in $(seq 1 "$repeats"); do
  echo "$(date -u +%FT%TZ) repeat $i loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.log"
  /usr/bin/python3 "$peers/peer_torch.py" --threads 1 > "$out/peer_torch.$i.json" 2> /dev/null
  echo "  peer_torch done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.log"
  ./catapult bench > "$out/catapult_bench.$i.json" 2> /dev/null
  echo "  catapult bench done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.log"
  /usr/bin/python3 "$peers/peer_e2e.py" --threads 1 > "$out/peer_e2e.$i.json" 2> /dev/null
  echo "  peer_e2e done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.log"
  ./catapult run docs/perf/e2e_table41.cat > "$out/cat_e2e.$i.txt" 2> /dev/null
  echo "  e2e .cat done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.log"
done
