import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Teach mode's widgets alone, rendered into small buffers in ASCII without colour and compared
/// as lines of text; every expected line follows by hand from the widget's rules (worked out in
/// the comments).
@Suite struct TeachWidgetTests {
    let ascii = Palette(DisplayOptions(ascii: true, colors: .none))
    let braille = Palette(DisplayOptions(ascii: false, colors: .none))

    func draw(_ widget: some Widget, width: Int, height: Int, palette: Palette? = nil)
        -> CellBuffer
    {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer, palette: palette ?? ascii)
        return buffer
    }

    /// A 32x32 drawing with ink where `ink(x, y)`.
    func drawing(_ ink: (Int, Int) -> Bool) -> Bitmap {
        Bitmap(
            width: 32, height: 32, pixels: (0..<1024).map { ink($0 % 32, $0 / 32) ? 1 : 0 })
    }

    /// A stroke down column 10, rows 4 to 27: its square is 24 cells from column -1 (centred on
    /// the stroke), each dot 3 cells across, so the stroke is in dot column 3 of all 8 rows.
    var bar: Bitmap { drawing { x, y in x == 10 && (4...27).contains(y) } }
    /// The same across: dot row 3, all 8 columns.
    var dash: Bitmap { drawing { x, y in y == 10 && (4...27).contains(x) } }

    @Test func thumbnailDotsAreTheInkCroppedToASquare() {
        // One cell of ink: the square is the 8 smallest, centred on it: one dot in the middle.
        let dot = Thumbnail.dots(drawing { x, y in x == 5 && y == 5 })
        #expect(dot.indices.filter { dot[$0] } == [3 * 8 + 3])
        #expect(Thumbnail.dots(drawing { _, _ in true }).allSatisfy { $0 })
        #expect(Thumbnail.dots(drawing { _, _ in false }).allSatisfy { !$0 })
        let bar = Thumbnail.dots(self.bar)
        #expect(bar.indices.filter { bar[$0] } == (0..<8).map { $0 * 8 + 3 })
        // Any size of drawing: a 2x2 PGM's ink in its corner.
        var small = Bitmap(width: 2, height: 2)
        small[1, 1] = 1
        #expect(Thumbnail.dots(small).filter { $0 }.count == 1)
    }

    @Test func thumbnailsInBrailleAndInASCII() {
        // Dot column 3 is the right column of the second character: dots 4, 5, 6 and 8 of each
        // row of characters (U+28B8). In ASCII, 4 of 8 dots: the ramp's shade 5 of 9, "+".
        #expect(
            draw(Thumbnail(drawing: bar), width: 4, height: 2, palette: braille).lines == [
                " \u{28B8}  ", " \u{28B8}  ",
            ])
        #expect(draw(Thumbnail(drawing: bar), width: 4, height: 2).lines == [" +  ", " +  "])
        // Dot row 3 is the bottom row of the first row of characters: dots 7 and 8 (U+28C0);
        // 2 of 8 dots in ASCII: shade 3, "-".
        #expect(
            draw(Thumbnail(drawing: dash), width: 4, height: 2, palette: braille).lines == [
                "\u{28C0}\u{28C0}\u{28C0}\u{28C0}", "    ",
            ])
        #expect(draw(Thumbnail(drawing: nil), width: 4, height: 2).lines == ["????", "????"])
    }

    /// Inside the frame: the body from the first row to three rows above the bottom edge (less a
    /// blank row), two status rows, the keys on the last row; one blank column each side.
    @Test func theExamplesListShowsEachClassWithItsCountAndThumbnails() {
        let folder = TeachFolder(
            path: "/examples",
            classes: [
                TeachClass(
                    name: "bar",
                    examples: [
                        TeachExample(file: "/examples/bar/1.txt", drawing: bar),
                        TeachExample(file: "/examples/bar/2.txt", drawing: bar),
                    ]),
                TeachClass(
                    name: "dash",
                    examples: [TeachExample(file: "/examples/dash/1.txt", drawing: dash)]
                ),
            ])
        let buffer = draw(TeachPanel(folder: folder), width: 46, height: 14)
        // Names 4 wide ("dash"): marker, space, name, space, the count in 3 columns (to column
        // 11), a space, the thumbnails 5 columns apart from column 13.
        let blank = "|" + String(repeating: " ", count: 44) + "|"
        func row(_ text: String) -> String {
            "|" + text + String(repeating: " ", count: 44 - text.count) + "|"
        }
        #expect(
            buffer.lines == [
                "+- Teach: your examples " + String(repeating: "-", count: 21) + "+",
                row(" Folder /examples"),
                blank,
                row(" > bar    2  +    +"),
                row("             +    +"),
                row("   dash   1 ----"),
                blank,
                blank,
                blank,
                blank,
                row(" Keeps C1 to C5 (F)  Network: original"),
                blank,
                row(" 0-9 a digit  = name a class  Enter again"),
                "+" + String(repeating: "-", count: 44) + "+",
            ])
        // The picked class is bold; a class short of two drawings has its count in bold.
        #expect(buffer[3, 3].style.bold && !buffer[3, 5].style.bold)
        #expect(buffer[11, 5].style.bold && !buffer[11, 3].style.bold)
    }

    @Test func whileBrowsingThePickedClassAndDrawingAreInReverseVideo() {
        let folder = TeachFolder(
            path: "/e",
            classes: [
                TeachClass(
                    name: "bar",
                    examples: (1...3).map { TeachExample(file: "/e/bar/\($0).txt", drawing: bar) })
            ])
        let buffer = draw(
            TeachPanel(folder: folder, browsing: true, pickedExample: 1), width: 46, height: 14)
        #expect(buffer[3, 3].style.reverse && buffer[5, 3].style.reverse)
        // Names 3 wide: thumbnails at columns 12, 17 and 22; the second one is picked.
        #expect(!buffer[12, 3].style.reverse && buffer[17, 3].style.reverse)
        #expect(!buffer[22, 3].style.reverse)
        // The ASCII arrows; the hints that fit 42 columns.
        #expect(buffer.lines[12] == "| up/down class  <-/-> drawing  Enter large  |")
    }

    /// With no classes the panel says what teach mode is and how to start.
    @Test func anEmptyFolderGetsTheIntroduction() {
        // 46x18: the body is 12 rows from row 1, the list 10 rows from row 3, 42 columns: the
        // three paragraphs wrap to 2, 4 and 2 lines with a blank line between them.
        let buffer = draw(TeachPanel(folder: TeachFolder(path: "/examples")), width: 46, height: 18)
        func row(_ text: String) -> String {
            "|" + text + String(repeating: " ", count: 44 - text.count) + "|"
        }
        #expect(
            Array(buffer.lines[3...12]) == [
                row(" Teach the network new classes from a few"),
                row(" drawings of your own."),
                row(""),
                row(" Draw, then press a digit key (0-9) if it"),
                row(" is a digit, or = to name a class of your"),
                row(" own: plus, star, alpha. Each drawing is"),
                row(" saved at once."),
                row(""),
                row(" With at least two classes of two drawings"),
                row(" or more, R teaches the network."),
            ])
        #expect(buffer.lines[16] == row(" 0-9 a digit  = name a class  R teach"))
    }

    /// A network of two classes taught from six drawings: 5 of 6 right held out, 3 from scratch.
    static let plusAndRing: TaughtNetwork = {
        var generator = SeededGenerator(seed: 1)
        return TaughtNetwork(
            run: 1,
            classifier: Classifier(
                LeNet5(classes: 2, using: &generator), classes: ["plus", "ring"]),
            freeze: .c5, examples: 6, trainAccuracy: 1, seconds: 0.5,
            comparison: TeachComparison(
                folds: 3, total: 6, transferCorrect: 5, scratchCorrect: 3, trainingExamples: 4))
    }()

    @Test func theResultShowsTransferBesideScratchAndTheWords() {
        let network = Self.plusAndRing
        let panel = TeachPanel(
            folder: TeachFolder(path: "/e"), page: .result, taught: network, showsTaught: true,
            words: ["Why."])
        func row(_ text: String) -> String {
            "|" + text + String(repeating: " ", count: 44 - text.count) + "|"
        }
        // The bars: the labels 25 wide, 7 columns of bar (42 - 25 - 7 for " 6 of 6" - 3 for the
        // space and the two edges); 5 of 6 is 47 eighths, six columns of # (from half a column
        // on); 3 of 6 is 28 eighths, four columns.
        #expect(
            draw(panel, width: 46, height: 16).lines == [
                "+- Teach: what was learned " + String(repeating: "-", count: 18) + "+",
                row(" Taught 2 classes from 6 drawings in 0.5 s"),
                row(" As drawn, it reads 100% of them right."),
                row(""),
                row(" Tested on drawings it did not learn from:"),
                row(" from the original network |###### | 5 of 6"),
                row(" from random numbers       |####   | 3 of 6"),
                row(""),
                row(" Why."),
                row(""),
                row(""),
                row(""),
                row(""),
                // One line of status: the words have the rows its second line would leave empty.
                row(" Keeps C1 to C5 (F)  Network: taught (O)"),
                row(" O original/taught  E save  Esc examples"),
                "+" + String(repeating: "-", count: 44) + "+",
            ])
    }

    /// Back on the examples, the status says how the taught network did on drawings it did not
    /// learn from, beside the one started from random numbers, in those words.
    @Test func theExamplesPageSaysHowTheTaughtNetworkTested() {
        let network = Self.plusAndRing
        let panel = TeachPanel(
            folder: TeachFolder(path: "/e"), page: .examples, taught: network, showsTaught: true,
            words: [])
        let lines = draw(panel, width: 46, height: 16).lines
        #expect(lines.contains("| Tested: 83% (from random: 50%)  y why      |"), "\(lines)")
    }

    @Test func theProgressLineFillsAsTeachingRuns() {
        let folder = TeachFolder(
            path: "/e",
            classes: ["a", "b"].map { name in
                TeachClass(
                    name: name,
                    examples: (1...2).map { TeachExample(file: "/e/\(name)/\($0)", drawing: bar) })
            })
        let panel = TeachPanel(
            folder: folder,
            training: TeachProgress(fraction: 0.45, words: "teaching", elapsed: 1))
        // "Teaching 45% " and " 1.0 s  R stops" leave 12 columns of bar; 45% of 96 eighths is
        // 43: five columns of #.
        let lines = draw(panel, width: 46, height: 14).lines
        #expect(lines[11] == "| Teaching 45% |#####       | 1.0 s  R stops |")
        #expect(lines[12].hasPrefix("| 0-9 a digit  = name a class  Enter again"))
        // Ready, before and after.
        let ready = draw(TeachPanel(folder: folder), width: 46, height: 14).lines
        #expect(ready[11] == "| Ready: R teaches from these 4 drawings     |")
    }

    @Test func thePromptLineAsksAndSaysWhatWasWrong() {
        func line(_ prompt: TeachPrompt, notice: String? = nil) -> String {
            draw(TeachPromptBar(prompt: prompt, notice: notice), width: 60, height: 1).lines[0]
        }
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: 60 - text.count)
        }
        #expect(
            line(.className("plus"))
                == padded("Class of this drawing: plus_   Enter label  Esc cancel"))
        // What was wrong with the last key takes the keys' place.
        #expect(
            line(.className("st"), notice: "No slashes")
                == padded("Class of this drawing: st_  No slashes"))
        #expect(
            line(.confirmDelete(file: "/e/a/1.txt", name: "\"a\", drawing 1 of 2"))
                == padded("Delete \"a\", drawing 1 of 2? y/n"))
        #expect(
            line(.confirmOverwriteNetwork(path: "t.safetensors"))
                == padded("t.safetensors exists. Replace it? y/n"))
        // A long name shows its end, where the typing happens.
        let long = String(repeating: "x", count: 40) + "end"
        #expect(line(.networkName(long)).hasPrefix("Save the taught network as: xxx"))
        #expect(line(.networkName(long)).contains("xend_"))
    }
}
