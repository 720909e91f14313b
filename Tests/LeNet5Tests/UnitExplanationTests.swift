import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

/// Unit explanations recompute each unit from its inputs and weights; they must agree with the
/// forward trace (the kernels' arithmetic) and with PyTorch's layers.
@Suite struct UnitExplanationTests {
    static let supported = InstructionSet.allCases.filter(\.isSupported)

    /// Every unit of every layer on a reference sample and on a drawing with the shipped
    /// weights: the value and the value before the activation are the trace's; the explanation's
    /// sum plus bias is the trace's value before the activation and its mean the pooled value, to
    /// 1e-6 of the size of what was summed. Not closer: the kernels add up to 400 products in Float,
    /// each rounding by up to 6e-8 of the running total, in their own order and fused or not by
    /// instruction set; the explanation adds them exactly (in Double), so the difference is the
    /// kernels' rounding, a few millionths of the value at most.
    @Test(arguments: supported)
    func everyUnitAgreesWithTheTrace(instructionSet: InstructionSet) throws {
        let shipped = try WeightsFile.bundled().model
        let drawing = try DrawingFormats.drawing(
            from: readFileContents(Self.samples + "/four.txt"))
        let cases: [(LeNet5, [Float])] = [
            (Reference.weights.model, Reference.sample("input", 3)),
            (shipped, try #require(Preprocessing.networkInput(from: drawing))),
        ]
        var worst: (absolute: Float, relative: Float) = (0, 0)
        for (model, input) in cases {
            let trace = ForwardTrace()
            Classifier(model, instructionSet: instructionSet).forward(input, into: trace)
            for unit in Self.allUnits {
                let e = UnitExplanation(unit, trace: trace, model: model, transform: nil)
                #expect(e.value == trace.maps(unit.layer.traced)[unit.map, unit.y, unit.x])
                let pre = unit.layer.tracedPreActivation.map {
                    trace.maps($0)[unit.map, unit.y, unit.x]
                }
                #expect(e.preActivation == pre ?? e.value)
                let recomputed: Float
                let expected: Float
                let size: Float
                switch e.computation {
                case .pixel:
                    #expect(e.value == input[unit.y * 32 + unit.x])
                    continue
                case .convolution(let c):
                    recomputed = c.sum + c.bias
                    expected = e.preActivation
                    size = c.terms.flatMap(\.products).map(abs).reduce(abs(c.bias), +)
                    let terms = c.terms.map(\.sum).reduce(0, +)
                    #expect(abs(terms - c.sum) <= 1e-6 * max(1, size))
                case .averagePooling(let p):
                    recomputed = p.mean
                    expected = e.value
                    size = p.values.map(abs).reduce(0, +) / 4
                case .dense(let d):
                    recomputed = d.sum + d.bias
                    expected = e.preActivation
                    size = d.contributions.map(abs).reduce(abs(d.bias), +)
                }
                let error = abs(recomputed - expected)
                worst = (max(worst.absolute, error), max(worst.relative, error / max(1, size)))
                #expect(error <= 1e-6 * max(1, size), "\(unit): \(recomputed) vs \(expected)")
            }
        }
        print(
            "\(instructionSet): largest difference from the trace \(worst.absolute), "
                + "\(worst.relative) of the size of the terms summed")
    }

    /// The patches, kernels and sums against PyTorch's layers, which know nothing of the kernels'
    /// layouts: a patch is the reference's values of the layer below at the window, the kernel the
    /// reference weight tensor, tanh(sum + bias) the reference's value.
    @Test func patchesKernelsAndSumsAreThoseOfPyTorch() throws {
        let model = Reference.weights.model
        let trace = ForwardTrace()
        let sample = 2
        Classifier(model).forward(Reference.sample("input", sample), into: trace)
        func reference(_ layer: NetworkLayer) -> [Float] {
            Reference.sample(layer == .output ? "logits" : layer.name.lowercased(), sample)
        }
        for unit in Self.allUnits where unit.layer != .input {
            let e = UnitExplanation(unit, trace: trace, model: model, transform: nil)
            let g = unit.layer.geometry
            let own = reference(unit.layer)[unit.map * g.area + unit.y * g.side + unit.x]
            switch e.computation {
            case .pixel: Issue.record("\(unit) explained as a pixel")
            case .convolution(let c):
                #expect(abs(tanh(c.sum + c.bias) - own) <= 1e-5, "\(unit)")
                let below = reference(c.inputLayer)
                let weights =
                    (unit.layer == .c1 ? model.c1 : unit.layer == .c3 ? model.c3 : model.c5)
                    .weight.scalars
                let k = g.kernelSide
                #expect(c.terms.count == g.inputMaps)
                for term in c.terms {
                    for i in 0..<k * k {
                        let (y, x) = (term.window.y0 + i / k, term.window.x0 + i % k)
                        let value = below[term.inputMap * g.inputArea + y * g.inputSide + x]
                        #expect(abs(term.patch[i] - value) <= 1e-5, "\(unit) map \(term.inputMap)")
                        let w = weights[
                            ((unit.map * g.inputMaps + term.inputMap) * k + i / k) * k + i % k]
                        #expect(term.kernel[i] == w)
                    }
                }
            case .averagePooling(let p):
                #expect(abs(p.mean - own) <= 1e-5, "\(unit)")
                #expect(
                    p.window.width == 2 && p.window.x0 == 2 * unit.x && p.window.y0 == 2 * unit.y)
            case .dense(let d):
                // For the output, `own` is the reference's logit.
                let pre = unit.layer == .output ? d.sum + d.bias : tanh(d.sum + d.bias)
                #expect(abs(pre - own) <= 1e-5, "\(unit)")
                #expect(zip(d.inputs, reference(d.inputLayer)).allSatisfy { abs($0 - $1) <= 1e-5 })
            }
        }
    }

