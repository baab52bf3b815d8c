#!/usr/bin/env python3
"""Summarizes a docs/perf/side_by_side.sh output folder as the Markdown tables of
docs/performance.md: per figure, the median over repeats of each side's median, their ratio,
and the worst others_cpu_frac seen; per end-to-end run, the median wall seconds of each side.

    python3 docs/perf/summarize.py target/side-by-side
"""
import glob
import json
import os
import re
import statistics
import sys

KEYS = ["gd_step_fcn2", "sgd_step_fcn2_b5", "ntk_fcn5", "nqm_step_fcn2", "hess_top_eig_fcn2", "agop_fcn2"]


def load(folder, pattern):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        with open(path) as fh:
            text = fh.read()
        out.append(text)
    return out


def fmt(seconds):
    return "%.3f ms" % (seconds * 1e3) if seconds < 0.1 else "%.3f s" % seconds


def cat_e2e(text):
    """(total_s, {batch: wall_s}) from the .cat script's printed table."""
    total = float(re.search(r"total_s: ([0-9.]+)", text).group(1))
    runs = {}
    for line in text.splitlines():
        cells = line.split()
        if len(cells) >= 3 and cells[0].isdigit() and cells[1].isdigit():
            runs[int(cells[0])] = float(cells[2])
    return total, runs


def main(folder):
    peers = [json.loads(t) for t in load(folder, "peer_torch.*.json")]
    ours = [json.loads(t) for t in load(folder, "catapult_bench.*.json")]
    print("| key | Catapult median | peer fastest (method) | ratio | peer autodiff | ratio | others_cpu_frac (Catapult / peer) |")
    print("|---|---|---|---|---|---|---|")
    for key in KEYS:
        c = statistics.median(r[key]["median_s"] for r in ours)
        p = statistics.median(r[key]["median_s"] for r in peers)
        pa = statistics.median(r[key]["fastest_autodiff_median_s"] for r in peers)
        method = peers[0][key]["fastest"]
        oc = max(r[key].get("others_cpu_frac", 0) for r in ours)
        op = max(r[key].get("others_cpu_frac", 0) for r in peers)
        print("| %s | %s | %s (%s) | **%.2f** | %s | %.3f | %.2f / %.2f |" % (key, fmt(c), fmt(p), method, c / p, fmt(pa), c / pa, oc, op))
    print()
    print("sgemm probe (GFLOP/s, per Catapult repeat):", ", ".join("%.0f" % r["sgemm_gflops"] for r in ours))
    pe = [json.loads(t) for t in load(folder, "peer_e2e.*.json")]
    ce = [cat_e2e(t) for t in load(folder, "cat_e2e.*.txt")]
    be = [r["e2e_table41"] for r in ours if "e2e_table41" in r]
    print()
    print("| end to end | peer_e2e.py | `./catapult bench` e2e_table41 | ratio | `.cat` script | ratio |")
    print("|---|---|---|---|---|---|")
    batches = [r["batch"] for r in pe[0]["runs"]]
    for b in batches:
        p = statistics.median(next(r["wall_s"] for r in x["runs"] if r["batch"] == b) for x in pe)
        bb = statistics.median(next(r["wall_s"] for r in x["runs"] if r["batch"] == b) for x in be)
        cc = statistics.median(x[1][b] for x in ce)
        print("| batch %d | %.2f s | %.2f s | %.2f | %.2f s | %.2f |" % (b, p, bb, bb / p, cc, cc / p))
    p = statistics.median(x["total_s"] for x in pe)
    bb = statistics.median(x["total_s"] for x in be)
    cc = statistics.median(x[0] for x in ce)
    print("| **total** | %.2f s | %.2f s | **%.2f** | %.2f s | **%.2f** |" % (p, bb, bb / p, cc, cc / p))
    print()
    print("repeats: %d peer kernels, %d Catapult bench, %d peer e2e, %d .cat e2e" % (len(peers), len(ours), len(pe), len(ce)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/side-by-side")
