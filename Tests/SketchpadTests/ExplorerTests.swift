import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Thirty made-up test digits: digit i a bar three columns wide (ink 255 in the middle, 100 at
/// its edges) at column 4 + i % 20, rows 4 to 23; labelled i % 10 and read right except digits 3
/// and 13 (3s read as 5) and 7 (a 7 read as 1).
let madeUpDigits: TestDigits = {
    let side = TestDigits.side
    var images = [UInt8](repeating: 0, count: 30 * side * side)
    for i in 0..<30 {
        let column = 4 + i % 20
        for y in 4..<24 {
            images[i * side * side + y * side + column - 1] = 100
            images[i * side * side + y * side + column] = 255
            images[i * side * side + y * side + column + 1] = 100
        }
    }
    let labels = (0..<30).map { $0 % 10 }
    var predictions = labels
    predictions[3] = 5
    predictions[13] = 5
    predictions[7] = 1
    return TestDigits(images: images, labels: labels, predictions: predictions)
}()

/// A sketchpad of `lenet5 explore` over the made-up digits.
func makeExplorer(width: Int = 120, height: Int = 36, model: LeNet5 = randomModel) -> Pad {
    Pad(
        state: SketchpadState(
            width: width, height: height, options: DisplayOptions(ascii: true, colors: .none),
            explorer: Explorer(digits: madeUpDigits)),
        derivations: Derivations(classifier: Classifier(model)))
}

extension Pad {
    var explorer: Explorer {
        guard let explorer = state.explorer else { preconditionFailure("not exploring") }
        return explorer
    }
}

@Suite struct ExplorerTests {
    @Test func theConfusionMatrixCountsEachLabelAgainstEachReading() {
        let digits = madeUpDigits
        for label in 0..<10 {
            for readAs in 0..<10 {
                let count = (0..<30).filter {
                    digits.labels[$0] == label && digits.predictions[$0] == readAs
                }.count
                #expect(digits.confusion[label][readAs] == count)
                #expect(digits.digits(label: label, readAs: readAs).count == count)
            }
        }
        #expect(digits.confusion[3][5] == 2 && digits.confusion[3][3] == 1)
        #expect(digits.misclassified == [3, 7, 13])
    }

    @Test func aDigitIsPaddedByTwoAsTheNetworkReadsIt() {
        let input = madeUpDigits.input(5)
        #expect(input.width == 32 && input.height == 32)
        for y in 0..<32 {
            for x in 0..<32 {
                let inside = (2..<30).contains(x) && (2..<30).contains(y)
                let byte = inside ? madeUpDigits.images[5 * 784 + (y - 2) * 28 + x - 2] : 0
                #expect(input[x, y] == Float(byte) / 255, "(\(x), \(y))")
            }
        }
    }

    @Test func theArrowsStepThroughTheListAndStopAtItsEnds() {
        var pad = makeExplorer()
        #expect(pad.focus == .digits && pad.keyContext == .digits)
        #expect(pad.explorer.current == 0)
        pad.press(.right, .right)
        #expect(pad.explorer.current == 2)
        pad.press(.down)
        #expect(pad.explorer.current == 12)
        pad.press(.down, .down, .down)
        #expect(pad.explorer.current == 29)
        #expect(pad.notice == "That is the last digit of the list")
        pad.press(.up, .left)
        #expect(pad.explorer.current == 18 && pad.notice == nil)
        // The canvas was not touched: the arrows move through the digits, not the cursor.
        #expect(pad.canvas.isEmpty && pad.cursor == Point(x: 16, y: 16))
    }

    @Test func switchingListsKeepsTheDigitShownWhenTheNewListHasIt() {
        var pad = makeExplorer()
        pad.press(.right, .right, .right, .right, .right, .right, .right)
        #expect(pad.explorer.current == 7)
        pad.press(.character("W"))
        #expect(pad.explorer.list == .misclassified && pad.explorer.members == [3, 7, 13])
        #expect(pad.explorer.current == 7 && pad.explorer.position == 1)
        pad.press(.right)
        #expect(pad.explorer.current == 13)
        pad.press(.character("A"))
        #expect(pad.explorer.list == .all && pad.explorer.current == 13)
        pad.press(.character("A"))
        #expect(pad.notice == "Already browsing this list")
        // A digit the new list lacks: its first.
        pad.press(.left)
        pad.press(.character("W"))
        #expect(pad.explorer.current == 3)
    }

    @Test func theMatrixOpensOnTheDigitsCellAndEnterBrowsesACell() {
        var pad = makeExplorer()
        pad.press(.right, .right, .right)
        pad.press(.character("C"))
        #expect(pad.keyContext == .confusion)
        #expect(pad.explorer.openCell == ConfusionCell(label: 3, readAs: 5))
        pad.press(.left, .left)
        #expect(pad.explorer.openCell == ConfusionCell(label: 3, readAs: 3))
        // An empty cell is said so, and the matrix stays open.
        pad.press(.up)
        pad.press(.enter)
        #expect(pad.notice == "No 2 was read as 3: the cell is empty")
        #expect(pad.explorer.openCell == ConfusionCell(label: 2, readAs: 3))
        pad.press(.down, .right, .right, .enter)
        #expect(pad.explorer.openCell == nil && pad.keyContext == .digits)
        #expect(pad.explorer.list == .cell(ConfusionCell(label: 3, readAs: 5)))
        #expect(pad.explorer.members == [3, 13] && pad.explorer.current == 3)
        // Reopened on the cell browsed; the arrows stop at its edges; Esc closes it.
        pad.press(.character("C"))
        #expect(pad.explorer.openCell == ConfusionCell(label: 3, readAs: 5))
        for _ in 0..<12 { pad.press(.right, .down) }
        #expect(pad.explorer.openCell == ConfusionCell(label: 9, readAs: 9))
        // Keys that would act on what the matrix covers do nothing.
        let before = pad.state
        pad.press(.tab, .character("x"), .character("d"), .character(" "), .character("m"))
        #expect(pad.state == before)
        pad.press(.escape)
        #expect(pad.explorer.openCell == nil && pad.explorer.current == 3)
    }

    @Test func aCopyGoesOntoTheCanvasBinarisedAsOneUndoStep() {
        var pad = makeExplorer()
        pad.press(.right, .right, .right, .right, .right)
        pad.press(.character("d"))
        #expect(pad.focus == .canvas && pad.keyContext == .canvas)
        #expect(!pad.explorer.showsDigit && pad.state.shownTestDigit == nil)
        #expect(pad.lastSaveName == "test-6.txt")
        for y in 0..<32 {
            for x in 0..<32 {
                let inside = (2..<30).contains(x) && (2..<30).contains(y)
                let byte = inside ? madeUpDigits.images[5 * 784 + (y - 2) * 28 + x - 2] : 0
                // Ink where at least half ink: the bar's middle (255), not its edges (100).
                #expect(pad.canvas[x, y] == (byte >= 128), "(\(x), \(y))")
            }
        }
        #expect(pad.canvas.inkCount == 20)
        // The sketchpad's keys draw on it now; undo takes the copy back off.
        pad.press(.character(" "))
        #expect(pad.canvas.inkCount == 21)
        pad.press(.character("u"), .character("u"))
        #expect(pad.canvas.isEmpty)
        // The list's key goes back to the same digit.
        pad.press(.character("A"))
        #expect(pad.state.shownTestDigit == 5 && pad.focus == .digits)
    }

    @Test func theNetworkReadsATestDigitAsItIsAndTheCopyPreprocessed() {
        var pad = makeExplorer()
        pad.press(.right, .right)
        let reading = pad.reading
        let prepared = try? #require(reading.prepared)
        #expect(prepared?.isPreprocessed == false)
        #expect(prepared?.input == madeUpDigits.input(2).pixels)
        // The same probabilities as the network run by hand on the padded digit.
        let trace = ForwardTrace()
        Classifier(randomModel).forward(madeUpDigits.input(2).pixels, into: trace)
        #expect(reading.probabilities == trace.probabilities)
        #expect(reading.prediction?.digit == trace.prediction.classIndex)
        // Nothing said of a box or a scale that did not happen.
        let facts = pad.derivations.derive(from: pad.state).facts
        #expect(facts[.scaled] == nil && facts[.boxWidth] == nil && facts[.best] != nil)
        pad.press(.character("d"))
        #expect(pad.reading.prepared?.isPreprocessed == true)
    }

    @Test func theMouseDoesNotPaintOnATestDigit() {
        var pad = makeExplorer()
        pad.mouse(.left, .press, 10, 10)
        pad.mouse(.left, .drag, 14, 12)
        pad.mouse(.left, .release, 14, 12)
        #expect(pad.canvas.isEmpty && pad.explorer.showsDigit)
    }

    @Test func withoutTestDigitsTheExplorersKeysSayWhereTheyAre() {
        var pad = makeState()
        for key in ["A", "W", "C"] {
            pad.notice = nil
            pad.press(.character(Character(key)))
            #expect(pad.notice == SketchpadState.noTestDigits)
        }
        #expect(pad.state.explorer == nil && pad.focus == .canvas)
    }

    @Test func theScreenNamesTheListTheDigitAndItsLabel() {
        var pad = makeExplorer()
        pad.press(.character("W"), .right)
        let screen = pad.render()
        let digit = pad.reading.prediction?.digit ?? -1
        #expect(screen.lines[0].hasPrefix(" lenet5  explore  Misclassified: 2 of 3 "))
        #expect(screen.lines[1].contains(" Test digit 8: label 7 "))
        #expect(screen.lines[1].contains("Prediction: \(digit) "))
        #expect(screen.lines[1].contains(" label 7"))
        #expect(
            screen.lines[35].hasPrefix("<-/-> digit  d edit a copy  W wrong  C confusion  A all"))
        // The digit's ink in the canvas's place: the bar of digit 7 at column 4 + 7 + 2 = 13, in
        // the ramp's characters (255 is @; 100 is = at 100 / 255 x 9 = 3.5, rounded to 4).
        let row = screen.lines[1 + 1 + 10]
        let left = row.index(row.startIndex, offsetBy: 1 + 2 * 12)
        #expect(String(row[left..<row.index(left, offsetBy: 6)]) == "==@@==")
        pad.press(.tab)
        #expect(pad.render().lines[35].hasPrefix("Esc back to the digits"))
    }
}

