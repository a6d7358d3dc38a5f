#!/usr/bin/env bash
# GPU figures of issue 14 in one short call on a machine with an NVIDIA GPU (the device tool's `run`), no SDK needed.
#
#   Here, once (builds a self-contained coursekit; ~100 MB unpacked, carried packed):
#     bench/gpu.sh --prepare                 # writes artifacts/gpu-bench.tar.xz (artifacts/ is ignored: name it in carry)
#   There (carry: ["artifacts/gpu-bench.tar.xz"]; budget ≈ 5 minutes):
#     bench/gpu.sh                           # figures land in $OUT (or artifacts/gpu/)
#
# What it records: the GPU (nvidia-smi), `coursekit bench kernels --backend cuda --json` (GEMM 1024³ and 4096³ in
# GFLOP/s — with cuBLAS when a libcublas is found, and with CourseKit's own tiled kernel, COURSEKIT_GEMM=tiled —,
# BatchNorm forward+backward and softmax at 16384 × 4096 in GB/s), the CPU span kernels' GEMM on the same machine,
# and PyTorch's fp32 GEMM 4096³ and copy bandwidth there as the ceilings to compare with (H200 datasheet: 67 TFLOP/s
# fp32, 4.8 TB/s), and Fashion-MNIST's epoch time with the model on the GPU (`bench train --backend cuda`, i.e.
# model.To(device)) against the CPU path on the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--prepare" ]; then
    rm -rf artifacts/gpu-bench
    dotnet publish src/CourseKit.Cli -c Release -r linux-x64 --self-contained -o artifacts/gpu-bench -nologo -v quiet
    tar -cJf artifacts/gpu-bench.tar.xz -C artifacts gpu-bench
    ls -la artifacts/gpu-bench.tar.xz
    exit 0
fi

out=${OUT:-artifacts/gpu}
mkdir -p "$out"
[ -x artifacts/gpu-bench/coursekit ] || tar -xJf artifacts/gpu-bench.tar.xz -C artifacts
ck=artifacts/gpu-bench/coursekit
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm,clocks.max.mem,driver_version --format=csv | tee "$out/gpu.csv"
# cuBLAS: the toolkit's or the one PyTorch's wheels bring; without one, GEMM runs on CourseKit's tiled kernel.
COURSEKIT_CUBLAS=$(find / -name 'libcublas.so.1[0-9]*' -not -path '/proc/*' 2>/dev/null | grep -v Lt | head -1 || true)
export COURSEKIT_CUBLAS
echo "cuBLAS: ${COURSEKIT_CUBLAS:-none found}" | tee "$out/cublas.txt"

run() { local name=$1; shift; echo "== $name"; timeout 240 "$@" > "$out/$name.json" 2> "$out/$name.log" || echo "$name failed: $(tail -3 "$out/$name.log")"; cat "$out/$name.json"; }
run kernels-cuda "$ck" bench kernels --backend cuda --json --repeats 11
COURSEKIT_GEMM=tiled run gemm-cuda-tiled "$ck" bench kernels --backend cuda --filter gemm --json --repeats 5
run gemm-cpu "$ck" bench kernels --filter gemm --json --repeats 5
run train-cuda "$ck" bench train --backend cuda --filter fashion_mnist --json
run train-cpu "$ck" bench train --filter fashion_mnist --json

# The ceilings measured on the same machine, by PyTorch: fp32 GEMM (TF32 off) and device-to-device copy.
python3 - <<'PY' | tee "$out/torch-ceilings.txt"
import torch, time
torch.backends.cuda.matmul.allow_tf32 = False
a = torch.randn(4096, 4096, device="cuda"); b = torch.randn(4096, 4096, device="cuda")
for _ in range(3): a @ b
torch.cuda.synchronize(); t = time.perf_counter()
for _ in range(10): a @ b
torch.cuda.synchronize(); s = (time.perf_counter() - t) / 10
print(f"torch fp32 gemm 4096^3: {2 * 4096**3 / s / 1e12:.1f} TFLOP/s")
x = torch.empty(1 << 30, dtype=torch.uint8, device="cuda"); y = torch.empty_like(x)
for _ in range(3): y.copy_(x)
torch.cuda.synchronize(); t = time.perf_counter()
for _ in range(10): y.copy_(x)
torch.cuda.synchronize(); s = (time.perf_counter() - t) / 10
print(f"torch copy: {2 * x.numel() / s / 1e9:.0f} GB/s (read + write)")
PY
