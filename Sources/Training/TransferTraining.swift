import Dispatch
import Kernels
import LeNet5

/// Transfer learning: a pre-trained network (the shipped one, by default) keeps the layers that
/// learned strokes and shapes from 60,000 digits, and learns from a few labelled drawings which of
/// those shapes make each new class. The output layer is new, one unit per class; for a class the
/// source already has (a digit, when teaching a writer's own digits), it starts from the source's
/// unit. Deterministic for a seed, a thread count and an instruction set.
///
/// With `compare`, it also measures what transfer buys: by stratified k-fold cross-validation
/// (k = 5, or fewer when a class has fewer examples; every fold holds out the same share of each
/// class), the held-out accuracy of the network taught by transfer, beside that of the same network
/// trained from random weights with nothing frozen, on the same versions of the same examples with
/// the same number of steps and the same optimiser.
///
/// Runs on the calling thread (and `threads` helpers) until done: call it from a background thread
/// to keep a screen alive, and cancel it through a `TransferCancellation`.
public struct TransferTraining: Sendable {
    public let examples: TeachingExamples
    public let source: TransferSource
    public let options: TransferOptions

    public init(examples: TeachingExamples, source: TransferSource, options: TransferOptions) {
        precondition(options.epochs >= 1 && options.batchSize >= 1 && options.threads >= 1)
        precondition(options.variants >= 1)
        self.examples = examples
        self.source = source
        self.options = options
    }

    /// The most folds of the comparison.
    public static let maximumFolds = 5

    public func run(
        progress: @escaping @Sendable (TransferProgress) -> Void = { _ in },
        cancellation: TransferCancellation? = nil
    ) throws(TransferError) -> TransferResult {
        let clock = Stopwatch()
        let classes = examples.classes.count
        guard NetworkGeometry.classLimits.contains(classes) else { throw .classCount(classes) }
        for (name, count) in zip(examples.classes, examples.counts)
        where count < TeachingExamples.minimumPerClass {
            throw .tooFewExamples(name, count)
        }
        let labels = examples.examples.map(\.label)
        let variants = max(
            1, min(options.variants, TransferOptions.poolLimit / max(1, labels.count)))
        let folds =
            options.compare ? min(Self.maximumFolds, examples.counts.min() ?? 0) : 0
        let assignment = Self.folds(labels: labels, classes: classes, count: folds)
        // Every run: the kept network, then per fold transfer and scratch. The whole-network runs
        // cost ten times a dense one: listed first, so that the threads share them out evenly.
        let start = startingModel()
        var jobs = [RunJob]()
        let mode = RunMode(freeze: options.freeze)
        for fold in 0..<folds {
            let train = labels.indices.filter { assignment[$0] != fold }
            var generator = SeededGenerator(seed: options.seed, stream: 31, item: UInt64(fold))
            jobs.append(
                RunJob(
                    role: .scratch(fold: fold), start: LeNet5(classes: classes, using: &generator),
                    mode: .whole, firstTrained: 0, examples: train))
        }
        jobs.append(
            RunJob(
                role: .kept, start: start, mode: mode,
                firstTrained: options.freeze.firstTrainedParameter,
                examples: Array(labels.indices)))
        for fold in 0..<folds {
            jobs.append(
                RunJob(
                    role: .transfer(fold: fold), start: start, mode: mode,
                    firstTrained: options.freeze.firstTrainedParameter,
                    examples: labels.indices.filter { assignment[$0] != fold }))
        }
        let meter = ProgressMeter(
            total: labels.count * variants
                * (1 + (mode.isWhole ? 0 : 1)
                    + (options.outputStart == .means && mode != .dense(fromC5: false) ? 1 : 0))
                + jobs.map { $0.examples.count * $0.epochs(options) }.reduce(0, +),
            clock: clock, report: progress)
        let pool = ExamplePool(
            examples: examples, variants: variants, options: options, meter: meter,
            cancellation: cancellation)
        if cancellation?.isCancelled == true { throw .cancelled }
        let features =
            mode.isWhole
            ? nil
            : DenseFeatures(
                pool: pool, source: source.weights.model, fromC5: mode == .dense(fromC5: true),
                options: options, meter: meter)
        var f6Values: DenseFeatures?
        if options.outputStart == .means {
            f6Values =
                mode == .dense(fromC5: false)
                ? features
                : DenseFeatures(
                    pool: pool, source: source.weights.model, fromC5: false, options: options,
                    meter: meter)
        }
        let fresh = examples.classes.map { !source.weights.classes.contains($0) }
        let decayTarget = options.decayTarget.resolved(fresh: fresh)
        let runner = RunContext(
            pool: pool, features: features, f6Values: f6Values, fresh: fresh,
            anchor: decayTarget == .source
                ? PackedParameters(Self.anchor(start, fresh: fresh)).storage : nil,
            options: options, classes: classes, meter: meter, cancellation: cancellation)
        let models = runner.run(jobs)
        if cancellation?.isCancelled == true { throw .cancelled }
        guard let kept = models[jobs.firstIndex { $0.role == .kept } ?? 0] else {
            throw .cancelled
        }
        guard kept.namedParameters.allSatisfy({ $0.tensor.scalars.allSatisfy(\.isFinite) }) else {
            throw .notFinite
        }
        let trainAccuracy = pool.accuracy(
            of: kept, classes: examples.classes, on: Array(labels.indices), options: options)
        var comparison: HeldOutComparison?
        if folds > 0 {
            var transferCorrect = 0
            var scratchCorrect = 0
            for (job, model) in zip(jobs, models) {
                guard let model else { throw .cancelled }
                let held: [Int]
                switch job.role {
                case .kept: continue
                case .transfer(let fold), .scratch(let fold):
                    held = labels.indices.filter { assignment[$0] == fold }
                }
                let correct = pool.correct(
                    of: model, classes: examples.classes, on: held, options: options)
                if case .scratch = job.role {
                    scratchCorrect += correct
                } else {
                    transferCorrect += correct
                }
            }
            comparison = HeldOutComparison(
                folds: folds, total: labels.count, transferCorrect: transferCorrect,
                scratchCorrect: scratchCorrect, freeze: options.freeze,
                trainingExamples: labels.count - labels.count / folds)
        }
        return TransferResult(
            classes: examples.classes, model: kept, options: options, source: source,
            examples: labels.count, counts: examples.counts, variants: variants,
            trainAccuracy: trainAccuracy, comparison: comparison, seconds: clock.seconds,
            decayTarget: decayTarget)
    }

