#!/usr/bin/env python3
"""Measures what `lenet5 transfer` brings, through the command line only, on drawings made by
Scripts/make-symbols.py and Scripts/make-styled-digits.py (see README, "Teaching the network new
classes"). Every number of that README section comes from here.

Both sides of every comparison are the same network taught from the same drawings, each drawing
redrawn into the same 20 versions, with the same number of optimiser steps (Adam, batches of 16,
`--epochs` passes): by transfer (C1 to C5 kept from the shipped network, F6 and the output learn),
and from scratch (random weights, everything learns). Each side has its own step size and weight
decay, chosen on tuning sets (seeds 101 to 110) that the reported sets (seeds 1 to 10) are not.

Two measures: the held-out accuracy the command reports (stratified k-fold over the examples, each
drawn by another writer), and the accuracy on 30 drawings a class by 30 other writers of the
network taught from all the examples (from scratch: `--from` random weights, `--freeze none`,
`--no-compare`, the scratch settings).

Parts (--parts, comma-separated; all by default):
  tune    the candidate settings of each side on the tuning sets: what the defaults are chosen by
  confirm the settings before and after the tuning, on the reported sets
  curves  learning curves, 1 to 20 drawings a class, both sides, on the reported sets
  budget  training from scratch with 4 times the steps, and with the same time as transfer
  why     without augmentation; the first (plain) writers; one person teaching
  digits  your own digits: one style taught, tested on other writers of that style
  sources how the source network's training shapes transfer: networks trained by `lenet5 train`
          (10 epochs without augmentation, 10 with, 60 with every digit redrawn as a sketch) as
          --from, beside the shipped one, on the tuning sets (needs MNIST: --mnist DIR)
Sets: 10 symbols, and 20 lowercase letters (look-alikes among them: u v, n h r, o a, c e, b d p q,
g y q), drawn by writers whose hands differ as people's do (--hands people); `why` also uses the
plain writers of the first measurements.

    python3 Scripts/transfer-experiments.py [--lenet5 PATH] [--parts tune,curves,...]
        [--seeds N] [--tune-seeds N] [--work DIR] [--mnist DIR]
Needs a built lenet5 (default .build/release/lenet5). About two hours on two busy cores.
"""
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SKETCHES = os.path.join(ROOT, "Tests/EndToEndTests/Fixtures/sketches")
KINDS = ("symbols", "letters")
TEST_WRITERS = "100-129"

# The settings each side is measured with, as `lenet5 transfer` flags: the defaults of the command
# (transfer: --learning-rate 0.01, --weight-decay 2, 60 epochs; from scratch: --scratch-learning-rate
# 0.005, no decay, the same steps), spelled out so that a change of default cannot change them.
TRANSFER = {"learning_rate": 0.01, "weight_decay": 2.0, "epochs": 60}
SCRATCH = {"learning_rate": 0.005, "weight_decay": 0.0, "epochs": 60}


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


