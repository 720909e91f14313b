import LeNet5
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// The handout of a drawing (`lenet5 report`) holds what the sketchpad shows, each number checked
/// against the network's own trace and the palette's rules, not against the sketchpad's output.
@Suite struct HandoutTests {
    static let classifier: Classifier = {
        guard let file = try? WeightsFile.bundled() else { preconditionFailure("no weights") }
        return Classifier(file)
    }()

    /// A 7 drawn with the keys.
    static let canvas: Canvas = {
        var pad = makeState()
        pad.drawSevenWithKeys()
        return pad.canvas
    }()

    /// The network's trace of the 7, run by hand through the preprocessing.
    static func trace() -> ForwardTrace {
        guard let prepared = try? PreparedDrawing(canvas.bitmap) else {
            preconditionFailure("the seven has no ink")
        }
        let trace = ForwardTrace()
        classifier.forward(prepared.input, into: trace)
        return trace
    }

    static let handout: Handout = {
        do {
            return try Handout(canvas: canvas, classifier: classifier)
        } catch {
            preconditionFailure("no handout: \(error)")
        }
    }()

    @Test func theAnswerAndTheBarsAreTheNetworks() {
        let handout = Self.handout
        let trace = Self.trace()
        #expect(handout.probabilities == trace.probabilities)
        #expect(handout.predicted == trace.prediction.classIndex)
        #expect(handout.bars.count == 10)
        // Each bar is its class's share of the bar's width, in eighths of a character, drawn
        // in ASCII (# from half a character on).
        for (k, line) in handout.bars.enumerated() {
            #expect(line.hasPrefix(" \(k) |"))
            let bar = line.split(separator: "|", omittingEmptySubsequences: false)[1]
            let eighths = Int((trace.probabilities[k] * Float(8 * bar.count)).rounded())
            let expected = (0..<bar.count).filter { eighths - 8 * $0 >= 4 }
            #expect(bar.filter { $0 == "#" }.count == expected.count, "\(line)")
        }
    }

