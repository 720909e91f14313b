import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

/// Saliency: the input gradient against finite differences of an independent Double-precision
/// forward pass, occlusion against classifying the erased drawing directly, and both methods'
/// faithfulness on the held-out sketches.
@Suite struct SaliencyTests {
    static let supported = InstructionSet.allCases.filter(\.isSupported)

    @Test func theDoubleReferenceForwardIsPyTorchs() {
        for sample in 0..<4 {
            let p = DoubleLeNet5(Reference.weights.model).probabilities(
                Reference.sample("input", sample).map(Double.init))
            let expected = Reference.sample("probabilities", sample)
            #expect(zip(p, expected).allSatisfy { abs($0 - Double($1)) < 1e-6 }, "\(sample)")
        }
    }

    /// d probability / d pixel on every instruction set, against central differences of the
    /// Double forward pass, for the predicted class and one whose probability is not saturated.
    @Test func theInputGradientIsTheDerivative() throws {
        let drawing = try DrawingFormats.drawing(
            from: readFileContents(UnitExplanationTests.samples + "/two.txt"))
        let cases: [(LeNet5, [Float])] = [
            (Reference.weights.model, Reference.sample("input", 3)),
            (
                try WeightsFile.bundled().model,
                try #require(Preprocessing.networkInput(from: drawing))
            ),
        ]
        var generator = SeededGenerator(seed: 21)
        for (model, input) in cases {
            let double = DoubleLeNet5(model)
            let trace = ForwardTrace()
            Classifier(model).forward(input, into: trace)
            for digit in [trace.prediction.classIndex, (trace.prediction.classIndex + 3) % 10] {
                let gradients = Self.supported.map {
                    Classifier(model, instructionSet: $0).inputGradient(of: digit, at: input)
                }
                let scale = gradients[0].map(abs).max() ?? 0
                #expect(scale > 1e-6, "the gradient is not all zero")
                let largest = (0..<1024).sorted { abs(gradients[0][$0]) > abs(gradients[0][$1]) }
                let pixels =
                    (0..<16).map { _ in Int.random(in: 0..<1024, using: &generator) }
                    + largest.prefix(6)
                for pixel in pixels {
                    let h = 1e-4
                    var x = input.map(Double.init)
                    x[pixel] += h
                    let up = double.probabilities(x)[digit]
                    x[pixel] -= 2 * h
                    let down = double.probabilities(x)[digit]
                    let numeric = (up - down) / (2 * h)
                    for (set, gradient) in zip(Self.supported, gradients) {
                        #expect(
                            abs(numeric - Double(gradient[pixel])) <= 1e-4 * Double(scale) + 1e-7,
                            "\(set), class \(digit), pixel \(pixel): \(gradient[pixel]) vs \(numeric)"
                        )
                    }
                }
            }
        }
    }

    /// Each occlusion drop is the prediction's probability minus its probability for the drawing
    /// with that one cell erased, classified on its own; background cells are 0; one thread or two
    /// give the same map.
    @Test func occlusionIsTheDropWhenACellIsErased() throws {
        let classifier = Classifier(try WeightsFile.bundled().model)
        let drawing = try DrawingFormats.drawing(
            from: readFileContents(UnitExplanationTests.samples + "/five.txt"))
        let prepared = try #require(try PreparedDrawing(drawing))
        let saliency = try classifier.saliency(of: prepared, method: .occlusion)
        let other = try classifier.saliency(of: prepared, method: .occlusion, threads: 1)
        #expect(saliency.drops == other.drops)
        let trace = ForwardTrace()
        classifier.forward(try #require(Preprocessing.networkInput(from: drawing)), into: trace)
        #expect(saliency.predicted == trace.prediction.classIndex && saliency.predicted == 5)
        let p0 = trace.prediction.confidence
        for cell in drawing.pixels.indices {
            guard drawing.pixels[cell] > 0 else {
                #expect(saliency.drops[cell] == 0)
                continue
            }
            var erased = drawing
            erased.pixels[cell] = 0
            let input =
                Preprocessing.networkInput(from: erased) ?? [Float](repeating: 0, count: 1024)
            classifier.forward(input, into: trace)
            #expect(saliency.drops[cell] == p0 - trace.probabilities[5], "cell \(cell)")
        }
        #expect(saliency.drops.contains { $0 != 0 })
    }

    /// Without preprocessing the drawing is the input: occlusion zeroes one input pixel, and the
    /// gradient times input is the input gradient times the pixel.
    @Test func withoutPreprocessingTheDrawingIsTheInput() throws {
        let classifier = Classifier(try WeightsFile.bundled().model)
        let drawing = try DrawingFormats.drawing(
            from: readFileContents(UnitExplanationTests.samples + "/three.txt"))
        let prepared = try #require(try PreparedDrawing(drawing, preprocess: false))
        #expect(prepared.input == drawing.pixels)
        let gradient = try classifier.saliency(of: prepared, method: .gradient)
        let raw = classifier.inputGradient(of: gradient.predicted, at: drawing.pixels)
        #expect(gradient.drops == zip(raw, drawing.pixels).map { $0 * $1 })
        let occlusion = try classifier.saliency(of: prepared, method: .occlusion)
        let trace = ForwardTrace()
        let cell = try #require(drawing.pixels.indices.first { drawing.pixels[$0] > 0 })
        var input = drawing.pixels
        input[cell] = 0
        classifier.forward(input, into: trace)
        #expect(
            occlusion.drops[cell] == occlusion.probability
                - trace.probabilities[occlusion.predicted])
        #expect(throws: DrawingPreparationError.notNetworkSized(width: 3, height: 2)) {
            try PreparedDrawing(Bitmap(width: 3, height: 2), preprocess: false)
        }
    }

    /// Erasing the ten most salient ink cells lowers the predicted class's probability more than
    /// erasing ten ink cells picked at random, for at least 90% of the 400 held-out sketches, by
    /// either method (seeded).
    @Test(arguments: SaliencyMethod.allCases)
    func saliencyIsFaithful(method: SaliencyMethod) throws {
        let classifier = Classifier(try WeightsFile.bundled().model)
        var generator = SeededGenerator(seed: 2024)
        var faithful = 0
        let files = Self.sketches
        #expect(files.count == 400)
        for file in files {
            let drawing = try DrawingFormats.drawing(from: readFileContents(file))
            guard let prepared = try PreparedDrawing(drawing) else {
                Issue.record("\(file): no ink")
                continue
            }
            let saliency = try classifier.saliency(of: prepared, method: method)
            let ink = drawing.pixels.indices.filter { prepared.isInk(drawing.pixels[$0]) }
            let top = saliency.mostSalient(10).map { $0.y * drawing.width + $0.x }
            let random = Array(ink.shuffled(using: &generator).prefix(10))
            let after = classifier.probabilities(
                of: saliency.predicted, erasing: [top, random], from: prepared)
            if after[0] < after[1] { faithful += 1 }
        }
        let share = Double(faithful) / Double(files.count)
        print(
            "\(method): the 10 most salient cells beat 10 random ones on \(faithful) of \(files.count)"
        )
        #expect(share >= 0.9, "\(method): \(faithful) of \(files.count)")
    }

    static let sketches: [String] = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<2 { url.deleteLastPathComponent() }
        let directory = url.appendingPathComponent("EndToEndTests/Fixtures/sketches").path
        return ["thin", "thick"].flatMap { kind in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + kind)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { directory + "/" + kind + "/" + $0 }
        }
    }()
}
