import Dispatch
import Kernels
import LeNet5

/// How to teach a network new classes from a few examples.
public struct TransferOptions: Sendable, Equatable {
    /// The layers kept as the source has them.
    public var freeze = FrozenLayers.standard
    /// Passes over the examples; each pass sees every example once, in one of its versions.
    public var epochs = 60
    public var seed: UInt64 = 1
    /// Versions of each example (the drawing itself and augmented ones), made once; epoch e uses
    /// version e mod `variants`, so the frozen layers run once per version, not once per step.
    public var variants = 20
    public var batchSize = 16
    /// Adam's step size at the start; it falls along a cosine to `finalLearningRate`.
    public var learningRate: Float = 1e-2
    public var finalLearningRate: Float = 1e-5
    /// The step size of the comparison's networks trained from scratch: by default that of
    /// `lenet5 train`, which trains this network from random weights.
    public var scratchLearningRate: Float = TrainingOptions().learningRate
    /// Threads for the augmentation and for the runs of the comparison, which run side by side.
    public var threads = 2
    /// Whether to measure the held-out accuracy of transfer and of training from scratch.
    public var compare = true
    public var augmentation = DrawingAugmentation()
    public var instructionSet = InstructionSet.selected

    public init() {}

    /// The most versions kept in memory at once (4 KB each): 64 MB.
    static let poolLimit = 16_384
}

/// Where teaching stands, for a progress line. Delivered on the thread doing the work, never two
/// at once; a receiver that draws on screen should hand it over to its own thread.
public struct TransferProgress: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        /// Making the versions of every example, and running the frozen layers on them.
        case preparing
        /// Teaching the network that will be kept.
        case teaching
        /// Teaching networks on part of the examples, by transfer and from scratch, to test them
        /// on the rest.
        case comparing
    }

    public let stage: Stage
    /// Of all the work, from 0 to 1.
    public let fraction: Double
    /// Seconds since teaching began.
    public let elapsed: Double

    /// "preparing the examples", "teaching", "comparing with training from scratch".
    public var words: String {
        switch stage {
        case .preparing: "preparing the examples"
        case .teaching: "teaching"
        case .comparing: "comparing with training from scratch"
        }
    }
}

/// Lets another thread stop a teaching run: it stops within one batch and throws `cancelled`.
public final class TransferCancellation: @unchecked Sendable {
    // Only touched on the queue: what makes the unchecked Sendable true.
    private let queue = DispatchQueue(label: "lenet5.transfer.cancellation")
    private var flag = false

    public init() {}

    public func cancel() { queue.sync { flag = true } }

    public var isCancelled: Bool { queue.sync { flag } }
}

/// Why teaching produced no network.
public enum TransferError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than 2 classes or more than 20: the count.
    case classCount(Int)
    /// A class with fewer than `TeachingExamples.minimumPerClass` examples: its name and count.
    case tooFewExamples(String, Int)
    /// Stopped by `TransferCancellation`.
    case cancelled
    /// The numbers overflowed: the taught weights are not all finite.
    case notFinite

    public var description: String {
        switch self {
        case .classCount(let count):
            "\(count) classes: a network is taught \(NetworkGeometry.classLimits.lowerBound) to "
                + "\(NetworkGeometry.classLimits.upperBound)"
        case .tooFewExamples(let name, let count):
            "class \"\(name)\" has \(count) example\(count == 1 ? "" : "s"); each class needs at "
                + "least \(TeachingExamples.minimumPerClass)"
        case .cancelled: "teaching was stopped before it finished"
        case .notFinite:
            "the taught weights overflowed (not finite): try a smaller learning rate"
        }
    }
}

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
            total: labels.count * variants * (mode.isWhole ? 1 : 2)
                + jobs.map { $0.examples.count * options.epochs }.reduce(0, +),
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
        let runner = RunContext(
            pool: pool, features: features, options: options, classes: classes, meter: meter,
            cancellation: cancellation)
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
            trainAccuracy: trainAccuracy, comparison: comparison, seconds: clock.seconds)
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

/// A taught network and what was measured of it.
public struct TransferResult: Sendable {
    public let classes: [String]
    public let model: LeNet5
    public let options: TransferOptions
    public let source: TransferSource
    public let examples: Int
    /// Examples of each class.
    public let counts: [Int]
    /// Versions made of each example.
    public let variants: Int
    /// The share of the examples (as drawn) the taught network classifies right.
    public let trainAccuracy: Double
    /// Nil when not asked for.
    public let comparison: HeldOutComparison?
    public let seconds: Double

    /// The taught network as a weights file: its classes, and in the metadata how it was taught
    /// (frozen layers, the source's path and SHA-256, the measures) and `command`, the command
    /// line or the place that taught it.
    public func weightsFile(command: String) -> WeightsFile {
        typealias Key = TransferRecord.Key
        var metadata = [
            "format":
                "LeNet-5 (LeCun et al. 1998) with PyTorch names and layout; see lenet5 summary",
            "command": command,
            Key.freeze: options.freeze.rawValue,
            Key.frozenLayers: options.freeze.description,
            Key.source: source.name,
            Key.sourceSHA256: source.sha256,
            Key.sourceClasses: ClassNames.encoded(source.weights.classes),
            Key.examples: String(examples),
            "examples_per_class": JSONValue.array(counts.map { .number(String($0)) }).serialized,
            "epochs": String(options.epochs),
            "seed": String(options.seed),
            "variants": String(variants),
            "batch_size": String(options.batchSize),
            "optimizer":
                "Adam, learning rate \(options.learningRate) falling along a cosine to "
                + "\(options.finalLearningRate)",
            "augmentation": options.augmentation.summary,
            Key.trainAccuracy: NumberText.fixed(trainAccuracy, 4),
        ]
        if let comparison {
            metadata[Key.heldOutMethod] = comparison.method
            metadata[Key.heldOutAccuracy] = NumberText.fixed(comparison.transferAccuracy, 4)
            metadata[Key.scratchHeldOutAccuracy] = NumberText.fixed(comparison.scratchAccuracy, 4)
        }
        return WeightsFile(model: model, classes: classes, metadata: metadata)
    }
}

/// Monotonic seconds since it was made.
struct Stopwatch: Sendable {
    let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
