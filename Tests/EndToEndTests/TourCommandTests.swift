import Foundation
import Testing

/// `lenet5 tour` from outside: the list, a lesson printed as text, and every kind of broken lesson
/// with its message on standard error (`PATH:LINE: what is wrong`, as an editor reads it) and
/// exit status 2.
@Suite(.serialized) struct TourCommandTests {
    static let directory: String = (try? Binary.temporaryDirectory()) ?? NSTemporaryDirectory()

    /// Writes `text` as a lesson file and runs `tour --file` on it.
    func tour(_ text: String, name: String = "lesson.txt") throws -> (Binary.Result, String) {
        let path = Self.directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (try Binary.run(["tour", "--file", path]), path)
    }

    @Test func theListHasOneLessonALine() throws {
        let result = try Binary.run(["tour", "--list"])
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.lines == [
                "reading\tHow LeNet-5 reads your digit",
                "preprocessing\tWhy the preprocessing matters",
                "kernels\tWhat the first layer's kernels detect",
            ])
        // With a file of one's own, that file too.
        let (_, path) = try tour("@title My own\n@step\nHello.\n", name: "mine.txt")
        let both = try Binary.run(["tour", "--list", "--file", path])
        #expect(both.status == 0 && both.lines.last == "mine\tMy own")
        #expect(both.lines.count == 4)
    }

    /// The shipped lessons work from any folder (they and their drawings are built in), and
    /// print as text with the numbers of their own drawings.
    @Test(arguments: ["reading", "preprocessing", "kernels"])
    func aShippedLessonPrintsFromAnyFolder(name: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["tour", name]
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = String(decoding: data, as: UTF8.self)
        let steps = text.split(separator: "\n").filter { $0.hasPrefix("step ") }
        #expect(steps.count >= 8)
        #expect(steps.last?.hasPrefix("step \(steps.count) of \(steps.count)") == true)
        for line in text.split(separator: "\n") { #expect(line.count <= 76 || line.hasPrefix("(")) }
        if name == "preprocessing" {
            #expect(text.contains("reads as 4, "))
            #expect(text.contains("(loads eight-in-a-corner.txt; points at canvas)"))
        }
    }

    @Test func aLessonOfOnesOwnPrintsItsNumbers() throws {
        let (result, _) = try tour(
            """
            @title Mine
            @step
            @load seven.txt
            @point C1 map 3
            It reads {best}; map {map} peaks at row {row}.
            @step
            @draw 2
            Draw a {target}. It reads {best} so far.
            """)
        #expect(result.status == 0, "\(result.error)")
        // Where map 3 peaks, as `lenet5 trace` finds its strongest unit.
        let trace = json(
            try Binary.run([
                "trace", Binary.samples + "/seven.txt", "--layer", "C1", "--map", "3", "--json",
            ])
            .output)
        let row = (trace["unit"] as? [Int] ?? []).last ?? -1
        #expect(result.lines.contains("It reads 7; map 3 peaks at row \(row)."))
        // The reader's drawing is not known: its numbers stay as placeholders.
        #expect(result.lines.contains("Draw a 2. It reads {best} so far."))
        #expect(result.lines.contains("(waits until the network reads the drawing as 2)"))
    }

    /// Each kind of broken lesson, the line it is on, and the words of its message.
    static let broken: [(name: String, text: String, line: Int, message: String)] = [
        ("empty", "", 1, "the lesson is empty: it needs an @title and at least one @step"),
        (
            "unknown directive", "@title T\n@step\n@pointt C1\nX", 3,
            "unknown directive @pointt; did you mean @point?"
        ),
        ("missing text", "@title T\n@step\n@point C1\n", 2, "the step has no text"),
        ("no steps", "@title T\n", 1, "the lesson has no steps"),
        ("no title", "@step\nX\n", 1, "the lesson has no @title"),
        ("text outside a step", "@title T\nX\n@step\nX", 2, "text before the first @step"),
        (
            "misplaced directive", "@title T\n@draw 3\n@step\nX", 2,
            "@draw belongs in a step: put it after a line @step"
        ),
        (
            "repeated directive", "@title T\n@step\n@point C1\n@point C3\nX", 4,
            "a second @point in this step (the first is at line 3)"
        ),
        (
            "unknown layer", "@title T\n@step\n@point C9\nX", 3,
            "no layer called C9: the layers are Input, C1, S2, C3, S4, C5, F6, Output"
        ),
        (
            "a map that does not exist", "@title T\n@step\n@point C3 map 17\nX", 3,
            "C3 map 17 does not exist: C3 has maps 1 to 16"
        ),
        (
            "a unit that does not exist", "@title T\n@step\n@point S4 map 2 unit 6,1\nX", 3,
            "S4 map 2 unit 6,1 does not exist: S4's maps are 5x5, columns and rows 1 to 5"
        ),
        (
            "a unit of a list that does not exist", "@title T\n@step\n@point C5 unit 121\nX", 3,
            "C5 unit 121 does not exist: C5 has units 1 to 120"
        ),
        (
            "a drawing file that is missing", "@title T\n@step\n@load ./gone.txt\nX", 3,
            "cannot load ./gone.txt: \(directory)/gone.txt: no such file or directory"
        ),
        (
            "a sample that does not exist", "@title T\n@step\n@load seven.pgm\nX", 3,
            "cannot load seven.pgm: there is no sample called seven.pgm"
        ),
        (
            "a drawing that is not one", "@title T\n@step\n@load ./lesson.txt\nX", 3,
            "./lesson.txt is not a drawing the canvas can hold: expected a text grid of 32 lines "
                + "of 32 characters (or a PGM image), found 4 lines"
        ),
        (
            "a class that does not exist", "@title T\n@step\n@draw 10\nX", 3,
            "the network has no class 10: its classes are 0, 1, 2, 3, 4, 5, 6, 7, 8, 9"
        ),
        (
            "a malformed directive", "@title T\n@step\n@rotate a lot\nX", 3,
            "@rotate: give an angle in degrees, from -180 to 180; write it as @rotate 30"
        ),
        (
            "an unclosed placeholder", "@title T\n@step\nIt is a {best", 3,
            "the { at column 9 has no } on its line"
        ),
        (
            "an unknown placeholder", "@title T\n@step\nIt is a {bestt}.", 3,
            "unknown placeholder {bestt}; did you mean {best}?"
        ),
        (
            "a placeholder the step cannot fill", "@title T\n@step\nRow {row}.", 3,
            "{row} needs the step to point at a map (@point C1 map 4)"
        ),
        (
            "an expectation on the reader's drawing", "@title T\n@step\n@expect 7\nX", 3,
            "@expect needs a drawing the lesson sets up"
        ),
        (
            "an expectation the weights deny",
            "@title T\n@step\n@load four-like-nine.txt\n"
                + "@expect 4\nA 4.", 4,
            "the lesson expects the drawing to read as 4, but with these weights it reads 9"
        ),
        (
            "a map value the weights deny",
            "@title T\n@step\n@load stroke-down.txt\n@expect C1 map 3 unit 14,14 below -0.9\nX",
            4,
            "the lesson expects C1 map 3 unit 14,14 below -0.90, but with these weights its value is"
        ),
        (
            "a step too long",
            "@title T\n@step\n" + String(repeating: "Words and words. ", count: 30),
            2, "the step's text takes 7 lines of 76 characters, and the screen has room for 5"
        ),
        (
            "a title too long", "@title " + String(repeating: "x", count: 70) + "\n@step\nX", 1,
            "the title is 70 characters long; at most 60 fit the screen"
        ),
    ]

    @Test(arguments: broken.indices)
    func aBrokenLessonIsRefused(index: Int) throws {
        let (name, text, line, message) = Self.broken[index]
        let (result, path) = try tour(text)
        #expect(result.status == 2, "\(name)")
        #expect(result.output.isEmpty, "\(name)")
        #expect(result.error.hasPrefix("\(path):\(line): \(message)"), "\(name): \(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "\(name)")
    }

    @Test func binaryJunkIsRefused() throws {
        let path = Self.directory + "/junk.txt"
        var bytes = [UInt8](repeating: 0, count: 4096)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0x7F
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["tour", "--file", path])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("\(path):1: column 1 is not text"))
        // A program is no lesson either, and one larger than a lesson can be is not even read.
        let binary = try Binary.run(["tour", "--file", Binary.path])
        #expect(binary.status == 2)
        #expect(binary.error == "\(Binary.path): is larger than 1048576 bytes\n")
    }

    @Test func otherFaultsAreRefused() throws {
        let missing = try Binary.run(["tour", "--file", Self.directory + "/nowhere.txt"])
        #expect(missing.status == 2)
        #expect(missing.error == Self.directory + "/nowhere.txt: no such file or directory\n")
        let folder = try Binary.run(["tour", "--file", Self.directory])
        #expect(folder.status == 2 && folder.error == Self.directory + ": is a directory\n")
        let unknown = try Binary.run(["tour", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no lesson called nosuch: the lessons are reading"))
        // A lesson of one's own named as a shipped one cannot be listed beside it.
        let copy = Self.directory + "/kernels.txt"
        try Data("@title T\n@step\nX\n".utf8).write(to: URL(fileURLWithPath: copy))
        let duplicate = try Binary.run(["tour", "--list", "--file", copy])
        #expect(duplicate.status == 2)
        #expect(
            duplicate.error
                == "\(copy):1: a lesson called kernels already exists "
                + "(Assets/lessons/kernels.txt); rename this file\n")
        // ... but it can be checked and printed on its own.
        #expect(try Binary.run(["tour", "--file", copy]).status == 0)
        let both = try Binary.run(["tour", "reading", "--file", copy])
        #expect(both.status != 0 && both.error.contains("not both"))
    }
}
