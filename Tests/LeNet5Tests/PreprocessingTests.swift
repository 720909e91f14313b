import Testing

@testable import LeNet5

/// Properties of the MNIST-style preprocessing, checked on drawings whose answer is known.
@Suite struct PreprocessingTests {
    /// A filled rectangle on a 32x32 grid.
    func rectangle(x: Int, y: Int, width: Int, height: Int) -> Bitmap {
        var bitmap = Bitmap(width: 32, height: 32)
        for row in y..<(y + height) {
            for column in x..<(x + width) { bitmap[column, row] = 1 }
        }
        return bitmap
    }

    func centreOfMass(_ input: [Float]) -> (x: Float, y: Float, mass: Float) {
        var mass: Float = 0
        var sx: Float = 0
        var sy: Float = 0
        for y in 0..<32 {
            for x in 0..<32 {
                let v = input[y * 32 + x]
                mass += v
                sx += v * (Float(x) + 0.5)
                sy += v * (Float(y) + 0.5)
            }
        }
        return (sx / mass, sy / mass, mass)
    }

    /// The box holding values above `threshold`, as (width, height).
    func extent(_ input: [Float], threshold: Float = 0.5) -> (width: Int, height: Int) {
        var xs = [Int]()
        var ys = [Int]()
        for y in 0..<32 {
            for x in 0..<32 where input[y * 32 + x] > threshold { xs.append(x); ys.append(y) }
        }
        return (xs.max()! - xs.min()! + 1, ys.max()! - ys.min()! + 1)
    }

    @Test func anEmptyDrawingHasNoInput() {
        #expect(Preprocessing.networkInput(from: Bitmap(width: 32, height: 32)) == nil)
        #expect(Preprocessing.networkInput(from: Bitmap(width: 7, height: 100)) == nil)
    }

    @Test func theInkIsCentredByMassAndFitsTwentyPixels() throws {
        // A tall bar off to the top left: 4 wide, 30 high.
        let input = try #require(
            Preprocessing.networkInput(from: rectangle(x: 1, y: 0, width: 4, height: 30)))
        let com = centreOfMass(input)
        #expect(abs(com.x - 16) < 1e-3 && abs(com.y - 16) < 1e-3)
        // Height 30 scaled to 20, width 4 to 20 * 4 / 30 (2.67): mass is preserved in proportion.
        #expect(abs(com.mass - 20 * 20 * 4 / 30) < 1e-2)
        #expect(extent(input).height == 20)
        #expect(input.allSatisfy { (0...1).contains($0) })
    }

    @Test func positionDoesNotMatter() throws {
        let a = try #require(
            Preprocessing.networkInput(from: rectangle(x: 0, y: 0, width: 6, height: 10)))
        let b = try #require(
            Preprocessing.networkInput(from: rectangle(x: 20, y: 17, width: 6, height: 10)))
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func aSmallDrawingIsEnlargedToTheSameBox() throws {
        let small = try #require(
            Preprocessing.networkInput(from: rectangle(x: 3, y: 3, width: 2, height: 5)))
        let large = try #require(
            Preprocessing.networkInput(from: rectangle(x: 3, y: 3, width: 8, height: 20)))
        #expect(zip(small, large).allSatisfy { abs($0 - $1) < 1e-4 })
        #expect(extent(small) == (8, 20))
    }

    @Test func anyImageSizeWorks() throws {
        var big = Bitmap(width: 200, height: 120)
        for y in 10..<110 { for x in 50..<70 { big[x, y] = 1 } }
        let input = try #require(Preprocessing.networkInput(from: big))
        #expect(extent(input) == (4, 20))
    }

    @Test func rawInputIsTheGridItself() {
        let bitmap = rectangle(x: 2, y: 3, width: 4, height: 5)
        #expect(Preprocessing.rawInput(from: bitmap) == bitmap.pixels)
        #expect(Preprocessing.rawInput(from: Bitmap(width: 28, height: 28)) == nil)
    }
}

