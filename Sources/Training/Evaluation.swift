import Dispatch
import LeNet5

/// How a classifier does on a labelled set (of digits, or of a taught network's classes).
public struct Evaluation: Sendable {
    /// confusion[truth][prediction], one row and column per class.
    public let confusion: [[Int]]
    /// Each sample's predicted digit, in the dataset's order; -1 where the output was not a
    /// number (see `nonFiniteOutputs`).
    public let predictions: [Int]
    /// Wall-clock seconds of the forward passes alone.
    public let inferenceSeconds: Double
    /// Samples for which the network's output was not a number (finite weights so large that a
    /// layer overflows): they have no prediction, and are in no cell of `confusion`. A caller
    /// that reports an accuracy must refuse to when this is not zero.
    public let nonFiniteOutputs: Int

    public var total: Int { confusion.joined().reduce(0, +) }
    public var correct: Int { confusion.indices.map { confusion[$0][$0] }.reduce(0, +) }
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// The share of each class's samples classified correctly (nil for a class with no samples).
    public var classAccuracy: [Double?] {
        confusion.indices.map { k in
            let count = confusion[k].reduce(0, +)
            return count == 0 ? nil : Double(confusion[k][k]) / Double(count)
        }
    }

    /// Runs `classifier` over every digit of `dataset` (28x28, padded to 32x32) on `threads`
    /// threads, each with its own trace.
    public static func run(_ classifier: Classifier, on dataset: MNISTDataset, threads: Int = 2)
        -> Evaluation
    {
        // Inputs first, so that the timing covers inference only.
        let inputs = (0..<dataset.count).map { dataset.paddedInput($0) }
        let labels = dataset.labels.map(Int.init)
        return run(classifier, inputs: inputs, labels: labels, threads: threads)
    }

    /// Runs `classifier` over prepared 32x32 inputs.
    public static func run(
        _ classifier: Classifier, inputs: [[Float]], labels: [Int], threads: Int = 2
    ) -> Evaluation {
        precondition(inputs.count == labels.count)
        let shares = max(1, threads)
        let predictions = PredictionSlots(count: inputs.count)
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let trace = ForwardTrace()
            let range = (inputs.count * share / shares)..<(inputs.count * (share + 1) / shares)
            for i in range {
                classifier.forward(inputs[i], into: trace)
                predictions.set(i, trace.hasFiniteOutput ? trace.prediction.classIndex : -1)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let classes = classifier.classCount
        precondition(labels.allSatisfy { (0..<classes).contains($0) })
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var nonFinite = 0
        let predicted = (0..<labels.count).map(predictions.get)
        for (label, prediction) in zip(labels, predicted) {
            if prediction < 0 {
                nonFinite += 1
            } else {
                confusion[label][prediction] += 1
            }
        }
        return Evaluation(
            confusion: confusion, predictions: predicted, inferenceSeconds: seconds,
            nonFiniteOutputs: nonFinite)
    }
}

/// One slot per sample, written by whichever thread handles the sample: disjoint indices, so no
/// two threads touch the same slot.
final class PredictionSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Int>
    init(count: Int) {
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: 0, count: max(1, count))
    }
    deinit { slots.deallocate() }
    func set(_ i: Int, _ value: Int) { slots[i] = value }
    func get(_ i: Int) -> Int { slots[i] }
}
