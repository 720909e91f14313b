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

With --hands people (the default is plain, the hands of the first measurements), writers differ as
much as people do: each picks one of more ways of drawing a shape (an arrow pointing left, right,
up or down, with an open or a closed head; a star with five or six points, outlined, or an
asterisk; hearts round or pointed; a double-storey a or a round one), and keeps stronger habits: a
slant of up to 0.45, shapes from narrow to wide (0.6 to 1.6), 10 to 30 cells tall, brushes of 1 to
3 cells, a steady or shaky line, rounded corners when drawing fast, strokes that run on past their
ends or miss the stroke they should meet, closed shapes left open.

    python3 Scripts/make-symbols.py OUTDIR [--set symbols|letters] [--hands plain|people]
        [--per-class N] [--writers A-B] [--seed S] [--classes plus,star,...]
writes OUTDIR/<symbol>/NNN.txt, drawing i of a class by writer A + (i mod the number of writers).
The sets: """
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

# The letters of the first measurements (a letters set without --classes was these twelve).
FIRST_LETTERS = list(LETTERS)

# Eight more, for twenty lowercase letters, with look-alikes of those above (v of u, k of h, r of n,
# w of v, y of g).
LETTERS.update({
    "k": [[[(0.1, 0.0), (0.1, 1.0)], [(0.75, 0.4), (0.1, 0.72), (0.8, 1.0)]],
          [[(0.1, 0.0), (0.1, 1.0)], [(0.1, 0.78)] + bowl(0.4, 0.55, 0.3, 160, -130, 0.16)
           + [(0.35, 0.72), (0.8, 1.0)]]],
    "l": [[[(0.5, 0.0), (0.5, 1.0)]],
          [[(0.4, 0.0), (0.4, 0.85)] + bowl(0.55, 0.85, 0.15, 180, 90, 0.15)]],
    "m": [[[(0.0, 0.1), (0.0, 1.0)], [(0.0, 0.35)] + bowl(0.25, 0.35, 0.25, 180, 360, 0.25)
           + [(0.5, 1.0)], [(0.5, 0.35)] + bowl(0.75, 0.35, 0.25, 180, 360, 0.25) + [(1.0, 1.0)]],
          [[(0.0, 0.1), (0.0, 1.0), (0.0, 0.35)] + bowl(0.25, 0.35, 0.25, 180, 360, 0.25)
           + [(0.5, 1.0), (0.5, 0.35)] + bowl(0.75, 0.35, 0.25, 180, 360, 0.25) + [(1.0, 1.0)]]],
    "r": [[[(0.1, 0.1), (0.1, 1.0)], [(0.1, 0.45)] + bowl(0.45, 0.45, 0.35, 180, 310, 0.35)],
          [[(0.1, 0.05), (0.1, 1.0), (0.1, 0.45)] + bowl(0.45, 0.45, 0.35, 190, 320, 0.35)]],
    "s": [[bowl(0.5, 0.27, 0.38, -20, -270, 0.25) + bowl(0.5, 0.75, 0.38, -90, 160, 0.25)]],
    "v": [[[(0.0, 0.0), (0.5, 1.0), (1.0, 0.0)]],
          [[(0.05, 0.0), (0.45, 0.95), (0.55, 0.95), (0.95, 0.0)]]],
    "w": [[[(0.0, 0.0), (0.25, 1.0), (0.5, 0.3), (0.75, 1.0), (1.0, 0.0)]],
          [[(0.0, 0.0), (0.2, 1.0), (0.5, 0.2), (0.8, 1.0), (1.0, 0.0)]]],
    "y": [[[(0.1, 0.0), (0.5, 0.55)], [(0.9, 0.0), (0.3, 1.0)]],
          [[(0.1, 0.0), (0.1, 0.3)] + bowl(0.45, 0.3, 0.35, 180, 0, 0.25) + [(0.8, 0.0), (0.8, 0.8)]
           + bowl(0.5, 0.8, 0.3, 0, 170, 0.15)]],
})

SETS = {"symbols": SYMBOLS, "letters": LETTERS}


def rotated(strokes, degrees):
    """A way of drawing turned about the box's centre (an arrow pointing another way)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [[(0.5 + c * (x - 0.5) - s * (y - 0.5), 0.5 + s * (x - 0.5) + c * (y - 0.5))
             for x, y in stroke] for stroke in strokes]


