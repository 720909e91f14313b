#!/usr/bin/env python3
"""Measures whether `lenet5 explain` is faithful, from outside, through the command line only:
for each drawing, erase the 10 ink cells its saliency map rates highest, and separately 10 ink
cells picked at random, and ask `lenet5 predict` for the predicted digit's probability after each.
A faithful map makes the first fall further. Prints, per method, for how many drawings it did.

    python3 Scripts/saliency-faithfulness.py DIR... [--lenet5 PATH] [--seed S]
takes every .txt text grid under the directories (as Scripts/make-sketches.py writes them).
No third-party packages.
"""
import json
import os
import random
import subprocess
import sys
import tempfile


def run(lenet5, args):
    result = subprocess.run([lenet5] + args, capture_output=True, text=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def erased(lines, cells):
    rows = [list(line.ljust(32, ".")) for line in lines]
    for x, y in cells:
        rows[y][x] = "."
    return "".join("".join(row) + "\n" for row in rows)


def main():
    args = sys.argv[1:]
    lenet5 = args[args.index("--lenet5") + 1] if "--lenet5" in args else ".build/release/lenet5"
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
    skip = {args.index(o) + 1 for o in ("--lenet5", "--seed") if o in args}
    dirs = [a for i, a in enumerate(args) if not a.startswith("--") and i not in skip]
    files = sorted(os.path.join(root, name) for d in dirs for root, _, names in os.walk(d)
                   for name in names if name.endswith(".txt"))
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        for method in ("occlusion", "gradient"):
            maps = run(lenet5, ["explain", "--json", "--method", method] + files)
            jobs = []
            for k, m in enumerate(maps):
                lines = open(m["file"]).read().splitlines()
                ink = [(x, y) for y, line in enumerate(lines) for x, c in enumerate(line)
                       if c in "#1"]
                ranked = sorted(ink, key=lambda c: -m["saliency"][c[1]][c[0]])
                for kind, cells in (("top", ranked[:10]), ("random", rng.sample(ink, min(10, len(ink))))):
                    path = os.path.join(scratch, f"{k}-{kind}.txt")
                    with open(path, "w") as f:
                        f.write(erased(lines, cells))
                    jobs.append(path)
            after = {os.path.basename(p["file"]): p for p in run(lenet5, ["predict", "--json"] + jobs)}
            faithful = 0
            for k, m in enumerate(maps):
                digit = m["prediction"]

                def probability(kind):
                    p = after[f"{k}-{kind}.txt"]["probabilities"]
                    return 0.0 if p is None else p[digit]

                if probability("top") < probability("random"):
                    faithful += 1
            print(f"{method}: erasing the 10 most salient cells lowered the probability more than "
                  f"10 random ones for {faithful} of {len(maps)} drawings "
                  f"({100 * faithful / max(1, len(maps)):.1f}%)")


if __name__ == "__main__":
    main()
