#!/usr/bin/env python3
"""Writes sketch versions of MNIST test digits, whose writers are not those of the training set:
each digit is placed on the 32x32 grid at a random size and position, cut to hard ink, and drawn
either with one-cell strokes (its skeleton, as a mouse with a one-cell brush draws it) or thick
(the skeleton grown by a 2x2 or 3x3 brush), as text grids for `lenet5 predict`.

This is an independent implementation (numpy, scipy, scikit-image) of the kind of drawing the
training augmentation imitates, so it checks the model rather than the augmentation code.

    python3 Scripts/mnist-sketches.py MNIST_DIR OUTDIR [--count N] [--seed S] [--heights 14-30]
writes OUTDIR/thin/D_NNNNN.txt and OUTDIR/thick/D_NNNNN.txt (NNNNN: index in the test set).
Needs numpy, scipy and scikit-image (pip install scikit-image).
"""
import gzip
import os
import sys

import numpy as np
from scipy import ndimage
from skimage.morphology import skeletonize


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


HEIGHTS = (14, 30)


def place(digit, rng):
    """The digit on a 32x32 grid: random height (HEIGHTS, in cells), slant, position; grey 0..1."""
    ys, xs = np.nonzero(digit > 60)
    top, bottom, left, right = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    height = rng.uniform(*HEIGHTS)
    scale = height / (bottom - top)
    stretch = rng.uniform(0.85, 1.2)
    shear = rng.uniform(-0.2, 0.2)
    # target = A @ (source - centre) + offset; scipy wants source = M @ target + o.
    a = np.array([[scale, 0.0], [shear * scale, scale * stretch]])  # (row, column) order
    centre = np.array([(top + bottom) / 2, (left + right) / 2])
    corners = np.array([[top, left], [top, right], [bottom, left], [bottom, right]]) - centre
    placed = corners @ a.T
    low, high = placed.min(0), placed.max(0)
    room = 31 - (high - low)
    offset = np.array([rng.uniform(0, max(r, 0)) for r in room]) - low
    inverse = np.linalg.inv(a)
    grid = ndimage.affine_transform(
        digit.astype(np.float32) / 255, inverse, offset=centre - inverse @ offset,
        output_shape=(32, 32), order=1)
    return grid


def text(grid):
    return "".join("".join("#" if v else "." for v in row) + "\n" for row in grid)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    mnist, out = args[0], args[1]
    count = int(args[args.index("--count") + 1]) if "--count" in args else 1000
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    global HEIGHTS
    if "--heights" in args:
        low, high = args[args.index("--heights") + 1].split("-")
        HEIGHTS = (float(low), float(high))
    rng = np.random.default_rng(seed)
    images = read_idx(os.path.join(mnist, "t10k-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(mnist, "t10k-labels-idx1-ubyte.gz"))
    chosen = rng.choice(len(labels), count, replace=False)
    for kind in ("thin", "thick"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    for index in chosen:
        grey = place(images[index], rng)
        ink = grey > 0.4
        if not ink.any():
            ink = grey > 0.1
        skeleton = skeletonize(ink)
        brush = rng.choice([2, 3])
        thick = ndimage.binary_dilation(
            skeleton, structure=np.ones((brush, brush), bool),
            origin=(0, 0) if brush == 3 else (-1, -1)) if brush == 2 else ndimage.binary_dilation(
            skeleton, structure=np.ones((3, 3), bool))
        name = f"{labels[index]}_{index:05d}.txt"
        with open(os.path.join(out, "thin", name), "w") as f:
            f.write(text(skeleton))
        with open(os.path.join(out, "thick", name), "w") as f:
            f.write(text(thick))


if __name__ == "__main__":
    main()
