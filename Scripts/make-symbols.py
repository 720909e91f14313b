#!/usr/bin/env python3
"""Writes symbols drawn the way people draw them on the sketchpad, for teaching the network classes
MNIST never had (`lenet5 transfer`): one folder per symbol of text grids, 32x32, as the sketchpad
saves them.

Each symbol has a few ways of being drawn (a star as one five-pointed stroke or as crossing lines,
an arrow with its head in one stroke or two, ...). Each "writer" (seeded) picks one way per symbol
and keeps a hand of their own: a slant, a width, a usual size, a brush, a shaky or steady line.
Every drawing of a writer is then jittered, placed anywhere at some size, and rasterised as the
sketchpad does: successive cells of a stroke joined by straight lines, painted with the brush.
Drawings of other writers (another --writers range) make a held-out test set.

    python3 Scripts/make-symbols.py OUTDIR [--set symbols|letters] [--per-class N]
        [--writers A-B] [--seed S] [--classes plus,star,...]
writes OUTDIR/<symbol>/NNN.txt. The sets: """
import importlib.util
import math
import os
import random
import sys

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("sketches", os.path.join(_here, "make-sketches.py"))
sketches = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sketches)
arc = sketches.arc


def star5(rotate=0.0):
    """A five-pointed star in one stroke: every second point of a pentagon."""
    points = []
    for i in range(6):
        a = math.radians(-90 + rotate + 144 * i)
        points.append((0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a)))
    return [points]


def polygon(points, close=True):
    return [list(points) + ([points[0]] if close else [])]


def regular(n, rotate=0.0, step=1):
    """Every `step`-th corner of a regular n-gon, as one closed stroke."""
    corners = []
    for i in range(n + 1):
        a = math.radians(-90 + rotate + 360 / n * step * i)
        corners.append((0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a)))
    return [corners]


def outlined_star(points=5):
    corners = []
    for i in range(2 * points + 1):
        r = 0.5 if i % 2 == 0 else 0.22
        a = math.radians(-90 + 180 / points * i)
        corners.append((0.5 + r * math.cos(a), 0.5 + r * math.sin(a)))
    return [corners]


def spiral(turns, direction=1):
    n = int(20 * turns)
    return [[(0.5 + 0.5 * t * math.cos(direction * 2 * math.pi * turns * t),
              0.5 + 0.5 * t * math.sin(direction * 2 * math.pi * turns * t))
             for t in [i / n for i in range(n + 1)]]]