class Lab:
    def __init__(self, lenet5, work):
        self.lenet5 = lenet5
        self.work = work

    def drawings(self, kind, hands, per_class, writers, seed):
        """A folder of per_class drawings a class (each class's drawing i by writer
        first + i mod count). One drawing a class is given twice (the file copied): the command
        needs two; its versions differ, as another drawing's would, and both sides get the same."""
        folder = os.path.join(self.work, f"{kind}-{hands}-{per_class}-{writers}-{seed}")
        if not os.path.exists(folder):
            run([sys.executable, os.path.join(HERE, "make-symbols.py"), folder, "--set", kind,
                 "--hands", hands, "--per-class", str(max(per_class, 1)), "--writers", writers,
                 "--seed", str(seed)])
            if per_class == 1:
                for name in os.listdir(folder):
                    shutil.copy(os.path.join(folder, name, "000.txt"),
                                os.path.join(folder, name, "001.txt"))
        return folder

    def test(self, kind, hands, seed):
        folder = self.drawings(kind, hands, 30, TEST_WRITERS, seed)
        return [(os.path.join(folder, name, f), name) for name in sorted(os.listdir(folder))
                for f in sorted(os.listdir(os.path.join(folder, name)))]

    def accuracy(self, weights, labelled):
        command = [self.lenet5, "predict", "--json"] + (["--weights", weights] if weights else [])
        lines = run(command + [f for f, _ in labelled]).splitlines()
        right = sum(json.loads(line)["label"] == label for line, (_, label) in zip(lines, labelled))
        return right / len(labelled)

    def teach(self, examples, out, *flags):
        return json.loads(run([self.lenet5, "transfer", "--examples", examples, "--out", out,
                               "--json", *[str(f) for f in flags]]))

    def random_weights(self, seed):
        """LeNet-5 with LeCun's initialisation (uniform, variance 1 / fan-in; biases zero), as
        `lenet5 train` starts: one per set, so that no single draw of random weights decides."""
        path = os.path.join(self.work, f"random-{seed}.safetensors")
        if os.path.exists(path):
            return path
        rng = random.Random(seed * 7919 + 17)
        shapes = [("c1.weight", [6, 1, 5, 5]), ("c1.bias", [6]), ("c3.weight", [16, 6, 5, 5]),
                  ("c3.bias", [16]), ("c5.weight", [120, 16, 5, 5]), ("c5.bias", [120]),
                  ("f6.weight", [84, 120]), ("f6.bias", [84]), ("output.weight", [10, 84]),
                  ("output.bias", [10])]
        header, data = {"__metadata__": {"note": "random weights, not trained"}}, b""
        for name, shape in shapes:
            count = 1
            for d in shape:
                count *= d
            bound = (3 / (count // shape[0])) ** 0.5
            values = ([rng.uniform(-bound, bound) for _ in range(count)]
                      if name.endswith("weight") else [0.0] * count)
            header[name] = {"dtype": "F32", "shape": shape,
                            "data_offsets": [len(data), len(data) + 4 * count]}
            data += struct.pack(f"<{count}f", *values)
        text = json.dumps(header).encode()
        text += b" " * (-len(text) % 8)
        with open(path, "wb") as f:
            f.write(struct.pack("<Q", len(text)) + text + data)
        return path

    def measure(self, kind, hands, per_class, seed, transfer=TRANSFER, scratch=SCRATCH,
                writers="0-9", extra=(), other=True, kfold=True, scratch_side=True):
        """Held-out accuracies of both sides on one set: k-fold (None for one drawing a class)
        and on other writers. `extra` goes to both sides (e.g. --variants)."""
        folder = self.drawings(kind, hands, per_class, writers, seed)
        taught = os.path.join(self.work, "taught.safetensors")
        compare = kfold and per_class >= 2
        flags = ["--learning-rate", transfer["learning_rate"], "--weight-decay",
                 transfer["weight_decay"], "--epochs", transfer["epochs"],
                 *transfer.get("flags", []), *extra]
        if compare:
            flags += ["--scratch-learning-rate", scratch["learning_rate"], "--scratch-weight-decay",
                      scratch["weight_decay"], "--scratch-epochs",
                      scratch["epochs"] if scratch_side else 1]
        else:
            flags.append("--no-compare")
        report = self.teach(folder, taught, *flags)
        row = {"kfold_transfer": report["heldout_accuracy"] if compare else None,
               "kfold_scratch": report["scratch_heldout_accuracy"]
               if compare and scratch_side else None,
               "seconds": report["seconds"], "other_transfer": None, "other_scratch": None}
        if other:
            test = self.test(kind, hands, seed)
            row["other_transfer"] = self.accuracy(taught, test)
            if scratch_side:
                alone = os.path.join(self.work, "scratch.safetensors")
                self.teach(folder, alone, "--from", self.random_weights(seed), "--freeze", "none",
                           "--learning-rate", scratch["learning_rate"], "--weight-decay",
                           scratch["weight_decay"], "--epochs", scratch["epochs"], "--no-compare",
                           *extra)
                row["other_scratch"] = self.accuracy(alone, test)
        return row


def spread(values):
    """mean [lowest-highest] in per cent, over the sets."""
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    return (f"{100 * statistics.mean(values):5.1f} [{100 * min(values):.0f}-"
            f"{100 * max(values):.0f}]")


def gap(rows, a, b):
    """The mean difference a - b in points, with the smallest and largest of one set."""
    pairs = [(r[a], r[b]) for r in rows if r[a] is not None and r[b] is not None]
    if not pairs:
        return "-"
    d = [100 * (x - y) for x, y in pairs]
    return f"{statistics.mean(d):+5.1f} [{min(d):+.0f} to {max(d):+.0f}]"


def mean(rows, key):
    values = [r[key] for r in rows if r[key] is not None]
    return statistics.mean(values) if values else None


def tune(lab, seeds):
    print("Tuning sets (seeds 101 on; people's hands; 10 writers teach): held-out accuracy, %,")
    print("k-fold / other writers, for each set and drawings a class; 'mean' averages the four.")
    conditions = [(kind, per) for kind in KINDS for per in (5, 10)]
    head = "  ".join(f"{kind[:3]} {per:2}: k   oth" for kind, per in conditions)
    transfer = [
        ("before: lr 1e-2, no decay", {**TRANSFER, "weight_decay": 0}),
        ("F6 kept too (--freeze f6), no decay",
         {**TRANSFER, "weight_decay": 0, "flags": ["--freeze", "f6"]}),
        ("lr 3e-3, no decay", {**TRANSFER, "learning_rate": 0.003, "weight_decay": 0}),
        ("lr 3e-2, no decay", {**TRANSFER, "learning_rate": 0.03, "weight_decay": 0}),
        ("20 epochs, no decay", {**TRANSFER, "epochs": 20, "weight_decay": 0}),
        ("150 epochs, no decay", {**TRANSFER, "epochs": 150, "weight_decay": 0}),
        ("output from class means", {**TRANSFER, "weight_decay": 0,
                                     "flags": ["--output-start", "means"]}),
        ("weight decay 0.3", {**TRANSFER, "weight_decay": 0.3}),
        ("weight decay 1", {**TRANSFER, "weight_decay": 1}),
        ("weight decay 2 (the default)", TRANSFER),
        ("weight decay 3", {**TRANSFER, "weight_decay": 3}),
        ("weight decay 10", {**TRANSFER, "weight_decay": 10}),
        ("decay 2, F6 kept too", {**TRANSFER, "flags": ["--freeze", "f6"]}),
        ("C5 learns too (--freeze s4), lr 3e-3, no decay",
         {**TRANSFER, "learning_rate": 0.003, "weight_decay": 0, "flags": ["--freeze", "s4"]}),
        ("decay 2 toward the source (L2-SP)",
         {**TRANSFER, "flags": ["--decay-toward", "source"]}),
        ("decay 5 toward the source (L2-SP)",
         {**TRANSFER, "weight_decay": 5, "flags": ["--decay-toward", "source"]}),
        ("60 versions a drawing (--variants 60)", {**TRANSFER, "flags": ["--variants", "60"]}),
        ("everything learns (--freeze none), lr 3e-3, no decay",
         {**TRANSFER, "learning_rate": 0.003, "weight_decay": 0, "flags": ["--freeze", "none"]}),
    ]
    scratch = [
        ("lr 1e-3", {**SCRATCH, "learning_rate": 0.001}),
        ("lr 2e-3 (before: lenet5 train's)", {**SCRATCH, "learning_rate": 0.002}),
        ("lr 5e-3 (the default)", SCRATCH),
        ("lr 1e-2", {**SCRATCH, "learning_rate": 0.01}),
        ("lr 5e-3, weight decay 1", {**SCRATCH, "weight_decay": 1}),
        ("lr 5e-3, weight decay 3", {**SCRATCH, "weight_decay": 3}),
    ]
    for side, candidates in (("transfer", transfer), ("scratch", scratch)):
        print()
        print(f"{side:48} {head}   mean: k   oth")
        for label, settings in candidates:
            if side == "transfer":
                # The comparison's runs from scratch are not looked at: one epoch each.
                def measure(kind, per, seed, settings=settings):
                    return lab.measure(kind, "people", per, seed, transfer=settings,
                                       scratch_side=False)
            else:
                def measure(kind, per, seed, settings=settings):
                    r = lab.measure(kind, "people", per, seed, scratch=settings)
                    return {**r, "kfold_transfer": r["kfold_scratch"],
                            "other_transfer": r["other_scratch"]}
            tuning_row(label, conditions, seeds, measure)


def tuning_row(label, conditions, seeds, measure):
    """One line of a tuning table: for each condition (set, drawings a class), the mean k-fold and
    other-writers accuracy over the seeds of `measure(kind, per, seed)`'s transfer side, then the
    mean of those means."""
    cells, ks, others = [], [], []
    for kind, per in conditions:
        rows = [measure(kind, per, seed) for seed in seeds]
        k, o = mean(rows, "kfold_transfer"), mean(rows, "other_transfer")
        ks.append(k)
        others.append(o)
        cells.append(f"{100 * k:4.1f} {100 * o:4.1f}")
    print(f"{label:48} " + "  ".join(f"{c:>13}" for c in cells)
          + f"   {100 * statistics.mean(ks):4.1f} {100 * statistics.mean(others):4.1f}",
          flush=True)


def confirm(lab, seeds):
    print()
    print("Before and after the tuning, on the reported sets (seeds 1 on), %, k-fold / other writers:")
    print("hands   set      per class  transfer: no decay  decay 2     scratch: lr 2e-3  lr 5e-3")
    before_t = {**TRANSFER, "weight_decay": 0}
    before_s = {**SCRATCH, "learning_rate": 0.002}
    for hands in ("people", "plain"):
        for kind in KINDS:
            for per in (5, 10):
                old = [lab.measure(kind, hands, per, seed, transfer=before_t, scratch=before_s)
                       for seed in seeds]
                new = [lab.measure(kind, hands, per, seed) for seed in seeds]

                def cell(rows, side):
                    return (f"{100 * mean(rows, 'kfold_' + side):4.1f}/"
                            f"{100 * mean(rows, 'other_' + side):4.1f}")
                print(f"{hands:7} {kind:8} {per:9}  {cell(old, 'transfer'):>18}  "
                      f"{cell(new, 'transfer'):>9}   {cell(old, 'scratch'):>16}  "
                      f"{cell(new, 'scratch'):>9}", flush=True)


def curves(lab, seeds):
    print()
    print("Learning curves (reported sets: seeds 1 on; people's hands; 10 writers teach, drawing i")
    print("of a class by writer i mod 10): held-out accuracy, %, mean [lowest-highest] over the sets,")
    print("and transfer's lead in points [smallest to largest of one set]. One drawing a class:")
    print("given twice (the command needs two), so no k-fold.")
    for kind in KINDS:
        print()
        print(f"{kind:8} per class  k-fold: transfer   scratch        lead"
              f"                other writers: transfer  scratch        lead")
        for per in (1, 2, 3, 5, 10, 20):
            rows = [lab.measure(kind, "people", per, seed) for seed in seeds]
            print(f"{kind:8} {per:9}  {spread([r['kfold_transfer'] for r in rows]):>16}  "
                  f"{spread([r['kfold_scratch'] for r in rows]):>13}  "
                  f"{gap(rows, 'kfold_transfer', 'kfold_scratch'):>19}  "
                  f"{spread([r['other_transfer'] for r in rows]):>23}  "
                  f"{spread([r['other_scratch'] for r in rows]):>13}  "
                  f"{gap(rows, 'other_transfer', 'other_scratch'):>19}", flush=True)


def budget(lab, seeds):
    print()
    print("Budget: transfer beside training from scratch with the same steps (60 epochs), four")
    print("times the steps (240), and about the same time (6 epochs: a step from scratch costs")
    print("about ten of transfer's, which runs only F6 and the output), reported sets, %:")
    print("set      per class  transfer  scratch 60   scratch 240   scratch 6   (k-fold; other writers)")
    for kind in KINDS:
        for per in (5, 10):
            cells = {}
            for epochs in (60, 240, 6):
                rows = [lab.measure(kind, "people", per, seed,
                                    scratch={**SCRATCH, "epochs": epochs}) for seed in seeds]
                cells[epochs] = rows
            base = cells[60]
            print(f"{kind:8} {per:9}  "
                  f"{100 * mean(base, 'kfold_transfer'):4.1f}/{100 * mean(base, 'other_transfer'):4.1f}"
                  + "".join(f"   {100 * mean(cells[e], 'kfold_scratch'):4.1f}/"
                            f"{100 * mean(cells[e], 'other_scratch'):4.1f}" for e in (60, 240, 6)),
                  flush=True)
    # Seconds: the kept network alone, without the comparison.
    folder = lab.drawings("symbols", "people", 10, "0-9", seeds[0])
    out = os.path.join(lab.work, "time.safetensors")
    transfer = lab.teach(folder, out, "--no-compare")["seconds"]
    scratch = lab.teach(folder, out, "--from", lab.random_weights(1), "--freeze", "none",
                        "--learning-rate", SCRATCH["learning_rate"], "--no-compare")["seconds"]
    versions = lab.teach(folder, out, "--no-compare", "--epochs", 1)["seconds"]
    print(f"Seconds for 10 symbols x 10 drawings, no comparison: transfer {transfer:.2f}, from "
          f"scratch {scratch:.2f}; making the versions and C5's values (1 epoch): {versions:.2f}")


def why(lab, seeds):
    print()
    print("Why the lead is what it is (reported sets), %, k-fold / other writers:")
    print("condition                                set       per class  transfer     scratch      lead (k-fold; other)")
    conditions = [
        ("people's hands (as in the curves)", "people", "0-9", ()),
        ("no augmentation (--variants 1)", "people", "0-9", ("--variants", 1)),
        ("the first, plain writers", "plain", "0-9", ()),
        ("the plain writers, no augmentation", "plain", "0-9", ("--variants", 1)),
        ("one person teaches (people's hands)", "people", "0-0", ()),
    ]
    for label, hands, writers, extra in conditions:
        for kind in KINDS:
            for per in (5, 10):
                rows = [lab.measure(kind, hands, per, seed, writers=writers, extra=extra)
                        for seed in seeds]
                print(f"{label:40} {kind:8} {per:9}  "
                      f"{100 * mean(rows, 'kfold_transfer'):4.1f}/{100 * mean(rows, 'other_transfer'):4.1f}"
                      f"    {100 * mean(rows, 'kfold_scratch'):4.1f}/{100 * mean(rows, 'other_scratch'):4.1f}"
                      f"    {gap(rows, 'kfold_transfer', 'kfold_scratch')}; "
                      f"{gap(rows, 'other_transfer', 'other_scratch')}", flush=True)


def digits(lab, seeds):
    mixed = [(os.path.join(SKETCHES, kind, f), f[0])
             for kind in ("thin", "thick") for f in sorted(os.listdir(os.path.join(SKETCHES, kind)))]
    print()
    print("Your own digits: accuracy on 30 drawings per digit by 30 other writers of the style,")
    print("and on the 400 mixed-style sketches of Tests/EndToEndTests/Fixtures/sketches")
    print("The network taught with the default (decay toward the shipped weights, since every class")
    print("is one it has) and with the decay toward zero (--decay-toward zero, as for new classes).")
    print("style        shipped  taught: default  toward zero   mixed: shipped  taught: default  toward zero")
    for style in ("continental", "narrow"):
        rows = []
        for seed in seeds:
            teach_dir = os.path.join(lab.work, f"{style}-{seed}")
            test_dir = os.path.join(lab.work, f"{style}-test-{seed}")
            script = os.path.join(HERE, "make-styled-digits.py")
            if not os.path.exists(teach_dir):
                run([sys.executable, script, teach_dir, "--style", style, "--per-digit", "10",
                     "--writers", "0-9", "--seed", str(seed)])
                run([sys.executable, script, test_dir, "--style", style, "--per-digit", "30",
                     "--writers", TEST_WRITERS, "--seed", str(seed)])
            taught = os.path.join(lab.work, "digits.safetensors")
            zero = os.path.join(lab.work, "digits-zero.safetensors")
            lab.teach(teach_dir, taught, "--no-compare")
            lab.teach(teach_dir, zero, "--no-compare", "--decay-toward", "zero")
            test = [(os.path.join(test_dir, d, f), d) for d in sorted(os.listdir(test_dir))
                    for f in sorted(os.listdir(os.path.join(test_dir, d)))]
            rows.append((lab.accuracy(None, test), lab.accuracy(taught, test),
                         lab.accuracy(zero, test), lab.accuracy(None, mixed),
                         lab.accuracy(taught, mixed), lab.accuracy(zero, mixed)))
        print(f"{style:12} " + "  ".join(f"{100 * statistics.mean(r[i] for r in rows):6.1f}%"
                                        for i in range(6)) + f"   ({len(seeds)} sets)", flush=True)


def sources(lab, seeds, mnist):
    print()
    print("The source network: transfer's held-out accuracy (tuning sets), %, k-fold / other writers,")
    print("from networks trained on MNIST in other ways, beside the shipped one:")
    conditions = [(kind, per) for kind in KINDS for per in (5, 10)]
    head = "  ".join(f"{kind[:3]} {per:2}: k   oth" for kind, per in conditions)
    print(f"{'source':48} {head}   mean: k   oth")
    trainings = [
        ("shipped (60 epochs, 60% of digits as sketches)", None),
        ("10 epochs, no augmentation", ["--epochs", "10", "--no-augment"]),
        ("10 epochs, augmented, seed 2", ["--epochs", "10", "--seed", "2"]),
        ("60 epochs, every digit as a sketch", ["--epochs", "60", "--sketch-share", "1"]),
    ]
    for label, flags in trainings:
        source = None
        if flags:
            source = os.path.join(lab.work, "source-" + "-".join(flags).replace("--", "") + ".safetensors")
            if not os.path.exists(source):
                run([lab.lenet5, "train", "--mnist", mnist, "--out", source, *flags])
        settings = {**TRANSFER, "flags": ["--from", source] if source else []}

        def measure(kind, per, seed, settings=settings):
            return lab.measure(kind, "people", per, seed, transfer=settings, scratch_side=False)
        tuning_row(label, conditions, seeds, measure)


def main():
    args = sys.argv[1:]
    if "--help" in args or "-h" in args:
        sys.exit(__doc__)
    lenet5 = option(args, "--lenet5", os.path.join(ROOT, ".build/release/lenet5"))
    seeds = list(range(1, int(option(args, "--seeds", "10")) + 1))
    tune_seeds = list(range(101, 101 + int(option(args, "--tune-seeds", "10"))))
    work = option(args, "--work", None) or tempfile.mkdtemp(prefix="lenet5-transfer-")
    os.makedirs(work, exist_ok=True)
    parts = option(args, "--parts", "tune,confirm,curves,budget,why,digits").split(",")
    lab = Lab(lenet5, work)
    try:
        if "tune" in parts:
            tune(lab, tune_seeds)
        if "confirm" in parts:
            confirm(lab, seeds)
        if "curves" in parts:
            curves(lab, seeds)
        if "budget" in parts:
            budget(lab, seeds)
        if "why" in parts:
            why(lab, seeds)
        if "digits" in parts:
            digits(lab, seeds[:5])
        if "sources" in parts:
            sources(lab, tune_seeds, option(args, "--mnist", os.path.join(ROOT, "../shared/data/mnist")))
    finally:
        if "--work" not in args:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