# More ways people draw the same shape, for --hands people: each writer picks one of the ways above
# and these. (Arrows: a closed head, and the same arrows pointing left, up, down and up-right.)
MORE_WAYS = {
    "plus": [[[(0.5, 0.0), (0.5, 1.0)], [(0.15, 0.33), (0.85, 0.33)]]],
    "star": [regular(3) + regular(3, 180), outlined_star(6)],
    "arrow": [[[(0.0, 0.5), (0.75, 0.5)], [(0.75, 0.25), (1.0, 0.5), (0.75, 0.75), (0.75, 0.25)]]]
    + [rotated(SYMBOLS["arrow"][way], angle) for way, angle in
       ((0, 180), (1, 180), (0, -90), (2, -90), (0, 90), (1, -45))],
    "heart": [[arc(0.28, 0.32, 0.28, 0.28, -20, -225, 14) + [(0.5, 0.95)],
               arc(0.72, 0.32, 0.28, 0.28, 200, 405, 14) + [(0.5, 0.95)]],
              [[(0.5, 0.2)] + arc(0.27, 0.22, 0.23, 0.18, 0, -180, 12) + [(0.5, 1.0), (0.96, 0.22)]
               + arc(0.73, 0.22, 0.23, 0.18, 0, -180, 12)]],
    "check": [[[(0.0, 0.6), (0.3, 1.0)] + arc(1.1, 1.0, 0.8, 1.0, 180, 265, 10)]],
    "triangle": [polygon([(0.0, 0.0), (0.0, 1.0), (1.0, 1.0)])],
    "spiral": [spiral(1.5), spiral(4, -1),
               [[(0.5, 0.5), (0.6, 0.5), (0.6, 0.62), (0.38, 0.62), (0.38, 0.36), (0.74, 0.36),
                 (0.74, 0.78), (0.22, 0.78), (0.22, 0.2), (0.9, 0.2), (0.9, 0.95), (0.05, 0.95),
                 (0.05, 0.05), (1.0, 0.05)]]],
    "infinity": [[arc(0.27, 0.5, 0.27, 0.3, 0, 360, 24) + arc(0.73, 0.5, 0.27, 0.3, 180, -180, 24)]],
    "question": [[arc(0.5, 0.27, 0.4, 0.27, 180, 450, 20) + [(0.5, 0.75)],
                  arc(0.5, 0.95, 0.04, 0.04, 0, 360, 8)],
                 [[(0.1, 0.25), (0.35, 0.0), (0.8, 0.05), (0.85, 0.3), (0.5, 0.5), (0.5, 0.75)],
                  [(0.5, 0.95), (0.5, 1.0)]]],
    "alpha": [[[(1.0, 0.3)] + arc(0.4, 0.55, 0.4, 0.4, -15, -345, 24) + [(1.0, 0.8)]]],
    "a": [[[(0.15, 0.2)] + bowl(0.5, 0.25, 0.35, 200, 360, 0.22) + [(0.85, 1.0)],
           [(0.85, 0.55)] + bowl(0.5, 0.72, 0.35, -20, -340, 0.26)]],
    "g": [[bowl(0.45, 0.28, 0.3, 0, 360, 0.26), [(0.8, 0.05), (0.8, 0.95), (0.1, 0.95)]]],
    "u": [[[(0.1, 0.0), (0.1, 0.55)] + bowl(0.47, 0.55, 0.37, 180, 0, 0.42) + [(0.84, 0.0)]]],
    "y": [[[(0.1, 0.0), (0.5, 0.6), (0.9, 0.0), (0.5, 0.6), (0.35, 1.0)]]],
    "e": [[[(0.15, 0.5), (0.85, 0.5), (0.8, 0.25)] + bowl(0.5, 0.5, 0.4, -40, -320)]],
}


def ways(name, hands):
    """The ways of drawing `name` a writer of these hands picks from."""
    shapes = SYMBOLS if name in SYMBOLS else LETTERS
    return shapes[name] + (MORE_WAYS.get(name, []) if hands == "people" else [])


def chaikin(stroke):
    """One pass of corner cutting: a stroke drawn fast loses its sharp corners."""
    if len(stroke) < 3:
        return stroke
    out = [stroke[0]]
    for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
        out += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1),
                (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
    return out + [stroke[-1]]


def run_on(stroke, start, end):
    """The stroke carried on past its first and last points by `start` and `end` (box units)."""
    def extend(a, b, by):
        d = math.hypot(a[0] - b[0], a[1] - b[1]) or 1
        return (a[0] + (a[0] - b[0]) / d * by, a[1] + (a[1] - b[1]) / d * by)
    return [extend(stroke[0], stroke[1], start)] + stroke + [extend(stroke[-1], stroke[-2], end)]


def left_open(stroke, share):
    """A closed stroke that stops `share` of its length short of where it began."""
    length = [0.0]
    for a, b in zip(stroke, stroke[1:]):
        length.append(length[-1] + math.hypot(b[0] - a[0], b[1] - a[1]))
    keep = length[-1] * (1 - share)
    out = [stroke[0]]
    for a, b, at, end in zip(stroke, stroke[1:], length, length[1:]):
        if end >= keep:
            t = (keep - at) / max(end - at, 1e-9)
            return out + [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)]
        out.append(b)
    return out