# Each symbol: ways of drawing it; each way a list of strokes; each stroke a list of (x, y) in a
# box of about 1 x 1, y down.
SYMBOLS = {
    "plus": [
        [[(0.5, 0.0), (0.5, 1.0)], [(0.0, 0.5), (1.0, 0.5)]],
        [[(0.0, 0.5), (1.0, 0.5)], [(0.5, 0.0), (0.5, 1.0)]],
        [[(0.5, 0.1), (0.5, 0.9)], [(0.1, 0.4), (0.9, 0.4)]],
        [[(0.45, 0.0), (0.5, 1.0)], [(0.0, 0.55), (1.0, 0.45)]],
    ],
    "star": [
        star5(),
        star5(10),
        outlined_star(),
        # An asterisk: three or four crossing lines.
        [[(0.5, 0.0), (0.5, 1.0)], [(0.07, 0.25), (0.93, 0.75)], [(0.07, 0.75), (0.93, 0.25)]],
        [[(0.5, 0.0), (0.5, 1.0)], [(0.0, 0.5), (1.0, 0.5)], [(0.15, 0.15), (0.85, 0.85)],
         [(0.15, 0.85), (0.85, 0.15)]],
    ],
    "arrow": [
        [[(0.0, 0.5), (1.0, 0.5)], [(0.65, 0.2), (1.0, 0.5), (0.65, 0.8)]],
        [[(0.0, 0.5), (1.0, 0.5), (0.65, 0.2)], [(1.0, 0.5), (0.65, 0.8)]],
        [[(0.0, 0.55), (0.95, 0.5)], [(0.7, 0.25), (0.95, 0.5)], [(0.7, 0.75), (0.95, 0.5)]],
        [[(0.0, 0.5), (0.7, 0.5)], [(0.7, 0.25), (1.0, 0.5), (0.7, 0.75), (0.7, 0.25)]],
    ],
    "alpha": [
        [[(1.0, 0.15), (0.75, 0.6)] + arc(0.4, 0.6, 0.35, 0.33, 0, 360, 24)[1:] + [(0.75, 0.6), (1.0, 1.0)]],
        [[(0.95, 0.2)] + arc(0.4, 0.55, 0.38, 0.38, 20, 345, 24) + [(1.0, 0.95)]],
        [[(1.0, 0.0), (0.7, 0.7)] + arc(0.38, 0.6, 0.35, 0.35, 10, 350, 24)[1:] + [(0.85, 1.0)]],
    ],
    "heart": [
        [arc(0.27, 0.3, 0.25, 0.25, 0, -180, 12) + [(0.5, 1.0), (1.0, 0.3)] + arc(0.73, 0.3, 0.25, 0.25, 0, -180, 12)],
        [arc(0.27, 0.3, 0.25, 0.25, 0, -190, 12) + [(0.5, 1.0)],
         arc(0.73, 0.3, 0.25, 0.25, 180, 370, 12) + [(0.5, 1.0)]],
        [[(0.5, 0.3)] + arc(0.28, 0.3, 0.22, 0.25, 0, -200, 12) + [(0.5, 1.0)]
         + arc(0.72, 0.3, 0.22, 0.25, 20, -180, 12)[::-1]],
    ],
    "check": [
        [[(0.0, 0.55), (0.35, 1.0), (1.0, 0.0)]],
        [[(0.05, 0.6), (0.3, 0.95), (0.45, 0.8), (1.0, 0.05)]],
        [[(0.0, 0.7), (0.25, 1.0), (0.6, 0.3), (1.0, 0.0)]],
    ],
    "triangle": [
        polygon([(0.5, 0.0), (1.0, 1.0), (0.0, 1.0)]),
        polygon([(0.0, 1.0), (0.5, 0.0), (1.0, 1.0)]),
        regular(3, 5),
    ],
    "spiral": [spiral(3), spiral(2.5, -1), spiral(2)],
    "infinity": [
        [[(0.5 + 0.5 * math.sin(t), 0.5 + 0.25 * math.sin(2 * t))
          for t in [2 * math.pi * i / 40 for i in range(41)]]],
        [[(0.5 - 0.5 * math.sin(t), 0.5 + 0.3 * math.sin(2 * t))
          for t in [2 * math.pi * i / 40 for i in range(41)]]],
    ],
    "question": [
        [arc(0.5, 0.25, 0.35, 0.25, 180, 430, 20) + [(0.5, 0.7)], [(0.5, 0.92), (0.5, 1.0)]],
        [arc(0.5, 0.25, 0.4, 0.25, 190, 450, 20) + [(0.5, 0.55), (0.5, 0.75)], [(0.5, 0.95), (0.52, 1.0)]],
        [arc(0.45, 0.28, 0.4, 0.28, 170, 420, 20) + [(0.45, 0.78)], [(0.45, 0.97), (0.47, 1.0)]],
    ],
}


def bowl(cx, cy, r, start=0, end=360, ry=None):
    return arc(cx, cy, r, ry if ry is not None else r, start, end, 24)


