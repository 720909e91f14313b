import Dispatch
import LeNet5

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
    /// What the weight decay pulled the taught weights toward (`options.decayTarget` resolved).
    public let decayTarget: DecayTarget

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
                + "\(options.finalLearningRate), weight decay \(options.weightDecay) toward "
                + (decayTarget == .source ? "the source's weights" : "zero"),
            "output_start": options.outputStart.rawValue,
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
