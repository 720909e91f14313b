import LeNet5
import ReferenceFixtures
import Testing

@testable import Training

/// Backpropagation against PyTorch's autograd: the loss and the gradient of every weight for the
/// reference batch of four, on every instruction set this machine has and with one or two threads.
@Suite struct GradientReferenceTests {
    static let cases: [(InstructionSet, Int)] = InstructionSet.allCases.filter(\.isSupported)
        .flatMap { [($0, 1), ($0, 2)] }

    @Test(arguments: cases)
    func gradientsMatchPyTorch(instructionSet: InstructionSet, threads: Int) throws {
        var options = TrainingOptions()
        options.instructionSet = instructionSet
        options.threads = threads
        let trainer = Trainer(model: Reference.weights.model, options: options)
        let inputs = (0..<4).map { Reference.sample("input", $0) }
        let labels = try Reference.trace.integers("labels")
        let (loss, gradient) = trainer.gradient(inputs: inputs, labels: labels)
        let expectedLoss = try Reference.trace.floats("loss").scalars[0]
        #expect(abs(Float(loss) - expectedLoss) <= 1e-5, "loss \(loss) vs \(expectedLoss)")
        for (name, tensor) in gradient.namedParameters {
            let expected = try Reference.trace.floats("grad." + name)
            #expect(tensor.shape == expected.shape, "\(name)")
            let worst =
                zip(tensor.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-5, "grad.\(name): largest difference \(worst)")
        }
    }

    @Test func gradientIsNotTrivial() throws {
        // Guards the comparison above against passing on all-zero tensors.
        for name in ["c1.weight", "c3.weight", "c5.weight", "f6.weight", "output.weight"] {
            let expected = try Reference.trace.floats("grad." + name)
            #expect(expected.scalars.contains { abs($0) > 1e-4 }, "\(name)")
        }
    }
}