    @Test func everyLayerIsThereWithItsMapsShadedByThePalettesRules() {
        let handout = Self.handout
        let trace = Self.trace()
        #expect(
            handout.layers.map(\.name) == ["Input", "C1", "S2", "C3", "S4", "C5", "F6", "Output"])
        let counts = handout.layers.map(\.maps.count)
        #expect(counts == [1, 6, 6, 16, 16, 1, 1, 1])
        // The input, unsigned: the ramp's character at the nearest ninth, twice a value.
        let input = trace.maps(.input)
        let inputText = handout.layers[0].maps[0].text
        for y in 0..<32 {
            for x in 0..<32 {
                let level = Int((min(1, max(0, input[0, y, x])) * 9).rounded())
                let expected = Character(Palette.ramp[level])
                let row = Array(inputText[y])
                #expect(row[2 * x] == expected && row[2 * x + 1] == expected, "(\(x), \(y))")
            }
        }
        // C1 map 3, signed, tanh outputs on a fixed scale: the warm or cool colour of the nearest
        // ninth, none for values that round to 0; and without colour the solid or hollow ramp.
        let c1 = trace.maps(.c1)
        let map = handout.layers[1].maps[2]
        for y in 0..<28 {
            for x in 0..<28 {
                let v = c1[2, y, x]
                let level = Int((abs(v) * 9).rounded())
                let warm: [UInt8] = [180, 222, 221, 215, 214, 208, 202, 196, 160]
                let cool: [UInt8] = [146, 153, 117, 111, 75, 69, 33, 27, 21]
                let color: Color? =
                    level == 0 ? nil : .indexed((v > 0 ? warm : cool)[level - 1])
                #expect(map.color(x: x, y: y) == color, "(\(x), \(y))")
                let textLevel = Int((abs(v) * 5).rounded())
                let character: Character =
                    textLevel == 0
                    ? " " : Array(v > 0 ? ".:+#@" : ",-=oO")[textLevel - 1]
                #expect(Array(map.text[y])[2 * x] == character, "(\(x), \(y))")
            }
        }
    }

    @Test func theWordsSpeakOfTheStrongestMapWithTheDrawingsNumbers() throws {
        let handout = Self.handout
        let trace = Self.trace()
        for (index, layer) in [NetworkLayer.c1, .s2, .c3].enumerated() {
            let section = handout.layers[index + 1]
            let maps = trace.maps(layer.traced)
            // The map with the largest value anywhere, and where it is (rows and columns from 1).
            var best = (map: 0, x: 0, y: 0, value: -Float.infinity)
            for m in 0..<maps.channels {
                for y in 0..<maps.height {
                    for x in 0..<maps.width where maps[m, y, x] > best.value {
                        best = (m, x, y, maps[m, y, x])
                    }
                }
            }
            #expect(section.wordsMap == best.map)
            let words = section.words.joined(separator: " ")
            #expect(
                words.contains("Map \(best.map + 1)")
                    && words.contains("row \(best.y + 1), column \(best.x + 1)"), "\(words)")
        }
        // Each layer's own text, from the built-in explanations.
        let openings = [
            "The network sees your drawing", "C1 slides six small", "S2 shrinks each C1",
            "C3 makes 16 maps", "S4 averages each", "C5 has 120 units", "F6 has 84 units",
            "Each digit gets a score",
        ]
        for (section, opening) in zip(handout.layers, openings) {
            #expect(section.words.first?.hasPrefix(opening) == true, "\(section.name)")
        }
        let output = try #require(handout.layers.last)
        #expect(
            output.words.joined().contains(
                "Your drawing reads as \(handout.predicted) "))
    }

    @Test func c5AndF6ListTheirStrongestUnitsAndTheOutputWhatPushedIt() throws {
        let handout = Self.handout
        let trace = Self.trace()
        for (index, layer) in [(5, TracedLayer.c5PreActivation), (6, .f6PreActivation)] {
            let before = trace.maps(layer).values
            let ranked = before.indices.sorted { before[$0] > before[$1] }.prefix(8)
            #expect(handout.layers[index].strongest.map(\.number) == ranked.map { $0 + 1 })
            #expect(handout.layers[index].strongest.map(\.before) == ranked.map { before[$0] })
        }
        for index in [0, 1, 2, 3, 4, 7] { #expect(handout.layers[index].strongest.isEmpty) }
        let output = try #require(handout.layers.last)
        #expect(output.pushedUp.count == 5 && output.pushedDown.count == 5)
        // The answer's score: the weights of its row times F6, its largest terms either way.
        let f6 = trace.maps(.f6).values
        // output.weight is [classes, 84], row by row.
        let weights = Self.classifier.model.output.weight.scalars
        let terms = (0..<84).map { f6[$0] * weights[handout.predicted * 84 + $0] }
        let up = terms.indices.sorted { terms[$0] > terms[$1] }.prefix(5)
        for (push, unit) in zip(output.pushedUp, up) {
            #expect(push.text.hasPrefix("F6 unit \(unit + 1) "), "\(push.text)")
        }
    }

    @Test func theSaliencyShadesOnlyTheInk() {
        let handout = Self.handout
        let canvas = Self.canvas
        for y in 0..<32 {
            for x in 0..<32 {
                #expect((handout.saliency.color(x: x, y: y) != nil) == canvas[x, y])
                #expect((handout.drawing.color(x: x, y: y) != nil) == canvas[x, y])
            }
        }
        #expect(handout.saliency.text.count == 32 && handout.drawing.text.count == 32)
        #expect(
            handout.saliencyWords.first?.hasPrefix("What made it a \(handout.predicted)") == true)
    }

    @Test func aDrawingWithNoAnswerGetsNoHandout() {
        #expect(throws: HandoutError.blank) {
            try Handout(canvas: Canvas(), classifier: Self.classifier)
        }
        var dot = Canvas()
        dot.stamp(at: Point(x: 10, y: 10), brush: 3, ink: true)
        #expect(throws: HandoutError.tooSmall(minimumSpan: 4)) {
            try Handout(canvas: dot, classifier: Self.classifier)
        }
        #expect(throws: HandoutError.undefined) {
            try Handout(
                canvas: Self.canvas,
                classifier: Classifier(
                    AbsurdWeightsTests.shipped(with: "output.weight", setTo: 3e38)))
        }
    }
}
