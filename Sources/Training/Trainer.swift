import Dispatch
import Kernels
import LeNet5
import Platform

/// How to train.
public struct TrainingOptions: Sendable, Equatable {
    public var epochs = 30
    public var batchSize = 64
    public var seed: UInt64 = 1
    /// Adam's step size at the start; it falls along a cosine to `finalLearningRate`.
    public var learningRate: Float = 2e-3
    public var finalLearningRate: Float = 1e-5
    public var threads = 2
    /// nil trains on the MNIST digits as they are.
    public var augmentation: Augmentation? = Augmentation()
    public var instructionSet = InstructionSet.selected

    public init() {}
}

/// Where training stands after a batch, for progress displays.
public struct TrainingProgress: Sendable {
    public let epoch: Int
    public let epochs: Int
    public let batch: Int
    public let batches: Int
    /// Mean loss and accuracy over the epoch's batches so far.
    public let loss: Double
    public let accuracy: Double
    public let learningRate: Float
    /// Seconds since the epoch began.
    public let elapsed: Double
}

/// One epoch's outcome.
public struct EpochResult: Sendable {
    public let epoch: Int
    public let loss: Double
    public let trainingAccuracy: Double
    public let seconds: Double
}

/// Mini-batch training of LeNet-5 with Adam and backpropagation through every layer.
/// Deterministic for a seed, a thread count and an instruction set: the shuffle and every sample's
/// augmentation come from generators keyed by (seed, epoch, sample), not by thread timing.
public final class Trainer {
    public let options: TrainingOptions
    let parameters: AlignedBuffer
    var optimizer: Adam
    let batchGradient: BatchGradient
    private(set) var step = 0

    /// The network's classes.
    public let classes: Int

    public init(model: LeNet5, options: TrainingOptions) {
        precondition(options.batchSize > 0 && options.epochs >= 0 && options.threads > 0)
        self.options = options
        classes = model.classCount
        parameters = AlignedBuffer(PackedParameters(model).storage)
        optimizer = Adam(count: ParameterLayout.count, learningRate: options.learningRate)
        batchGradient = BatchGradient(
            threads: options.threads, instructionSet: options.instructionSet,
            classes: model.classCount)
    }

    /// The model as trained so far.
    public var model: LeNet5 {
        PackedParameters(storage: parameters.array, classes: classes).unpacked()
    }

    /// The mean cross-entropy over a batch and its gradient with respect to every parameter, in
    /// PyTorch's layout (a `LeNet5` whose tensors are gradients). Changes nothing.
    public func gradient(inputs: [[Float]], labels: [Int]) -> (loss: Double, gradient: LeNet5) {
        precondition(inputs.count == labels.count && inputs.allSatisfy { $0.count == 1024 })
        precondition(labels.allSatisfy { (0..<classes).contains($0) })
        batchGradient.prepare(parameters: parameters.pointer)
        let (loss, _, _) = batchGradient.run(parameters: parameters.pointer, count: inputs.count) {
            i, input in
            for k in 0..<1024 { input[k] = inputs[i][k] }
            return labels[i]
        }
        let gradient = Array(
            UnsafeBufferPointer(start: batchGradient.gradient, count: ParameterLayout.count))
        return (
            loss / Double(inputs.count),
            PackedParameters(storage: gradient, classes: classes).unpacked()
        )
    }

    /// The learning rate at step `step` of `total`: a cosine from the initial to the final rate.
    func learningRate(step: Int, total: Int) -> Float {
        let progress = Float(step) / Float(max(1, total))
        let cosine = (1 + cosf(.pi * min(1, progress))) / 2
        return options.finalLearningRate + (options.learningRate - options.finalLearningRate)
            * cosine
    }

