#!/usr/bin/env bash
# Runs NotebookDL's benchmark on its managed engine and on TorchSharp, and its PyTorch peer, side by side at 1 and 2
# threads, and prints a Markdown table of ratios (also saved to bench/results/latest.md). Usage: bench/run.sh [name-prefix]
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-}"
# Debian's PyTorch calls whatever libblas.so.3 points to; without OpenBLAS that is the slow reference BLAS.
# (the query is read whole first: grep -q stopping early would SIGPIPE it, which pipefail reports as a failure)
blas=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null || true)
if ! grep -q '^Value: .*openblas' <<<"$blas"; then
  echo "PyTorch's BLAS is not OpenBLAS here; install it first: sudo apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
# OpenBLAS otherwise runs its old SSE3 kernels on these VMs; name the newest kernel set the CPU can run
# (SkylakeX needs AVX-512 and dies with SIGILL without it).
if grep -qw avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
elif grep -qw avx2 /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell
else export OPENBLAS_CORETYPE=Prescott
fi
mkdir -p bench/results
dotnet build bench/NotebookDL.Bench -c Release -v q -nologo >/dev/null
dotnet build bench/NotebookDL.Bench.TorchSharp -c Release -v q -nologo >/dev/null
raw=bench/results/raw.jsonl
: > "$raw"
workloads="matmul_256 matmul_512 matmul_1024 matmul_128x784x512 mlp_step mnist_cnn_step cifar_cnn_step cifar_tuned_step fast_recipe_step cifar_epoch"
for threads in 1 2; do
  for name in $workloads; do
    case "$name" in "$only"*) ;; *) continue ;; esac
    # One process per workload, so each reports its own peak memory; the two sides interleave so drift hits both alike.
    dotnet bench/NotebookDL.Bench/bin/Release/net10.0/NotebookDL.Bench.dll "$threads" "$name" | tee -a "$raw"
    OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
      /usr/bin/python3 bench/torch_peer.py "$threads" "$name" | tee -a "$raw"
    # TorchSharp's CPU build computes with MKL and OpenMP; the same workloads, compiled against TorchSharp
    OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads" \
      dotnet bench/NotebookDL.Bench.TorchSharp/bin/Release/net10.0/NotebookDL.Bench.TorchSharp.dll "$threads" "$name" | tee -a "$raw"
  done
done
/usr/bin/python3 bench/compare.py < "$raw" | tee bench/results/latest.md
