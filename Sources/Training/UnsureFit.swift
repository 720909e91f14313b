import Dispatch
import LeNet5
import Platform

/// Fits the statistics behind "not a digit?" (`UnsureStatistics`) to trained weights, from the
/// MNIST training digits, sketches the training augmentation makes of them, and `Scribbles`.
/// The network's own tensors are only read. Deterministic for a seed.
///
/// 1. Layer values (S4, C5, F6) of `digits` MNIST digits, `digits` sketches and `scribbles`
///    scribbles, each grouped by the class the network picks for it.
/// 2. For each class, a logistic regression that tells its digits and sketches from the scribbles
///    filed under it, on the values standardised over all digits and sketches.
/// 3. Each class's average F6 output over its digits and sketches, and the inverse of their
///    covariance within a class: the prototypes of the Mahalanobis distance.
/// 4. On `heldOut` other digits and as many other sketches, neither used above, the spread of
///    both scores; the score is their sum in units of that spread, the distance weighing
///    `distanceShare` as much as the discriminant; the threshold flags `flaggedSketchShare` of
///    those sketches (which are harder than what people draw: some are 9 cells high, or cut at
///    a random grey level; the network reads 95% of them right).
///
/// The choices (these layers, the penalty, the shares) were made by measuring letters, symbols
/// and scribbles drawn by another program, and sketch sets, on tuning sets; README gives the rates
/// on sets kept apart.
public struct UnsureFit: Sendable {
    public var seed: UInt64 = 1
    /// MNIST training digits, and as many sketches made from others, that the discriminants and
    /// prototypes are fitted on.
    public var digits = 15_000
    public var scribbles = 20_000
    /// Digits, sketches and scribbles of each kind kept apart to set the scale and threshold.
    public var heldOut = 10_000
    /// The L2 penalty on each discriminant's weights (scikit-learn's 1 / C).
    public var penalty = 10.0
    public var distanceShare = 0.5
    public var flaggedSketchShare = 0.07
    public var threads = 2

    public init() {}

    /// The fit sized for a training set of `count` digits: the defaults for MNIST's 60,000,
    /// proportionally fewer drawings for fewer (a quick trial with `train --limit`).
    public func scaled(toTrainingCount count: Int) -> UnsureFit {
        guard count < 60_000 else { return self }
        var fit = self
        let share = Double(max(count, 1)) / 60_000
        fit.digits = max(200, Int(Double(digits) * share))
        fit.heldOut = max(200, Int(Double(heldOut) * share))
        fit.scribbles = max(200, Int(Double(scribbles) * share))
        return fit
    }

    /// One line for the weights' metadata.
    public var summary: String {
        "logistic discriminant per class on S4, C5, F6 (penalty \(penalty)) plus \(distanceShare) "
            + "x Mahalanobis distance of F6 to the class prototypes; fitted on \(digits) MNIST "
            + "training digits, \(digits) augmentation sketches and \(scribbles) scribbles, seed "
            + "\(seed); threshold flags \(flaggedSketchShare) of \(heldOut) held-out sketches"
    }

