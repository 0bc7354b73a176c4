#!/usr/bin/env bash
# Runs NotebookDL's benchmark and its PyTorch peer side by side, at 1 and 2 threads, and prints
# a Markdown table of ratios (also saved to bench/results/latest.md). Usage: bench/run.sh [name-prefix]
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-}"
# Debian's PyTorch calls whatever libblas.so.3 points to; without OpenBLAS that is the slow reference BLAS.
if ! update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep -q '^Value: .*openblas'; then
  echo "PyTorch's BLAS is not OpenBLAS here; install it first: sudo apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
mkdir -p bench/results
dotnet build bench/NotebookDL.Bench -c Release -v q -nologo >/dev/null
raw=bench/results/raw.jsonl
: > "$raw"
workloads="matmul_256 matmul_512 matmul_1024 matmul_128x784x512 mlp_step mnist_cnn_step cifar_cnn_step cifar_tuned_step fast_recipe_step cifar_epoch"
for threads in 1 2; do
  for name in $workloads; do
    case "$name" in "$only"*) ;; *) continue ;; esac
    # One process per workload, so each reports its own peak memory; the two sides interleave so drift hits both alike.
    dotnet bench/NotebookDL.Bench/bin/Release/net10.0/NotebookDL.Bench.dll "$threads" "$name" | tee -a "$raw"
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
      /usr/bin/python3 bench/torch_peer.py "$threads" "$name" | tee -a "$raw"
  done
done
/usr/bin/python3 bench/compare.py < "$raw" | tee bench/results/latest.md
