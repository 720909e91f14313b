import Foundation
import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Frames compared as lines of text (after ratatui's Buffer::with_lines). The zero-weight model
/// makes every activation 0 and every class 10% on any instruction set, so frames are exact.
@Suite struct RenderTests {
    /// At 80x24 the panel explains the input in words under the place where its map will be.
    @Test func emptyCompactFrame() {
        let state = makeState(width: 80, height: 24)
        #expect(
            state.render().lines == [
                " lenet5  LeNet-5 sketchpad                                        Prediction: - ",
                "+- Canvas 32x32 -----------------+ +- Network ---------------------------------+",
                "|                                | | Input C1 S2 C3 S4 C5 F6 Output            |",
                "|                                | | Input  the drawing as the network sees it |",
                "|                                | | output 1x32x32  0 parameters              |",
                "|                                | | Draw a digit on the canvas:               |",
                "|                                | | each layer's feature maps appear here.    |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                +               | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | | The network sees your drawing as 32 by 32 |",
                "|                                | | squares, each a number: 0 for paper, 1 for|",
                "|                                | | ink, and in between at the edges of a     |",
                "|                                | | stroke.                                   |",
                "+--------------------------------+ |                                           |",
                " Prediction: -  (draw a digit)     |                                           |",
                "                                   | shades 0 [ .:-=+*#%@] 1                   |",
                "                                   | Tab: explore the layers  f full screen    |",
                " 0  1  2  3  4  5  6  7  8  9      +-------------------------------------------+",
                "pen up, painting  brush 1  cursor 16,16                          ? help  q quit ",
            ])
    }

    /// C1 at 80x24: six maps of 28x28 at six by three characters each (five values across and
    /// ten down a character), three to a row, the picked value marked in the first (+, at
    /// character 2, 1 for value 14, 14); five rows of words under them; on the canvas, the cells
    /// the picked value looks at dotted (:).
    @Test func aSevenInTheCompactFrameWithC1Selected() {
        var state = makeState(width: 80, height: 24)
        state.drawSevenWithKeys()
        state.press(.tab)
        #expect(
            state.render().lines == [
                " lenet5  LeNet-5 sketchpad                                 Prediction: 0  10.0% ",
                "+- Canvas 32x32 -----------------+ +- Network ---------------------------------+",
                "|                                | | Input C1 S2 C3 S4 C5 F6 Output            |",
                "|                                | | C1  convolution 6@5x5, tanh               |",
                "|                                | | map 1 of 6  values 0.00 to 0.00           |",
                "|        #################       | | 1       2       3                         |",
                "|                       #        | |                                           |",
                "|                      ##        | |   +                                       |",
                "|                :::::##         | |                                           |",
                "|                :::::#:         | |                                           |",
                "|                ::::##:         | | 4       5       6                         |",
                "|                :::##::         | |                                           |",
                "|                   #            | |                                           |",
                "|                  ##            | |                                           |",
                "|                 ##             | |                                           |",
                "|                 #              | | C1 slides six small 5 by 5 patterns,      |",
                "|                ##              | | called kernels, over the input. At each   |",
                "|              ###               | | spot it multiplies the 25 squares under a |",
                "+--------------------------------+ | kernel by its 25 weights and adds them up |",
                " Prediction: 0  10.0%              | with a bias; tanh squeezes ... (f: all)   |",
                "                                   | shades -1 Oo=-, 0 .:+#@ +1                |",
                "                                   | <-/-> map  up/down layer  Enter zoom      |",
                " 0  1  2  3  4  5  6  7  8  9      +-------------------------------------------+",
                "pen up, painting  brush 1  cursor 14,31                          ? help  q quit ",
            ])
    }

    @Test func fullFrameShowsTheCanvasCellsTwoColumnsWide() {
        var state = makeState()
        state.drawSevenWithKeys()
        let lines = state.render().lines
        #expect(
            lines[0].hasPrefix(" lenet5  LeNet-5 sketchpad")
                && lines[0].hasSuffix("Prediction: 0  10.0% "))
        #expect(
            lines[1].hasPrefix(
                "+- Canvas 32x32 " + String(repeating: "-", count: 49) + "+ +- Network "))
        // Each canvas row: a border, 32 cells of two columns (ink "##"; paper blank, with a dot
        // every fourth cell), a border.
        for y in 0..<32 {
            var expected = "|"
            for x in 0..<32 {
                let underCursor = Point(x: x, y: y) == state.cursor
                if underCursor {
                    expected += "[]"
                } else if state.canvas[x, y] {
                    expected += "##"
                } else {
                    expected += x % 4 == 0 && y % 4 == 0 ? ".." : "  "
                }
            }
            expected += "|"
            #expect(String(lines[2 + y].prefix(66)) == expected, "canvas row \(y)")
        }
        #expect(lines[34].hasPrefix("+" + String(repeating: "-", count: 64) + "+"))
        #expect(lines[35].hasPrefix(" Prediction: 0  10.0%"))
        // Ten bars of 10% each, a tenth of the 54 columns.
        for digit in 0..<10 {
            #expect(
                lines[36 + digit].hasPrefix(
                    " \(digit) |#####" + String(repeating: " ", count: 49) + "| 10.0%"))
        }
        #expect(
            lines[49].hasPrefix("pen up, painting  brush 1  cursor 14,31")
                && lines[49].hasSuffix("? help  q quit "))
    }

    @Test func theCursorIsBracketsThatNeverLookLikeInk() {
        var state = makeState()
        let (x, y) = state.screen(16, 16)
        var buffer = state.render()
        // On paper: [] to paint.
        #expect(buffer[x, y].character == "[" && buffer[x + 1, y].character == "]")
        #expect(!buffer[x, y].style.reverse && buffer[x + 2, y].character == " ")
        // On ink: the same brackets in reverse video; () with the eraser.
        state.press(.character(" "))
        buffer = state.render()
        #expect(buffer[x, y].character == "[" && buffer[x, y].style.reverse)
        state.press(.character("e"))
        #expect(state.render()[x, y].character == "(")
        // The brush's footprint: a 3x3 brush shows nine.
        state.press(.character("]"), .character("]"))
        let canvas = state.layout.canvas
        let rows = state.render().lines[canvas.y..<canvas.maxY]
        let brackets = rows.map { $0.prefix(canvas.maxX).filter { $0 == "(" }.count }.reduce(0, +)
        #expect(brackets == 9)
        // Exploring the layers: no cursor.
        state.press(.tab)
        #expect(state.render()[x, y].character != "(")
    }

    @Test func theInputMapIsExactlyWhatTheNetworkSees() throws {
        var state = makeState()
        state.drawSevenWithKeys()
        let buffer = state.render()
        let input = try #require(Preprocessing.networkInput(from: state.canvas.bitmap))
        let palette = Palette(state.options)
        let origin = try #require(
            MapGrid.placements(
                MapShape(state.selectedLayer), in: state.viewArea, picked: 0,
                levels: Zoom.levels(palette)
            ).maps.first?.origin)
        for y in 0..<32 {
            for x in 0..<32 {
                let expected = palette.unsigned(input[y * 32 + x]).character
                #expect(buffer[origin.x + 2 * x, origin.y + y].character == expected)
                #expect(buffer[origin.x + 2 * x + 1, origin.y + y].character == expected)
            }
        }
    }

    @Test(arguments: Array(LeNet5.architecture.indices))
    func everyLayerHasItsTabInfoAndMaps(index: Int) {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        for _ in 0..<index { state.press(.tab) }
        let layer = LeNet5.architecture[index]
        #expect(state.selectedLayer == layer)
        let buffer = state.render()
        let lines = buffer.lines
        let inner = state.layout.network.inset(1)
        // The selected tab alone is in reverse video.
        let tabs = lines[inner.y]
        let start = tabs.range(of: " \(layer.name) ")!.lowerBound
        let column = tabs.distance(from: tabs.startIndex, to: start)
        #expect(buffer[column + 1, inner.y].style.reverse)
        let info = lines[inner.y + 1]
        #expect(info.contains("\(layer.name)  "))
        // Which map or unit is picked, the range of its values, for tanh layers the range before.
        let facts = lines[inner.y + 2]
        let values = MapValues(state.reading.trace!.maps(layer.layer)).range.text
        #expect(facts.contains(values))
        switch layer.id {
        case .input: #expect(facts.contains("output 1x32x32  0 parameters"))
        case .output:
            // The output opens on the answer.
            let answer = state.reading.prediction?.digit ?? 0
            #expect(facts.contains("class \(answer) (0-9)"))
        default:
            let noun = layer.id.isUnitList ? "unit" : "map"
            #expect(facts.contains("\(noun) 1 of \(layer.geometry.maps)"))
        }
        if let before = layer.id.tracedPreActivation, layer.id != .output {
            let range = state.reading.trace!.maps(before).range()
            #expect(facts.contains("before tanh \(fixed(range.lowerBound, 2)) to "))
        }
        let shape = MapShape(layer)
        if shape.isSpatial && layer.layer != .input {
            // Every map is labelled 1...n above its heatmap.
            let maps = MapGrid.placements(
                shape, in: state.viewArea, picked: state.mapIndex,
                levels: Zoom.levels(Palette(state.options))
            ).maps
            #expect(maps.count == layer.shape[0])
            for map in maps {
                let label = String(
                    lines[map.origin.y - 1].dropFirst(map.origin.x).prefix(
                        String(map.index + 1).count))
                #expect(label == "\(map.index + 1)")
            }
        } else if !shape.isSpatial {
            #expect(
                lines.contains {
                    $0.contains(
                        layer.layer == .probabilities
                            ? "class \(state.reading.prediction?.digit ?? 0): probability"
                            : "unit 1: ")
                })
        }
    }

    /// C3's 10x10 map at 160x50: the largest zoom that leaves the six kernels room beside it
    /// (each value 4x2 characters), the kernels two columns a weight in slots 12 wide and 6 high,
    /// each under the number of the S2 map it applies to, all six shown.
    @Test func zoomShowsTheMapBesideItsKernels() throws {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        state.press(.tab, .tab, .tab, .right, .right, .enter)
        #expect(state.selectedLayer.name == "C3" && state.mapIndex == 2 && state.zoomed)
        let buffer = state.render()
        let lines = buffer.lines
        let area = state.viewArea
        #expect(lines[area.y].dropFirst(area.x).hasPrefix("C3 map 3"))
        let palette = Palette(state.options)
        let plan = ZoomView.plan(.c3, in: area, palette: palette)
        #expect(plan.zoom == .magnified(2))
        #expect(plan.origin == Point(x: area.x, y: area.y + 3))
        // The map fills the panel's width with the kernels: at 3x it would leave them no room.
        #expect(plan.source.x == area.x + 40 + 3 && area.width < 60 + 3 + 4 * 12)
        let (x, y) = (plan.source.x, plan.source.y)
        #expect(lines[y].dropFirst(x).hasPrefix("its kernels, one per S2 map, 5x5:"))
        let kernels = (0..<6).map { Array(randomModel.c3.kernel(output: 2, input: $0)) }
        let largest = kernels.joined().map(abs).max() ?? 1
        let perRow = (plan.source.width + 2) / 12
        for source in 0..<6 {
            let (slotX, slotY) = (x + (source % perRow) * 12, y + 3 + (source / perRow) * 6)
            #expect(
                lines[slotY].dropFirst(slotX).hasPrefix("\(source + 1) "), "kernel \(source + 1)")
            for row in 0..<5 {
                for column in 0..<5 {
                    let expected = palette.signed(kernels[source][row * 5 + column] / largest)
                    #expect(buffer[slotX + 2 * column, slotY + 1 + row] == expected)
                    #expect(buffer[slotX + 2 * column + 1, slotY + 1 + row] == expected)
                }
            }
        }
        let bias = "bias \(fixed(randomModel.c3.bias.scalars[2], 4))"
        #expect(lines[y + 3 + 2 * 6].dropFirst(x).hasPrefix(bias))
        // The picked value (the middle of the map) is marked on it, two characters by two.
        let mark = (x: area.x + 4 * state.unitPosition.x, y: area.y + 3 + 2 * state.unitPosition.y)
        #expect(
            buffer[mark.x, mark.y].style.reverse && buffer[mark.x + 3, mark.y + 1].style.reverse)
        #expect(!buffer[mark.x + 4, mark.y].style.reverse)
        // S2 maps have no kernel: the zoom says what they average.
        state.press(.escape, .up, .enter)
        let pooled = state.render().lines
        let poolPlan = ZoomView.plan(.s2, in: state.viewArea, palette: palette)
        #expect(
            pooled[poolPlan.source.y].dropFirst(poolPlan.source.x).hasPrefix(
                "the mean of each 2x2 block of C1 map 3:"))
    }

    @Test func aTooSmallTerminalSaysTheSizeNeededAndRecovers() {
        var state = makeState(width: 50, height: 12)
        let lines = state.render().lines
        #expect(lines.contains { $0.contains("The terminal is 50x12.") })
        #expect(lines.contains { $0.contains("lenet5 needs at least 80x24") })
        state.send(.resize(width: 80, height: 24))
        #expect(state.render().lines[0].hasPrefix(" lenet5  LeNet-5 sketchpad"))
    }

    /// Every line of the key table, in order, over the help's pages, at every size: the keys
    /// after three spaces, the description in a column of its own, wrapped between words (its
    /// rows joined give it back whole); each page says which it is.
    @Test(arguments: [(80, 24), (100, 30), (120, 36), (160, 50)])
    func helpShowsEveryLineOfTheKeyTableOverItsPages(width: Int, height: Int) throws {
        var state = makeState(width: width, height: height)
        state.press(.character("?"))
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let pages = HelpOverlay.pages(KeyMap.help, in: screen)
        let box = HelpOverlay.box(KeyMap.help, in: screen)
        let labelWidth = HelpOverlay.labelWidth(KeyMap.help)
        var seen = [(keys: String, text: String)]()
        for page in 0..<pages.count {
            #expect(state.helpPage == page && state.showHelp)
            let lines = state.render().lines
            #expect(lines[box.y].dropFirst(box.x).hasPrefix("+- Keys -"))
            let footer = lines[box.maxY - 2].dropFirst(box.x + 2)
            #expect(footer.hasPrefix(pages.count == 1 ? "any key closes" : "page \(page + 1) of "))
            for row in (box.y + 2)..<(box.maxY - 3) {
                let inside = String(lines[row].dropFirst(box.x + 1).prefix(box.width - 2))
                let keys = String(inside.prefix(labelWidth)).trimmingCharacters(in: .whitespaces)
                let text = String(inside.dropFirst(labelWidth)).trimmingCharacters(in: .whitespaces)
                if !keys.isEmpty {
                    seen.append((keys, text))
                } else if !text.isEmpty, let last = seen.popLast() {
                    seen.append((last.keys, last.text + " " + text))
                }
            }
            state.press(.character(" "))
        }
        #expect(!state.showHelp)
        let expected = KeyMap.help.compactMap { line -> (String, String)? in
            let (keys, text) = HelpOverlay.columns(line)
            return keys.isEmpty ? nil : (keys, text)
        }
        #expect(seen.map(\.keys) == expected.map(\.0))
        #expect(seen.map(\.text) == expected.map(\.1))
    }

    @Test func theSavePromptShowsInTheStatusBar() {
        var state = makeState()
        state.drawSevenWithKeys()
        state.press(.character("s"))
        #expect(state.render().lines[49].hasPrefix("Save as: digit.txt_   Enter save  Esc cancel"))
        state.send(.saveFailed(path: "digit.txt", reason: "already exists", exists: true))
        #expect(state.render().lines[49].hasPrefix("digit.txt exists. Replace it? y/n"))
    }
}

