#!/usr/bin/env python3
"""Writes drawings that are not digits, as a person draws them on the sketchpad's 32x32 grid, as
text grids (the format `lenet5 predict` reads): smileys, plus signs, crosses, stars, arrows,
letters, scribbles and other shapes, to measure how often "not a digit?" catches them.

Each shape is a few strokes in a unit box, jittered, slanted, rotated a little, stretched, drawn
10 to 30 cells large anywhere on the grid and painted like `make-sketches.py` paints digits (the
same code: successive cells joined by straight lines, a brush of 1, 2 or 3 cells).

Letters that do look like digits (O, D, I, l, Z, S, B, G, b, q, g) are written to their own
folder, `lookalike/`, so that they are reported apart, not mixed into the catch rate nor dropped.

    python3 Scripts/make-nondigits.py OUTDIR [--split tune|held-out] [--per-family N] [--seed S]

writes OUTDIR/nondigit/FAMILY_NNN.txt and OUTDIR/lookalike/LETTER_NNN.txt. The held-out split
(the default) adds families that the tuning split never has (a triangle, a square, a heart, a
hash sign, a tick, an infinity sign, a house, a sun, a lightning bolt, an envelope, a per cent
sign, a fish; the letters C, J, L, P, T, U, V, h, m, n, r, w), and is drawn from another seed
(default 3 for held-out, 1 for tune; seed 2 was an earlier held-out draw, looked at while
exploring, so no longer held out).
"""
import importlib.util
import math
import os
import random
import sys

_spec = importlib.util.spec_from_file_location(
    "make_sketches", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-sketches.py"))
make_sketches = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_sketches)
arc = make_sketches.arc
paint = make_sketches.paint


def dot(x, y):
    """An eye or a full stop: a click, or a tiny stroke."""
    return [(x, y), (x + 0.02, y + 0.02)]


def smiley(rng):
    face = arc(0.5, 0.5, 0.5, 0.5, -90, 270 + rng.uniform(-15, 10), 40)
    eyes = [dot(0.33, 0.36), dot(0.67, 0.36)]
    if rng.random() < 0.3:
        eyes = [[(0.33, 0.28), (0.33, 0.42)], [(0.67, 0.28), (0.67, 0.42)]]
    mood = rng.random()
    if mood < 0.7:
        mouth = arc(0.5, 0.55, 0.26, 0.2, 20, 160, 14)
    elif mood < 0.85:
        mouth = arc(0.5, 0.85, 0.24, 0.15, 200, 340, 14)
    else:
        mouth = [(0.3, 0.72), (0.7, 0.72)]
    return [face] + eyes + [mouth]


def plus(rng):
    c = rng.uniform(0.4, 0.6)
    return [[(c, 0.0), (c, 1.0)], [(0.0, rng.uniform(0.4, 0.6)), (1.0, rng.uniform(0.4, 0.6))]]


def cross(rng):
    return [[(0.0, 0.0), (1.0, 1.0)], [(1.0, 0.0), (0.0, 1.0)]]


def star(rng):
    if rng.random() < 0.6:
        # Five points in one stroke, as a child draws a star.
        points = [(0.5 + 0.5 * math.cos(math.radians(-90 + 144 * k)),
                   0.5 + 0.5 * math.sin(math.radians(-90 + 144 * k))) for k in range(6)]
        return [points]
    # An asterisk: three or four lines through the centre.
    lines = rng.choice([3, 4])
    strokes = []
    for k in range(lines):
        a = math.radians(90 + 180 * k / lines)
        strokes.append([(0.5 - 0.5 * math.cos(a), 0.5 - 0.5 * math.sin(a)),
                        (0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a))])
    return strokes


def arrow(rng):
    # Pointing right, then turned to any of eight directions.
    head = rng.uniform(0.25, 0.4)
    shaft = [(0.0, 0.5), (1.0, 0.5)]
    if rng.random() < 0.5:
        heads = [[(1.0 - head, 0.5 - head), (1.0, 0.5), (1.0 - head, 0.5 + head)]]
    else:
        heads = [[(1.0 - head, 0.5 - head), (1.0, 0.5)], [(1.0 - head, 0.5 + head), (1.0, 0.5)]]
    turn = math.radians(45 * rng.randrange(8))
    c, s = math.cos(turn), math.sin(turn)

    def rotate(p):
        x, y = p[0] - 0.5, p[1] - 0.5
        return (0.5 + c * x - s * y, 0.5 + s * x + c * y)

    return [[rotate(p) for p in stroke] for stroke in [shaft] + heads]