class Writer:
    """A person's hand: their way of drawing each symbol and their habits."""

    def __init__(self, number, seed, hands="plain"):
        rng = random.Random(seed * 100_003 + number)
        # (Only the first sets' names draw from rng, so that plain hands draw what they drew.)
        self.way = {name: rng.randrange(len(ways))
                    for shapes in (SYMBOLS, {n: LETTERS[n] for n in FIRST_LETTERS})
                    for name, ways in shapes.items()}
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
        self.rounding = 0
        self.run_on = 0.0
        self.opening = 0.0
        if hands == "people":
            self.people(random.Random(seed * 100_019 + 3 * number + 1))
        else:
            extra = random.Random(seed * 100_043 + number)
            for name in LETTERS:
                self.way.setdefault(name, extra.randrange(len(LETTERS[name])))

    def people(self, rng):
        """Habits as far apart as people's."""
        # The usual ways (those of plain hands) twice as often as each of the others.
        self.way = {}
        for name in list(SYMBOLS) + list(LETTERS):
            usual = len(ways(name, "plain"))
            weights = [2 if i < usual else 1 for i in range(len(ways(name, "people")))]
            self.way[name] = rng.choices(range(len(weights)), weights)[0]
        self.slant = rng.uniform(-0.45, 0.45)
        self.stretch = math.exp(rng.uniform(math.log(0.6), math.log(1.6)))
        self.size = rng.uniform(10, 30)
        self.brush = rng.choices([1, 2, 3], [0.5, 0.35, 0.15])[0]
        if self.brush == 3:
            # Nobody draws small with the widest brush: the drawing would be a blot.
            self.size = max(self.size, 18)
        self.shake = rng.uniform(0.005, 0.06)
        self.rotation = rng.uniform(-15, 15)
        self.sloppiness = rng.uniform(0.0, 0.12)
        self.warp = Warp(rng, rng.uniform(0.05, 0.15))
        # Passes of corner cutting (a quick hand), how far strokes run on past their ends, and how
        # much of a closed shape is left open.
        self.rounding = rng.choice([0, 0, 1, 2])
        self.run_on = rng.uniform(0.0, 0.08)
        self.opening = rng.uniform(0.0, 0.12)

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


def draw(shapes, name, writer, rng, hands="plain"):
    choices = shapes[name] + (MORE_WAYS.get(name, []) if hands == "people" else [])
    strokes = choices[writer.way.get(name, 0) % len(choices)]
    if hands == "people":
        strokes = [habits(stroke, writer, rng) for stroke in strokes]
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
    if hands == "people":
        # What would not fit on the grid is drawn smaller, as a person would.
        xs = [p[0] for st in placed for p in st]
        ys = [p[1] for st in placed for p in st]
        fit = min(1.0, (31 - writer.brush) / max(max(xs) - min(xs), max(ys) - min(ys), 1e-6))
        placed = [[(x * fit, y * fit) for x, y in stroke] for stroke in placed]
    return sketches.paint(placed, writer.brush, rng)


def habits(stroke, writer, rng):
    """A stroke as this writer draws it: rounded, run on, closed shapes left open."""
    closed = math.hypot(stroke[0][0] - stroke[-1][0], stroke[0][1] - stroke[-1][1]) < 0.05
    if closed and writer.opening > 0:
        stroke = left_open(stroke, writer.opening * rng.uniform(0.5, 1.5))
    for _ in range(writer.rounding):
        stroke = chaikin(stroke)
    if not closed and len(stroke) >= 2:
        stroke = run_on(stroke, writer.run_on * rng.random(), writer.run_on * rng.random())
    return stroke


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
    hands = option("--hands", "plain")
    if hands not in ("plain", "people"):
        sys.exit(f"unknown hands {hands}: plain or people")
    if kind not in SETS:
        sys.exit(f"unknown set {kind}: {', '.join(SETS)}")
    shapes = SETS[kind]
    default = FIRST_LETTERS if kind == "letters" and hands == "plain" else list(shapes)
    names = option("--classes", ",".join(default)).split(",")
    unknown = [n for n in names if n not in shapes]
    if unknown:
        sys.exit(f"unknown {kind}: {', '.join(unknown)} (known: {', '.join(shapes)})")
    writers = [Writer(n, seed, hands) for n in range(first, last + 1)]
    rng = random.Random(seed * 7 + first)
    for name in names:
        os.makedirs(os.path.join(out, name), exist_ok=True)
        for i in range(per_class):
            text = draw(shapes, name, writers[i % len(writers)], rng, hands)
            with open(os.path.join(out, name, f"{i:03d}.txt"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
