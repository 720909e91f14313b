import Foundation
import LeNet5
import ReferenceFixtures
import Testing

/// The forward pass against PyTorch, layer by layer, on every instruction set this machine has.
@Suite struct ForwardReferenceTests {
    static let supported = InstructionSet.allCases.filter(\.isSupported)

    @Test(arguments: supported)
    func everyLayerMatchesPyTorch(instructionSet: InstructionSet) {
        let classifier = Classifier(Reference.weights.model, instructionSet: instructionSet)
        let trace = ForwardTrace()
        let layers: [(String, TracedLayer)] = [
            ("c1", .c1), ("s2", .s2), ("c3", .c3), ("s4", .s4), ("c5", .c5), ("f6", .f6),
            ("logits", .logits), ("probabilities", .probabilities),
        ]
        for sample in 0..<4 {
            classifier.forward(Reference.sample("input", sample), into: trace)
            #expect(trace.maps(.input).values == Reference.sample("input", sample))
            for (name, layer) in layers {
                let expected = Reference.sample(name, sample)
                let actual = trace.maps(layer).values
                #expect(actual.count == expected.count, "\(name)")
                let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? .infinity
                #expect(worst <= 1e-5, "sample \(sample) \(name): largest difference \(worst)")
            }
        }
    }

    @Test(arguments: supported)
    func preActivationsAreWhatTanhWasAppliedTo(instructionSet: InstructionSet) {
        let classifier = Classifier(Reference.weights.model, instructionSet: instructionSet)
        let trace = ForwardTrace()
        classifier.forward(Reference.sample("input", 1), into: trace)
        for (pre, post) in [
            (TracedLayer.c1PreActivation, TracedLayer.c1), (.c3PreActivation, .c3),
            (.c5PreActivation, .c5), (.f6PreActivation, .f6),
        ] {
            let worst = zip(trace.maps(pre).values, trace.maps(post).values)
                .map { abs(Float(tanh(Double($0))) - $1) }.max()!
            #expect(worst <= 1e-6, "\(pre)")
        }
    }

    @Test(.enabled(if: supported.count > 1, "one instruction set here: nothing to compare"))
    func allThreeInstructionSetsAgree() {
        let trace = ForwardTrace()
        var results = [[Float]]()
        for set in Self.supported {
            Classifier(Reference.weights.model, instructionSet: set)
                .forward(Reference.sample("input", 3), into: trace)
            results.append(trace.maps(.c5).values)
        }
        for other in results.dropFirst() {
            #expect(zip(results[0], other).allSatisfy { abs($0 - $1) <= 1e-5 })
        }
    }
}
