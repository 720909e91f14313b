import Foundation
import Testing

/// `lenet5 explain` from outside: the keys the issue spells, the map's size and zeros, occlusion's
/// drop checked through `predict`, and every bad input.
@Suite(.serialized) struct ExplainCommandTests {
    static let names = CommandLineTests.names

    func grid(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    @Test(arguments: ["occlusion", "gradient"])
    func everySampleGetsAMapOverItsCells(method: String) throws {
        let files = Self.names.map { Binary.samples + "/\($0).txt" }
        let result = try Binary.run(["explain", "--json", "--method", method] + files)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.count == 10)
        for (digit, line) in result.lines.enumerated() {
            let object = json(line)
            #expect(
                Set(object.keys) == [
                    "file", "prediction", "label", "probabilities", "method", "saliency",
                ])
            #expect(object["file"] as? String == files[digit])
            #expect(object["prediction"] as? Int == digit, "\(line.prefix(200))")
            #expect(object["label"] as? String == "\(digit)")
            #expect(object["method"] as? String == method)
            let probabilities = object["probabilities"] as? [Double] ?? []
            #expect(probabilities.count == 10 && abs(probabilities.reduce(0, +) - 1) < 1e-4)
            let saliency = object["saliency"] as? [[Double]] ?? []
            #expect(saliency.count == 32 && saliency.allSatisfy { $0.count == 32 })
            let text = try String(contentsOfFile: files[digit], encoding: .utf8)
            let rows = text.split(separator: "\n").map(Array.init)
            var inkSeen = false
            for y in 0..<32 {
                for x in 0..<32 {
                    let ink = x < rows[y].count && rows[y][x] == "#"
                    let value = saliency[y][x]
                    if !ink { #expect(value == 0, "\(files[digit]) \(x),\(y)") }
                    if ink && value != 0 { inkSeen = true }
                }
            }
            #expect(inkSeen, "\(files[digit]): every ink cell got 0")
        }
    }

    /// saliency[y][x] is the drop when cell (x, y) is erased: erase the most salient cell in a copy
    /// of the file and ask `predict`.
    @Test func theDropIsWhatPredictSaysOfTheErasedDrawing() throws {
        let file = Binary.samples + "/nine.txt"
        let object = json(try Binary.run(["explain", "--json", file]).output)
        let saliency = try #require(object["saliency"] as? [[Double]])
        let digit = try #require(object["prediction"] as? Int)
        let p = try #require((object["probabilities"] as? [Double])?[digit])
        var best = (x: 0, y: 0, drop: -Double.infinity)
        for y in 0..<32 {
            for x in 0..<32 where saliency[y][x] > best.drop { best = (x, y, saliency[y][x]) }
        }
        var rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            .map { Array($0) }
        #expect(rows[best.y][best.x] == "#")
        rows[best.y][best.x] = "."
        let dir = try Binary.temporaryDirectory()
        try grid(rows.map { String($0) }).write(
            toFile: dir + "/erased.txt", atomically: true, encoding: .utf8)
        let erased = json(try Binary.run(["predict", "--json", dir + "/erased.txt"]).output)
        let after = try #require((erased["probabilities"] as? [Double])?[digit])
        #expect(abs((p - after) - best.drop) < 1e-6, "\(p) - \(after) vs \(best.drop)")
        #expect(best.drop > 0)
    }

    @Test func peopleGetTheShadedGrid() throws {
        let file = Binary.samples + "/three.txt"
        let result = try Binary.run(["explain", file])
        #expect(result.status == 0)
        let lines = result.lines
        let predict = try Binary.run(["predict", file]).output
        #expect(lines.first.map { $0 + "\n" } == predict)
        #expect(lines.contains { $0.hasPrefix("Erasing column ") && $0.contains("matters most") })
        let frame = lines.filter { $0.hasPrefix("|") }
        #expect(frame.count == 32 && frame.allSatisfy { $0.count == 66 && $0.hasSuffix("|") })
        // Ink is shaded, background is blank, cell by cell (two characters each).
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            .map(Array.init)
        for (y, row) in frame.enumerated() {
            let cells = Array(row.dropFirst().dropLast())
            for x in 0..<32 {
                let ink = x < rows[y].count && rows[y][x] == "#"
                #expect((cells[2 * x] != " ") == ink, "\(x),\(y)")
            }
        }
    }