@Suite struct PaletteTests {
    @Test func withoutColourTheSignShowsInTheCharacters() {
        let palette = Palette(DisplayOptions(ascii: true, colors: .none))
        #expect(palette.signed(0).character == " ")
        let positives = stride(from: Float(0.2), through: 1, by: 0.2).map {
            palette.signed($0).character
        }
        let negatives = stride(from: Float(0.2), through: 1, by: 0.2).map {
            palette.signed(-$0).character
        }
        #expect(positives == Palette.positiveRamp)
        #expect(negatives == Palette.negativeRamp)
        #expect(Set(positives).isDisjoint(with: negatives))
    }

    @Test func withColourTheMagnitudeIsTheRampAndTheSignTheColour() {
        for colors in [ColorSupport.basic, .extended] {
            let palette = Palette(DisplayOptions(ascii: false, colors: colors))
            let up = palette.signed(0.8)
            let down = palette.signed(-0.8)
            #expect(up.character == down.character)
            #expect(up.style.foreground != down.style.foreground)
            #expect(up.style.foreground != .default)
        }
    }

    @Test func unsignedValuesFollowTheRamp() {
        let palette = Palette(DisplayOptions())
        #expect(palette.unsigned(0).character == " ")
        #expect(palette.unsigned(1).character == "@")
        #expect(palette.unsigned(2).character == "@")
        #expect(palette.unsigned(.nan).character == " ")
    }
}
