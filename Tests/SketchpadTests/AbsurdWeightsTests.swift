import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Weights that load (every value finite) but overflow on the way through the network: every view
/// must still draw, and NaN probabilities must say so instead of naming a class.
@Suite struct AbsurdWeightsTests {
    static let shipped: LeNet5 = {
        guard let file = try? WeightsFile.bundled() else { preconditionFailure("no weights") }
        return file.model
    }()

    /// The shipped model with every value of one tensor set to `value`.
    static func shipped(with name: String, setTo value: Float) -> LeNet5 {
        var named = [String: Tensor]()
        for (tensorName, tensor) in shipped.namedParameters {
            named[tensorName] =
                tensorName == name
                ? Tensor(
                    shape: tensor.shape, scalars: [Float](repeating: value, count: tensor.count))
                : tensor
        }
        return LeNet5(named: named)
    }

    /// Every weight and bias the same value.
    static func uniform(_ value: Float) -> LeNet5 {
        var named = [String: Tensor]()
        for (name, shape) in LeNet5.parameterShapes {
            named[name] = Tensor(
                shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
        }
        return LeNet5(named: named)
    }

    static let models: [(String, LeNet5)] = [
        ("output.weight = 3e38", shipped(with: "output.weight", setTo: 3e38)),
        ("c1.bias = 1e19", shipped(with: "c1.bias", setTo: 1e19)),
        ("every value 3e38", uniform(3e38)),
        ("every value -3e38", uniform(-3e38)),
        ("every value the largest Float", uniform(.greatestFiniteMagnitude)),
    ]

    @Test func hugeOutputWeightsGiveNoPredictionAndSaySo() {
        var state = makeState(model: Self.models[0].1)
        state.drawSevenWithKeys()
        #expect(state.reading.outcome == .undefined && state.reading.prediction == nil)
        let lines = state.render().lines
        #expect(lines[0].hasSuffix("Prediction: none (NaN) "))
        #expect(lines[35].hasPrefix(" Prediction: none  (NaN)"))
        #expect(
            lines[37].hasPrefix(" These weights make the numbers too large to compute, so no digit")
        )
        // No bar is drawn and no class is highlighted.
        #expect(!lines[36...46].contains { $0.prefix(66).contains("|#") })
        var compact = makeState(width: 80, height: 24, model: Self.models[0].1)
        compact.drawSevenWithKeys()
        let rows = compact.render().lines
        #expect(rows[19].hasPrefix(" Prediction: none  (NaN)"))
        #expect(rows[20].hasPrefix(" These weights make the numbers  "))
        #expect(rows[22].hasPrefix(" digit can be picked.  "))
    }

    @Test func aBiasOf1e19ShowsItsPreActivationsInScientificNotation() {
        var state = makeState(model: Self.models[1].1)
        state.drawSevenWithKeys()
        state.press(.tab, .character("a"))
        let header = state.render().lines[state.layout.network.y + 3]
        #expect(header.contains("values 1.00e+19 to 1.00e+19"), "\(header)")
    }

    /// Every layer, before and after its activation, zoomed or not, watched step by step, its
    /// shades per map, with the saliency overlay, full screen or beside the canvas, at the
    /// smallest and largest sizes: drawn, and a digit named only when every probability is a
    /// number.
    @Test(arguments: Self.models.indices)
    func everyViewSurvives(model index: Int) {
        for (width, height) in [(160, 50), (80, 24)] {
            var state = makeState(width: width, height: height, model: Self.models[index].1)
            state.drawSevenWithKeys()
            let finite = state.reading.trace?.probabilities.allSatisfy(\.isFinite) ?? false
            #expect((state.reading.prediction != nil) == finite)
            func check() {
                let title = state.render().lines[0]
                #expect(title.contains("Prediction: none (NaN)") == !finite, "\(title)")
            }
            state.press(.character("x"))
            for screen in 0..<2 {
                for _ in LeNet5.architecture {
                    for _ in 0..<2 {
                        for _ in 0..<2 {
                            check()
                            state.press(.enter)
                        }
                        state.press(.character("w"))
                        check()
                        state.press(.character("."), .character("v"))
                        check()
                        state.press(.escape, .escape, .character("a"))
                    }
                    state.press(.right, .tab)
                }
                if screen == 0 { state.press(.character("f")) }
            }
        }
    }
}