    /// The network before teaching: the source's layers, and an output layer of one unit per
    /// class, the source's own unit for a class it has by the same name, a fresh one otherwise
    /// (LeCun's initialisation, from the seed). Needs 2 to 20 classes.
    public func startingModel() -> LeNet5 {
        let from = source.weights
        var generator = SeededGenerator(seed: options.seed, stream: 30, item: 0)
        var output = Dense(
            inputs: NetworkGeometry.f6.maps, outputs: examples.classes.count, using: &generator)
        let inputs = NetworkGeometry.f6.maps
        for (k, name) in examples.classes.enumerated() {
            guard let old = from.classes.firstIndex(of: name) else { continue }
            for j in 0..<inputs {
                output.weight.scalars[k * inputs + j] =
                    from.model.output.weight.scalars[old * inputs + j]
            }
            output.bias.scalars[k] = from.model.output.bias.scalars[old]
        }
        var model = from.model
        model.output = output
        return model
    }

    /// What decay toward the source pulls to: the starting network, with the output units of new
    /// classes at zero (they have no source value).
    static func anchor(_ start: LeNet5, fresh: [Bool]) -> LeNet5 {
        var model = start
        let inputs = NetworkGeometry.f6.maps
        for k in fresh.indices where fresh[k] {
            for j in 0..<inputs { model.output.weight.scalars[k * inputs + j] = 0 }
            model.output.bias.scalars[k] = 0
        }
        return model
    }

    /// The fold of each example: within each class, examples in order go to folds 0, 1, ..., k-1,
    /// 0, ..., starting one fold further for each class, so that every fold holds out about the
    /// same number of every class and of all.
    static func folds(labels: [Int], classes: Int, count: Int) -> [Int] {
        guard count > 0 else { return labels.map { _ in -1 } }
        var seen = [Int](repeating: 0, count: classes)
        return labels.map { label in
            defer { seen[label] += 1 }
            return (seen[label] + label) % count
        }
    }
}
