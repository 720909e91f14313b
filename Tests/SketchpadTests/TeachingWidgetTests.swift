import LeNet5
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// The teaching views alone, rendered into small buffers in ASCII without colour and compared as
/// lines of text worked out by hand from each widget's rules (and, in colour, cell by cell).
@Suite struct TeachingWidgetTests {
    let palette = Palette(DisplayOptions(ascii: true, colors: .none))
    let colour = Palette(DisplayOptions(ascii: false, colors: .extended))

    func draw(_ widget: some Widget, width: Int, height: Int, palette: Palette? = nil)
        -> CellBuffer
    {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer, palette: palette ?? self.palette)
        return buffer
    }

    func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The shades one column a value, two spaces, the numbers five columns each and a space apart.
    @Test func numberGridShowsEachValueAsAShadeAndANumber() {
        let grid = NumberGrid(
            label: "k", values: [1, -0.5, 0, 0.25], side: 2, scale: 1, signed: true)
        #expect(grid.width == 15)
        // -0.5 is magnitude level 2.5, rounded to 3 (=); 0.25 is 1.25, rounded to 1 (.).
        #expect(
            draw(grid, width: 15, height: 3).lines == [
                padded("k", 15),
                "@=   1.00 -0.50",
                " .   0.00  0.25",
            ])
    }

    /// Paragraphs a blank line apart; when they do not fit, without the blank lines; then the
    /// first lines, the last one's words running on to an ellipsis. No word is cut.
    @Test func wordsWrapBetweenWordsAndSayWhenThereIsMore() {
        let paragraphs = ["one two three four", "five six"]
        #expect(
            WordsView.fitted(paragraphs, width: 9, height: 10, ellipsis: "...") == [
                "one two", "three", "four", "", "five six",
            ])
        #expect(
            WordsView.fitted(paragraphs, width: 9, height: 4, ellipsis: "...") == [
                "one two", "three", "four", "five six",
            ])
        #expect(
            WordsView.fitted(paragraphs, width: 9, height: 3, ellipsis: "...") == [
                "one two", "three", "four ...",
            ])
        // Where to read the rest, after the ellipsis.
        var buffer = CellBuffer(width: 20, height: 2)
        WordsView(paragraphs: ["one two three four five six seven eight nine ten"], more: "f: all")
            .render(in: buffer.area, into: &buffer, palette: Palette(DisplayOptions(ascii: true)))
        #expect(buffer.lines == ["one two three four  ", "five ... (f: all)   "])
        #expect(shortened("a b, c", to: 5, ellipsis: "...") == "a ...")
        #expect(shortened("abcdefgh", to: 5, ellipsis: "...") == "...")
    }

    /// A map filling up: the values computed so far, the rest blank, the current one marked.
    @Test func aFillingMapShowsWhatIsComputedSoFar() {
        let map = FillingMap(
            label: "so far", values: [1, -1, 1, -1], rows: 2, columns: 2, filled: 3, scale: 1,
            signed: true)
        let buffer = draw(map, width: 26, height: 3)
        #expect(buffer.lines == [padded("so far", 26), padded("@@OO", 26), padded("@@", 26)])
        #expect(buffer[0, 2].style.reverse && buffer[1, 2].style.reverse)
        #expect(!buffer[0, 1].style.reverse && !buffer[2, 2].style.reverse)
    }

    /// C1's first kernel all 0.5 but its first weight -1, bias 0.1, over a checkerboard (ink where
    /// x + y is even): the patch at (0, 0) has 13 inks; the first meets the -1, twelve meet 0.5, so
    /// the sum is -1 + 6 = 5, before tanh 5.1, and tanh(5.1) = 0.99993.
    static func checkerboard() throws -> (UnitExplanation, ForwardTrace) {
        var named = [String: Tensor]()
        for (name, shape) in LeNet5.parameterShapes { named[name] = Tensor(zeros: shape) }
        var kernel = [Float](repeating: 0.5, count: 25)
        kernel[0] = -1
        var weight = [Float](repeating: 0, count: 150)
        weight.replaceSubrange(0..<25, with: kernel)
        named["c1.weight"] = Tensor(shape: [6, 1, 5, 5], scalars: weight)
        named["c1.bias"] = Tensor(shape: [6], scalars: [0.1, 0, 0, 0, 0, 0])
        let model = LeNet5(named: named)
        let input: [Float] = (0..<1024).map { ($0 % 32 + $0 / 32) % 2 == 0 ? 1 : 0 }
        let trace = ForwardTrace()
        Classifier(model).forward(input, into: trace)
        let unit = try #require(NetworkUnit(layer: .c1, map: 0, x: 0, y: 0))
        return (UnitExplanation(unit, trace: trace, model: model, transform: nil), trace)
    }

    @Test func aConvolutionIsThePatchTimesTheKernelSummedWithTheBiasThroughTanh() throws {
        let (explanation, trace) = try Self.checkerboard()
        guard case .convolution(let sum) = explanation.computation else {
            Issue.record("C1 is a convolution")
            return
        }
        let view = ConvolutionView(
            unit: explanation.unit, sum: sum, value: explanation.value,
            preActivation: explanation.preActivation, term: 0,
            output: FillingMap(layer: .c1, map: 0, position: 0, trace: trace))
        let lines = draw(view, width: 80, height: 24).lines
        let on = "@ @ @   1.00  0.00  1.00  0.00  1.00"
        let off = " @ @    0.00  1.00  0.00  1.00  0.00"
        let firstRow = "O++++  -1.00  0.50  0.50  0.50  0.50"
        let row = "+++++   0.50  0.50  0.50  0.50  0.50"
        // Narrower than three grids: the patch and the kernel side by side, an x between; the
        // products under the patch, the sum's lines beside them; the output map filling up under
        // the sum's lines (two values across and four down a character, its first one computed).
        let expected = [
            "C1 map 1, row 1, column 1: the window on the input",
            "",
            padded("patch of the input", 39) + "kernel",
            on + "   " + firstRow,
            off + "   " + row,
            on + " x " + row,
            off + "   " + row,
            on + "   " + row,
            "",
            "= products, patch x kernel",
            "O + +  -1.00  0.00  0.50  0.00  0.50   sum of 25 products      5.0000",
            " + +    0.00  0.50  0.00  0.50  0.00   + bias                  0.1000",
            "+ + +   0.50  0.00  0.50  0.00  0.50   = before tanh           5.1000",
            " + +    0.00  0.50  0.00  0.50  0.00   tanh gives              0.9999",
            "+ + +   0.50  0.00  0.50  0.00  0.50",
            padded("", 39) + "C1 map 1, computed so far",
            padded("", 39) + "@",
        ]
        #expect(Array(lines.prefix(expected.count)) == expected.map { padded($0, 80) })
        #expect(lines[17...].allSatisfy { $0.allSatisfy { $0 == " " } })
    }

    /// Each input map's share of a convolution over several, the one shown in brackets, wrapped
    /// whole.
    @Test func sharesOfEachInputMapWrapWhole() throws {
        let model = randomModel
        let trace = ForwardTrace()
        Classifier(model).forward([Float](repeating: 0.5, count: 1024), into: trace)
        let unit = try #require(NetworkUnit(layer: .c5, map: 3))
        let explanation = UnitExplanation(unit, trace: trace, model: model, transform: nil)
        guard case .convolution(let sum) = explanation.computation else {
            Issue.record("C5 is a convolution")
            return
        }
        let view = ConvolutionView(
            unit: unit, sum: sum, value: explanation.value,
            preActivation: explanation.preActivation, term: 4,
            output: FillingMap(layer: .c5, map: 3, position: 3, trace: trace))
        let lines = view.shareLines(width: 50)
        // Four shares of 12 columns to a line: 16 maps on four lines, after the heading.
        #expect(lines.count == 5 && lines[0] == "products of each S4 map add up to:")
        #expect(lines[2].hasPrefix("[5: \(fixed(sum.terms[4].sum, 2))]"))
        for (i, term) in sum.terms.enumerated() {
            let share = "\(i + 1): \(fixed(term.sum, 2))"
            #expect(lines[1 + i / 4].contains(share))
        }
        // The shares add up to the sum.
        let total = sum.terms.map { Double($0.sum) }.reduce(0, +)
        #expect(abs(total - Double(sum.sum)) < 1e-4)
    }

    /// A pooling unit: its 2x2 block as numbers, their mean worked out.
    @Test func aPoolingUnitIsTheMeanOfItsBlock() throws {
        let (_, trace) = try Self.checkerboard()
        let unit = try #require(NetworkUnit(layer: .s2, map: 0, x: 0, y: 0))
        let explanation = UnitExplanation(unit, trace: trace, model: zeroModel, transform: nil)
        guard case .averagePooling(let mean) = explanation.computation else {
            Issue.record("S2 pools")
            return
        }
        let view = PoolingView(
            unit: unit, mean: mean, source: MapValues(trace.maps(.c1)),
            output: FillingMap(layer: .s2, map: 0, position: 0, trace: trace))
        let lines = draw(view, width: 80, height: 30).lines
        #expect(
            lines[0].hasPrefix("S2 map 1, row 1, column 1: the mean of a 2x2 block of C1 map 1"))
        let values = mean.values.map { fixed($0, 2) }
        #expect(
            lines[3].contains("(\(values.joined(separator: " + "))) / 4 = \(fixed(mean.mean, 4))"))
        #expect(lines[4].contains("no weights: only the average"))
        #expect(lines[2].hasPrefix("the block"))
        #expect(lines[6].hasPrefix("C1 map 1") && lines[6].contains("S2 map 1, computed so far"))
    }

    /// What pushed a dense unit: value x weight = contribution, the largest each way, shaded by
    /// their share of the largest.
    @Test func contributionsListWhatPushedAUnitEachWay() throws {
        let trace = ForwardTrace()
        Classifier(randomModel).forward([Float](repeating: 0.5, count: 1024), into: trace)
        let unit = try #require(NetworkUnit(layer: .output, unit: 2))
        guard
            case .dense(let sum) = UnitExplanation(
                unit, trace: trace, model: randomModel, transform: nil
            ).computation
        else {
            Issue.record("the output is dense")
            return
        }
        let lines = draw(Contributions(sum: sum, count: 2), width: 44, height: 6).lines
        let up = sum.strongest(2, upwards: true)
        let down = sum.strongest(2, upwards: false)
        #expect(
            lines[0].hasPrefix("pushed it up most:") && lines[3].hasPrefix("pushed it down most:"))
        for (row, item) in [(1, up[0]), (2, up[1]), (4, down[0]), (5, down[1])] {
            let text =
                NumberText.left("F6 unit \(item.input + 1)", 13)
                + NumberText.right(fixed(sum.inputs[item.input], 2), 5) + " x "
                + NumberText.right(fixed(sum.weights[item.input], 2), 5) + " = "
                + (item.contribution > 0 ? "+" : "") + fixed(item.contribution, 2)
            #expect(lines[row].dropFirst(3).hasPrefix(text), "\(lines[row])")
        }
    }

    /// The strongest units are those with the largest sums before tanh, which a saturated layer
    /// needs: by their values, 1.00 ties with 1.00.
    @Test func theStrongestUnitsAreRankedBeforeTanh() {
        let view = StrongestUnits(
            name: "C5", values: [1, 1, 0.5, 1], before: [3, 9, 0.55, 5], count: 3)
        #expect(view.ranked == [1, 3, 0])
        #expect(
            draw(view, width: 52, height: 3).lines == [
                padded("strongest units of C5: value (before tanh)", 52),
                padded("@ unit 2    1.00 (9.00)   @ unit 4    1.00 (5.00)", 52),
                padded("@ unit 1    1.00 (3.00)", 52),
            ])
    }

    /// The canvas with the picked unit's field dotted (paper only) and the overlay's shades on the
    /// ink, with their legend on the bottom edge.
    @Test func theCanvasShowsWhereAUnitLooksAndWhatDroveTheAnswer() {
        var canvas = Canvas()
        canvas[0, 0] = true
        canvas[1, 0] = true
        canvas[2, 1] = true
        var shading = [Float?](repeating: nil, count: 1024)
        shading[0] = 1
        shading[1] = -1
        shading[32 + 2] = 0.02
        let view = CanvasView(
            canvas: canvas, cursor: nil, eraser: false, focused: false, resolution: .doubleWidth,
            field: CellRect(x0: 1, y0: 0, x1: 3, y1: 1),
            shading: CanvasView.Shading(values: shading, digit: 7))
        let lines = draw(view, width: 66, height: 34).lines
        #expect(lines[0].hasPrefix("+- What made it a 7 ---"))
        // Cell 0 supports the 7 (@), cell 1 holds it back (O), cell (2, 1) hardly matters ('').
        #expect(lines[1].hasPrefix("|@@OO::::.."))
        #expect(lines[2].hasPrefix("|  ::''::  "))
        #expect(lines[33].hasPrefix("+- @ for 7  O against ---"))
    }

    /// The small canvas beside the maps: two cells across and four down a character, as the
    /// dots of braille patterns (dots 1, 2, 3, 7 down the left, 4, 5, 6, 8 down the right).
    @Test func theSmallCanvasShowsEightCellsACharacter() {
        var canvas = Canvas()
        canvas[0, 0] = true
        canvas[3, 1] = true
        canvas[2, 1] = true
        canvas[31, 31] = true
        let view = CanvasView(
            canvas: canvas, cursor: nil, eraser: false, focused: false, resolution: .braille,
            title: "Drawing")
        let buffer = draw(view, width: 18, height: 10, palette: colour)
        #expect(buffer.lines[0].hasPrefix("\u{250C}\u{2500} Drawing "))
        // Dot 1; dots 2 and 5; dot 8.
        #expect(buffer[1, 1].character == "\u{2801}")
        #expect(buffer[2, 1].character == "\u{2812}")
        #expect(buffer[16, 8].character == "\u{2880}")
        #expect(buffer[3, 1].character == " ")
        #expect(draw(view, width: 18, height: 10).lines[1].hasPrefix("|##  "))
    }

    /// In 256 colours a map draws two values a character: an upper half block in the upper
    /// value's colour on the lower one's, a lower half block when the upper one is nothing.
    @Test func halfBlocksShowTwoValuesACharacterInColour() {
        let heatmap = Heatmap(
            height: 2, width: 2, value: { y, x in [[1, 0], [-1, -1]][y][x] }, scale: 1,
            signed: true)
        var buffer = CellBuffer(width: 2, height: 1)
        heatmap.render(
            into: &buffer, at: Point(x: 0, y: 0), zoom: .halfBlocks(1), palette: colour,
            clip: buffer.area)
        let strongWarm = colour.shadeColor(1, signed: true)
        let strongCool = colour.shadeColor(-1, signed: true)
        #expect(strongWarm != nil && strongCool != nil && strongWarm != strongCool)
        #expect(
            buffer[0, 0]
                == Cell("\u{2580}", Style(foreground: strongWarm!, background: strongCool!)))
        #expect(buffer[1, 0] == Cell("\u{2584}", Style(foreground: strongCool!)))
        // Half blocks only where 256 colours carry the shade; else characters.
        #expect(Zoom.levels(colour).contains(.halfBlocks(1)))
        #expect(!Zoom.levels(palette).contains(.halfBlocks(1)))
        #expect(
            !Zoom.levels(Palette(DisplayOptions(ascii: false, colors: .basic))).contains(
                .halfBlocks(1)))
    }

    /// A small map magnified: each value two rows of four characters, the picked one marked
    /// over its whole cell.
    @Test func aMagnifiedMapMarksThePickedValueWhole() {
        let heatmap = Heatmap(
            height: 2, width: 2, value: { y, x in y == 0 && x == 1 ? 1 : 0 }, scale: 1,
            signed: true)
        var buffer = CellBuffer(width: 8, height: 4)
        heatmap.render(
            into: &buffer, at: Point(x: 0, y: 0), zoom: .magnified(2), palette: palette,
            clip: buffer.area)
        UnitMark.mark(
            Point(x: 0, y: 1), zoom: .magnified(2), origin: Point(x: 0, y: 0),
            into: &buffer, clip: buffer.area)
        #expect(buffer.lines == ["    @@@@", "    @@@@", "[  ]    ", "[  ]    "])
        #expect((0..<4).allSatisfy { buffer[$0, 2].style.reverse && buffer[$0, 3].style.reverse })
        let hit = heatmap.value(atColumn: 5, row: 3, zoom: .magnified(2))
        #expect(hit?.x == 1 && hit?.y == 1)
    }
}
