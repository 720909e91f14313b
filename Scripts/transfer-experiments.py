#!/usr/bin/env python3
"""Measures what `lenet5 transfer` brings, through the command line only, on drawings made by
Scripts/make-symbols.py and Scripts/make-styled-digits.py (see README, "Teaching the network new
classes"):

1. New symbols (10 symbols; 12 lowercase letters) taught from 5 and from 10 drawings per class by
   10 writers: the held-out accuracy of transfer and of training from scratch that the command
   reports (stratified k-fold over the examples), and the accuracy on 30 drawings per class by 30
   other writers, of the taught network and of a network trained from scratch on the same drawings
   with the same budget (`--from` random weights, `--freeze none`, the scratch step size).
2. Fewer drawings and more classes: the k-fold held-out accuracies from 2 and 3 drawings per class
   of the 10 symbols, and of 20 classes (the symbols and 10 letters).
3. Your own digits: the shipped network and the network taught 10 drawings per digit by 10 writers
   of one style, on 30 drawings per digit by 30 other writers of that style, and on the project's
   400 mixed-style sketches (did teaching one style cost the others?).

    python3 Scripts/transfer-experiments.py [--lenet5 PATH] [--seeds N] [--work DIR]
        [--parts new,few,digits]
Needs a built lenet5 (default .build/release/lenet5).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RANDOM_WEIGHTS = os.path.join(ROOT, "Tests/ReferenceFixtures/Fixtures/lenet5-random.safetensors")
SKETCHES = os.path.join(ROOT, "Tests/EndToEndTests/Fixtures/sketches")


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    return result.stdout


def drawings(folder):
    """(file, class) for every drawing of a folder of class folders."""
    return [(os.path.join(folder, name, f), name)
            for name in sorted(os.listdir(folder)) if os.path.isdir(os.path.join(folder, name))
            for f in sorted(os.listdir(os.path.join(folder, name))) if f.endswith(".txt")]


def accuracy(lenet5, weights, labelled):
    command = [lenet5, "predict", "--json"] + (["--weights", weights] if weights else [])
    lines = run(command + [f for f, _ in labelled]).splitlines()
    right = sum(json.loads(line)["label"] == label for line, (_, label) in zip(lines, labelled))
    return right / len(labelled)


def teach(lenet5, examples, out, *extra):
    return json.loads(run([lenet5, "transfer", "--examples", examples, "--out", out, "--json", *extra]))


def mean(values):
    return f"{100 * statistics.mean(values):5.1f}%"


def symbols(lenet5, work, seeds):
    print("New classes: held-out accuracy, transfer (C1-C5 frozen) vs from scratch, same budget")
    print("set       per class  k-fold transfer  k-fold scratch  other writers: transfer  scratch")
    for kind in ("symbols", "letters"):
        for per_class in (5, 10):
            rows = []
            for seed in range(1, seeds + 1):
                teach_dir = os.path.join(work, f"{kind}-{per_class}-{seed}")
                test_dir = os.path.join(work, f"{kind}-test-{seed}")
                run([sys.executable, os.path.join(HERE, "make-symbols.py"), teach_dir, "--set", kind,
                     "--per-class", str(per_class), "--writers", "0-9", "--seed", str(seed)])
                if not os.path.exists(test_dir):
                    run([sys.executable, os.path.join(HERE, "make-symbols.py"), test_dir, "--set",
                         kind, "--per-class", "30", "--writers", "100-129", "--seed", str(seed)])
                taught = os.path.join(work, "taught.safetensors")
                scratch = os.path.join(work, "scratch.safetensors")
                report = teach(lenet5, teach_dir, taught)
                teach(lenet5, teach_dir, scratch, "--from", RANDOM_WEIGHTS, "--freeze", "none",
                      "--learning-rate", str(report["scratch_learning_rate"]))
                test = drawings(test_dir)
                rows.append((report["heldout_accuracy"], report["scratch_heldout_accuracy"],
                             accuracy(lenet5, taught, test), accuracy(lenet5, scratch, test)))
            print(f"{kind:9} {per_class:9}  {mean([r[0] for r in rows]):>15}  "
                  f"{mean([r[1] for r in rows]):>14}  {mean([r[2] for r in rows]):>23}  "
                  f"{mean([r[3] for r in rows]):>7}   ({seeds} sets)")


def few(lenet5, work, seeds):
    print()
    print("Fewer drawings, more classes: k-fold held-out accuracy, transfer vs from scratch")
    print("classes                 per class  transfer  scratch")
    script = os.path.join(HERE, "make-symbols.py")
    for label, letters in (("10 symbols", False), ("20: symbols, 10 letters", True)):
        for per_class in (2, 3):
            rows = []
            for seed in range(1, seeds + 1):
                folder = os.path.join(work, f"few-{letters}-{per_class}-{seed}")
                writers = f"0-{per_class - 1}"
                run([sys.executable, script, folder, "--per-class", str(per_class), "--writers",
                     writers, "--seed", str(seed)])
                if letters:
                    run([sys.executable, script, folder, "--set", "letters", "--per-class",
                         str(per_class), "--writers", writers, "--seed", str(seed), "--classes",
                         "a,b,c,d,e,g,h,n,o,p"])
                report = teach(lenet5, folder, os.path.join(work, "few.safetensors"))
                rows.append((report["heldout_accuracy"], report["scratch_heldout_accuracy"]))
            print(f"{label:23} {per_class:9}  {mean([r[0] for r in rows]):>8}  "
                  f"{mean([r[1] for r in rows]):>7}   ({seeds} sets)")


def digits(lenet5, work, seeds):
    mixed = [(os.path.join(SKETCHES, kind, f), f[0])
             for kind in ("thin", "thick") for f in sorted(os.listdir(os.path.join(SKETCHES, kind)))]
    print()
    print("Your own digits: accuracy on 30 drawings per digit by 30 other writers of the style,")
    print("and on the 400 mixed-style sketches of Tests/EndToEndTests/Fixtures/sketches")
    print("style        shipped  taught (10 per digit)   mixed: shipped  taught")
    for style in ("continental", "narrow"):
        rows = []
        for seed in range(1, seeds + 1):
            teach_dir = os.path.join(work, f"{style}-{seed}")
            test_dir = os.path.join(work, f"{style}-test-{seed}")
            script = os.path.join(HERE, "make-styled-digits.py")
            run([sys.executable, script, teach_dir, "--style", style, "--per-digit", "10",
                 "--writers", "0-9", "--seed", str(seed)])
            run([sys.executable, script, test_dir, "--style", style, "--per-digit", "30",
                 "--writers", "100-129", "--seed", str(seed)])
            taught = os.path.join(work, "digits.safetensors")
            teach(lenet5, teach_dir, taught)
            test = drawings(test_dir)
            rows.append((accuracy(lenet5, None, test), accuracy(lenet5, taught, test),
                         accuracy(lenet5, None, mixed), accuracy(lenet5, taught, mixed)))
        print(f"{style:12} {mean([r[0] for r in rows]):>7}  {mean([r[1] for r in rows]):>21}   "
              f"{mean([r[2] for r in rows]):>14}  {mean([r[3] for r in rows]):>6}   ({seeds} sets)")


def main():
    args = sys.argv[1:]
    if "--help" in args or "-h" in args:
        sys.exit(__doc__)
    lenet5 = option(args, "--lenet5", os.path.join(ROOT, ".build/release/lenet5"))
    seeds = int(option(args, "--seeds", "3"))
    work = option(args, "--work", None) or tempfile.mkdtemp(prefix="lenet5-transfer-")
    parts = option(args, "--parts", "new,few,digits").split(",")
    try:
        if "new" in parts:
            symbols(lenet5, work, seeds)
        if "few" in parts:
            few(lenet5, work, seeds)
        if "digits" in parts:
            digits(lenet5, work, seeds)
    finally:
        if "--work" not in args:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