    public func fit(
        _ classifier: Classifier, training: MNISTDataset, note: (String) -> Void = { _ in }
    ) -> UnsureFitResult {
        let classes = classifier.model.output.bias.count
        let width = UnsureStatistics.featureCount
        let order = shuffledIndices(training.count)
        @Sendable func source(_ position: Int) -> Int { order[position % order.count] }
        var sketching = Augmentation()
        sketching.mnistShare = 0
        let augmentation = sketching
        let seed = seed

        note("layer values of \(2 * (digits + heldOut) + scribbles + heldOut) drawings")
        let plain = FeatureTable(classifier, count: digits + heldOut, threads: threads) {
            i, input in
            training.paddedInput(source(i), into: input)
        }
        let sketches = FeatureTable(classifier, count: digits + heldOut, threads: threads) {
            i, input in
            let index = source(digits + heldOut + i)
            var generator = SeededGenerator(seed: seed, stream: 2, item: UInt64(i))
            augmentation.input(training, index, using: &generator, into: input)
        }
        let scribbled = FeatureTable(classifier, count: scribbles + heldOut, threads: threads) {
            i, input in
            var prepared = [Float](repeating: 0, count: 1024)
            _ = Preprocessing.prepare(Scribbles.drawing(seed: seed, index: i), into: &prepared)
            input.update(from: prepared, count: 1024)
        }
        let labels = (0..<(digits + heldOut)).map { Int(training.labels[source($0)]) }
        let sketchLabels = (0..<(digits + heldOut)).map {
            Int(training.labels[source(digits + heldOut + $0)])
        }

        // Standardisation over the digits and sketches the discriminants are fitted on.
        var mean = [Double](repeating: 0, count: width)
        var spread = [Double](repeating: 0, count: width)
        for table in [plain, sketches] {
            for i in 0..<digits {
                for j in 0..<width { mean[j] += Double(table[i, j]) }
            }
        }
        for j in 0..<width { mean[j] /= Double(2 * digits) }
        for table in [plain, sketches] {
            for i in 0..<digits {
                for j in 0..<width {
                    let d = Double(table[i, j]) - mean[j]
                    spread[j] += d * d
                }
            }
        }
        spread = spread.map { ($0 / Double(2 * digits)).squareRoot() + 1e-6 }
        let (center, scale) = (mean, spread)

        note("a discriminant for each of \(classes) classes")
        let discriminants = DiscriminantSlots(count: classes)
        DispatchQueue.concurrentPerform(iterations: classes) { k in
            var rows = [(table: FeatureTable, row: Int, positive: Bool)]()
            for table in [plain, sketches] {
                for i in 0..<digits where table.predicted[i] == k { rows.append((table, i, false)) }
            }
            for i in 0..<scribbles where scribbled.predicted[i] == k {
                rows.append((scribbled, i, true))
            }
            let positives = rows.filter(\.positive).count
            guard positives >= 10, rows.count - positives >= 10 else {
                // Too few of one side to learn from: the distance alone speaks for this class.
                discriminants.set(k, [Double](repeating: 0, count: width), 0)
                return
            }
            var matrix = [Double](repeating: 0, count: width * rows.count)
            for (r, row) in rows.enumerated() {
                for j in 0..<width {
                    matrix[j * rows.count + r] =
                        (Double(row.table[row.row, j]) - center[j]) / scale[j]
                }
            }
            let regression = LogisticRegression(
                features: matrix, width: width, positive: rows.map(\.positive), penalty: penalty)
            discriminants.set(k, regression.weight, regression.bias)
        }

        note("prototypes and the precision of F6")
        let f6 = width - UnsureStatistics.prototypeLength
        let d = UnsureStatistics.prototypeLength
        var prototypes = [Double](repeating: 0, count: classes * d)
        var counts = [Int](repeating: 0, count: classes)
        for (table, truth) in [(plain, labels), (sketches, sketchLabels)] {
            for i in 0..<digits where truth[i] < classes {
                counts[truth[i]] += 1
                for j in 0..<d { prototypes[truth[i] * d + j] += Double(table[i, f6 + j]) }
            }
        }
        for k in 0..<classes where counts[k] > 0 {
            for j in 0..<d { prototypes[k * d + j] /= Double(counts[k]) }
        }
        var covariance = [Double](repeating: 0, count: d * d)
        var residual = [Double](repeating: 0, count: d)
        for (table, truth) in [(plain, labels), (sketches, sketchLabels)] {
            for i in 0..<digits where truth[i] < classes {
                for j in 0..<d {
                    residual[j] = Double(table[i, f6 + j]) - prototypes[truth[i] * d + j]
                }
                for a in 0..<d {
                    for b in a..<d { covariance[a * d + b] += residual[a] * residual[b] }
                }
            }
        }
        let samples = Double(counts.reduce(0, +))
        var trace = 0.0
        for a in 0..<d {
            for b in a..<d {
                covariance[a * d + b] /= samples
                covariance[b * d + a] = covariance[a * d + b]
            }
            trace += covariance[a * d + a]
        }
        // A whisker of ridge keeps a nearly flat direction from blowing up the inverse.
        for a in 0..<d { covariance[a * d + a] += 1e-6 * trace / Double(d) }
        // Too few digits (a quick trial on a handful) can leave the covariance singular; then
        // each unit's own variance stands in for it.
        var diagonal = [Double](repeating: 0, count: d * d)
        for a in 0..<d { diagonal[a * d + a] = 1 / max(covariance[a * d + a], 1e-6) }
        let precision = Cholesky(covariance, size: d)?.inverse() ?? diagonal

        // The raw scores on the held-out digits and sketches, to put both in units of their spread.
        let raw = UnsureStatistics.folded(
            discriminants: discriminants, mean: mean, spread: spread, prototypes: prototypes,
            precision: precision, classes: classes, scale: (0, 1, 0, .infinity, 0))
        var discriminantValues = [Double]()
        var logDistances = [Double]()
        for table in [plain, sketches] {
            for i in digits..<(digits + heldOut) {
                let judgement = table.judge(i, raw)
                logDistances.append(log(max(Double(judgement.nearestDistance), 1e-12)))
                // `raw` leaves the distance out: its score is the discriminant alone.
                discriminantValues.append(Double(judgement.score))
            }
        }
        let (a0, a1) = meanAndDeviation(discriminantValues)
        let (m0, m1) = meanAndDeviation(logDistances)
        let unscaled = UnsureStatistics.folded(
            discriminants: discriminants, mean: mean, spread: spread, prototypes: prototypes,
            precision: precision, classes: classes,
            scale: (a0, a1, m0, m1 / distanceShare, 0))
        let sketchScores = (digits..<(digits + heldOut)).map { sketches.judge($0, unscaled).score }
        let flaggedCount = Int((flaggedSketchShare * Double(heldOut)).rounded(.down))
        let threshold = sketchScores.sorted()[max(0, heldOut - flaggedCount - 1)]
        let statistics = UnsureStatistics.folded(
            discriminants: discriminants, mean: mean, spread: spread, prototypes: prototypes,
            precision: precision, classes: classes,
            scale: (a0, a1, m0, m1 / distanceShare, threshold))
        func share(_ table: FeatureTable, _ rows: Range<Int>) -> Double {
            Double(rows.filter { table.judge($0, statistics).isUnsure }.count) / Double(rows.count)
        }
        return UnsureFitResult(
            statistics: statistics,
            flaggedDigits: share(plain, digits..<(digits + heldOut)),
            flaggedSketches: share(sketches, digits..<(digits + heldOut)),
            caughtScribbles: share(scribbled, scribbles..<(scribbles + heldOut)))
    }

