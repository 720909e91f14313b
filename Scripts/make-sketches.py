#!/usr/bin/env python3
"""Writes held-out test sketches: digits drawn stroke by stroke on the 32x32 grid, the way a person
draws them on the sketchpad with a mouse, as text grids (the format `lenet5 predict` reads).

They come from hand-made stroke templates, several styles per digit (open and closed 4s, 7s with
and without a bar, 1s with and without a flag, looped and plain 2s, ...), jittered, slanted,
stretched, placed anywhere at any size, and rasterised like the sketchpad does: each stroke's
successive cells joined by straight lines, painted with a brush of 1 (thin) or 2-3 cells (thick).
Nothing here comes from MNIST, so they test how the model carries over to another "writer".

    python3 Scripts/make-sketches.py OUTDIR [--per-digit N] [--seed S]
writes OUTDIR/thin/D_NNN.txt and OUTDIR/thick/D_NNN.txt.
"""
import math
import os
import random
import sys


def arc(cx, cy, rx, ry, a0, a1, n=24):
    """Points on an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


# Each digit: a list of styles; each style a list of strokes; each stroke a list of (x, y) in a
# box of width about 0.6 and height 1, y down.
TEMPLATES = {
    0: [[arc(0.3, 0.5, 0.3, 0.5, -90, 270, 40)],
        [arc(0.3, 0.5, 0.28, 0.5, -60, 300, 40)]],
    1: [[[(0.3, 0.0), (0.3, 1.0)]],
        [[(0.05, 0.3), (0.3, 0.0), (0.3, 1.0)]],
        [[(0.08, 0.35), (0.3, 0.0), (0.3, 1.0)], [(0.1, 1.0), (0.5, 1.0)]],
        [[(0.15, 0.15), (0.3, 0.0), (0.3, 1.0)]]],
    2: [[arc(0.3, 0.28, 0.28, 0.28, 190, 360 + 20, 20) + [(0.0, 1.0), (0.6, 1.0)]],
        [arc(0.3, 0.28, 0.28, 0.28, 180, 380, 20) + [(0.05, 0.95)] + arc(0.12, 0.9, 0.1, 0.1, -90, -360, 12)[1:] + [(0.6, 0.97)]],
        [arc(0.3, 0.3, 0.3, 0.3, 200, 390, 20) + [(0.02, 1.0), (0.62, 1.0)]]],
    3: [[arc(0.3, 0.25, 0.27, 0.25, 200, 450, 24) + arc(0.3, 0.73, 0.3, 0.27, -90, 160, 24)],
        [[(0.02, 0.0), (0.58, 0.0), (0.25, 0.42)] + arc(0.3, 0.7, 0.3, 0.3, -100, 160, 24)]],
    4: [[[(0.05, 0.0), (0.0, 0.62), (0.62, 0.62)], [(0.45, 0.1), (0.45, 1.0)]],
        [[(0.48, 1.0), (0.48, 0.0), (0.0, 0.65), (0.62, 0.65)]],
        [[(0.45, 0.0), (0.0, 0.65), (0.62, 0.65)], [(0.45, 0.3), (0.45, 1.0)]]],
    5: [[[(0.58, 0.0), (0.05, 0.0), (0.02, 0.42)] + arc(0.3, 0.68, 0.3, 0.3, -140, 150, 24)],
        [[(0.04, 0.0), (0.02, 0.45)] + arc(0.3, 0.68, 0.3, 0.3, -140, 150, 24), [(0.04, 0.0), (0.6, 0.0)]]],
    6: [[[(0.5, 0.0)] + arc(0.5, 0.6, 0.48, 0.6, -105, -180, 10)[1:] + arc(0.3, 0.72, 0.28, 0.28, 180, 540, 30)],
        [[(0.55, 0.05), (0.1, 0.55)] + arc(0.3, 0.72, 0.28, 0.28, 200, 560, 30)]],
    7: [[[(0.0, 0.0), (0.62, 0.0), (0.2, 1.0)]],
        [[(0.0, 0.0), (0.62, 0.0), (0.2, 1.0)], [(0.15, 0.5), (0.55, 0.5)]],
        [[(0.0, 0.15), (0.02, 0.0), (0.62, 0.0), (0.25, 1.0)]],
        [[(0.0, 0.0), (0.62, 0.0), (0.35, 0.5), (0.3, 1.0)], [(0.2, 0.52), (0.55, 0.48)]]],
    8: [[arc(0.3, 0.25, 0.24, 0.25, 90, 450, 30) + arc(0.3, 0.74, 0.3, 0.26, -90, 270, 30)],
        [arc(0.3, 0.25, 0.25, 0.25, 0, -180, 14) + [(0.6, 0.8)] + arc(0.3, 0.78, 0.3, 0.22, 0, 180, 14) + [(0.55, 0.2)]]],
    9: [[arc(0.3, 0.28, 0.29, 0.28, 0, -360, 30) + [(0.59, 0.28), (0.55, 1.0)]],
        [arc(0.3, 0.28, 0.29, 0.28, 0, -360, 30) + [(0.59, 0.28)] + arc(0.3, 0.5, 0.3, 0.5, 0, 100, 10)[1:]],
        [arc(0.32, 0.27, 0.28, 0.27, 10, -350, 30) + [(0.6, 0.3), (0.25, 1.0)]]],
}


def line_cells(a, b):
    """Cells on the straight line between two cells (Bresenham), as the sketchpad joins motion."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    cells = []
    while True:
        cells.append((x0, y0))
        if (x0, y0) == (x1, y1):
            return cells
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


