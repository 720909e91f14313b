import Dispatch
import Kernels
import LeNet5
import Platform

/// What one thread needs to run samples forward and back: a trace, scratch for the activation
/// gradients, and its own sum of parameter gradients.
final class GradientWorkspace {
    let trace: ForwardTrace
    let scratch = AlignedBuffer(count: GradientScratchLayout.count)
    let gradient = AlignedBuffer(count: ParameterLayout.count)
    var loss: Double = 0
    var correct = 0
    var nonFiniteOutputs = 0

    init(classes: Int) { trace = ForwardTrace(classes: classes) }
}

/// The loss and its gradient over a batch, computed by several threads at once. Each thread takes
/// a fixed, contiguous share of the batch and sums its own gradient; the shares are then added in
/// thread order, so the result depends only on the inputs and the number of threads.
final class BatchGradient {
    let instructionSet: InstructionSet
    /// The network's classes.
    let classes: Int
    let workspaces: [GradientWorkspace]
    /// C5, F6 and Output weights transposed for the backward pass; refreshed after each update.
    let transposed = AlignedBuffer(count: TransposedLayout.count)

    init(threads: Int, instructionSet: InstructionSet, classes: Int) {
        self.instructionSet = instructionSet
        self.classes = classes
        workspaces = (0..<max(1, threads)).map { _ in GradientWorkspace(classes: classes) }
    }

    /// Refreshes the transposed weights from the packed parameters: after every update.
    func prepare(parameters: UnsafePointer<Float>) {
        PackedParameters.transpose(parameters, classes: classes, into: transposed.pointer)
    }

    /// Runs `count` samples forward and back. `fill(i, input)` writes sample i's 32x32 input and
    /// returns its label; it is called from several threads at once. Afterwards the first
    /// workspace's gradient holds the batch's, and the result is the batch's total loss, the
    /// number of samples classified correctly and the number whose output was not a number.
    func run(
        parameters: UnsafePointer<Float>, count: Int,
        fill: @Sendable (Int, UnsafeMutablePointer<Float>) -> Int
    ) -> (loss: Double, correct: Int, nonFiniteOutputs: Int) {
        let shares = workspaces.count
        let work = UncheckedSendable(self)
        let parameters = UncheckedSendable(parameters)
        let classes = classes
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let me = work.value
            let space = me.workspaces[share]
            space.gradient.zero()
            space.loss = 0
            space.correct = 0
            space.nonFiniteOutputs = 0
            let range = (count * share / shares)..<(count * (share + 1) / shares)
            for i in range {
                let trace = space.trace.buffer
                let label = fill(i, trace + TraceLayout.input)
                KernelDispatch.forward(
                    me.instructionSet, parameters: parameters.value, trace: trace,
                    classes: classes)
                let probabilities = trace + TraceLayout.probabilities
                space.loss -= Double(logf(max(probabilities[label], 1e-30)))
                if !space.trace.hasFiniteOutput {
                    space.nonFiniteOutputs += 1
                } else if space.trace.prediction.classIndex == label {
                    space.correct += 1
                }
                crossEntropyGradient(
                    probabilities: probabilities, label: label, batchSize: count,
                    classes: classes, into: space.scratch.pointer + GradientScratchLayout.output)
                KernelDispatch.backward(
                    me.instructionSet, parameters: parameters.value,
                    transposed: me.transposed.pointer, trace: trace,
                    scratch: space.scratch.pointer, gradient: space.gradient.pointer,
                    classes: classes)
            }
        }
        let total = workspaces[0].gradient.pointer
        var loss = workspaces[0].loss
        var correct = workspaces[0].correct
        var nonFinite = workspaces[0].nonFiniteOutputs
        for space in workspaces.dropFirst() {
            for i in 0..<ParameterLayout.count { total[i] += space.gradient.pointer[i] }
            loss += space.loss
            correct += space.correct
            nonFinite += space.nonFiniteOutputs
        }
        return (loss, correct, nonFinite)
    }

    var gradient: UnsafeMutablePointer<Float> { workspaces[0].gradient.pointer }
}

/// Carries a value across a concurrency boundary that the compiler cannot see is safe: the work
/// above touches disjoint workspaces and only reads the shared parameters.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
