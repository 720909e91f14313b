import Foundation
import LeNet5
import ReferenceFixtures
import Teaching
import Testing

@testable import Lessons

/// Every kind of broken lesson gets its own fault, on the right line; and what a well-formed lesson
/// says is what the model holds.
@Suite struct LessonParserTests {
    static let folder: String = {
        let path = Scratch.path("lenet5-lessons")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // Drawings beside the lessons: one good, one not a drawing, one of the wrong size.
        let seven = FileManager.default.contents(atPath: Samples.folder + "/seven.txt")
        FileManager.default.createFile(atPath: path + "/mine.txt", contents: seven)
        FileManager.default.createFile(atPath: path + "/junk.txt", contents: Data("hello\n".utf8))
        FileManager.default.createFile(
            atPath: path + "/small.pgm",
            contents: Data(("P2 10 10 1\n" + String(repeating: "0 ", count: 100)).utf8))
        return path
    }()

    static let path = "lessons/test.txt"

    func parse(_ text: String) throws(LessonError) -> Lesson {
        try parse(Array(text.utf8))
    }

    func parse(_ bytes: [UInt8]) throws(LessonError) -> Lesson {
        try LessonParser(
            path: Self.path, name: "test", classes: LessonLibrary.digits,
            drawings: DrawingSource(folder: Self.folder)
        ).parse(bytes)
    }

    /// The fault `text` gets; nil when it parses.
    func fault(_ text: String) -> LessonError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// A lesson of one step holding `body`, after a title: line 3 is the body's first line.
    func step(_ body: String) -> String { "@title A test\n@step\n" + body }

    static let p = path