@Suite struct ConfusionGridTests {
    @Test func theMatrixIsACountPerCellWithThePickedOneAndWhatItHolds() {
        var buffer = CellBuffer(width: 80, height: 24)
        ConfusionGrid(
            confusion: madeUpDigits.confusion, cursor: ConfusionCell(label: 3, readAs: 5)
        ).render(
            in: buffer.area, into: &buffer,
            palette: Palette(DisplayOptions(ascii: true, colors: .none)))
        // Columns of five (the widest count, 1 character, takes at least 3, and two spaces), each
        // count right-aligned under its column's digit; the frame as wide as the heading and four
        // more; each label's three digits in its row.
        let lines = buffer.lines.map { String($0.prefix(74)) }
        #expect(
            lines[0] == "+- Confusion matrix of the 30 test digits "
                + String(repeating: "-", count: 31) + "+")
        #expect(
            lines[1] == "| rows: the true digit (its label)   columns: the digit the network read |"
        )
        #expect(
            lines[3] == "|           0    1    2    3    4    5    6    7    8    9               |"
        )
        #expect(
            lines[4] == "|    0      3    .    .    .    .    .    .    .    .    .               |"
        )
        #expect(
            lines[7] == "|    3      .    .    .    1    .    2    .    .    .    .               |"
        )
        #expect(
            lines[11]
                == "|    7      .    1    .    .    .    .    .    2    .    .               |")
        #expect(
            lines[15]
                == "| 2 of the 3 test digits labelled 3 are read as 5 (a mistake). Enter     |")
        #expect(
            lines[16]
                == "| browses them.                                                          |")
        #expect(
            lines[17]
                == "| Read right: 27 of 30 (90.00%), on the diagonal; every other cell counts|")
        #expect(lines[19] == "+" + String(repeating: "-", count: 72) + "+")
        // The picked cell in reverse video, and only it.
        let reversed = (0..<24).flatMap { y in
            (0..<80).filter { buffer[$0, y].style.reverse }.map { ($0, y) }
        }
        #expect(reversed.map(\.1) == [7, 7, 7, 7] && reversed.map(\.0) == [34, 35, 36, 37])
    }
}
