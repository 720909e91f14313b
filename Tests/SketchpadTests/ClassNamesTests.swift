import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// A network taught other classes than the ten digits (2 to 20 of them, named): the prediction,
/// its bars and the output layer's views show its own classes by name, and no view reaches for a
/// class it does not have.
@Suite struct ClassNamesTests {
    let palette = Palette(DisplayOptions(ascii: true, colors: .none))

    func draw(_ widget: some Widget, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer, palette: palette)
        return buffer
    }

    @Test func rowsNameEachClassAndWidenTheirLabels() {
        let view = PredictionView(
            outcome: .classified(digit: 1, confidence: 0.5), probabilities: [0.25, 0.5, 0.25],
            columns: false, classes: ["plus", "star", "arrow"])
        // Labels as wide as the longest name (5), the bar 24 - 11 - 5 = 8 cells; rows need a
        // height of 12, as for the digits.
        let expected =
            [
                " Prediction: star  50.0%",
                " plus  |##      | 25.0% ",
                " star  |####    | 50.0% ",
                " arrow |##      | 25.0% ",
            ] + Array(repeating: String(repeating: " ", count: 24), count: 8)
        #expect(draw(view, width: 24, height: 12).lines == expected)
    }

    @Test func columnsShowTheStartOfEachName() {
        let view = PredictionView(
            outcome: .classified(digit: 0, confidence: 0.9), probabilities: [0.9, 0.1],
            columns: true, classes: ["heart", "check"])
        let lines = draw(view, width: 12, height: 4).lines
        #expect(lines[0] == " Prediction:")
        #expect(lines[3] == " he ch      ")
    }

    @Test func theTitleNamesTheClass() {
        let line = draw(
            TitleBar(
                outcome: .classified(digit: 2, confidence: 0.75), classes: ["a", "b", "star"]),
            width: 50, height: 1
        ).lines[0]
        #expect(line.hasSuffix("Prediction: star  75.0% "))
    }

    /// A whole sketchpad on a six-class network: the prediction names a class, the Output tab
    /// has six units, and stepping through them wraps after the sixth.
    @Test func aSixClassNetworkDrawsEveryViewAndStepsThroughItsUnits() {
        var generator = SeededGenerator(seed: 4)
        let model = LeNet5(classes: 6, using: &generator)
        let names = ["plus", "star", "arrow", "alpha", "heart", "check"]
        var pad = Pad(
            state: SketchpadState(
                width: 120, height: 36, options: DisplayOptions(ascii: true, colors: .none)),
            derivations: Derivations(classifier: Classifier(model, classes: names)))
        pad.classCount = 6
        pad.drawSevenWithKeys()
        guard let (best, _) = pad.reading.prediction else {
            Issue.record("no prediction")
            return
        }
        let lines = pad.render().lines
        #expect(lines[0].contains("Prediction: \(names[best])"))
        #expect(lines.contains { $0.contains(" arrow |") })
        #expect(!lines.contains { $0.contains(" 9 |") }, "no digit rows")
        // To the Output tab, then through its units.
        pad.send(.key(.tab))
        for _ in 0..<6 { pad.send(.key(.character("n"))) }
        #expect(pad.selectedLayer.id == .output && pad.mapCount == 6)
        // The output opens on the answer; the list under the units explains its score.
        #expect(pad.mapIndex == best)
        #expect(pad.render().lines.contains { $0.contains("pushed the score of \(names[best]) up") })
        for step in 1...7 {
            let unit = (best + step) % 6
            pad.send(.key(.right))
            #expect(pad.mapIndex == unit)
            let frame = pad.render().lines.joined(separator: "\n")
            #expect(frame.contains("class \(names[unit]): probability"), "\(step)")
            #expect(frame.contains("pushed the score of \(names[unit]) up most:"), "\(step)")
            #expect(frame.contains("pushed the score of \(names[unit]) down most:"), "\(step)")
            pad.send(.key(.enter))
            #expect(pad.render().lines.joined().contains("Output: the score of \(names[unit])"))
            pad.send(.key(.escape))
        }
    }
}