    @Test func theStrongestContributionsAreRankedBySign() throws {
        let model = try WeightsFile.bundled().model
        let drawing = try DrawingFormats.drawing(
            from: readFileContents(Self.samples + "/seven.txt"))
        let trace = ForwardTrace()
        Classifier(model).forward(
            try #require(Preprocessing.networkInput(from: drawing)), into: trace)
        let unit = try #require(NetworkUnit(layer: .output, unit: trace.prediction.classIndex))
        guard
            case .dense(let d) = UnitExplanation(unit, trace: trace, model: model, transform: nil)
                .computation
        else {
            Issue.record("the output is not dense")
            return
        }
        let up = d.strongest(5, upwards: true)
        let down = d.strongest(5, upwards: false)
        #expect(up.count == 5 && down.count == 5)
        #expect(zip(up, up.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
        #expect(up.allSatisfy { $0.contribution > 0 } && down.allSatisfy { $0.contribution < 0 })
        let contributions = d.contributions
        #expect(up.first?.contribution == contributions.max())
        #expect(down.first?.contribution == contributions.min())
    }

    /// The field on the drawing is the field in the input carried back through the transform.
    @Test func fieldsLandOnTheDrawing() throws {
        let model = try WeightsFile.bundled().model
        var drawing = Bitmap(width: 32, height: 32)
        for y in 24..<31 { for x in 26..<30 { drawing[x, y] = 1 } }
        let prepared = try #require(try PreparedDrawing(drawing))
        let trace = ForwardTrace()
        Classifier(model).forward(prepared.input, into: trace)
        for unit in Self.allUnits {
            let e = UnitExplanation(unit, trace: trace, model: model, transform: prepared.transform)
            #expect(e.fieldInput == unit.receptiveField)
            #expect(e.fieldDrawing == prepared.transform.drawingCells(covering: e.fieldInput))
            if let cells = e.fieldDrawing {
                // A solid 4x7 block in the bottom right corner, x 26...29, y 24...30: enlarged
                // 20 / 7 times about its centre of mass (28, 27.5), so the 32 input pixels come from
                // the 11.2 cells around it, x 22.4 ..< 33.6, y 21.9 ..< 33.1.
                let corner = prepared.transform.drawingPoint(x: 0, y: 0)
                #expect(abs(corner.x - 22.4) < 1e-4 && abs(corner.y - 21.9) < 1e-4)
                #expect(cells.x0 >= 22 && cells.y0 >= 21, "\(unit): \(cells)")
            }
            if unit.layer == .output {
                #expect(e.fieldDrawing == CellRect(x0: 22, y0: 21, x1: 31, y1: 31))
            }
        }
    }

    static let samples: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Assets/samples").path
    }()

    static let allUnits: [NetworkUnit] = NetworkLayer.allCases.flatMap { layer in
        let g = layer.geometry
        return (0..<g.count).compactMap {
            NetworkUnit(layer: layer, map: $0 / g.area, x: $0 % g.side, y: ($0 % g.area) / g.side)
        }
    }
}

private func tanh(_ x: Float) -> Float { Float(Foundation.tanh(Double(x))) }
