import Foundation
import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// "Not a digit?" in the sketchpad: the verdict comes from the weights' own statistics, computed
/// with the reading, and shown with the best guess; weights without statistics claim nothing.
@Suite struct NotADigitTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets/samples").path

    /// A sample drawing, on a sketchpad with the shipped weights (and their statistics, unless
    /// `statistics` is false).
    func pad(_ sample: String, statistics: Bool = true, width: Int = 120, height: Int = 36) throws
        -> Pad
    {
        let file = try WeightsFile.bundled()
        let drawing = try DrawingFile.read(Self.samples + "/" + sample, requiredSide: 32)
        let canvas = try #require(Canvas(drawing))
        return Pad(
            state: SketchpadState(
                width: width, height: height,
                options: DisplayOptions(ascii: true, colors: .none), canvas: canvas),
            derivations: Derivations(
                classifier: Classifier(file), unsure: statistics ? file.unsure : nil))
    }

    @Test func theSmileyIsNoDigitAndKeepsItsBestGuess() throws {
        let statistics = try #require(try WeightsFile.bundled().unsure)
        let pad = try pad("smiley.txt")
        let reading = pad.reading
        let (digit, confidence) = try #require(reading.prediction)
        // The verdict is the statistics' own, on the same trace as the prediction.
        let trace = ForwardTrace()
        let prepared = try #require(try PreparedDrawing(pad.canvas.bitmap))
        Classifier(try WeightsFile.bundled()).forward(prepared.input, into: trace)
        #expect(reading.unsure == statistics.judge(trace))
        #expect(reading.isUnsure)
        let lines = pad.render().lines
        let guess = "best guess \(digit), \(percentText(confidence))"
        #expect(lines[0].hasSuffix("Prediction: not a digit? (\(guess)) "))
        #expect(lines[1].contains("Prediction: not a digit?  best guess \(digit)  "))
        // The bars are still there, the best one's percentage with them.
        #expect(
            lines.contains { $0.contains(" \(digit) |") && $0.contains(percentText(confidence)) })
    }

    @Test func aSevenIsADigit() throws {
        let pad = try pad("seven.txt")
        #expect(pad.reading.unsure != nil && !pad.reading.isUnsure)
        #expect(
            pad.render().lines[0].hasSuffix(
                "Prediction: 7  " + percentText(pad.reading.prediction?.confidence ?? 0) + " "))
    }

    @Test func withoutStatisticsNothingIsClaimed() throws {
        let pad = try pad("smiley.txt", statistics: false)
        #expect(pad.reading.unsure == nil && !pad.reading.isUnsure)
        #expect(!pad.render().lines.joined().contains("not a digit?"))
    }

    @Test func underTheCompactCanvasTheVerdictComesFirst() throws {
        let pad = try pad("smiley.txt", width: 80, height: 24)
        let digit = try #require(pad.reading.prediction?.digit)
        let lines = pad.render().lines
        #expect(lines[19].hasPrefix(" not a digit?  best guess \(digit)  "))
        // With the canvas hidden, the status line says it.
        var full = pad
        full.press(.character("f"))
        #expect(
            full.render().lines[23].hasPrefix("Prediction: not a digit? (best guess \(digit), "))
    }

    @Test func aTaughtNetworkClaimsNothing() throws {
        var pad = try pad("smiley.txt")
        var generator = SeededGenerator(seed: 2)
        pad.send(
            .teach(
                .trained(
                    TaughtNetwork(
                        run: 1,
                        classifier: Classifier(
                            LeNet5(classes: 2, using: &generator), classes: ["a", "b"]),
                        freeze: .c5, examples: 4, trainAccuracy: 1, seconds: 1, comparison: nil))))
        #expect(pad.reading.classes == ["a", "b"] && pad.reading.unsure == nil)
        pad.press(.character("O"))
        #expect(pad.reading.isUnsure)
    }
}
