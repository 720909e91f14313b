import LeNet5
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// Each widget alone, built from the data it draws, rendered into a small buffer and compared as
/// lines of text (ratatui's `Buffer::with_lines`). The expected lines follow from each widget's
/// rules by hand, in ASCII without colour.
@Suite struct WidgetTests {
    let palette = Palette(DisplayOptions(ascii: true, colors: .none))

    func draw(_ widget: some Widget, width: Int, height: Int, in area: Rect? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: area ?? buffer.area, into: &buffer, palette: palette)
        return buffer
    }

    @Test func titleBarNamesTheProgramAndThePrediction() {
        let buffer = draw(
            TitleBar(outcome: .classified(digit: 7, confidence: 0.983)), width: 50, height: 1)
        #expect(buffer.lines == [" lenet5  LeNet-5 sketchpad   Prediction: 7  98.3% "])
        #expect(buffer.cells.allSatisfy { $0.style.reverse })
        #expect(
            draw(TitleBar(outcome: .tooSmall), width: 42, height: 1).lines == [
                " lenet5  LeNet-5 sketchpad  Prediction: - "
            ])
    }

    @Test func canvasInFullModeIsTwoColumnsACellWithDotsEveryFourth() {
        var canvas = Canvas()
        canvas[1, 0] = true
        canvas[2, 1] = true
        let view = CanvasView(
            canvas: canvas,
            cursor: CanvasView.Cursor(at: Point(x: 0, y: 2), brush: 1, erasing: false),
            eraser: false, focused: true, resolution: .doubleWidth)
        // A frame of 12x5 shows the top left 5x3 cells; its title, too long, gives way whole.
        #expect(
            draw(view, width: 12, height: 5).lines == [
                "+- ... ----+",
                "|..##    ..|",
                "|    ##    |",
                "|[]        |",
                "+----------+",
            ])
    }

    @Test func canvasInHalfBlocksShowsTwoRowsACharacterAndTheEraserCursor() {
        var canvas = Canvas()
        for x in 0...3 { canvas[x, 0] = true }
        canvas[5, 3] = true
        let view = CanvasView(
            canvas: canvas,
            cursor: CanvasView.Cursor(at: Point(x: 31, y: 31), brush: 1, erasing: true),
            eraser: true, focused: true, resolution: .halfBlocks)
        let blank = "|" + String(repeating: " ", count: 32) + "|"
        var expected = ["+- Canvas 32x32 - eraser --------+"]
        expected.append("|####" + String(repeating: " ", count: 28) + "|")
        expected.append("|     #" + String(repeating: " ", count: 26) + "|")
        expected += Array(repeating: blank, count: 13)
        expected.append("|" + String(repeating: " ", count: 31) + "o|")
        expected.append("+" + String(repeating: "-", count: 32) + "+")
        #expect(draw(view, width: 34, height: 18).lines == expected)
    }

    @Test func predictionRowsAreABarAndAPercentagePerClass() {
        var probabilities = [Float](repeating: 0.1, count: 10)
        probabilities[3] = 0.5
        let view = PredictionView(
            outcome: .classified(digit: 3, confidence: 0.5), probabilities: probabilities,
            columns: false)
        // 12 columns of bar: 50% is six full cells; 10% is 1.2 cells, drawn as one in ASCII.
        var expected = [" Prediction: 3  50.0%   "]
        for digit in 0..<10 {
            expected.append(
                digit == 3 ? " 3 |######      | 50.0% " : " \(digit) |#           | 10.0% ")
        }
        expected.append(String(repeating: " ", count: 24))
        #expect(draw(view, width: 24, height: 12).lines == expected)
    }

    @Test func predictionColumnsAreABarPerClassOverItsDigit() {
        var probabilities = [Float](repeating: 0.1, count: 10)
        probabilities[3] = 0.5
        let view = PredictionView(
            outcome: .classified(digit: 3, confidence: 0.5), probabilities: probabilities,
            columns: true)
        let buffer = draw(view, width: 34, height: 4)
        // Two rows of bar, 16 eighths: 50% fills the lower row; 10% (two eighths) shows nothing.
        #expect(
            buffer.lines == [
                " Prediction: 3  50.0%             ",
                String(repeating: " ", count: 34),
                "          ##                      ",
                " 0  1  2  3  4  5  6  7  8  9     ",
            ])
        #expect(buffer[10, 3].style.reverse && !buffer[1, 3].style.reverse)
    }

    @Test func statusBarShowsTheToolsAQuestionOrANotice() {
        func line(_ prompt: Prompt?, notice: String? = nil) -> String {
            let bar = StatusBar(
                prompt: prompt, notice: notice, penDown: false, eraser: false, brush: 2,
                cursor: Point(x: 3, y: 4))
            return draw(bar, width: 60, height: 1).lines[0]
        }
        /// `left` at the left and `right` at the right of 60 columns.
        func row(_ left: String, _ right: String = "") -> String {
            left + String(repeating: " ", count: 60 - left.count - right.count) + right
        }
        let keys = "? help  q quit "
        #expect(line(nil) == row("pen up, painting  brush 2  cursor 3,4", keys))
        #expect(line(nil, notice: "Saved x") == row("Saved x", keys))
        #expect(
            line(.saveName("a.txt"))
                == row("Save as: a.txt_   Enter save  Esc cancel  Ctrl-U clear"))
        #expect(
            line(.saveName("a"), notice: "No")
                == row("Save as: a_   Enter save  Esc cancel  Ctrl-U clear  No"))
        // A name longer than the line shows its end.
        let long = String(repeating: "d/", count: 40) + "end.txt"
        #expect(line(.saveName(long)) == "Save as: ..." + long.suffix(47) + "_")
        #expect(line(.confirmOverwrite(path: "a.txt")) == row("a.txt exists. Replace it? y/n"))
        #expect(
            line(.confirmQuit) == row("The drawing is not saved. Quit anyway? y/n  (s to save)"))
    }

    /// The box covers all but the first and last lines, so that nothing behind shows cut.
    @Test func helpOverlayIsABoxOfKeysAndWhatTheyDo() {
        let help = HelpOverlay(
            lines: [.heading("Keys"), .keys([KeyBinding(.character("x"), .clear)], "does y")],
            page: 0, arrows: ("<", ">"))
        var buffer = CellBuffer(width: 24, height: 9)
        buffer.fill(buffer.area, with: Cell("z"))
        help.render(in: buffer.area, into: &buffer, palette: palette)
        #expect(
            buffer.lines == [
                String(repeating: "z", count: 24),
                "+- Keys ---------------+",
                "|                      |",
                "| Keys                 |",
                "|   x     does y       |",
                "|                      |",
                "| any key closes       |",
                "+----------------------+",
                String(repeating: "z", count: 24),
            ])
    }

    /// Descriptions wrap between words in their column, and what does not fit is cut into
    /// pages between sections, never inside an entry; the footer says how to turn them.
    @Test func helpOverlayWrapsAndPages() {
        let lines: [HelpLine] = [
            .heading("One"), .keys([KeyBinding(.character("a"), .clear)], "alpha beta gamma delta"),
            .blank,
            .heading("Two"), .keys([KeyBinding(.character("b"), .clear)], "epsilon"),
        ]
        // 26 wide: labels 8 wide (the longest, 3, and 5), descriptions 15 wide; 10 high: a box
        // of 8 rows holds 3 of them.
        let area = Rect(x: 0, y: 0, width: 26, height: 10)
        let pages = HelpOverlay.pages(lines, in: area)
        #expect(pages.count == 2)
        #expect(pages[0].map(\.text) == ["", "alpha beta", "gamma delta"])
        #expect(pages[1].map(\.keys) == ["Two", "b"])
        let first = draw(
            HelpOverlay(lines: lines, page: 0, arrows: ("<", ">")), width: 26, height: 10)
        #expect(
            first.lines[1...8] == [
                "+- Keys -----------------+",
                "|                        |",
                "| One                    |",
                "|   a    alpha beta      |",
                "|        gamma delta     |",
                "|                        |",
                "| page 1 of 2: Space ... |",
                "+------------------------+",
            ])
        let second = draw(
            HelpOverlay(lines: lines, page: 1, arrows: ("<", ">")), width: 26, height: 10)
        #expect(second.lines[3] == "| Two                    |")
        #expect(second.lines[4] == "|   b    epsilon         |")
    }

    @Test func tooSmallNoticeCentresTheSizesNeeded() {
        #expect(
            draw(TooSmallNotice(width: 44, height: 6), width: 44, height: 6).lines == [
                String(repeating: " ", count: 44),
                "           The terminal is 44x6.            ",
                "        lenet5 needs at least 80x24         ",
                "        (120x36 for the full view).         ",
                "  Enlarge the window, or press q to quit.   ",
                String(repeating: " ", count: 44),
            ])
    }

    @Test func layerTabsAreRoomyWhereTheyFitAndTheSelectedOneIsReversed() {
        let tabs = LayerTabs(names: ["In", "C1", "Out"], selected: 1)
        let roomy = draw(tabs, width: 20, height: 1)
        #expect(roomy.lines == [" In   C1   Out      "])
        #expect((5...8).allSatisfy { roomy[$0, 0].style.reverse } && !roomy[4, 0].style.reverse)
        #expect(draw(tabs, width: 10, height: 1).lines == [" In C1 Out"])
    }

    @Test func layerHeaderSaysWhatTheLayerIsAndWhereItsValuesLie() {
        var range = ValueRange()
        for value: Float in [0.25, -0.5, 0] { range.add(value) }
        let c1 = LeNet5.architecture[1]
        let header = LayerHeader(layer: c1, traced: .c1, picked: 2, range: range)
        #expect(
            draw(header, width: 70, height: 2).lines == [
                "C1  convolution 6@5x5, tanh" + String(repeating: " ", count: 43),
                "map 3 of 6  values -0.50 to 0.25  output 6x28x28  156 parameters      ",
            ])
        // Narrow: whole words and whole facts, the most important first.
        let narrow = LayerHeader(layer: c1, traced: .c1PreActivation, picked: 2, range: range)
        #expect(
            draw(narrow, width: 40, height: 2).lines == [
                "C1  convolution 6@5x5, tanh: showing ...",
                "map 3 of 6  values -0.50 to 0.25        ",
            ])
        // A saturated layer says so, and gives the range before tanh, before its size.
        let c3 = LayerHeader(
            layer: LeNet5.architecture[3], traced: .c3, picked: 0, range: range,
            saturation: Saturation(layer: .c3, share: 0.62, low: -13.2, high: 14.1))
        #expect(
            draw(c3, width: 90, height: 2).lines[1]
                == "map 1 of 16  saturated: 62% at -1 or +1  values -0.50 to 0.25  "
                + "before tanh -13.20 to 14.10")
        #expect(
            draw(c3, width: 60, height: 2).lines[1]
                == "map 1 of 16  saturated: 62% at -1 or +1" + String(repeating: " ", count: 21))
    }

    @Test func panelFooterShowsTheLegendAndTheKeys() {
        let footer = PanelFooter(legend: Legend(signed: false, scale: 1), hints: ["x y", "z"])
        #expect(
            draw(footer, width: 30, height: 2).lines == [
                "shades 0 [ .:-=+*#%@] 1       ",
                "x y  z                        ",
            ])
        let signed = PanelFooter(legend: Legend(signed: true, scale: 12.5), hints: [])
        #expect(
            draw(signed, width: 36, height: 1).lines == ["shades -12.50 Oo=-, 0 .:+#@ +12.50  "])
    }

    /// Two maps of 2x2 from S2, scale 1: without colour the sign is the character.
    func twoMaps() -> LayerView {
        let values = MapValues(
            MapShape(channels: 2, height: 2, width: 2), [1, 0.5, 0, -1, -0.2, 0.2, 0.8, -0.6])
        return LayerView(LeNet5.architecture[2], traced: .s2, values: values)
    }

    @Test func mapGridLabelsEachMapAndDrawsEveryValueTwoColumnsWide() {
        let buffer = draw(
            MapGrid(view: twoMaps(), picked: 1, focused: true, unit: nil), width: 12, height: 4)
        #expect(
            buffer.lines == [
                "1     2     ",
                "@@++  ,,..  ",
                "  OO  ##==  ",
                "            ",
            ])
        #expect(buffer[6, 0].style.reverse && !buffer[0, 0].style.reverse)
        // A click on the second map or its label picks it.
        let shape = MapShape(channels: 2, height: 2, width: 2)
        let body = Rect(x: 0, y: 0, width: 12, height: 4)
        let levels = Zoom.levels(palette)
        let hit = MapGrid.map(
            at: Point(x: 7, y: 2), shape: shape, in: body, picked: 0, levels: levels)
        #expect(hit?.map == 1 && hit?.unit == Point(x: 0, y: 1))
        let label = MapGrid.map(
            at: Point(x: 6, y: 0), shape: shape, in: body, picked: 0, levels: levels)
        #expect(label?.map == 1 && label?.unit == nil)
        #expect(
            MapGrid.map(at: Point(x: 4, y: 1), shape: shape, in: body, picked: 0, levels: levels)
                == nil)
    }

    @Test func unitGridShadesEachUnitAndGivesThePickedOnesValue() {
        let values = MapValues(MapShape(channels: 3, height: 1, width: 1), [1, -0.5, 0])
        let view = LayerView(LeNet5.architecture[6], traced: .f6, values: values)
        let buffer = draw(UnitGrid(view: view, picked: 2), width: 16, height: 4)
        // A list of units: two columns each after the row's number.
        #expect(
            buffer.lines == [
                "                ",
                "  1 @@==..      ",
                "                ",
                "unit 3: 0.0000  ",
            ])
        #expect(buffer[8, 1].style.reverse && !buffer[4, 1].style.reverse)
        #expect(
            UnitGrid.unit(at: Point(x: 6, y: 1), count: 3, labelled: false, in: buffer.area) == 1)
    }

    /// The output's classes in one labelled row: 20 one-letter classes in the 43 columns of the
    /// panel at 80x24, the last one included (it was cut off), and a click on a label picks it.
    @Test func twentyClassesFitTheOutputRowAtProjectorSize() throws {
        let letters = (0..<20).map { String(UnicodeScalar(UInt8(97 + $0))) }
        let values = MapValues(
            MapShape(channels: 20, height: 1, width: 1), (0..<20).map { $0 == 19 ? 0.8 : 0.01 })
        let view = LayerView(
            LeNet5.architecture(classes: 20)[7], traced: .probabilities, values: values)
        let buffer = draw(UnitGrid(view: view, picked: 19, classes: letters), width: 43, height: 4)
        #expect(buffer.lines[0] == " a b c d e f g h i j k l m n o p q r s t   ")
        #expect(buffer.lines[3].hasPrefix("class t: probability 80.0%"))
        #expect(
            UnitGrid.unit(at: Point(x: 39, y: 0), count: 20, labelled: true, in: buffer.area) == 19)
    }

    @Test func zoomOfADenseUnitShowsItsValuesAndTheWeightsThatMadeIt() {
        let values = MapValues(MapShape(channels: 2, height: 1, width: 1), [0.5, -0.5])
        let view = LayerView(LeNet5.architecture[6], traced: .f6, values: values)
        let zoom = ZoomView(
            view: view, picked: 1, unit: nil, unitLines: ["output -0.5000", "before tanh -0.5493"],
            source: .weights([1, -1, 0.5], bias: 0.25, sourceName: "C5"))
        let blank = String(repeating: " ", count: 48)
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: 48 - text.count)
        }
        #expect(
            draw(zoom, width: 48, height: 11).lines == [
                padded("F6 unit 2"),
                padded("output -0.5000"), padded("before tanh -0.5493"), blank,
                padded("weights from the 3 C5 units:"),
                padded("(full shade: 1.000 or -1.000)"), blank,
                padded("  1 @@OO++"), blank,
                padded("bias 0.2500"), blank,
            ])
    }

    /// A 28x28 C1 map, ink on its left half, in 60x16: the largest zoom that leaves the kernel
    /// room beside it is two values across and four down a character (14x7).
    @Test func zoomOfAMapPutsItBesideItsKernels() {
        let values = MapValues(
            MapShape(channels: 1, height: 28, width: 28), (0..<784).map { $0 % 28 < 14 ? 1 : 0 })
        let view = LayerView(LeNet5.architecture[1], traced: .c1, values: values)
        var kernel = [Float](repeating: 0, count: 25)
        kernel[0] = 1
        kernel[4] = -1
        let zoom = ZoomView(
            view: view, picked: 0, unit: nil, unitLines: [],
            source: .kernels([kernel], bias: 0.1, sourceName: "input"))
        let lines = draw(zoom, width: 60, height: 16).lines
        let map = "@@@@@@@" + String(repeating: " ", count: 10)
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: 60 - text.count)
        }
        // The title, a row for the picked value's numbers (none here), a blank; then the map,
        // and three columns to its right the kernel, under a row for its label (none for one
        // kernel), its bias under it.
        #expect(
            Array(lines[0..<14]) == [
                padded("C1 map 1"), padded(""), padded(""),
                padded(map + "its kernel, 5x5:"),
                padded(map + "(full shade: 1.000 or -1.000)"),
                padded(map), padded(map),
                padded(map + "@@      OO"),
                padded(map), padded(map),
                padded(String(repeating: " ", count: 17)),
                padded(String(repeating: " ", count: 17)),
                padded(String(repeating: " ", count: 17) + "bias 0.1000"),
                padded(""),
            ])
        // A click on the map's right half, row 4 of its characters, is the first value there.
        let area = Rect(x: 0, y: 0, width: 60, height: 16)
        let palette = Palette(DisplayOptions(ascii: true, colors: .none))
        #expect(
            ZoomView.value(at: Point(x: 10, y: 7), layer: .c1, in: area, palette: palette)
                == Point(x: 20, y: 16))
        #expect(
            ZoomView.value(at: Point(x: 20, y: 7), layer: .c1, in: area, palette: palette) == nil)
    }

    @Test func networkPanelWithoutADrawingSaysWhatToDo() {
        let reading = NetworkReading(outcome: .empty, trace: nil, model: zeroModel)
        let panel = NetworkPanel(
            selection: NetworkPanel.Selection(layerIndex: 0, mapIndex: 0, words: false),
            reading: reading, picked: nil, words: [], drawing: nil, saturation: nil)
        let blank = "|" + String(repeating: " ", count: 43) + "|"
        #expect(
            draw(panel, width: 45, height: 12).lines == [
                "+- Network ---------------------------------+",
                "| Input C1 S2 C3 S4 C5 F6 Output            |",
                "| Input  the drawing as the network sees it |",
                "| output 1x32x32  0 parameters              |",
                "| Draw a digit on the canvas:               |",
                "| each layer's feature maps appear here.    |",
                blank, blank, blank,
                "| shades 0 [ .:-=+*#%@] 1                   |",
                "| Tab: explore the layers  f full screen    |",
                "+" + String(repeating: "-", count: 43) + "+",
            ])
    }
}