# Handwritten lowercase letters, which MNIST never had and which look alike in pairs (b d p q,
# n h u, o c e a): a harder set. A letter's box is about 1 x 1, the bowls in its lower part for
# letters with ascenders, in its upper part for those with descenders.
LETTERS = {
    "a": [[bowl(0.45, 0.55, 0.4, -20, 340), [(0.85, 0.1), (0.85, 1.0)]],
          [[(0.85, 0.35)] + bowl(0.45, 0.6, 0.4, -10, 350) + [(0.85, 0.2), (0.88, 1.0)]]],
    "b": [[[(0.1, 0.0), (0.1, 1.0)], bowl(0.45, 0.72, 0.3, 180, 540, 0.28)],
          [[(0.1, 0.0), (0.1, 1.0)] + bowl(0.42, 0.72, 0.32, 160, -180, 0.28)]],
    "c": [[bowl(0.5, 0.5, 0.45, -40, -320)], [bowl(0.5, 0.5, 0.42, -55, -300)]],
    "d": [[bowl(0.45, 0.72, 0.32, 0, 360, 0.28), [(0.85, 0.0), (0.85, 1.0)]],
          [[(0.8, 0.55)] + bowl(0.45, 0.72, 0.32, -20, 340, 0.28) + [(0.85, 0.0), (0.85, 1.0)]]],
    "e": [[[(0.1, 0.5), (0.9, 0.5)] + bowl(0.5, 0.5, 0.42, 0, -300)],
          [[(0.15, 0.55), (0.85, 0.45)] + bowl(0.5, 0.5, 0.4, -10, -310)]],
    "g": [[bowl(0.45, 0.28, 0.3, 0, 360, 0.26), [(0.8, 0.05), (0.8, 0.85)] + bowl(0.5, 0.85, 0.3, 0, 170, 0.15)],
          [[(0.8, 0.2)] + bowl(0.45, 0.28, 0.32, -20, 340, 0.26) + [(0.78, 0.9)] + bowl(0.5, 0.88, 0.28, 0, 180, 0.12)]],
    "h": [[[(0.1, 0.0), (0.1, 1.0)], [(0.1, 0.65)] + bowl(0.45, 0.65, 0.33, 180, 360, 0.25) + [(0.78, 1.0)]]],
    "n": [[[(0.1, 0.1), (0.1, 1.0)], [(0.1, 0.4)] + bowl(0.45, 0.45, 0.35, 180, 360, 0.35) + [(0.8, 1.0)]],
          [[(0.1, 0.05), (0.1, 1.0), (0.1, 0.4)] + bowl(0.45, 0.45, 0.35, 190, 360, 0.35) + [(0.8, 1.0)]]],
    "o": [[bowl(0.5, 0.5, 0.45, -90, 270)], [bowl(0.5, 0.5, 0.42, -100, 275, 0.48)]],
    "p": [[[(0.1, 0.0), (0.1, 1.0)], bowl(0.45, 0.28, 0.32, 180, 540, 0.26)],
          [[(0.1, 1.0), (0.1, 0.0)] + bowl(0.42, 0.28, 0.32, 200, 520, 0.26)]],
    "q": [[bowl(0.45, 0.28, 0.32, 0, 360, 0.26), [(0.85, 0.0), (0.85, 1.0)]],
          [[(0.85, 0.2)] + bowl(0.45, 0.28, 0.32, -20, 340, 0.26) + [(0.85, 0.0), (0.88, 1.0), (1.0, 0.9)]]],
    "u": [[[(0.1, 0.0), (0.1, 0.55)] + bowl(0.45, 0.55, 0.35, 180, 0, 0.4) + [(0.8, 0.0), (0.82, 1.0)]],
          [[(0.1, 0.0), (0.12, 0.6)] + bowl(0.47, 0.6, 0.35, 180, 0, 0.35) + [(0.82, 0.0)]]],
}

SETS = {"symbols": SYMBOLS, "letters": LETTERS}