def sketch(digit, brush, rng):
    strokes = rng.choice(TEMPLATES[digit])
    height = rng.uniform(14, 30)
    stretch = rng.uniform(0.75, 1.3)
    slant = rng.uniform(-0.3, 0.3)
    rotation = math.radians(rng.uniform(-8, 8))
    wobble = [(rng.uniform(0, 6.3), rng.uniform(0.5, 2.0), rng.uniform(0, 0.03)) for _ in range(2)]

    def place(p):
        x, y = p
        x += rng.gauss(0, 0.012)
        y += rng.gauss(0, 0.012)
        # A slow wobble of the hand.
        x += sum(a * math.sin(f * y * 6 + ph) for ph, f, a in wobble)
        x = (x - 0.3) * stretch + slant * (0.5 - y)
        y = y - 0.5
        c, s = math.cos(rotation), math.sin(rotation)
        return (height * (c * x - s * y), height * (s * x + c * y))

    placed = [[place(p) for p in stroke] for stroke in strokes]
    return paint(placed, brush, rng)


def paint(placed, brush, rng):
    """Strokes (lists of points, in cells) placed anywhere on the 32x32 grid where they fit, and
    painted as the sketchpad paints mouse motion: dense samples, each snapped to a cell and joined
    to the last by a straight line of cells, with a square brush of `brush` cells. A text grid."""
    xs = [p[0] for st in placed for p in st]
    ys = [p[1] for st in placed for p in st]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    margin = brush
    ox = rng.uniform(-min(xs), max(-min(xs), 31 - margin - max(xs))) if w < 31 - margin else -min(xs)
    oy = rng.uniform(-min(ys), max(-min(ys), 31 - margin - max(ys))) if h < 31 - margin else -min(ys)
    grid = [[0] * 32 for _ in range(32)]
    for stroke in placed:
        # Dense samples, like motion reports, each snapped to a cell and joined to the last.
        samples = []
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
            n = max(1, int(math.hypot(x1 - x0, y1 - y0) / 1.5))
            samples += [(x0 + (x1 - x0) * t / n, y0 + (y1 - y0) * t / n) for t in range(n)]
        samples.append(stroke[-1])
        cells = [(int(round(x + ox)), int(round(y + oy))) for x, y in samples]
        path = [cells[0]]
        for a, b in zip(cells, cells[1:]):
            path += line_cells(a, b)[1:]
        low = -1 if brush == 3 else 0
        for cx, cy in path:
            for dy in range(low, low + brush):
                for dx in range(low, low + brush):
                    if 0 <= cx + dx < 32 and 0 <= cy + dy < 32:
                        grid[cy + dy][cx + dx] = 1
    return "".join("".join("#" if v else "." for v in row) + "\n" for row in grid)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    per_digit = int(args[args.index("--per-digit") + 1]) if "--per-digit" in args else 30
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 2026
    rng = random.Random(seed)
    for kind, brushes in (("thin", [1]), ("thick", [2, 3])):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
        for digit in range(10):
            for i in range(per_digit):
                text = sketch(digit, rng.choice(brushes), rng)
                with open(os.path.join(out, kind, f"{digit}_{i:03d}.txt"), "w") as f:
                    f.write(text)


if __name__ == "__main__":
    main()
