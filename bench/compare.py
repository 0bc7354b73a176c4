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
      f"PyTorch 1.13 (Debian, OpenBLAS with OPENBLAS_CORETYPE={coretype}) and TorchSharp 0.107 (libtorch 2.10, MKL), "
      f"all three in one run.\n")
print("| workload | threads | NotebookDL | PyTorch | TorchSharp | NotebookDL / PyTorch | TorchSharp / PyTorch | NotebookDL 2 threads / 1 thread |")
print("|---|---|---|---|---|---|---|---|")


def ratio(ours, theirs):
    """ours relative to PyTorch, worded by unit: GFLOP/s higher is better, times and memory lower."""
    if not ours or not theirs:
        return ""
    note = {"GFLOP/s": "of PyTorch's speed", "MiB": "× PyTorch's memory"}.get(ours["unit"], "× PyTorch's time")
    return f"{ours['value'] / theirs['value']:.2f} {note}"


def value(result):
    return f"{result['value']:.4g} {result['unit']}" if result else "—"


for name in names:
    for t in threads:
        ours, theirs, torchsharp = (results.get((impl, name, t)) for impl in ("notebookdl", "pytorch", "torchsharp"))
        if not ours or not theirs:
            continue
        single = results.get(("notebookdl", name, 1))
        scaling = f"{ours['value'] / single['value']:.2f}" if t > 1 and single and ours["unit"] in ("ms", "s") else ""
        print(f"| {name} | {t} | {value(ours)} | {value(theirs)} | {value(torchsharp)} | {ratio(ours, theirs)} | {ratio(torchsharp, theirs)} | {scaling} |")
