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

    /// Under the compact canvas, names longer than the two columns of a vertical bar get a row
    /// each, the likeliest first, as many as there are rows (at 80x24: three), where the bars
    /// showed two letters of each name.
    @Test func compactBarsRankTheLikeliestNamedClasses() {
        let view = PredictionView(
            outcome: .classified(digit: 1, confidence: 0.6),
            probabilities: [0.1, 0.6, 0.05, 0.25], columns: true,
            classes: ["heart", "check", "star", "arrow"])
        #expect(
            draw(view, width: 24, height: 4).lines == [
                " Prediction: che.  60.0%",
                " check |#####   | 60.0% ",
                " arrow |##      | 25.0% ",
                " heart |#       | 10.0% ",
            ])
    }

    /// A long name is cut with an ellipsis in its bar's label, and gives way to the percentage on
    /// the prediction's line (the percentage went off the end).
    @Test func longNamesEndInAnEllipsis() {
        let view = PredictionView(
            outcome: .classified(digit: 0, confidence: 0.989), probabilities: [0.989, 0.011],
            columns: true, classes: ["zigzag lightning bolt", "star"])
        let lines = draw(view, width: 33, height: 4).lines
        #expect(lines[0] == " Prediction: zigzag light.  98.9%")
        #expect(lines[1].hasPrefix(" zigzag . |") && lines[2].hasPrefix(" star     |"), "\(lines)")
    }

    /// Twenty one-letter classes would need 61 columns of vertical bars: ranked rows instead, none
    /// drawn past the area; the digits keep their ten columns.
    @Test func manyClassesOrDigitsUnderTheCompactCanvas() {
        let letters = (0..<20).map { String(UnicodeScalar(UInt8(97 + $0))) }
        var probabilities = [Float](repeating: 0.01, count: 20)
        probabilities[7] = 0.81
        let many = draw(
            PredictionView(
                outcome: .classified(digit: 7, confidence: 0.81), probabilities: probabilities,
                columns: true, classes: letters), width: 33, height: 4
        ).lines
        #expect(many[1].hasPrefix(" h |") && many[1].contains(" 81.0%"), "\(many)")
        #expect(many[2].hasPrefix(" a |") && many[3].hasPrefix(" b |"), "\(many)")
        let digits = draw(
            PredictionView(
                outcome: .classified(digit: 3, confidence: 0.9),
                probabilities: (0..<10).map { $0 == 3 ? 0.9 : 0.01 }, columns: true),
            width: 33, height: 4
        ).lines
        #expect(digits[3] == " 0  1  2  3  4  5  6  7  8  9    ")
    }

    /// With a long class name at 80 columns, the title keeps which network answers and gives up
    /// the program's title instead.
    @Test func theTitleKeepsTheNetworkBeforeItsHeading() {
        let line = draw(
            TitleBar(
                outcome: .classified(digit: 0, confidence: 0.989),
                classes: ["zigzag lightning bolt"], network: "taught network"),
            width: 80, height: 1
        ).lines[0]
        #expect(line.hasPrefix(" lenet5  (taught network)"), "\(line)")
        #expect(line.hasSuffix("Prediction: zigzag lightning bolt  98.9% "))
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
        #expect(
            pad.render().lines.contains { $0.contains("pushed the score of \(names[best]) up") })
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
