#!/usr/bin/env bash
# Our figures beside ONNX Runtime's (and PyTorch's, when it is installed in the environment), for
# the same LeNet-5 and the same weights, measured in the same run on this machine.
#
#   Benchmarks/compare.sh [WEIGHTS]        (default: Assets/lenet5.safetensors)
#
# Makes a Python virtual environment in Benchmarks/.venv with onnxruntime, onnx and numpy from
# PyPI on first use, builds lenet5 in release mode, and prints a table. Best run on an idle machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
weights=${1:-$root/Assets/lenet5.safetensors}
venv=$here/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet onnxruntime onnx numpy
fi
(cd "$root" && swift build -c release --product lenet5 >&2)
lenet5=$root/.build/release/lenet5
echo "measuring lenet5..." >&2
ours=$("$lenet5" bench --json --weights "$weights")
echo "measuring the anchors..." >&2
anchors=$("$venv/bin/python" "$here/anchor.py" "$weights")
"$venv/bin/python" - "$ours" "$anchors" <<'PY'
import json, sys
ours, anchors = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ort = anchors["onnxruntime"]
rows = [("lenet5 (" + ours["instruction_set"] + ")", ours)] + [(f"{k} {v['version']}", v) for k, v in anchors.items()]
print(f"{'':28} {'forward median':>15} {'forward p99':>12} {'10k images, 2 threads':>22}")
for name, r in rows:
    print(f"{name:28} {r['forward_median_us']:12.2f} us {r['forward_p99_us']:9.2f} us {r['batch10k_seconds']*1000:19.1f} ms")
print()
print(f"lenet5 / ONNX Runtime: forward {ours['forward_median_us']/ort['forward_median_us']:.2f}x "
      f"(goal <= 0.5x), 10k batch {ours['batch10k_seconds']/ort['batch10k_seconds']:.2f}x (goal <= 0.75x)")
print(f"sketchpad frame (event, preprocessing, forward, render): median {ours['frame_us']:.1f} us "
      f"(goal <= 500 us)")
print(f"ONNX Runtime's outputs agree with a numpy forward pass to {ort['max_difference_from_numpy']:.1e}")
PY
