"""Pairs NotebookDL's and PyTorch's JSON lines from one run and prints a Markdown table of ratios."""
import datetime
import json
import platform
import sys

rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
results = {(r["impl"], r["name"], r["threads"]): r for r in rows}
names = list(dict.fromkeys(r["name"] for r in rows))
threads = sorted({r["threads"] for r in rows})

cpu = "unknown CPU"
try:
    with open("/proc/cpuinfo") as f:
        cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
except (OSError, StopIteration):
    pass

import os
coretype = os.environ.get("OPENBLAS_CORETYPE", "its default")
print(f"Measured {datetime.date.today().isoformat()} on {cpu} ({platform.machine()}), "
      f"PyTorch 1.13 (Debian, OpenBLAS with OPENBLAS_CORETYPE={coretype}), both sides in one run.\n")
print("| workload | threads | NotebookDL | PyTorch | NotebookDL / PyTorch | NotebookDL 2 threads / 1 thread |")
print("|---|---|---|---|---|---|")
for name in names:
    for t in threads:
        ours, theirs = results.get(("notebookdl", name, t)), results.get(("pytorch", name, t))
        if not ours or not theirs:
            continue
        unit = ours["unit"]
        # GFLOP/s: higher is better, ratio = ours/theirs; times: ratio = their speed relative, shown as time ratio
        ratio = ours["value"] / theirs["value"]
        note = {"GFLOP/s": "of PyTorch's speed", "MiB": "× PyTorch's memory"}.get(unit, "× PyTorch's time")  # ms and s: lower is better
        single = results.get(("notebookdl", name, 1))
        scaling = f"{ours['value'] / single['value']:.2f}" if t > 1 and single and unit in ("ms", "s") else ""
        print(f"| {name} | {t} | {ours['value']:.4g} {unit} | {theirs['value']:.4g} {unit} | {ratio:.2f} {note} | {scaling} |")