def scribble(rng):
    kind = rng.random()
    if kind < 0.3:
        # A zigzag.
        teeth = rng.randint(3, 6)
        return [[(i / (2 * teeth), 0.0 if i % 2 == 0 else 1.0) for i in range(2 * teeth + 1)]]
    if kind < 0.5:
        # A spiral.
        turns = rng.uniform(1.5, 3)
        n = 60
        return [[(0.5 + 0.5 * (i / n) * math.cos(2 * math.pi * turns * i / n),
                  0.5 + 0.5 * (i / n) * math.sin(2 * math.pi * turns * i / n)) for i in range(n + 1)]]
    if kind < 0.7:
        # Loops along a line, like cursive l's or a spring.
        loops = rng.randint(3, 5)
        n = 20 * loops
        return [[(i / n + 0.12 * math.cos(2 * math.pi * loops * i / n),
                  0.5 + 0.4 * math.sin(2 * math.pi * loops * i / n)) for i in range(n + 1)]]
    # A random walk with momentum: what a hand does when it scribbles.
    x, y, heading = 0.5, 0.5, rng.uniform(0, 2 * math.pi)
    points = [(x, y)]
    for _ in range(rng.randint(12, 30)):
        heading += rng.gauss(0, 0.9)
        x = min(1, max(0, x + 0.15 * math.cos(heading)))
        y = min(1, max(0, y + 0.15 * math.sin(heading)))
        points.append((x, y))
    return [points]


# Letters as strokes, y down, in a box about 0.7 wide and 1 high.
LETTERS = {
    "A": [[(0.0, 1.0), (0.35, 0.0), (0.7, 1.0)], [(0.15, 0.6), (0.55, 0.6)]],
    "E": [[(0.6, 0.0), (0.0, 0.0), (0.0, 1.0), (0.6, 1.0)], [(0.0, 0.5), (0.45, 0.5)]],
    "F": [[(0.6, 0.0), (0.0, 0.0), (0.0, 1.0)], [(0.0, 0.5), (0.45, 0.5)]],
    "H": [[(0.0, 0.0), (0.0, 1.0)], [(0.6, 0.0), (0.6, 1.0)], [(0.0, 0.5), (0.6, 0.5)]],
    "K": [[(0.0, 0.0), (0.0, 1.0)], [(0.6, 0.0), (0.0, 0.55), (0.6, 1.0)]],
    "M": [[(0.0, 1.0), (0.0, 0.0), (0.4, 0.6), (0.8, 0.0), (0.8, 1.0)]],
    "N": [[(0.0, 1.0), (0.0, 0.0), (0.6, 1.0), (0.6, 0.0)]],
    "R": [[(0.0, 1.0), (0.0, 0.0)] + arc(0.2, 0.25, 0.35, 0.25, -90, 90, 10) + [(0.0, 0.5), (0.6, 1.0)]],
    "W": [[(0.0, 0.0), (0.2, 1.0), (0.45, 0.3), (0.7, 1.0), (0.9, 0.0)]],
    "Y": [[(0.0, 0.0), (0.35, 0.5), (0.7, 0.0)], [(0.35, 0.5), (0.35, 1.0)]],
    # Only in the held-out split.
    "C": [arc(0.4, 0.5, 0.4, 0.5, -50, -310, 24)],
    "J": [[(0.2, 0.0), (0.7, 0.0)], [(0.5, 0.0), (0.5, 0.75)] + arc(0.3, 0.75, 0.2, 0.25, 0, 180, 10)],
    "L": [[(0.0, 0.0), (0.0, 1.0), (0.6, 1.0)]],
    "P": [[(0.0, 1.0), (0.0, 0.0)] + arc(0.2, 0.27, 0.4, 0.27, -90, 90, 10) + [(0.0, 0.54)]],
    "T": [[(0.0, 0.0), (0.7, 0.0)], [(0.35, 0.0), (0.35, 1.0)]],
    "U": [[(0.0, 0.0), (0.0, 0.7)] + arc(0.3, 0.7, 0.3, 0.3, 180, 0, 12) + [(0.6, 0.0)]],
    "V": [[(0.0, 0.0), (0.35, 1.0), (0.7, 0.0)]],
    # Lowercase, only in the held-out split (drawn as tall as capitals, as people do on a grid).
    "h": [[(0.0, 0.0), (0.0, 1.0)], [(0.0, 0.6)] + arc(0.3, 0.6, 0.3, 0.2, 180, 360, 10) + [(0.6, 1.0)]],
    "m": [[(0.0, 1.0), (0.0, 0.2)] + arc(0.2, 0.35, 0.2, 0.2, 180, 360, 8) + [(0.4, 1.0)],
          [(0.4, 0.35)] + arc(0.6, 0.35, 0.2, 0.2, 180, 360, 8) + [(0.8, 1.0)]],
    "n": [[(0.0, 1.0), (0.0, 0.1)], [(0.0, 0.4)] + arc(0.3, 0.4, 0.3, 0.3, 180, 360, 10) + [(0.6, 1.0)]],
    "r": [[(0.0, 1.0), (0.0, 0.1)], [(0.0, 0.45)] + arc(0.3, 0.45, 0.3, 0.3, 180, 300, 8)],
    "w": [[(0.0, 0.0), (0.25, 1.0), (0.5, 0.3), (0.75, 1.0), (1.0, 0.0)]],
}