    /// Each broken lesson and the fault it must get.
    static let broken: [(name: String, text: String, fault: LessonError)] = [
        ("empty file", "", .empty(path: p, line: 1)),
        ("only comments", "# nothing\n\n   # more\n", .empty(path: p, line: 1)),
        (
            "unknown directive", "@title T\n@step\n@pointt C1\nWords.",
            .unknownDirective(path: p, line: 3, name: "pointt", suggestion: "point")
        ),
        (
            "unknown directive, nothing close", "@title T\n@step\n@zoom C1\nWords.",
            .unknownDirective(path: p, line: 3, name: "zoom", suggestion: nil)
        ),
        ("missing text", "@title T\n@step\n@point C1\n", .stepWithoutText(path: p, line: 2)),
        (
            "missing text before the next step", "@title T\n@step\nWords.\n@step One\n@step Two\nX",
            .stepWithoutText(path: p, line: 4)
        ),
        ("no steps", "# a lesson\n@title T\n", .noSteps(path: p, line: 2)),
        ("no title", "@step\nWords.\n", .missingTitle(path: p, line: 1)),
        (
            "text before the first step", "@title T\nHello.\n@step\nX",
            .textOutsideStep(path: p, line: 2)
        ),
        (
            "title twice", "@title T\n@title U\n@step\nX",
            .repeatedDirective(path: p, line: 2, name: "title", first: 1)
        ),
        (
            "title inside a step", "@title T\n@step\nX\n@title U",
            .repeatedDirective(path: p, line: 4, name: "title", first: 1)
        ),
        (
            "point before any step", "@title T\n@point C1\n@step\nX",
            .misplacedDirective(
                path: p, line: 2, name: "point",
                reason: "belongs in a step: put it after a line @step")
        ),
        (
            "point twice", "@title T\n@step\n@point C1\n@point S2\nX",
            .repeatedDirective(path: p, line: 4, name: "point", first: 3)
        ),
        (
            "draw twice", "@title T\n@step\n@draw 1\n@draw 2\nX",
            .repeatedDirective(path: p, line: 4, name: "draw", first: 3)
        ),
        (
            "unknown layer", "@title T\n@step\n@point C7\nX",
            .unknownLayer(path: p, line: 3, name: "C7")
        ),
        (
            "map out of range", "@title T\n@step\n@point C1 map 7\nX",
            .notInLayer(path: p, line: 3, what: "C1 map 7", valid: "C1 has maps 1 to 6")
        ),
        (
            "map 0", "@title T\n@step\n@point c3 map 0\nX",
            .notInLayer(path: p, line: 3, what: "C3 map 0", valid: "C3 has maps 1 to 16")
        ),
        (
            "map of the input", "@title T\n@step\n@point Input map 2\nX",
            .notInLayer(path: p, line: 3, what: "Input map 2", valid: "Input has one map, map 1")
        ),
        (
            "unit off the map", "@title T\n@step\n@point C1 map 2 unit 29,3\nX",
            .notInLayer(
                path: p, line: 3, what: "C1 map 2 unit 29,3",
                valid: "C1's maps are 28x28, columns and rows 1 to 28")
        ),
        (
            "unit of a list out of range", "@title T\n@step\n@point F6 unit 85\nX",
            .notInLayer(path: p, line: 3, what: "F6 unit 85", valid: "F6 has units 1 to 84")
        ),
        (
            "output unit out of range", "@title T\n@step\n@point Output unit 11\nX",
            .notInLayer(path: p, line: 3, what: "Output unit 11", valid: "Output has units 1 to 10")
        ),
        (
            "a map of a list", "@title T\n@step\n@point C5 map 1\nX",
            .notInLayer(
                path: p, line: 3, what: "C5 map 1",
                valid: "C5 is a list of 120 units, not maps: point at C5 unit N, N from 1 to 120")
        ),
        (
            "a unit of a layer of maps without its map", "@title T\n@step\n@point S2 unit 3\nX",
            .notInLayer(
                path: p, line: 3, what: "S2 unit 3",
                valid: "S2 is made of maps: point at S2 map M unit X,Y")
        ),
        (
            "a class the network lacks", "@title T\n@step\n@draw 12\nX",
            .unknownClass(path: p, line: 3, name: "12", classes: LessonLibrary.digits)
        ),
        (
            "an output class the network lacks", "@title T\n@step\n@point Output class A\nX",
            .unknownClass(path: p, line: 3, name: "A", classes: LessonLibrary.digits)
        ),
        (
            "expecting a class the network lacks",
            "@title T\n@step\n@load seven.txt\n@expect ten\nX",
            .unknownClass(path: p, line: 4, name: "ten", classes: LessonLibrary.digits)
        ),
        (
            "a drawing file that is missing", "@title T\n@step\n@load ./nosuch.txt\nX",
            .missingDrawing(
                path: p, line: 3, name: "./nosuch.txt",
                reason: folder + "/nosuch.txt: no such file or directory")
        ),
        (
            "a sample that does not exist", "@title T\n@step\n@load sevn.txt\nX",
            .missingDrawing(
                path: p, line: 3, name: "sevn.txt",
                reason: DrawingSourceError.noSuchSample(
                    name: "sevn.txt", samples: BundledAssets.sampleNames
                ).description)
        ),
        (
            "a drawing file that is not a drawing", "@title T\n@step\n@load ./junk.txt\nX",
            .badDrawing(
                path: p, line: 3, name: "./junk.txt",
                fault: "expected a text grid of 32 lines of 32 characters (or a PGM image), "
                    + "found 1 line")
        ),
        (
            "a drawing the canvas cannot hold", "@title T\n@step\n@load ./small.pgm\nX",
            .badDrawing(
                path: p, line: 3, name: "./small.pgm",
                fault: "it is 10x10 and the canvas 32x32")
        ),
        (
            "preprocess neither on nor off", "@title T\n@step\n@preprocess maybe\nX",
            .malformedDirective(
                path: p, line: 3, name: "preprocess", problem: "say on or off",
                usage: LessonDirective.preprocess.usage)
        ),
        (
            "a rotation that is not a number", "@title T\n@step\n@rotate left\nX",
            .malformedDirective(
                path: p, line: 3, name: "rotate",
                problem: "give an angle in degrees, from -180 to 180",
                usage: LessonDirective.rotate.usage)
        ),
        (
            "a scale of zero", "@title T\n@step\n@scale 0\nX",
            .malformedDirective(
                path: p, line: 3, name: "scale", problem: "give a factor from 0.25 to 4",
                usage: LessonDirective.scale.usage)
        ),
        (
            "a shift with one number", "@title T\n@step\n@shift 3\nX",
            .malformedDirective(
                path: p, line: 3, name: "shift",
                problem: "give the cells across and down, as 3,-2",
                usage: LessonDirective.shift.usage)
        ),
        (
            "a shift off the canvas", "@title T\n@step\n@shift 40,0\nX",
            .malformedDirective(
                path: p, line: 3, name: "shift",
                problem: "a shift of 32 cells or more leaves the canvas empty",
                usage: LessonDirective.shift.usage)
        ),
        (
            "thickening too often", "@title T\n@step\n@thicken 9\nX",
            .malformedDirective(
                path: p, line: 3, name: "thicken", problem: "give how many times, from 1 to 5",
                usage: LessonDirective.thicken.usage)
        ),
        (
            "clear with words", "@title T\n@step\n@clear now\nX",
            .malformedDirective(
                path: p, line: 3, name: "clear", problem: "it takes no words",
                usage: LessonDirective.clear.usage)
        ),
        (
            "load without a name", "@title T\n@step\n@load\nX",
            .malformedDirective(
                path: p, line: 3, name: "load", problem: "the drawing's name is missing",
                usage: LessonDirective.load.usage)
        ),
        (
            "an empty title", "@title\n@step\nX",
            .malformedDirective(
                path: p, line: 1, name: "title", problem: "the title is missing",
                usage: LessonDirective.title.usage)
        ),
        (
            "point at nothing", "@title T\n@step\n@point\nX",
            .malformedDirective(
                path: p, line: 3, name: "point", problem: "say what to point at",
                usage: LessonDirective.point.usage)
        ),
        (
            "a malformed unit", "@title T\n@step\n@point C1 map 1 unit 3\nX",
            .malformedDirective(
                path: p, line: 3, name: "point", problem: "C1 map 1 unit 3 is not a target",
                usage: LessonDirective.point.usage)
        ),
        (
            "a malformed expectation", "@title T\n@step\n@load seven.txt\n@expect 7 for sure\nX",
            .malformedDirective(
                path: p, line: 4, name: "expect", problem: "7 for sure is not a claim",
                usage: LessonDirective.expect.usage)
        ),
        (
            "an expectation about a layer",
            "@title T\n@step\n@load seven.txt\n@expect C1 above 1\nX",
            .malformedDirective(
                path: p, line: 4, name: "expect",
                problem: "name a map or a unit to compare with a value",
                usage: LessonDirective.expect.usage)
        ),
        (
            "an unclosed brace", "@title T\n@step\nIt reads {best.",
            .unclosedBrace(path: p, line: 3, column: 10)
        ),
        (
            "a brace closing nothing", "@title T\n@step\n  It reads best}.",
            .unopenedBrace(path: p, line: 3, column: 16)
        ),
        (
            "an empty placeholder", "@title T\n@step\nIt reads {}.",
            .emptyPlaceholder(path: p, line: 3, column: 10)
        ),
        (
            "an unknown placeholder", "@title T\n@step\nIt reads\n{bset}.",
            .unknownPlaceholder(path: p, line: 4, name: "bset", suggestion: "best")
        ),
        (
            "a placeholder the step cannot fill", "@title T\n@step\n@point C1\nMost at row {row}.",
            .placeholderNotHere(
                path: p, line: 4, name: "row", need: LessonRequirement.map.need)
        ),
        (
            "a target without @draw", "@title T\n@step\nDraw a {target}.",
            .placeholderNotHere(
                path: p, line: 3, name: "target", need: LessonRequirement.awaitedClass.need)
        ),
        (
            "a value without a unit", "@title T\n@step\n@point C1 map 2\nIt is {value}.",
            .placeholderNotHere(
                path: p, line: 4, name: "value", need: LessonRequirement.unit.need)
        ),
        (
            "an expectation on the reader's drawing", "@title T\n@step\n@expect 7\nX",
            .expectationOnReadersDrawing(path: p, line: 3)
        ),
        (
            "an expectation after the reader drew",
            "@title T\n@step\n@load seven.txt\n@draw 3\nDraw.\n@step\n@expect 3\nX",
            .expectationOnReadersDrawing(path: p, line: 7)
        ),
        (
            "a step too long for the screen",
            "@title T\n@step\n" + String(repeating: "Twelve words that go on and on. ", count: 13),
            .stepTooLong(path: p, line: 2, lines: 6, limit: 5, columns: 76)
        ),
        (
            "a title too long", "@title " + String(repeating: "a", count: 61) + "\n@step\nX",
            .titleTooLong(path: p, line: 1, length: 61, limit: 60)
        ),
    ]