    /// Trains one epoch (numbered from 1) over `data` in a shuffled order.
    ///
    /// Stops with `TrainingError` at the first batch whose loss, output or gradient is not a
    /// number, before that batch changes the weights, or whose step makes a weight infinite (a
    /// learning rate far too large does both). The weights are then not to be used.
    public func trainEpoch(
        _ epoch: Int, on data: MNISTDataset, progress: (TrainingProgress) -> Void = { _ in }
    ) throws(TrainingError) -> EpochResult {
        let start = DispatchTime.now().uptimeNanoseconds
        var shuffler = SeededGenerator(seed: options.seed, stream: 1, item: UInt64(epoch))
        let order = Array(0..<data.count).shuffled(using: &shuffler)
        let batches = (data.count + options.batchSize - 1) / options.batchSize
        let totalSteps = batches * options.epochs
        var lossSum = 0.0
        var correct = 0
        var seen = 0
        let augmentation = options.augmentation
        let seed = options.seed
        for batch in 0..<batches {
            let first = batch * options.batchSize
            let indices = Array(order[first..<min(first + options.batchSize, data.count)])
            batchGradient.prepare(parameters: parameters.pointer)
            let (loss, right, nonFinite) = batchGradient.run(
                parameters: parameters.pointer, count: indices.count
            ) {
                i, input in
                let index = indices[i]
                if let augmentation {
                    var generator = SeededGenerator(
                        seed: seed, stream: UInt64(epoch) + 2, item: UInt64(index))
                    augmentation.input(data, index, using: &generator, into: input)
                } else {
                    data.paddedInput(index, into: input)
                }
                return Int(data.labels[index])
            }
            guard loss.isFinite, nonFinite == 0,
                Self.allFinite(batchGradient.gradient, count: ParameterLayout.count)
            else {
                throw .lossNotFinite(epoch: epoch, batch: batch + 1)
            }
            optimizer.learningRate = learningRate(step: step, total: totalSteps)
            optimizer.update(parameters.pointer, gradient: batchGradient.gradient)
            guard Self.allFinite(parameters.pointer, count: ParameterLayout.count) else {
                throw .weightsNotFinite(epoch: epoch, batch: batch + 1)
            }
            step += 1
            lossSum += loss
            correct += right
            seen += indices.count
            progress(
                TrainingProgress(
                    epoch: epoch, epochs: options.epochs, batch: batch + 1, batches: batches,
                    loss: lossSum / Double(seen), accuracy: Double(correct) / Double(seen),
                    learningRate: optimizer.learningRate,
                    elapsed: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return EpochResult(
            epoch: epoch, loss: lossSum / Double(max(1, seen)),
            trainingAccuracy: Double(correct) / Double(max(1, seen)),
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    static func allFinite(_ values: UnsafePointer<Float>, count: Int) -> Bool {
        // x * 0 is 0 for a finite x and NaN for NaN or infinity, so the sum is 0 exactly when
        // every value is finite: one pass, no branch per value.
        var sum: Float = 0
        for i in 0..<count { sum += values[i] * 0 }
        return sum == 0
    }
}

/// Why training stopped before its last epoch.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The loss, the network's output or the gradient stopped being a number.
    case lossNotFinite(epoch: Int, batch: Int)
    /// A step of the optimiser made a weight infinite or NaN.
    case weightsNotFinite(epoch: Int, batch: Int)
    /// After an epoch, the network's output is not a number for `digits` of the `total` test
    /// digits: finite weights so large that a layer overflows.
    case testOutputNotFinite(epoch: Int, digits: Int, total: Int)

    public var description: String {
        switch self {
        case .lossNotFinite(let epoch, let batch):
            "training diverged: at epoch \(epoch), batch \(batch), the loss is no longer a number "
                + "(is the learning rate too large?)"
        case .weightsNotFinite(let epoch, let batch):
            "training diverged: at epoch \(epoch), batch \(batch), a weight is no longer a finite "
                + "number (is the learning rate too large?)"
        case .testOutputNotFinite(let epoch, let digits, let total):
            "training diverged: after epoch \(epoch) the network's output is not a number for "
                + "\(digits) of the \(total) test digits (is the learning rate too large?)"
        }
    }
}
