import Foundation
import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Frames compared as lines of text (after ratatui's Buffer::with_lines). The zero-weight model
/// makes every activation 0 and every class 10% on any instruction set, so frames are exact.
@Suite struct RenderTests {
    @Test func emptyCompactFrame() {
        let state = makeState(width: 80, height: 24)
        #expect(
            state.render().lines == [
                " lenet5  LeNet-5 sketchpad                                        Prediction: - ",
                "+- Canvas 32x32 -----------------+ +- Network ---------------------------------+",
                "|                                | | Input C1 S2 C3 S4 C5 F6 Output            |",
                "|                                | | Input  what the network sees: the drawi...|",
                "|                                | | output 1x32x32  0 parameters              |",
                "|                                | |                                           |",
                "|                                | | Draw a digit on the canvas:               |",
                "|                                | | each layer's feature maps appear here.    |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                +               | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "|                                | |                                           |",
                "+--------------------------------+ |                                           |",
                " Prediction: -  (draw a digit)     |                                           |",
                "                                   | shades 0 [ .:-=+*#%@] 1                   |",
                "                                   | Tab: explore the layers (n/N next/previ...|",
                " 0  1  2  3  4  5  6  7  8  9      +-------------------------------------------+",
                "pen up, painting  brush 1  cursor 16,16                          ? help  q quit ",
            ])
    }

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
                "|                                | | 6x28x28  156 params  values 0.00 to 0.0...|",
                "|        #################       | |                                           |",
                "|                       #        | | 1           2           3                 |",
                "|                      ##        | |                                           |",
                "|                     ##         | |                                           |",
                "|                     #          | |                                           |",
                "|                    ##          | |                                           |",
                "|                   ##           | |                                           |",
                "|                   #            | |                                           |",
                "|                  ##            | | 4           5           6                 |",
                "|                 ##             | |                                           |",
                "|                 #              | |                                           |",
                "|                ##              | |                                           |",
                "|              ###               | |                                           |",
                "+--------------------------------+ |                                           |",
                " Prediction: 0  10.0%              |                                           |",
                "                                   | shades -1 Oo=-, 0 .:+#@ +1                |",
                "                                   | <-/-> map  up/down layer  Enter zoom  a...|",
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
        let body = PanelLayout(area: state.layout.network).body
        let origin = try #require(
            MapGrid.placements(MapShape(state.selectedLayer), in: body, picked: 0).maps.first?
                .origin)
        let palette = Palette(state.options)
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
        let dimensions = layer.shape.map(String.init).joined(separator: "x")
        #expect(
            lines[inner.y + 2].contains(
                "output \(dimensions)  \(grouped(layer.parameterCount)) parameters"))
        let body = PanelLayout(area: state.layout.network).body
        let shape = MapShape(layer)
        if shape.isSpatial && layer.layer != .input {
            // Every map is labelled 1...n above its heatmap.
            let maps = MapGrid.placements(shape, in: body, picked: state.mapIndex).maps
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
                    $0.contains(layer.layer == .probabilities ? "class 0: probability" : "unit 1: ")
                })
        }
    }

    @Test func zoomShowsTheMapBesideItsKernels() throws {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        state.press(.tab, .tab, .tab, .right, .right, .enter)
        #expect(state.selectedLayer.name == "C3" && state.mapIndex == 2 && state.zoomed)
        let buffer = state.render()
        let lines = buffer.lines
        let body = PanelLayout(area: state.layout.network).body
        #expect(lines[body.y].dropFirst(body.x).hasPrefix("C3 map 3"))
        // The map, 10x10 at two columns a value, and three columns to its right the kernels: at
        // 160x50 two rows of 5x5 kernels two columns a weight, in slots 12 wide and 7 high, each
        // under the number of the S2 map it applies to.
        let (x, y) = (body.x + 20 + 3, body.y + 2)
        #expect(lines[y].dropFirst(x).hasPrefix("kernels applied to each S2 map, 5x5:"))
        let kernels = (0..<6).map { Array(randomModel.c3.kernel(output: 2, input: $0)) }
        let largest = kernels.joined().map(abs).max() ?? 1
        let palette = Palette(state.options)
        for source in 0..<6 {
            let (slotX, slotY) = (x + (source % 5) * 12, y + 3 + (source / 5) * 7)
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
        #expect(lines[y + 3 + 14].dropFirst(x).hasPrefix(bias))
        // S2 maps have no kernel: the zoom says what they average.
        state.press(.escape, .up, .enter)
        let pooled = state.render().lines
        #expect(
            pooled[y].dropFirst(body.x + 28 + 3).hasPrefix(
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

    /// Each line of the key table in its place in the overlay: the keys after three spaces, the
    /// description in a column of its own.
    @Test func helpShowsEveryLineOfTheKeyTableAndSaysWhenCut() {
        var state = makeState()
        state.press(.character("?"))
        let lines = state.render().lines
        let columns = KeyMap.help.map(HelpOverlay.columns)
        let labelWidth = (columns.map(\.keys.count).max() ?? 0) + 5
        let width = labelWidth + (columns.map(\.text.count).max() ?? 0) + 3
        let box = Rect(
            x: (160 - width) / 2, y: (50 - (columns.count + 4)) / 2, width: width,
            height: columns.count + 4)
        #expect(lines[box.y].dropFirst(box.x).hasPrefix("+- Keys -"))
        for (i, line) in KeyMap.help.enumerated() {
            let row = String(lines[box.y + 2 + i].dropFirst(box.x + 1).prefix(width - 2))
            let (keys, text) = columns[i]
            switch line {
            case .heading: #expect(row.hasPrefix(" " + keys + " "), "\(row)")
            case .blank: #expect(row.allSatisfy { $0 == " " })
            case .keys, .mouse:
                #expect(row.hasPrefix("   " + keys + " "), "\(row)")
                #expect(row.dropFirst(labelWidth).hasPrefix(text), "\(row)")
            }
        }
        var small = makeState(width: 80, height: 24)
        small.press(.character("?"))
        #expect(small.render().lines.contains { $0.contains("enlarge the terminal for the rest") })
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