    @Test(arguments: broken.indices)
    func aBrokenLessonGetsItsFault(index: Int) {
        let (name, text, expected) = Self.broken[index]
        #expect(fault(text) == expected, "\(name)")
        // The message starts as an editor reads it.
        if case .empty = expected {
        } else {
            #expect(expected.description.hasPrefix(Self.path + ":"), "\(name)")
        }
    }

    @Test func binaryJunkIsNotText() {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x0A, 0xFF]
        #expect(throws: LessonError.notText(path: Self.path, line: 1, column: 1)) {
            try parse(elf)
        }
        #expect(throws: LessonError.notText(path: Self.path, line: 2, column: 4)) {
            try parse(Array("@title T\n@st\u{1B}ep\n".utf8))
        }
        // Not UTF-8: the column of the first bad byte, counted in characters.
        #expect(throws: LessonError.notText(path: Self.path, line: 3, column: 2)) {
            try parse(Array("@title T\n@step\né".utf8) + [0xC3, 0x28])
        }
    }

    /// A well-formed lesson holds what it says, in order.
    @Test func aLessonHoldsWhatItSays() throws {
        let text = """
            \u{FEFF}# A comment.
            @title Everything at once

            @step First
            @load seven.txt
            @point C1 map 4 unit 12,7
            @rotate -15
            @shift 2,-1
            @expect 7 at least 50%
            It reads {best} ({best_percent}).
            Still the first paragraph, {value}.

            A second paragraph, with {{braces}}.
            @step
            @preprocess off
            @point Output class 3
            @thicken
            @thin all
            @clear
            @scale 1.5
            @draw 3
            Draw a {target}.
            @step
            @point f6 unit 17
            @load ./mine.txt
            @thin 2
            @expect C1 map 3 below -0.5
            @expect c5 unit 2 above -1
            X.
            """
        let lesson = try parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(lesson.name == "test" && lesson.title == "Everything at once")
        #expect(lesson.steps.count == 3)
        let first = lesson.steps[0]
        #expect(first.line == 4 && first.title == "First")
        #expect(first.target == .unit(try #require(NetworkUnit(layer: .c1, map: 3, x: 11, y: 6))))
        #expect(first.setup.count == 3)
        #expect(
            first.setup.dropFirst().map { $0 } == [
                .transform(.rotate(degrees: -15)), .transform(.shift(x: 2, y: -1)),
            ])
        #expect(first.preprocessing && first.awaited == nil && !first.canvasIsReaders)
        #expect(
            first.expectations == [
                Expectation(line: 9, claim: .reads(LessonClass(index: 7, name: "7"), atLeast: 0.5))
            ])
        #expect(
            first.text.paragraphs == [
                [
                    .text("It reads "), .fact(.best), .text(" ("), .fact(.bestPercent),
                    .text("). Still the first paragraph, "), .fact(.value), .text("."),
                ],
                [.text("A second paragraph, with {braces}.")],
            ])
        let second = lesson.steps[1]
        #expect(second.title == nil && !second.preprocessing && second.canvasIsReaders)
        #expect(second.target == .unit(try #require(NetworkUnit(layer: .output, unit: 3))))
        #expect(
            second.setup == [
                .transform(.thicken(steps: 1)), .transform(.thin(steps: nil)), .clear,
                .transform(.scale(factor: 1.5)),
            ])
        #expect(second.awaited == LessonClass(index: 3, name: "3"))
        let third = lesson.steps[2]
        // The preprocessing stays off until a step turns it on; a load makes the drawing known.
        #expect(!third.preprocessing && !third.canvasIsReaders)
        #expect(third.target == .unit(try #require(NetworkUnit(layer: .f6, unit: 16))))
        #expect(
            third.expectations.map(\.claim) == [
                .value(.map(.c1, map: 2), above: false, value: -0.5),
                .value(
                    .unit(try #require(NetworkUnit(layer: .c5, unit: 1))), above: true, value: -1),
            ])
        guard case .load(let name, let drawing) = third.setup[0] else {
            Issue.record("not a load")
            return
        }
        #expect(name == "./mine.txt")
        #expect(drawing == Samples.drawing("seven.txt"))
    }

    /// The line count that decides whether a step fits counts placeholders at their widest.
    @Test func textIsMeasuredAtItsWidest() {
        let text = Explanation(paragraphs: [
            [.text(String(repeating: "a", count: 70) + " "), .fact(.scaled)],
            [.text("short")],
        ])
        // 70 characters, then a 26-character placeholder on a line of its own; a blank line; one.
        #expect(text.lineCount(columns: 76) == 4)
        #expect("one two three".wrapped(width: 7) == ["one two", "three"])
        #expect("".wrapped(width: 7) == [])
    }
}
