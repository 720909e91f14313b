import Foundation
import LeNet5
import ReferenceFixtures
import Testing

@testable import Teaching

/// The format of the explanation files: what a teacher may write, and the message each fault gets.
@Suite struct ExplanationFileTests {
    static let assets = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assets")
        .path

    /// A layers file with every section, `replacing` one section's text (nil leaves it out).
    func layers(_ section: String = "C1", text: String?) -> String {
        NetworkLayer.allCases.map { layer in
            if layer.name == section {
                return text.map { "[\(layer.name)]\n\($0)\n" } ?? ""
            }
            return "[\(layer.name)]\nAbout \(layer.name).\n"
        }.joined(separator: "\n")
    }

    func parse(_ text: String, file: ExplanationFile = .layers) throws(ExplanationError)
        -> [Topic: Explanation]
    {
        try Explanations.parse(Array(text.utf8), path: "x/layers.txt", file: file)
    }

    func fault(_ text: String, file: ExplanationFile = .layers) -> String? {
        do {
            _ = try parse(text, file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func paragraphsJoinTheirLinesAndFactsFillTheirPlaceholders() throws {
        let sections = try parse(
            layers(
                text: "Map {map} answers\n  most   at row {row}.\n\nAlways {{shown}}.\n# not text"))
        let c1 = try #require(sections[.layer(.c1)])
        #expect(
            c1.paragraphs == [
                [
                    .text("Map "), .fact(.map), .text(" answers most at row "), .fact(.row),
                    .text("."),
                ],
                [.text("Always {shown}.")],
            ])
        #expect(
            c1.text(FactSheet([.map: "4", .row: "7"])) == [
                "Map 4 answers most at row 7.", "Always {shown}.",
            ])
        // A paragraph whose fact is unknown is left out whole.
        #expect(c1.text(FactSheet([.map: "4"])) == ["Always {shown}."])
        #expect(sections.count == NetworkLayer.allCases.count)
    }

    @Test func sectionNamesAreReadInAnyCaseAndWindowsLineEndingsAndAMarkAreFine() throws {
        let text =
            "\u{FEFF}"
            + layers().replacingOccurrences(of: "[C1]", with: "[ c1 ]")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let sections = try parse(text)
        #expect(sections[.layer(.c1)]?.text(FactSheet()) == ["About C1."])
    }

    func layers() -> String { layers(text: "About C1.") }

    /// Each fault, with the line it names: compilers' PATH:LINE: form.
    @Test func everyFaultNamesTheFileAndTheLine() {
        let path = "x/layers.txt"
        // The C1 section starts on line 4 of `layers`: [Input], its text, a blank, then [C1].
        #expect(
            fault("")
                == "\(path):1: the file has no text: it needs a [section] for each of [Input], [C1], [S2], [C3], [S4], [C5], [F6], [Output]"
        )
        #expect(
            fault("# only a comment\n\n")
                == fault("").map { $0.replacingOccurrences(of: ":1:", with: ":2:") })
        #expect(
            fault("Hello\n[Input]\nx")
                == "\(path):1: text before the first section: start with a line such as [Input]")
        #expect(
            fault(layers(text: "Map {map answers"))
                == "\(path):5: the { at column 5 has no } on its line (write {{ for a brace itself)"
        )
        #expect(
            fault(layers(text: "a\nMap map} answers"))
                == "\(path):6: the } at column 8 closes no { (write }} for a brace itself)")
        #expect(fault(layers(text: "{ }")) == "\(path):5: empty placeholder {} at column 1")
        #expect(
            fault(layers(text: "Map {mpa}"))
                == "\(path):5: unknown placeholder {mpa}; did you mean {map}? (every placeholder is listed in the README beside these files)"
        )
        #expect(
            fault(layers(text: "{zebra}"))?.hasSuffix(
                "unknown placeholder {zebra} (every placeholder is listed in the README beside these files)"
            ) == true)
        let notHere = fault(layers(text: "{mean}"))
        #expect(
            notHere?.hasPrefix(
                "\(path):5: {mean} cannot be known in [C1]; it can use {best}, {best_percent}, ")
                == true)
        #expect(fault(layers(text: "")) == "\(path):4: [C1] has no text")
        #expect(fault(layers(text: "# nothing but a comment")) == "\(path):4: [C1] has no text")
        #expect(fault(layers(text: nil)) == "\(path):21: the file ends without a section [C1]")
        #expect(
            fault(layers(text: "x\n[Input]\ny")) == "\(path):6: [Input] again (it began at line 1)")
        #expect(
            fault(layers(text: "x\n[C7]\ny"))
                == "\(path):6: unknown section [C7]; the sections are [Input], [C1], [S2], [C3], [S4], [C5], [F6], [Output]"
        )
        #expect(
            fault(layers(text: "x\n[C3\ny"))
                == "\(path):6: a section line must end with ], as in [C1]")
        // Binary junk: a NUL byte, a byte that is not UTF-8, an escape character.
        #expect(
            fault(layers(text: "ab\u{0}c"))
                == "\(path):5: column 3 is not text (a binary file, or not UTF-8?)")
        #expect(
            fault(layers(text: "ab\u{1B}[31m"))
                == "\(path):5: column 3 is not text (a binary file, or not UTF-8?)")
        var bytes = Array(layers(text: "éa").utf8)
        let index = try? #require(bytes.firstIndex(of: UInt8(ascii: "a")))
        if let index { bytes[index] = 0xFF }
        #expect(throws: ExplanationError.notText(path: path, line: 5, column: 2)) {
            try Explanations.parse(bytes, path: path, file: .layers)
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        #expect(throws: ExplanationError.notText(path: path, line: 1, column: 1)) {
            try Explanations.parse(png, path: path, file: .layers)
        }
    }

    @Test func aDirectoryMissingAFileOrHoldingABadOneSaysWhich() throws {
        let directory = Scratch.path("explanations")
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(
            throws: ExplanationError.unreadable(
                path: directory + "/layers.txt", reason: "no such file or directory")
        ) {
            try Explanations(directory: directory)
        }
        try layers().write(toFile: directory + "/layers.txt", atomically: true, encoding: .utf8)
        try "[unit]\nx\n".write(toFile: directory + "/views.txt", atomically: true, encoding: .utf8)
        #expect(
            throws: ExplanationError.missingSection(
                path: directory + "/views.txt", line: 2, name: "convolution")
        ) {
            try Explanations(directory: directory)
        }
        // The project's own files, copied, load and say what the built-in ones say.
        for file in ExplanationFile.allCases {
            try FileManager.default.removeItem(atPath: directory + "/" + file.rawValue)
            try FileManager.default.copyItem(
                atPath: Self.assets + "/explanations/" + file.rawValue,
                toPath: directory + "/" + file.rawValue)
        }
        #expect(try Explanations(directory: directory) == Explanations.bundled)
    }

    /// The copies built into the binary are the files under Assets, byte for byte, and every file
    /// there (the texts and their README) is built in: an edited file needs `BundledTexts.c`
    /// touched to be rebuilt.
    @Test func theBuiltInTextsAreTheFilesUnderAssets() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.assets + "/explanations"
        )
        .map { "explanations/" + $0 }
        #expect(Set(BundledText.paths.filter { $0.hasPrefix("explanations/") }) == Set(files))
        // The rest are the lessons and their samples (checked in LessonsTests).
        let folders = ["explanations/", "lessons/", "samples/"]
        #expect(BundledText.paths.allSatisfy { path in folders.contains { path.hasPrefix($0) } })
        #expect(files.count == ExplanationFile.allCases.count + 1)
        for path in files {
            let onDisk = try [UInt8](
                Data(contentsOf: URL(fileURLWithPath: Self.assets + "/" + path)))
            #expect(
                BundledText.contents(of: path) == onDisk,
                "\(path): touch Sources/BundledWeights/BundledTexts.c")
        }
        #expect(BundledText.contents(of: "explanations/none.txt") == nil)
    }

    /// Every placeholder and every section is documented where a teacher looks.
    @Test func theReadmeListsEveryPlaceholderAndSection() throws {
        let readme = try String(
            contentsOfFile: Self.assets + "/explanations/README.md", encoding: .utf8)
        for fact in Fact.allCases {
            #expect(readme.contains("`{\(fact.rawValue)}`"), "\(fact.rawValue)")
        }
        for topic in ExplanationFile.allCases.flatMap(\.topics) {
            #expect(readme.contains("`\(topic.description)`"), "\(topic)")
        }
    }

    @Test func editDistanceCountsSingleCharacterEdits() {
        #expect(editDistance("map", "map") == 0)
        #expect(editDistance("mpa", "map") == 2)
        #expect(editDistance("rows", "row") == 1)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
