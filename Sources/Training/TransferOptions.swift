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
    /// The step size of the comparison's networks trained from scratch: their best on the tuning
    /// sets of Scripts/transfer-experiments.py (2e-3, `lenet5 train`'s, to 1e-2 were tried).
    public var scratchLearningRate: Float = 5e-3
    /// Passes over the examples of the comparison's networks trained from scratch; nil: `epochs`,
    /// the same number of steps as transfer.
    public var scratchEpochs: Int? = nil
    /// Decoupled weight decay (AdamW): each step shrinks every trained weight by this times the
    /// step size (2e-2 of it at the first step). It keeps the taught layers from fitting a
    /// handful of drawings too closely: on the tuning sets of Scripts/transfer-experiments.py it
    /// added 1 to 3 points of held-out accuracy (0.3 to 10 were tried; 1 to 3 do as well).
    public var weightDecay: Float = 2
    /// What the decay pulls the taught weights toward.
    public var decayTarget = DecayTarget.auto
    /// The weight decay of the comparison's networks trained from scratch: none, their best on
    /// the same tuning sets.
    public var scratchWeightDecay: Float = 0
    /// How the output units of new classes start.
    public var outputStart = OutputStart.random
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

/// What weight decay pulls a taught weight toward.
public enum DecayTarget: String, CaseIterable, Sendable {
    /// `source` when the source network has every class taught (a writer's own digits), `zero`
    /// when some class is new.
    case auto
    /// Zero: plain AdamW. For new classes: on the tuning sets of Scripts/transfer-experiments.py
    /// it beat `source` by 1 to 2 points (F6's digit features do not serve symbols better than
    /// weights learned afresh on C5's values).
    case zero
    /// The source network's value (zero for a new class's output unit): L2-SP (Li, Grandvalet and
    /// Davoine, 2018), which keeps what the source learned unless the examples pay for a change.
    /// For a writer's own digits on the tuning sets: as good on that writer's style, and the
    /// network still reads other styles (99.7% of the 400 mixed sketches, against 96.2% with
    /// `zero`).
    case source

    /// The target for a run that teaches classes of which `fresh` says which are new.
    public func resolved(fresh: [Bool]) -> DecayTarget {
        guard self == .auto else { return self }
        return fresh.contains(true) ? .zero : .source
    }
}

/// How the output units of classes the source does not have start.
public enum OutputStart: String, CaseIterable, Sendable {
    /// LeCun's random initialisation.
    case random
    /// From the mean of F6's values over the class's examples (every version): the network starts
    /// as a nearest-class-mean classifier on the source's F6.
    case means
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
