#!/usr/bin/env python3
"""The anchors for `lenet5 bench`: the same LeNet-5 with the same weights in ONNX Runtime (and in
PyTorch when it is installed), timed the way `lenet5 bench` times itself.

    python3 anchor.py WEIGHTS.safetensors [--runs N] [--json]

Builds the network as an ONNX graph from the safetensors file, checks that ONNX Runtime's outputs
for random images agree with the file's own forward pass to 1e-5 (through numpy), then reports
the median and 99th percentile of single-image latency on one thread, and the time for 10,000
images on two threads.
"""
import json
import struct
import sys
import time

import numpy as np


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    length = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + length])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        raw = data[8 + length + begin:8 + length + end]
        tensors[name] = np.frombuffer(raw, dtype="<f4").reshape(entry["shape"]).copy()
    return tensors


def onnx_model(w):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes = [
        helper.make_node("Conv", ["input", "c1.weight", "c1.bias"], ["c1pre"]),
        helper.make_node("Tanh", ["c1pre"], ["c1"]),
        helper.make_node("AveragePool", ["c1"], ["s2"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["s2", "c3.weight", "c3.bias"], ["c3pre"]),
        helper.make_node("Tanh", ["c3pre"], ["c3"]),
        helper.make_node("AveragePool", ["c3"], ["s4"], kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["s4", "c5.weight", "c5.bias"], ["c5pre"]),
        helper.make_node("Tanh", ["c5pre"], ["c5"]),
        helper.make_node("Flatten", ["c5"], ["c5flat"]),
        helper.make_node("Gemm", ["c5flat", "f6.weight", "f6.bias"], ["f6pre"], transB=1),
        helper.make_node("Tanh", ["f6pre"], ["f6"]),
        helper.make_node("Gemm", ["f6", "output.weight", "output.bias"], ["logits"], transB=1),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
    ]
    graph = helper.make_graph(
        nodes, "lenet5",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["n", 1, 32, 32])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["n", 10])],
        [numpy_helper.from_array(value, name) for name, value in w.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString()


def numpy_forward(w, x):
    """A plain reference forward pass, to check ONNX Runtime's graph against."""
    def conv(x, weight, bias):
        n, c, h, wd = x.shape
        o, _, k, _ = weight.shape
        out = np.zeros((n, o, h - k + 1, wd - k + 1), np.float64)
        for i in range(k):
            for j in range(k):
                out += np.einsum("nchw,oc->nohw", x[:, :, i:i + h - k + 1, j:j + wd - k + 1], weight[:, :, i, j])
        return out + bias[None, :, None, None]

    def pool(x):
        return (x[:, :, 0::2, 0::2] + x[:, :, 1::2, 0::2] + x[:, :, 0::2, 1::2] + x[:, :, 1::2, 1::2]) / 4

    x = pool(np.tanh(conv(x, w["c1.weight"], w["c1.bias"])))
    x = pool(np.tanh(conv(x, w["c3.weight"], w["c3.bias"])))
    x = np.tanh(conv(x, w["c5.weight"], w["c5.bias"])).reshape(len(x), -1)
    x = np.tanh(x @ w["f6.weight"].T + w["f6.bias"])
    logits = x @ w["output.weight"].T + w["output.bias"]
    e = np.exp(logits - logits.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def percentile(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, len(s) * p // 100)]


def time_single(run, images, runs):
    for i in range(2000):
        run(images[i % len(images)])
    samples = []
    for i in range(runs):
        image = images[i % len(images)]
        start = time.perf_counter()
        run(image)
        samples.append(time.perf_counter() - start)
    return percentile(samples, 50) * 1e6, percentile(samples, 99) * 1e6


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 20000
    w = load_safetensors(args[0])
    rng = np.random.default_rng(7)
    images = [rng.random((1, 1, 32, 32), dtype=np.float32) for _ in range(64)]
    batch = rng.random((10000, 1, 32, 32), dtype=np.float32)
    results = {}

    import onnxruntime as ort
    model = onnx_model(w)
    one = ort.SessionOptions()
    one.intra_op_num_threads = 1
    one.inter_op_num_threads = 1
    single = ort.InferenceSession(model, one, providers=["CPUExecutionProvider"])
    two = ort.SessionOptions()
    two.intra_op_num_threads = 2
    two.inter_op_num_threads = 1
    multi = ort.InferenceSession(model, two, providers=["CPUExecutionProvider"])
    check = single.run(None, {"input": batch[:32]})[0]
    difference = float(np.abs(check - numpy_forward(w, batch[:32].astype(np.float64))).max())
    assert difference < 1e-5, f"ONNX Runtime and the numpy reference differ by {difference}"
    median, p99 = time_single(lambda x: single.run(None, {"input": x}), images, runs)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        multi.run(None, {"input": batch})
        times.append(time.perf_counter() - start)
    results["onnxruntime"] = {
        "version": ort.__version__, "forward_median_us": median, "forward_p99_us": p99,
        "batch10k_seconds": percentile(times, 50), "max_difference_from_numpy": difference,
    }

    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        torch.set_num_threads(1)
        tw = {k: torch.from_numpy(v) for k, v in w.items()}

        def forward(x):
            f = torch.nn.functional
            x = f.avg_pool2d(torch.tanh(f.conv2d(x, tw["c1.weight"], tw["c1.bias"])), 2)
            x = f.avg_pool2d(torch.tanh(f.conv2d(x, tw["c3.weight"], tw["c3.bias"])), 2)
            x = torch.tanh(f.conv2d(x, tw["c5.weight"], tw["c5.bias"])).flatten(1)
            x = torch.tanh(f.linear(x, tw["f6.weight"], tw["f6.bias"]))
            return torch.softmax(f.linear(x, tw["output.weight"], tw["output.bias"]), 1)

        with torch.no_grad():
            timages = [torch.from_numpy(i) for i in images]
            median, p99 = time_single(forward, timages, runs // 4)
            torch.set_num_threads(2)
            tbatch = torch.from_numpy(batch)
            times = []
            for _ in range(5):
                start = time.perf_counter()
                forward(tbatch)
                times.append(time.perf_counter() - start)
        results["pytorch"] = {
            "version": torch.__version__, "forward_median_us": median, "forward_p99_us": p99,
            "batch10k_seconds": percentile(times, 50),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
