#!/usr/bin/env python3
"""The training anchor for `lenet5 train`: one epoch of the same LeNet-5 in PyTorch, on the 60,000
MNIST training digits padded to 32x32, batch 64, Adam, two threads, with no augmentation or with a
simple random affine augmentation (rotation, scale, shift) done on the batch by the library.

    python3 anchor_training.py MNIST_DIR [--augment] [--batch-size 64] [--threads 2]

Prints {"epoch_seconds": ..., "test_accuracy": ...} as JSON. Needs torch and numpy.
"""
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory, prefix):
    def find(name):
        for candidate in (name + ".gz", name):
            if os.path.exists(os.path.join(directory, candidate)):
                return os.path.join(directory, candidate)
        raise SystemExit(f"{directory}: no {name}")
    images = read_idx(find(f"{prefix}-images-idx3-ubyte")).astype(np.float32) / 255
    labels = read_idx(find(f"{prefix}-labels-idx1-ubyte")).astype(np.int64)
    padded = np.zeros((len(images), 1, 32, 32), np.float32)
    padded[:, 0, 2:30, 2:30] = images
    return torch.from_numpy(padded), torch.from_numpy(labels)


class LeNet5(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(1, 6, 5)
        self.c3 = torch.nn.Conv2d(6, 16, 5)
        self.c5 = torch.nn.Conv2d(16, 120, 5)
        self.f6 = torch.nn.Linear(120, 84)
        self.output = torch.nn.Linear(84, 10)

    def forward(self, x):
        x = F.avg_pool2d(torch.tanh(self.c1(x)), 2)
        x = F.avg_pool2d(torch.tanh(self.c3(x)), 2)
        x = torch.tanh(self.c5(x)).flatten(1)
        return self.output(torch.tanh(self.f6(x)))


def affine(batch, generator):
    """A random rotation of up to 10 degrees, scale 0.9-1.1 and shift of up to 2 pixels."""
    n = batch.shape[0]
    angle = (torch.rand(n, generator=generator) * 2 - 1) * math.radians(10)
    scale = 0.9 + torch.rand(n, generator=generator) * 0.2
    shift = (torch.rand(n, 2, generator=generator) * 2 - 1) * (2 / 16)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    return F.grid_sample(batch, grid, align_corners=False)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    batch_size = int(args[args.index("--batch-size") + 1]) if "--batch-size" in args else 64
    threads = int(args[args.index("--threads") + 1]) if "--threads" in args else 2
    augment = "--augment" in args
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    train_x, train_y = load(args[0], "train")
    test_x, test_y = load(args[0], "t10k")
    model = LeNet5()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    generator = torch.Generator().manual_seed(1)
    start = time.perf_counter()
    order = torch.randperm(len(train_x), generator=generator)
    for first in range(0, len(order), batch_size):
        index = order[first:first + batch_size]
        x = train_x[index]
        if augment:
            x = affine(x, generator)
        loss = F.cross_entropy(model(x), train_y[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
    print(json.dumps({"epoch_seconds": seconds, "test_accuracy": accuracy, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