    @Test func otherSizesGetTheirOwnGrid() throws {
        let dir = try Binary.temporaryDirectory()
        // A 40x24 PGM, light ink on dark: a thick bar.
        var pixels = [UInt8](repeating: 0, count: 40 * 24)
        for y in 4..<20 { for x in 18..<22 { pixels[y * 40 + x] = 255 } }
        try (Data("P5 40 24 255\n".utf8) + Data(pixels)).write(
            to: URL(fileURLWithPath: dir + "/bar.pgm"))
        let result = try Binary.run(["explain", "--json", dir + "/bar.pgm"])
        #expect(result.status == 0, "\(result.error)")
        let saliency = json(result.output)["saliency"] as? [[Double]] ?? []
        #expect(saliency.count == 24 && saliency.allSatisfy { $0.count == 40 })
        #expect(saliency[0][0] == 0 && saliency[10][19] != 0)
        let people = try Binary.run(["explain", dir + "/bar.pgm"])
        #expect(people.lines.filter { $0.hasPrefix("|") }.count == 24)
        // Wider than 80 columns: blocks of cells.
        var wide = [UInt8](repeating: 0, count: 200 * 30)
        for y in 5..<25 { for x in 90..<110 { wide[y * 200 + x] = 255 } }
        try (Data("P5 200 30 255\n".utf8) + Data(wide)).write(
            to: URL(fileURLWithPath: dir + "/wide.pgm"))
        let blocks = try Binary.run(["explain", "--method", "gradient", dir + "/wide.pgm"])
        #expect(blocks.status == 0)
        #expect(blocks.output.contains("each character is a block of 3x3 cells"))
        #expect(blocks.lines.filter { $0.hasPrefix("|") }.count == 10)
    }

    @Test func blankDrawingsAndStandardInput() throws {
        let blank = Data(
            grid([String](repeating: String(repeating: ".", count: 32), count: 32)).utf8)
        let people = try Binary.run(["explain", "-"], input: blank)
        #expect(people.status == 0)
        #expect(people.output == "<stdin>: no ink, no prediction, nothing to explain\n")
        let object = json(try Binary.run(["explain", "--json", "-"], input: blank).output)
        #expect(object["file"] as? String == "<stdin>")
        #expect(object["prediction"] is NSNull && object["probabilities"] is NSNull)
        let zeros = object["saliency"] as? [[Double]] ?? []
        #expect(zeros.count == 32 && zeros.allSatisfy { $0 == [Double](repeating: 0, count: 32) })
        let seven = try Data(contentsOf: URL(fileURLWithPath: Binary.samples + "/seven.txt"))
        let piped = json(try Binary.run(["explain", "--json", "-"], input: seven).output)
        #expect(piped["prediction"] as? Int == 7)
    }

    @Test func withoutPreprocessingTheDrawingIsTheInput() throws {
        let result = try Binary.run([
            "explain", "--json", "--no-preprocess", "--method", "gradient",
            Binary.samples + "/four.txt",
        ])
        #expect(result.status == 0)
        #expect((json(result.output)["saliency"] as? [[Double]])?.count == 32)
        let dir = try Binary.temporaryDirectory()
        try Data("P2 2 2 1 0 1 0 1".utf8).write(to: URL(fileURLWithPath: dir + "/tiny.pgm"))
        let wrong = try Binary.run(["explain", "--no-preprocess", dir + "/tiny.pgm"])
        #expect(wrong.status == 1)
        #expect(
            wrong.error.contains("lenet5: \(dir)/tiny.pgm: is 2x2; --no-preprocess needs 32x32"))
    }

    /// A bad file does not stop the text output (the JSON lines are CommandLineTests').
    @Test func aBadFileDoesNotStopTheTextOutput() throws {
        let dir = try Binary.temporaryDirectory()
        let good = Binary.samples + "/three.txt"
        let people = try Binary.run(["explain", dir + "/missing.txt", good])
        #expect(people.status == 1 && people.output.hasPrefix(good + ": 3 ("))
    }

    @Test func usageErrorsAreClear() throws {
        let method = try Binary.run(["explain", "--method", "magic", Binary.samples + "/one.txt"])
        #expect(method.status != 0 && method.error.contains("magic"))
        #expect(method.error.contains("occlusion") && method.error.contains("gradient"))
        let none = try Binary.run(["explain"])
        #expect(none.status != 0 && none.error.contains("file"))
        let twice = try Binary.run(["explain", "-", "-"])
        #expect(
            twice.status != 0 && twice.error.contains("standard input (-) can be read only once"))
        let weights = try Binary.run([
            "explain", "--weights", "/nonexistent.safetensors", Binary.samples + "/one.txt",
        ])
        #expect(
            weights.status == 1 && weights.error.contains("/nonexistent.safetensors: no such file"))
    }
}