class Writer:
    """A person's hand: their way of drawing each symbol and their habits."""

    def __init__(self, number, seed):
        rng = random.Random(seed * 100_003 + number)
        self.way = {name: rng.randrange(len(ways))
                    for shapes in SETS.values() for name, ways in shapes.items()}
        self.slant = rng.uniform(-0.25, 0.25)
        self.stretch = rng.uniform(0.8, 1.2)
        self.size = rng.uniform(14, 26)
        self.brush = 1 if rng.random() < 0.75 else 2
        self.shake = rng.uniform(0.01, 0.04)
        self.rotation = rng.uniform(-8, 8)
        # How far strokes that should meet miss each other.
        self.sloppiness = rng.uniform(0.0, 0.06)
        # A writer's own way of bending shapes: a smooth warp of the box, the same each time.
        self.warp = Warp(rng, rng.uniform(0.03, 0.1))


class Warp:
    """A smooth random bending of the unit box: a few sine waves of random direction and phase."""

    def __init__(self, rng, amplitude):
        self.waves = [(rng.uniform(0, 2 * math.pi), rng.uniform(0.5, 1.5), rng.uniform(0, 2 * math.pi),
                       rng.uniform(-amplitude, amplitude), rng.uniform(-amplitude, amplitude))
                      for _ in range(3)]

    def __call__(self, x, y):
        for angle, frequency, phase, ax, ay in self.waves:
            t = math.sin(2 * math.pi * frequency * (x * math.cos(angle) + y * math.sin(angle)) + phase)
            x, y = x + ax * t, y + ay * t
        return x, y


def draw(shapes, name, writer, rng):
    strokes = shapes[name][writer.way.get(name, 0) % len(shapes[name])]
    height = min(30, max(10, writer.size * rng.uniform(0.8, 1.25)))
    stretch = writer.stretch * rng.uniform(0.9, 1.1)
    slant = writer.slant + rng.uniform(-0.08, 0.08)
    rotation = math.radians(writer.rotation + rng.uniform(-6, 6))
    wobble = [(rng.uniform(0, 6.3), rng.uniform(0.5, 2.0), rng.uniform(0, writer.shake)) for _ in range(2)]

    bend = Warp(rng, 0.06)

    def place(p):
        x, y = bend(*writer.warp(*p))
        x += rng.gauss(0, writer.shake)
        y += rng.gauss(0, writer.shake)
        x += sum(a * math.sin(f * y * 6 + ph) for ph, f, a in wobble)
        x = (x - 0.5) * stretch + slant * (0.5 - y)
        y = y - 0.5
        c, s = math.cos(rotation), math.sin(rotation)
        return (height * (c * x - s * y), height * (s * x + c * y))

    def misplace(stroke):
        dx, dy = rng.gauss(0, writer.sloppiness), rng.gauss(0, writer.sloppiness)
        return [(x + dx, y + dy) for x, y in stroke]

    placed = [[place(p) for p in misplace(stroke)] for stroke in strokes]
    return sketches.paint(placed, writer.brush, rng)


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__ + "; ".join(f"{k}: {', '.join(v)}" for k, v in SETS.items()))
    out = args[0]

    def option(name, default):
        return args[args.index(name) + 1] if name in args else default

    per_class = int(option("--per-class", "10"))
    first, last = (int(v) for v in option("--writers", "0-4").split("-"))
    seed = int(option("--seed", "2026"))
    kind = option("--set", "symbols")
    if kind not in SETS:
        sys.exit(f"unknown set {kind}: {', '.join(SETS)}")
    shapes = SETS[kind]
    names = option("--classes", ",".join(shapes)).split(",")
    unknown = [n for n in names if n not in shapes]
    if unknown:
        sys.exit(f"unknown {kind}: {', '.join(unknown)} (known: {', '.join(shapes)})")
    writers = [Writer(n, seed) for n in range(first, last + 1)]
    rng = random.Random(seed * 7 + first)
    for name in names:
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for i in range(per_class):
            text = draw(shapes, name, writers[i % len(writers)], rng)
            with open(os.path.join(out, name, f"{i:03d}.txt"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
