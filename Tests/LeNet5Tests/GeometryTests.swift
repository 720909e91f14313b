import Kernels
import ReferenceFixtures
import Testing

@testable import LeNet5

/// The declared geometry against PyTorch's shapes, the buffer layouts built from it, and the
/// receptive fields against what the network actually does.
@Suite struct GeometryTests {
    @Test func shapesAreThoseOfTheReference() throws {
        for layer in NetworkLayer.allCases {
            let name = layer == .output ? "probabilities" : layer.name.lowercased()
            let reference = try Reference.trace.floats(name)
            // The reference's first dimension is the sample.
            let expected = Array(reference.shape.dropFirst())
            let shape = layer.shape(classes: 10)
            #expect(
                shape == expected || (layer == .input && shape == [1, 32, 32]),
                "\(layer): \(shape) vs \(expected)")
        }
        for (name, shape) in LeNet5.parameterShapes {
            #expect(
                Reference.weights.model.namedParameters.first { $0.name == name }?.tensor.shape
                    == shape)
        }
        #expect(LeNet5.architecture.map(\.parameterCount).reduce(0, +) == 61_706)
        #expect(
            LeNet5.architecture.map(\.name) == [
                "Input", "C1", "S2", "C3", "S4", "C5", "F6", "Output",
            ])
    }

    /// The sizes the issue and the paper give, written out: a second statement of the geometry.
    @Test func receptiveFieldsAreThePapers() {
        let expected: [NetworkLayer: (side: Int, field: Int, jump: Int)] = [
            .input: (32, 1, 1), .c1: (28, 5, 1), .s2: (14, 6, 2), .c3: (10, 14, 2),
            .s4: (5, 16, 4), .c5: (1, 32, 4), .f6: (1, 32, 4), .output: (1, 32, 4),
        ]
        for layer in NetworkLayer.allCases {
            let g = layer.geometry
            let e = expected[layer]
            #expect(g.side == e?.side && g.fieldSide == e?.field && g.jump == e?.jump, "\(layer)")
        }
        #expect(
            NetworkUnit(layer: .c3, map: 3, x: 9, y: 2)?.receptiveField
                == CellRect(x0: 18, y0: 4, x1: 31, y1: 17))
        #expect(
            NetworkUnit(layer: .s4, map: 0, x: 4, y: 1)?.receptiveField
                == CellRect(x0: 16, y0: 4, x1: 31, y1: 19))
        #expect(
            NetworkUnit(layer: .f6, unit: 83)?.receptiveField
                == CellRect(x0: 0, y0: 0, x1: 31, y1: 31))
        #expect(NetworkUnit(layer: .c1, map: 6, x: 0, y: 0) == nil)
        #expect(NetworkUnit(layer: .s2, map: 0, x: 14, y: 0) == nil)
        #expect(NetworkUnit(layer: .c3, unit: 1) == nil)
    }

    /// Every block of every layout starts on 16 floats and ends before the next begins.
    @Test func layoutsHoldTheirLayersWithoutOverlap() {
        func check(_ blocks: [(start: Int, size: Int)], total: Int, _ name: String) {
            for (i, block) in blocks.enumerated() {
                #expect(block.start % 16 == 0, "\(name) block \(i) at \(block.start)")
                let end = i + 1 < blocks.count ? blocks[i + 1].start : total
                #expect(block.start + block.size <= end, "\(name) block \(i) overruns")
            }
        }
        let g = NetworkGeometry.self
        check(
            [
                (TraceLayout.input, g.input.count), (TraceLayout.c1PreActivation, g.c1.count),
                (TraceLayout.c1, g.c1.count), (TraceLayout.s2, g.s2.count + 2),
                (TraceLayout.c3PreActivation, g.c3.count), (TraceLayout.c3, g.c3.count),
                (TraceLayout.s4, g.s4.count), (TraceLayout.c5PreActivation, g.c5.count),
                (TraceLayout.c5, g.c5.count), (TraceLayout.f6PreActivation, g.f6.count),
                (TraceLayout.f6, g.f6.count), (TraceLayout.logits, g.output(classes: 20).count),
                (TraceLayout.probabilities, g.output(classes: 20).count),
            ], total: TraceLayout.count, "trace")
        check(
            [
                (ParameterLayout.c1Weight, 150), (ParameterLayout.c1Bias, 6),
                (ParameterLayout.c3Weight, 150 * 16), (ParameterLayout.c3Bias, 16),
                (ParameterLayout.c5Weight, 400 * 128), (ParameterLayout.c5Bias, 120),
                (ParameterLayout.f6Weight, 120 * 96), (ParameterLayout.f6Bias, 84),
                (ParameterLayout.outputWeight, 84 * 32), (ParameterLayout.outputBias, 20),
            ], total: ParameterLayout.count, "parameters")
        // The sizes of the layouts as they were written out by hand before the geometry was
        // declared (the declaration changed no layout), with the output's blocks grown from 16
        // lanes to 32 to hold up to 20 classes: 16 more logits and probabilities in the trace,
        // 84 x 16 more weights and 16 more biases, 10 more transposed rows, 16 more gradients.
        #expect(TraceLayout.count == 15_696 + 2 * 16)
        #expect(ParameterLayout.count == 66_896 + 84 * 16 + 16)
        #expect(TransposedLayout.count == 120 * 400 + 84 * 128 + 20 * 96)
        #expect(GradientScratchLayout.count == 12_384 + 16)
    }

    /// Changes one input pixel at a time and records which units of every layer change: the pixels
    /// that reach a unit must be exactly its declared receptive field.
    @Test func receptiveFieldsAreWhatTheNetworkReads() {
        let classifier = Classifier(Reference.weights.model)
        let base = Reference.sample("input", 3)
        let trace = ForwardTrace()
        classifier.forward(base, into: trace)
        let layers = NetworkLayer.allCases.filter { $0 != .input }
        let before = layers.map { trace.maps($0.traced).values }
        // Per layer and unit (in PyTorch order): the box of the pixels that changed it, and how many.
        var boxes = layers.map { layer in
            [(x0: Int, y0: Int, x1: Int, y1: Int, count: Int)](
                repeating: (Int.max, Int.max, Int.min, Int.min, 0),
                count: layer.geometry.count)
        }
        for pixel in 0..<1024 {
            var input = base
            input[pixel] += 0.5
            classifier.forward(input, into: trace)
            let (px, py) = (pixel % 32, pixel / 32)
            for (l, layer) in layers.enumerated() {
                let after = trace.maps(layer.traced).values
                for u in 0..<after.count where after[u] != before[l][u] {
                    var box = boxes[l][u]
                    box = (
                        min(box.x0, px), min(box.y0, py), max(box.x1, px), max(box.y1, py),
                        box.count + 1
                    )
                    boxes[l][u] = box
                }
            }
        }
        for (l, layer) in layers.enumerated() {
            let g = layer.geometry
            for u in 0..<g.count {
                let (map, y, x) = (u / g.area, (u % g.area) / g.side, u % g.side)
                guard let unit = NetworkUnit(layer: layer, map: map, x: x, y: y) else {
                    Issue.record("\(layer) unit \(u) out of range")
                    continue
                }
                let field = unit.receptiveField
                let box = boxes[l][u]
                // Every pixel of a field reaches its unit, but from C5 on a pixel's effect passes
                // through hundreds of Float sums and can, now and then, round away.
                let area = field.width * field.height
                let reached = g.fieldSide < 32 ? box.count == area : box.count >= area * 99 / 100
                #expect(
                    box.x0 == field.x0 && box.y0 == field.y0 && box.x1 == field.x1
                        && box.y1 == field.y1 && reached,
                    "\(unit): field \(field), changed by \(box)")
            }
        }
    }
}