LOOKALIKES = {
    "O": [arc(0.35, 0.5, 0.35, 0.5, -90, 270, 40)],
    "D": [[(0.0, 0.0), (0.0, 1.0)] + arc(0.0, 0.5, 0.6, 0.5, 90, -90, 20)],
    "I": [[(0.3, 0.0), (0.3, 1.0)], [(0.0, 0.0), (0.6, 0.0)], [(0.0, 1.0), (0.6, 1.0)]],
    "l": [[(0.3, 0.0), (0.3, 1.0)]],
    "Z": [[(0.0, 0.0), (0.6, 0.0), (0.0, 1.0), (0.6, 1.0)]],
    "S": [arc(0.3, 0.25, 0.3, 0.25, -20, -270, 16) + arc(0.3, 0.75, 0.3, 0.25, -90, 160, 16)],
    "B": [[(0.0, 0.0), (0.0, 1.0)], [(0.0, 0.0)] + arc(0.2, 0.25, 0.35, 0.25, -90, 90, 10)
          + arc(0.2, 0.75, 0.4, 0.25, -90, 90, 10) + [(0.0, 1.0)]],
    "G": [arc(0.4, 0.5, 0.4, 0.5, -40, -360, 28) + [(0.8, 0.55), (0.45, 0.55)]],
    "b": [[(0.0, 0.0), (0.0, 1.0)], arc(0.3, 0.72, 0.3, 0.28, 180, 540, 24)],
    "q": [arc(0.3, 0.28, 0.3, 0.28, 0, 360, 24), [(0.6, 0.0), (0.6, 1.0)]],
    "g": [arc(0.3, 0.28, 0.3, 0.28, 0, 360, 24),
          [(0.6, 0.0), (0.6, 0.8)] + arc(0.3, 0.8, 0.3, 0.2, 0, 180, 10)],
}


def triangle(rng):
    return [[(0.5, 0.0), (1.0, 1.0), (0.0, 1.0), (0.5, 0.0)]]


def square(rng):
    return [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]]


def heart(rng):
    left = arc(0.27, 0.28, 0.25, 0.22, 0, -180, 12) + [(0.5, 1.0)]
    right = arc(0.73, 0.28, 0.25, 0.22, 180, 360, 12) + [(0.5, 1.0)]
    return [left, right]


def hash_sign(rng):
    return [[(0.35, 0.0), (0.25, 1.0)], [(0.75, 0.0), (0.65, 1.0)],
            [(0.0, 0.33), (1.0, 0.33)], [(0.0, 0.67), (1.0, 0.67)]]


def tick(rng):
    return [[(0.0, 0.55), (0.35, 1.0), (1.0, 0.0)]]


def infinity(rng):
    n = 40
    return [[(0.5 + 0.5 * math.sin(2 * math.pi * i / n),
              0.5 + 0.3 * math.sin(4 * math.pi * i / n)) for i in range(n + 1)]]


def house(rng):
    return [[(0.0, 0.4), (0.0, 1.0), (1.0, 1.0), (1.0, 0.4)], [(-0.1, 0.45), (0.5, 0.0), (1.1, 0.45)]]


def sun(rng):
    rays = []
    for k in range(rng.randint(6, 9)):
        a = 2 * math.pi * k / 8 + rng.uniform(-0.2, 0.2)
        rays.append([(0.5 + 0.3 * math.cos(a), 0.5 + 0.3 * math.sin(a)),
                     (0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a))])
    return [arc(0.5, 0.5, 0.22, 0.22, 0, 360, 20)] + rays


