import LeNet5
import ReferenceFixtures
import Testing

/// The loader accepts any finite weights; some make the network's output not a number (issue 11:
/// `output.weight` at 3e38 gave `0 (nan%)`). `hasFiniteOutput` tells, on every instruction set.
@Suite struct FiniteOutputTests {
    static let supported = InstructionSet.allCases.filter(\.isSupported)

    func trace(_ model: LeNet5, _ instructionSet: InstructionSet, sample: Int = 0) -> ForwardTrace {
        let trace = ForwardTrace()
        Classifier(model, instructionSet: instructionSet)
            .forward(Reference.sample("input", sample), into: trace)
        return trace
    }

    @Test(arguments: supported)
    func trainedWeightsGiveAFiniteOutput(instructionSet: InstructionSet) {
        for sample in 0..<4 {
            let trace = trace(Reference.weights.model, instructionSet, sample: sample)
            #expect(trace.hasFiniteOutput)
            #expect(abs(trace.probabilities.reduce(0, +) - 1) < 1e-5)
        }
    }

    /// Every weight of the output layer at 3e38: the logits overflow and the softmax gives NaN.
    @Test(arguments: supported)
    func anOverflowingOutputLayerIsNotFinite(instructionSet: InstructionSet) {
        var model = Reference.weights.model
        model.output.weight.scalars = model.output.weight.scalars.map { _ in 3e38 }
        let trace = trace(model, instructionSet)
        #expect(!trace.hasFiniteOutput)
        #expect(trace.probabilities.contains { $0.isNaN })
    }

    /// One class's logit infinite while the others are numbers: the softmax alone looks fine at
    /// other classes (0), but the output is not finite.
    @Test(arguments: supported)
    func oneInfiniteLogitIsEnough(instructionSet: InstructionSet) {
        var model = Reference.weights.model
        model.output.bias.scalars[4] = .greatestFiniteMagnitude
        for k in 0..<84 { model.output.weight.scalars[4 * 84 + k] = 0 }
        model.output.weight.scalars[4 * 84] = .greatestFiniteMagnitude
        let trace = trace(model, instructionSet)
        let logits = trace.maps(.logits).values
        #expect(logits.contains { !$0.isFinite } == !trace.hasFiniteOutput)
    }

    /// Absurd but harmless: C1's biases at 1e19 saturate its tanh, and the rest is numbers.
    @Test(arguments: supported)
    func absurdWeightsThatSaturateAreStillFinite(instructionSet: InstructionSet) {
        var model = Reference.weights.model
        model.c1.bias.scalars = model.c1.bias.scalars.map { _ in 1e19 }
        let trace = trace(model, instructionSet)
        #expect(trace.hasFiniteOutput)
        // (The vector kernels' tanh is within a few ulps of 1 there, not exactly 1.)
        #expect(trace.maps(.c1).values.allSatisfy { abs($0 - 1) < 1e-5 })
    }
}
