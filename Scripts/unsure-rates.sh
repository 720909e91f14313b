#!/bin/sh
# Measures "not a digit?" (README): how often it flags MNIST test digits and sketches of digits,
# and how often it catches letters, symbols and scribbles. The sketch sets are made afresh by the
# scripts beside this one, with the seeds README reports; the held-out split (the default) was
# never used to choose or fit anything, the tune split is what the choices were made on.
#
#   Scripts/unsure-rates.sh [--split held-out|tune] [--mnist DIR] [--weights FILE] [--keep DIR]
#
# --mnist defaults to ../shared/data/mnist when it exists (else the MNIST rows are left out);
# --keep DIR keeps the generated drawings there. LENET5=path/to/lenet5 picks the binary (default:
# built here with swift build). Needs python3; the MNIST sketches also need numpy, scipy and
# scikit-image (pip install numpy scipy scikit-image), and are left out without them.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
split=held-out
mnist=""
weights=""
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
    --split) split=$2; shift 2 ;;
    --mnist) mnist=$(cd "$2" && pwd); shift 2 ;;
    --weights) weights=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "usage: $0 [--split held-out|tune] [--mnist DIR] [--weights FILE] [--keep DIR]" >&2
       exit 2 ;;
    esac
done
case "$split" in
held-out) sketch_seed=13; mnist_seed=23 ;;
tune) sketch_seed=11; mnist_seed=21 ;;
*) echo "$0: --split is held-out or tune" >&2; exit 2 ;;
esac
if [ -z "$mnist" ] && [ -d "$root/../shared/data/mnist" ]; then
    mnist=$(cd "$root/../shared/data/mnist" && pwd)
fi
if [ -z "${LENET5:-}" ]; then
    (cd "$root" && swift build --product lenet5 >&2)
    LENET5=$(cd "$root" && swift build --show-bin-path)/lenet5
fi

if [ -n "$keep" ]; then
    mkdir -p "$keep"
    work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
cd "$work"
echo "making the $split sets in $work" >&2
python3 "$root/Scripts/make-sketches.py" sketches --per-digit 30 --seed $sketch_seed
python3 "$root/Scripts/make-nondigits.py" drawings --split $split --per-family 30
sets="sketches"
if [ -n "$mnist" ] && python3 -c "import numpy, scipy, skimage" 2>/dev/null; then
    python3 "$root/Scripts/mnist-sketches.py" "$mnist" mnist-sketches --count 1000 --seed $mnist_seed
    sets="$sets mnist-sketches"
else
    echo "leaving out the MNIST sketches (they need MNIST, numpy, scipy and scikit-image)" >&2
fi
mkdir -p fixtures
ln -sfn "$root/Tests/EndToEndTests/Fixtures/sketches" fixtures/sketches
sets="$sets fixtures/sketches drawings/nondigit drawings/lookalike"

set -- ${weights:+--weights "$weights"} ${mnist:+--mnist "$mnist"}
"$LENET5" unsure rates "$@" $sets

# Each kind of drawing on its own: the share of it caught.
echo
for folder in drawings/nondigit drawings/lookalike; do
    "$LENET5" predict --json ${weights:+--weights "$weights"} "$folder"/*.txt | python3 -c '
import collections, json, os, sys
kinds = collections.defaultdict(lambda: [0, 0])
for line in sys.stdin:
    entry = json.loads(line)
    kind = os.path.basename(entry["file"]).rsplit("_", 1)[0]
    kinds[kind][0] += 1
    kinds[kind][1] += entry["unsure"] is True
print(sys.argv[1] + ": " + ", ".join(
    "%s %d/%d" % (kind, caught, count) for kind, (count, caught) in sorted(kinds.items())))
' "$folder"
done
