import Dispatch
import Kernels
import LeNet5

/// Every version of every example as a network input, made once and shared by all runs.
final class ExamplePool: @unchecked Sendable {
    // Written in init only (each thread its own disjoint items), read afterwards.
    let variants: Int
    let labels: [Int]
    private let inputs: AlignedBuffer

    static let size = NetworkGeometry.input.count

    init(
        examples: TeachingExamples, variants: Int, options: TransferOptions, meter: ProgressMeter,
        cancellation: TransferCancellation?
    ) {
        self.variants = variants
        labels = examples.examples.map(\.label)
        let count = labels.count * variants
        inputs = AlignedBuffer(count: count * Self.size)
        let shares = max(1, min(options.threads, count))
        let target = UncheckedSendable(inputs.pointer)
        let drawings = examples.examples.map(\.drawing)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            for item in (count * share / shares)..<(count * (share + 1) / shares) {
                if item % 64 == 0 && cancellation?.isCancelled == true { return }
                let (example, variant) = (item / variants, item % variants)
                var generator = SeededGenerator(
                    seed: options.seed, stream: 32, item: UInt64(example) << 20 | UInt64(variant))
                let input = options.augmentation.input(
                    drawings[example], variant: variant, using: &generator)
                if let input {
                    (target.value + item * Self.size).update(from: input, count: Self.size)
                }
                meter.add(1, .preparing)
            }
        }
    }

    var count: Int { labels.count * variants }

    func input(_ example: Int, variant: Int) -> UnsafeMutablePointer<Float> {
        inputs.pointer + (example * variants + variant) * Self.size
    }

    /// How many of `indices`, as drawn (version 0), `model` classifies right.
    func correct(of model: LeNet5, classes: [String], on indices: [Int], options: TransferOptions)
        -> Int
    {
        let classifier = Classifier(model, classes: classes, instructionSet: options.instructionSet)
        let trace = ForwardTrace()
        var right = 0
        for i in indices {
            classifier.forward(
                UnsafeBufferPointer(start: input(i, variant: 0), count: Self.size), into: trace)
            // A network whose numbers overflowed answers nothing, which is not right.
            if trace.hasFiniteOutput && trace.prediction.classIndex == labels[i] { right += 1 }
        }
        return right
    }

    func accuracy(of model: LeNet5, classes: [String], on indices: [Int], options: TransferOptions)
        -> Double
    {
        indices.isEmpty
            ? 0
            : Double(correct(of: model, classes: classes, on: indices, options: options))
                / Double(indices.count)
    }
}

/// The frozen layers' output for every version of every example: C5's 120 values (in blocks of
/// 128) or F6's 84 (in blocks of 96), from one forward pass of the source network each.
final class DenseFeatures: @unchecked Sendable {
    let fromC5: Bool
    let size: Int
    // Written in init only (each thread its own disjoint items), read afterwards.
    private let values: AlignedBuffer

    init(
        pool: ExamplePool, source: LeNet5, fromC5: Bool, options: TransferOptions,
        meter: ProgressMeter
    ) {
        self.fromC5 = fromC5
        size = fromC5 ? ParameterLayout.c5Stride : ParameterLayout.f6Stride
        let count = pool.count
        values = AlignedBuffer(count: count * size)
        let classifier = Classifier(source, instructionSet: options.instructionSet)
        let shares = max(1, min(options.threads, count))
        let target = UncheckedSendable(values.pointer)
        let (size, offset) = (size, fromC5 ? TraceLayout.c5 : TraceLayout.f6)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let trace = ForwardTrace()
            for item in (count * share / shares)..<(count * (share + 1) / shares) {
                let input = pool.input(item / pool.variants, variant: item % pool.variants)
                classifier.forward(
                    UnsafeBufferPointer(start: input, count: ExamplePool.size), into: trace)
                (target.value + item * size).update(from: trace.buffer + offset, count: size)
                meter.add(1, .preparing)
            }
        }
    }

    func features(_ example: Int, variant: Int, variants: Int) -> UnsafeMutablePointer<Float> {
        values.pointer + (example * variants + variant) * size
    }
}
