import LeNet5
import Lessons
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// The tour's and the experiments' widgets alone, in ASCII without colour, compared as lines
/// worked out by hand from each widget's rules.
@Suite struct TourWidgetTests {
    let palette = Palette(DisplayOptions(ascii: true, colors: .none))

    func draw(_ widget: some Widget, width: Int, height: Int) -> [String] {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer, palette: palette)
        return buffer.lines
    }

    /// `text` between the box's sides, padded to its width.
    func row(_ text: String, _ width: Int) -> String {
        "|" + text + String(repeating: " ", count: width - 2 - text.count) + "|"
    }

    /// A box: the heading, a blank row, the paragraphs a blank line apart, and the status at the
    /// bottom after a blank row; the words two columns in from each side.
    @Test func theTourPanelAsABox() {
        let panel = TourPanel(
            heading: "step 2 of 5: Bars", words: ["It reads 7, 99.9% sure.", "Next comes 3."],
            status: "Last step: Esc leaves the tour.")
        #expect(
            draw(panel, width: 40, height: 10) == [
                "+- Tour " + String(repeating: "-", count: 31) + "+",
                row(" step 2 of 5: Bars", 40),
                row("", 40),
                row(" It reads 7, 99.9% sure.", 40),
                row("", 40),
                row(" Next comes 3.", 40),
                row("", 40),
                row("", 40),
                row(" Last step: Esc leaves the tour.", 40),
                "+" + String(repeating: "-", count: 38) + "+",
            ])
    }

    /// A band: a rule with the heading in it, then the words wrapped to the width less two
    /// columns each side, and the status under them; too many lines lose the blank lines first.
    @Test func theTourPanelAsABand() {
        var panel = TourPanel(
            heading: "step 12 of 13: Your turn",
            words: ["Now draw a 3 of your own. The tour goes on.", "It gives 3 12.5%."],
            status: "Draw a 3 to go on (it reads 5).")
        panel.boxed = false
        #expect(
            draw(panel, width: 30, height: 6) == [
                "-- step 12 of 13: Your turn --",
                "  Now draw a 3 of your own.   ",
                "  The tour goes on.           ",
                "  It gives 3 12.5%.           ",
                "  Draw a 3 to go on (it       ",
                "  reads 5).                   ",
            ])
        // The rows a step asks for: the rule, its words at their widest, the status.
        let text = Explanation(paragraphs: [[.text("Draw a "), .fact(.target), .text(".")]])
        #expect(TourPanel.rows(heading: "h", text: text, width: 30, boxed: false, waits: true) == 3)
        #expect(
            TourPanel.rows(heading: "h", text: text, width: 30, boxed: true, waits: true)
                == 2 + 1 + 1 + 1 + 2)
        #expect(TourPanel.textWidth(200) == TourPanel.widestText)
    }

    @Test func theLessonPickerListsTheLessonsAndWhyOneCannotOpen() {
        let lesson = TourKeyTests.lesson
        let picker = LessonPicker(
            choices: [
                LessonChoice(lesson), LessonChoice(name: "kernels", title: "Kernels", fault: "x"),
            ], picked: 1)
        let blank = String(repeating: " ", count: 64)
        #expect(
            draw(picker, width: 64, height: 12) == [
                blank,
                "+- Lessons " + String(repeating: "-", count: 52) + "+",
                row("", 64),
                row(" 1  test     A test tour (10 steps)", 64),
                row(" 2  kernels  Kernels: cannot be opened with these weights", 64),
                row("", 64),
                row("", 64),
                row(" up/down pick  Enter open  1-2 open that one  Esc close", 64),
                "+" + String(repeating: "-", count: 62) + "+",
                blank, blank, blank,
            ])
        // At 80 columns the box takes them all: a frame behind it would show beside its own.
        let wide = draw(picker, width: 80, height: 12)
        #expect(wide[1].hasPrefix("+- Lessons ") && wide[1].hasSuffix("-+"))
        // With room for a gap on each side, 78 columns in the middle.
        let wider = draw(picker, width: 90, height: 12)
        #expect(wider[1].hasPrefix("      +- Lessons ") && wider[1].hasSuffix("+      "))
    }

    /// The sweep of a network whose weights are all zero: every class 10% at every step, so
    /// every cell of the chart is the lowest shade and the network reads 0 (the first of equals)
    /// all along. The chart's sentences wrap between words in the box; its rows are as
    /// `SweepChart` draws them, two columns a point where they fit.
    @Test func theSweepViewChartsEachClassAlongTheSweep() {
        var drawing = Bitmap(width: 32, height: 32)
        for y in 6..<26 { drawing[15, y] = 1 }
        let sweep = Classifier(zeroModel).sweep(drawing, .rotate)
        let view = SweepView(
            kind: .rotate, sweep: sweep, classes: ClassNames.digits, preprocessing: true)
        let lines = draw(view, width: 62, height: 22)
        let dots = String(repeating: ".", count: 50)
        let chart = SweepChart.lines(sweep, classes: ClassNames.digits, columnsPerPoint: 2)
        #expect(
            lines == [
                "+- What if it turns? -60 to +60 degrees " + String(repeating: "-", count: 21)
                    + "+",
                row(" each class's probability by the angle turned (degrees, +", 62),
                row(" anticlockwise)", 62),
                row(" " + chart[1], 62),
                row(" " + chart[2], 62),
            ] + (0..<10).map { row(" \($0)      " + dots, 62) } + [
                row(" reads  " + Array(repeating: "0", count: 25).joined(separator: " "), 62),
                row(" it reads 0 all along", 62),
                // Wrapped between words, a run of blanks is one.
                row(" shades: . under 20% : 20-40% + 40-60% # 60-80% @ 80% or", 62),
                row(" more", 62),
                row("", 62),
                row(" S: what if it moves", 62),
                "+" + String(repeating: "-", count: 60) + "+",
            ])
        // Where two columns a point do not fit, one does.
        #expect(SweepView.columnsPerPoint(.rotate, width: 43, labels: 7) == 1)
        #expect(SweepView.columnsPerPoint(.stroke, width: 43, labels: 7) == 5)
        // Nothing drawn: what the view will show.
        let empty = draw(
            SweepView(kind: .stroke, sweep: nil, classes: ClassNames.digits, preprocessing: false),
            width: 40, height: 12)
        #expect(empty[1] == row(" Preprocessing off: the raw canvas.", 40))
        #expect(empty[2] == row(" Draw a digit: here each class's", 40))
        #expect(empty[10] == row(" S closes this", 40))
    }
}