@Suite struct DrawingFormatTests {
    func grid(_ rows: [String]) -> [UInt8] { Array(rows.joined(separator: "\n").utf8) + [10] }

    @Test func textGridsWithEveryAllowedCharacter() throws {
        var rows = [String](repeating: String(repeating: ".", count: 32), count: 32)
        rows[0] = "#1" + String(repeating: "0", count: 30)
        rows[1] = "  #"  // short line: the rest is background
        rows[2] = String(repeating: " ", count: 31) + "1\r"  // CR LF
        let bitmap = try DrawingFormats.textGrid(grid(rows))
        #expect(bitmap.pixels.reduce(0, +) == 4)
        #expect(bitmap[0, 0] == 1 && bitmap[1, 0] == 1 && bitmap[2, 1] == 1 && bitmap[31, 2] == 1)
    }

    @Test func blankLinesAfterTheLastRowAreNotRows() throws {
        let row = String(repeating: ".", count: 31) + "#"
        let rows = [String](repeating: row, count: 32)
        for ending in ["", "\n", "\n\n", "\n  \n\r\n"] {
            let text = rows.joined(separator: "\n") + ending
            #expect(try DrawingFormats.textGrid(Array(text.utf8)).pixels.reduce(0, +) == 32)
        }
    }

    @Test func badTextGridsNameTheFault() {
        func fault(_ bytes: [UInt8]) -> String? {
            do {
                _ = try DrawingFormats.drawing(from: bytes)
                return nil
            } catch { return error.fault }
        }
        let row = String(repeating: ".", count: 32)
        #expect(fault([]) == "the file is empty")
        #expect(
            fault(grid([String](repeating: row, count: 31)))?.contains("found 31 lines") == true)
        #expect(
            fault(grid([String](repeating: row, count: 33)))?.contains("found 33 lines") == true)
        var rows = [String](repeating: row, count: 32)
        rows[4] = row + "."
        #expect(fault(grid(rows)) == "line 5 has 33 characters, at most 32 allowed")
        rows[4] = String(repeating: ".", count: 9) + "x"
        #expect(fault(grid(rows))?.hasPrefix("line 5, column 10: unexpected character 'x'") == true)
        #expect(fault([0xFF, 0xFE, 0x00])?.hasSuffix("found 1 line") == true)
    }

    @Test func plainAndBinaryPGM() throws {
        // Dark ink on light paper, 3x2, with a comment: the light border is taken as paper.
        let plain = try DrawingFormats.drawing(
            from: Array("P2\n# a comment\n3 2\n255\n255 0 255\n255 255 255\n".utf8))
        #expect(plain.width == 3 && plain.height == 2)
        #expect(plain.pixels == [0, 1, 0, 0, 0, 0])
        // Light ink on dark paper, as MNIST: kept as it is.
        let binary = try DrawingFormats.drawing(from: Array("P5 2 2 255\n".utf8) + [0, 255, 0, 0])
        #expect(binary.pixels == [0, 1, 0, 0])
        let sixteen = try DrawingFormats.drawing(
            from: Array("P5 1 2 65535\n".utf8) + [0, 0, 0xFF, 0xFF])
        #expect(sixteen.pixels == [0, 1])
    }

    @Test func badPGMNameTheFault() {
        let cases: [(String, [UInt8])] = [
            ("ends before its width", Array("P2\n".utf8)),
            ("outside 1...8192", Array("P2 0 5 255\n".utf8)),
            ("outside 1...8192", Array("P5 100000 100000 255\n".utf8)),
            ("maximum value 0", Array("P2 1 1 0\n0".utf8)),
            ("truncated", Array("P5 4 4 255\n".utf8) + [1, 2, 3]),
            ("truncated", Array("P2 2 2 255 1 2 3".utf8)),
            ("exceeds the maximum", Array("P2 1 1 10 11".utf8)),
            ("where a number belongs", Array("P2 2 x 255".utf8)),
        ]
        for (expected, bytes) in cases {
            do {
                _ = try DrawingFormats.drawing(from: bytes)
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.fault.contains(expected), "\(error.fault)")
            }
        }
    }
}
