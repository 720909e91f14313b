#!/usr/bin/env python3
"""Writes digits in one style of handwriting, drawn as people draw on the sketchpad, to measure how
well teaching the network one group of writers' digits (`lenet5 transfer` on folders 0 to 9)
carries over to other writers of the same style.

A style fixes how each digit is written (from the stroke templates of Scripts/make-sketches.py: a
1 with a flag and a foot, a 7 with a bar, a closed 4, a looped 2, ...) and the range of the
writers' habits (slant, width, size, brush, shakiness); each writer, seeded by number, draws every
digit with their own habits, rasterised as the sketchpad does (Scripts/make-symbols.py).

    python3 Scripts/make-styled-digits.py OUTDIR --style NAME [--per-digit N] [--writers A-B]
        [--seed S]
writes OUTDIR/<digit>/NNN.txt, drawing i by writer A + (i mod the number of writers). Styles:
"""
import importlib.util
import os
import random
import sys

_here = os.path.dirname(os.path.abspath(__file__))


def _load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(_here, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sketches = _load("sketches", "make-sketches.py")
symbols = _load("symbols", "make-symbols.py")

# Per style: the template of Scripts/make-sketches.py used for each digit, and the ranges of the
# writers' habits: slant (positive leans the tops to the right), width (stretch) and height in
# cells.
STYLES = {
    # The continental hand: 1 with a long flag and a foot, 7 with a bar, closed 4, looped 2, a 9
    # with a curved tail.
    "continental": {
        "templates": {0: 0, 1: 2, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0, 9: 1},
        "slant": (0.1, 0.3), "stretch": (0.8, 1.1), "size": (16, 26),
    },
    # A narrow, upright hand with flat-topped 3s, straight-backed 6s, open 4s and hooked 7s.
    "narrow": {
        "templates": {0: 1, 1: 3, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 2, 8: 1, 9: 2},
        "slant": (-0.05, 0.1), "stretch": (0.55, 0.75), "size": (18, 28),
    },
}


class StyledWriter(symbols.Writer):
    def __init__(self, number, seed, style):
        super().__init__(number, seed)
        rng = random.Random(seed * 1_000_003 + number * 7 + 1)
        self.slant = rng.uniform(*style["slant"])
        self.stretch = rng.uniform(*style["stretch"])
        self.size = rng.uniform(*style["size"])


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-") or "--style" not in args:
        sys.exit(__doc__ + ", ".join(STYLES))

    def option(name, default):
        return args[args.index(name) + 1] if name in args else default

    out = args[0]
    style = STYLES.get(option("--style", ""))
    if style is None:
        sys.exit(f"unknown style: known are {', '.join(STYLES)}")
    per_digit = int(option("--per-digit", "10"))
    first, last = (int(v) for v in option("--writers", "0-9").split("-"))
    seed = int(option("--seed", "2026"))
    writers = [StyledWriter(n, seed, style) for n in range(first, last + 1)]
    shapes = {str(d): [sketches.TEMPLATES[d][i]] for d, i in style["templates"].items()}
    rng = random.Random(seed * 13 + first)
    for digit in range(10):
        os.makedirs(os.path.join(out, str(digit)), exist_ok=True)
        for i in range(per_digit):
            text = symbols.draw(shapes, str(digit), writers[i % len(writers)], rng)
            with open(os.path.join(out, str(digit), f"{i:03d}.txt"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