def lightning(rng):
    return [[(0.6, 0.0), (0.2, 0.55), (0.6, 0.5), (0.25, 1.0)]]


def envelope(rng):
    return [[(0.0, 0.0), (1.0, 0.0), (1.0, 0.7), (0.0, 0.7), (0.0, 0.0)],
            [(0.0, 0.0), (0.5, 0.4), (1.0, 0.0)]]


def percent(rng):
    return [arc(0.2, 0.2, 0.15, 0.15, 0, 360, 14), [(0.9, 0.0), (0.1, 1.0)],
            arc(0.8, 0.8, 0.15, 0.15, 0, 360, 14)]


def fish(rng):
    body = arc(0.4, 0.5, 0.4, 0.25, 0, 360, 28)
    return [body, [(0.8, 0.5), (1.05, 0.3), (1.05, 0.7), (0.8, 0.5)], dot(0.2, 0.45)]


def letter(name):
    return lambda rng: LETTERS[name]


TUNE_FAMILIES = {
    "smiley": smiley, "plus": plus, "cross": cross, "star": star, "arrow": arrow,
    "scribble": scribble, **{f"letter-{c}": letter(c) for c in "AEFHKMNRWY"},
}
HELD_OUT_ONLY = {
    "triangle": triangle, "square": square, "heart": heart, "hash": hash_sign, "tick": tick,
    "infinity": infinity, "house": house, "sun": sun, "lightning": lightning,
    "envelope": envelope, "percent": percent, "fish": fish,
    **{f"letter-{c}": letter(c) for c in "CJLPTUV"},
    **{f"letter-{c}-lower": letter(c) for c in "hmnrw"},
}


def draw(strokes, brush, rng):
    """Strokes of a unit box, jittered and placed as a hand would draw them, then painted."""
    size = rng.uniform(10, 30)
    stretch = rng.uniform(0.8, 1.25)
    slant = rng.uniform(-0.25, 0.25)
    rotation = math.radians(rng.uniform(-10, 10))
    wobble = [(rng.uniform(0, 6.3), rng.uniform(0.5, 2.0), rng.uniform(0, 0.02)) for _ in range(2)]
    xs = [p[0] for st in strokes for p in st]
    ys = [p[1] for st in strokes for p in st]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)

    def place(p):
        x, y = p
        x += rng.gauss(0, 0.012) + sum(a * math.sin(f * y * 6 + ph) for ph, f, a in wobble)
        y += rng.gauss(0, 0.012)
        x = (x - cx) * stretch + slant * (cy - y)
        y = y - cy
        c, s = math.cos(rotation), math.sin(rotation)
        return (size / extent * (c * x - s * y), size / extent * (s * x + c * y))

    placed = [[place(p) for p in stroke] for stroke in strokes]
    # Shrink what would not fit on the grid, as a person would draw it smaller.
    xs = [p[0] for st in placed for p in st]
    ys = [p[1] for st in placed for p in st]
    fit = min(1.0, (31 - brush) / max(max(xs) - min(xs), max(ys) - min(ys)))
    placed = [[(x * fit, y * fit) for x, y in stroke] for stroke in placed]
    return paint(placed, brush, rng)


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    out = args[0]
    split = args[args.index("--split") + 1] if "--split" in args else "held-out"
    if split not in ("tune", "held-out"):
        sys.exit("--split is tune or held-out")
    per_family = int(args[args.index("--per-family") + 1]) if "--per-family" in args else 20
    default_seed = 1 if split == "tune" else 3
    rng = random.Random(int(args[args.index("--seed") + 1]) if "--seed" in args else default_seed)
    families = dict(TUNE_FAMILIES)
    if split == "held-out":
        families.update(HELD_OUT_ONLY)
    lookalikes = {f"letter-{c}" if c.isupper() else f"letter-{c}-lower": (lambda c: lambda rng: LOOKALIKES[c])(c)
                  for c in LOOKALIKES}
    for folder, chosen in (("nondigit", families), ("lookalike", lookalikes)):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        for name, shape in chosen.items():
            for i in range(per_family):
                text = draw(shape(rng), rng.choice([1, 1, 2, 3]), rng)
                with open(os.path.join(out, folder, f"{name}_{i:03d}.txt"), "w") as f:
                    f.write(text)


if __name__ == "__main__":
    main()
