import LeNet5
import ReferenceFixtures
import Testing

@testable import Training

/// Backpropagation in a network of other than ten classes, against central differences of the
/// independent Double forward pass's loss, on every instruction set: the PyTorch reference has ten
/// classes only.
@Suite struct ClassCountGradientTests {
    static let sets = InstructionSet.allCases.filter(\.isSupported)

    static func model(classes: Int) -> LeNet5 {
        var generator = SeededGenerator(seed: 5)
        var model = Reference.weights.model
        model.output = Dense(
            weight: Tensor(uniform: [classes, 84], bound: 0.6, using: &generator),
            bias: Tensor(uniform: [classes], bound: 0.5, using: &generator))
        return model
    }

    @Test(arguments: [3, 17])
    func gradientsAreTheLossesDerivatives(classes: Int) throws {
        let model = Self.model(classes: classes)
        let inputs = (0..<4).map { Reference.sample("input", $0) }
        let labels = [0, classes - 1, 1, classes / 2]
        let double = DoubleLeNet5(model)
        let x = inputs.map { $0.map(Double.init) }
        var gradients = [LeNet5]()
        for set in Self.sets {
            var options = TrainingOptions()
            options.instructionSet = set
            options.threads = 2
            let (loss, gradient) = Trainer(model: model, options: options)
                .gradient(inputs: inputs, labels: labels)
            let expected = double.loss(x, labels: labels)
            #expect(abs(loss - expected) <= 1e-5, "\(set): loss \(loss) vs \(expected)")
            gradients.append(gradient)
        }
        // Every output bias, and a sample of every other tensor's entries: many of the dense
        // layers' (whose losses reuse C5's values), a few of the convolutions'.
        let c5 = x.map(double.c5)
        var generator = SeededGenerator(seed: 11)
        for (index, (name, tensor)) in model.namedParameters.enumerated() {
            let dense = name.hasPrefix("output") || name.hasPrefix("f6")
            let picks =
                name == "output.bias"
                ? Array(0..<tensor.count)
                : (0..<(dense ? 24 : 3)).map { _ in
                    Int.random(in: 0..<tensor.count, using: &generator)
                }
            for i in picks {
                let h: Float = 1e-2
                func loss(_ delta: Float) -> Double {
                    var copy = model.namedParameters
                    copy[index].tensor.scalars[i] += delta
                    let named = Dictionary(uniqueKeysWithValues: copy.map { ($0.name, $0.tensor) })
                    let moved = DoubleLeNet5(LeNet5(named: named))
                    return dense
                        ? moved.loss(c5: c5, labels: labels) : moved.loss(x, labels: labels)
                }
                let numeric = (loss(h) - loss(-h)) / Double(2 * h)
                for (set, gradient) in zip(Self.sets, gradients) {
                    let g = gradient.namedParameters[index].tensor.scalars[i]
                    #expect(
                        abs(Double(g) - numeric) <= 2e-4 + 1e-2 * abs(numeric),
                        "\(set) \(name)[\(i)]: \(g) vs \(numeric)")
                }
            }
        }
        #expect(
            gradients[0].output.weight.scalars.contains { abs($0) > 1e-3 },
            "the output's gradient is not all zero")
    }
}