    /// 0..<count in an order fixed by the seed (Fisher and Yates).
    func shuffledIndices(_ count: Int) -> [Int] {
        var generator = SeededGenerator(seed: seed, stream: 1, item: 0)
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, Int.random(in: 0...i, using: &generator))
        }
        return order
    }

    func meanAndDeviation(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, max(variance.squareRoot(), 1e-9))
    }
}

/// What a fit produced, and how it does on what it kept apart.
public struct UnsureFitResult: Sendable {
    public let statistics: UnsureStatistics
    /// The shares flagged of held-out MNIST training digits and sketches made from others.
    public let flaggedDigits: Double
    public let flaggedSketches: Double
    /// The share caught of held-out scribbles.
    public let caughtScribbles: Double
}

extension UnsureStatistics {
    /// The statistics with the standardisation and the scale folded into the discriminants, so
    /// that the score is
    /// (discriminant - a0) / a1 + (log distance - m0) / m1,
    /// computed on the raw layer values. `m1` infinite leaves the distance out.
    static func folded(
        discriminants: DiscriminantSlots, mean: [Double], spread: [Double], prototypes: [Double],
        precision: [Double], classes: Int,
        scale: (a0: Double, a1: Double, m0: Double, m1: Double, threshold: Float)
    ) -> UnsureStatistics {
        let width = featureCount
        var weight = [Float](repeating: 0, count: classes * width)
        var bias = [Float](repeating: 0, count: classes)
        let distanceWeight = scale.m1.isFinite && scale.m1 > 0 ? 1 / scale.m1 : 0
        for k in 0..<classes {
            let (w, b) = discriminants.get(k)
            var offset = b
            for j in 0..<width {
                weight[k * width + j] = Float(w[j] / spread[j] / scale.a1)
                offset -= w[j] * mean[j] / spread[j]
            }
            bias[k] = Float((offset - scale.a0) / scale.a1 - scale.m0 * distanceWeight)
        }
        let d = prototypeLength
        do {
            return try UnsureStatistics(
                weight: Tensor(shape: [classes, width], scalars: weight),
                bias: Tensor(shape: [classes], scalars: bias),
                prototypes: Tensor(shape: [classes, d], scalars: prototypes.map(Float.init)),
                precision: Tensor(shape: [d, d], scalars: precision.map(Float.init)),
                distanceWeight: Tensor(shape: [1], scalars: [Float(distanceWeight)]),
                threshold: Tensor(shape: [1], scalars: [scale.threshold]), classes: classes)
        } catch {
            preconditionFailure("fitted statistics are malformed: \(error)")
        }
    }
}

/// Layer values (`UnsureStatistics.features`) and the picked class of many drawings, computed on
/// several threads, each with its own trace; rows written by one thread each.
final class FeatureTable: @unchecked Sendable {
    let count: Int
    private let values: UnsafeMutablePointer<Float>
    let predicted: UnsafeMutablePointer<Int>

    init(
        _ classifier: Classifier, count: Int, threads: Int,
        input: @Sendable (Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        self.count = count
        let width = UnsureStatistics.featureCount
        values = .allocate(capacity: max(1, count * width))
        predicted = .allocate(capacity: max(1, count))
        let shares = max(1, threads)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let trace = ForwardTrace()
            var image = [Float](repeating: 0, count: 1024)
            for i in (count * share / shares)..<(count * (share + 1) / shares) {
                image.withUnsafeMutableBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    input(i, base)
                }
                classifier.forward(image, into: trace)
                predicted[i] = trace.prediction.classIndex
                UnsureStatistics.features(
                    trace, into: UnsafeMutableBufferPointer(start: values + i * width, count: width)
                )
            }
        }
    }

    deinit {
        values.deallocate()
        predicted.deallocate()
    }

    subscript(row: Int, column: Int) -> Float {
        values[row * UnsureStatistics.featureCount + column]
    }

    func judge(_ row: Int, _ statistics: UnsureStatistics) -> UnsureJudgement {
        statistics.judge(
            features: UnsafeBufferPointer(
                start: values + row * UnsureStatistics.featureCount,
                count: UnsureStatistics.featureCount),
            predicted: predicted[row])
    }
}

/// Each class's discriminant, written by the one thread that fits it: disjoint slots, so no two
/// threads touch the same memory.
final class DiscriminantSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<(weight: [Double], bias: Double)>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: ([], 0), count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ k: Int, _ weight: [Double], _ bias: Double) { slots[k] = (weight, bias) }

    func get(_ k: Int) -> (weight: [Double], bias: Double) { slots[k] }
}
