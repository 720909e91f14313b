#!/usr/bin/env bash
# Our figures beside ONNX Runtime's and PyTorch's, for the same LeNet-5 and the same weights,
# measured in the same run on this machine. Best run on an idle machine: the anchors' thread pools
# spin, and slow down badly when the cores are busy.
#
#   Benchmarks/compare.sh [--weights FILE] [--mnist DIR] [--with-pytorch]
#
# Makes a Python virtual environment in Benchmarks/.venv with onnxruntime, onnx and numpy from
# PyPI on first use (and torch with --with-pytorch: several GB), builds lenet5 in release mode,
# and prints a table. With MNIST (--mnist, default ../shared/data/mnist when it exists) it also
# times one training epoch of each, with and without augmentation.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
weights=$root/Assets/lenet5.safetensors
mnist=""
[ -d "$root/../shared/data/mnist" ] && mnist=$(cd "$root/../shared/data/mnist" && pwd)
with_pytorch=0
while [ $# -gt 0 ]; do
    case $1 in
        --weights) weights=$2; shift 2 ;;
        --mnist) mnist=$2; shift 2 ;;
        --with-pytorch) with_pytorch=1; shift ;;
        *) echo "usage: $0 [--weights FILE] [--mnist DIR] [--with-pytorch]" >&2; exit 2 ;;
    esac
done

venv=$here/.venv
python=$venv/bin/python
if [ ! -x "$python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet onnxruntime onnx numpy
fi
if [ $with_pytorch = 1 ] && ! "$python" -c "import torch" 2>/dev/null; then
    "$venv/bin/pip" install --quiet torch
fi

(cd "$root" && swift build -c release --product lenet5 >&2)
lenet5=$root/.build/release/lenet5
echo "measuring lenet5..." >&2
ours=$("$lenet5" bench --json --weights "$weights")
echo "measuring the anchors..." >&2
anchors=$("$python" "$here/anchor.py" "$weights")
training="{}"
if [ -n "$mnist" ]; then
    echo "timing one training epoch of each..." >&2
    scratch=$(mktemp -d)
    plain=$("$lenet5" train --mnist "$mnist" --out "$scratch/plain.safetensors" --epochs 1 --no-augment --json 2>/dev/null | tail -n 1)
    augmented=$("$lenet5" train --mnist "$mnist" --out "$scratch/augmented.safetensors" --epochs 1 --json 2>/dev/null | tail -n 1)
    torch_plain=null
    torch_augmented=null
    if "$python" -c "import torch" 2>/dev/null; then
        torch_plain=$("$python" "$here/anchor_training.py" "$mnist")
        torch_augmented=$("$python" "$here/anchor_training.py" "$mnist" --augment)
    fi
    rm -rf "$scratch"
    training="{\"plain\": $plain, \"augmented\": $augmented, \"torch_plain\": $torch_plain, \"torch_augmented\": $torch_augmented}"
fi
"$python" - "$ours" "$anchors" "$training" <<'PY'
import json, sys
ours, anchors, training = (json.loads(a) for a in sys.argv[1:4])
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
if training:
    print()
    print("one training epoch, 60,000 digits, batch 64, Adam, 2 threads:")
    def seconds(r):
        return f"{r['epoch_seconds'][0] if isinstance(r['epoch_seconds'], list) else r['epoch_seconds']:.2f} s"
    print(f"  lenet5, no augmentation          {seconds(training['plain'])}")
    print(f"  lenet5, sketchpad augmentation   {seconds(training['augmented'])}")
    if training["torch_plain"]:
        print(f"  PyTorch {training['torch_plain']['torch']}, no augmentation   {seconds(training['torch_plain'])}")
        print(f"  PyTorch, random affine augmentation {seconds(training['torch_augmented'])}")
    else:
        print("  PyTorch: not installed (run with --with-pytorch)")
PY
