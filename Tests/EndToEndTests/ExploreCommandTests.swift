import Foundation
import ReferenceFixtures
import Testing

/// `lenet5 explore` from outside: without MNIST, the message that says where it looked, before
/// the screen is taken; with it, a walk through the test digits in tmux at 80x24 and 120x36.
@Suite struct ExploreCommandTests {
    @Test func withoutMNISTItSaysWhereItLookedAndHowToFetchIt() throws {
        let empty = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let given = try Binary.run(["explore", "--mnist", empty])
        #expect(given.status == 1 && given.output.isEmpty)
        #expect(given.error.contains("\(empty)/t10k-images-idx3-ubyte.gz: not found"))
        #expect(given.error.contains("looked in \(empty) (given by --mnist)"))
        #expect(given.error.contains("lenet5 mnist fetch --dir \(empty)"))

        var environment = ProcessInfo.processInfo.environment
        environment["LENET5_MNIST"] = empty
        let variable = try Binary.run(["explore"], environment: environment)
        #expect(variable.status == 1 && variable.output.isEmpty)
        #expect(variable.error.contains("looked in \(empty) (given by LENET5_MNIST)"))
        #expect(variable.error.contains("run `lenet5 mnist fetch` to download MNIST there"))
    }

    @Test func badWeightsAreRefusedBeforeAnythingElse() throws {
        let directory = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let weights = directory + "/broken.safetensors"
        try Data("not a weights file".utf8).write(to: URL(fileURLWithPath: weights))
        let result = try Binary.run(["explore", "--weights", weights, "--mnist", directory])
        #expect(result.status == 1 && result.output.isEmpty)
        #expect(result.error.hasPrefix("lenet5: \(weights): "))
    }

    /// In a terminal too: the message shows on the shell's screen, which the sketchpad never took.
    @Test(.enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
    func withoutMNISTTheScreenIsNeverTaken() throws {
        let empty = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let tmux = try Tmux(
            width: 200, height: 24, subcommand: "explore", arguments: ["--mnist", empty])
        defer { tmux.kill() }
        #expect(try tmux.waitForExit() == 1)
        let screen = tmux.screen
        #expect(screen.contains("t10k-images-idx3-ubyte.gz: not found"))
        #expect(screen.contains("lenet5 mnist fetch"))
        #expect(!screen.contains("explore  All"))
    }

    @Test(.enabled(if: Binary.hasMNIST, "\(TestMNIST.absence)"))
    func withMNISTButNoTerminalItSaysSo() throws {
        let result = try Binary.run(["explore", "--mnist", Binary.mnist])
        #expect(result.status == 2)
        #expect(result.error.contains("the sketchpad needs an interactive terminal"))
    }
}

/// A teacher walks the network's mistakes in a real terminal: the list of misclassified digits,
/// what drove one of them, the confusion matrix (its counts those of `lenet5 eval`), a cell's
/// digits, the layers and back, a copy onto the canvas and back, the help; no word cut anywhere.
@Suite(
    .serialized,
    .enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"),
    .enabled(if: Binary.hasMNIST, "\(TestMNIST.absence)"))
struct ExploreSessionTests {
    /// The confusion matrix as `lenet5 eval --json` counts it.
    static func evalConfusion() throws -> [[Int]] {
        let result = try Binary.run(["eval", "--mnist", Binary.mnist, "--json"])
        let rows = json(result.output)["confusion"] as? [[Int]]
        return try #require(rows)
    }

    func expectWholeWords(_ screen: String, _ context: String) {
        let unknown = ScreenWords.unknown(in: screen)
        #expect(unknown.isEmpty, "\(context): \(unknown)\n\(screen)")
    }

    /// The first match of `pattern` in `text`: its capture groups.
    func captures(_ pattern: String, in text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).compactMap {
            Range(match.range(at: $0), in: text).map { String(text[$0]) }
        }
    }

    /// The counts of the matrix on screen, row by row.
    func matrix(in screen: String) -> [[Int]] {
        var rows = [[Int]]()
        for line in screen.split(separator: "\n") {
            let tokens = line.split { $0 == " " || $0 == "\u{2502}" || $0 == "|" }
            guard tokens.count == 11, Int(tokens[0]) == rows.count else { continue }
            rows.append(
                tokens.dropFirst().map { $0 == "." ? 0 : Int($0.replacing(",", with: "")) ?? -1 })
        }
        return rows
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func aTeacherWalksTheMistakes(width: Int, height: Int) throws {
        let confusion = try Self.evalConfusion()
        let total = confusion.joined().reduce(0, +)
        let right = (0..<10).map { confusion[$0][$0] }.reduce(0, +)
        let wrong = total - right
        let tmux = try Tmux(
            width: width, height: height, subcommand: "explore",
            arguments: ["--mnist", Binary.mnist, "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("All 10,000 test digits: 1 of 10,000")
        let start = tmux.screen
        #expect(start.contains("\(wrong) of 10,000 read wrong (loaded in "))
        #expect(start.contains("Test digit 1: label "))
        expectWholeWords(start, "start")

        // The misclassified ones: each reads as another digit than its label.
        tmux.keys("W")
        try tmux.waitFor("Misclassified: 1 of \(wrong)")
        tmux.send("Right")
        try tmux.waitFor("Misclassified: 2 of \(wrong)")
        let second = tmux.screen
        expectWholeWords(second, "a misclassified digit")
        let reading = try #require(
            captures(#"Prediction: (\d)  [0-9.>]+%  label (\d)"#, in: second))
        let (predicted, label) = (try #require(Int(reading[0])), try #require(Int(reading[1])))
        #expect(predicted != label)
        let number = try #require(captures(#"Test digit ([0-9,]+): label"#, in: second)?.first)

        // What drove that answer, over the digit.
        tmux.keys("x")
        try tmux.waitFor("What made it a \(predicted)")
        expectWholeWords(tmux.screen, "saliency")
        tmux.keys("x")

        // The matrix: eval's counts, open on the digit's cell; Enter browses that cell.
        tmux.keys("C")
        try tmux.waitFor("Confusion matrix of the 10,000 test digits")
        let grid = tmux.screen
        expectWholeWords(grid, "the confusion matrix")
        #expect(matrix(in: grid) == confusion, "\(grid)")
        let count = confusion[label][predicted]
        #expect(
            grid.contains(
                "\(count) of the \(confusion[label].reduce(0, +).formatted()) test digits "
                    + "labelled \(label) \(count == 1 ? "is" : "are") read as \(predicted)"))
        tmux.send("Enter")
        try tmux.waitFor("\(label) read as \(predicted): ")
        #expect(tmux.screen.contains(": 1 of \(count)") || tmux.screen.contains(" of \(count) "))
        expectWholeWords(tmux.screen, "a cell's digits")

        // Into the layers and back to the digits.
        tmux.send("Tab")
        try tmux.waitFor("Esc back to the digits")
        tmux.send("Escape")
        try tmux.waitFor("d edit a copy")

        // A copy onto the canvas, drawn on, then back to the same digit among all of them.
        tmux.keys("d")
        try tmux.waitFor("is on the canvas: edit it")
        #expect(tmux.screen.contains("Canvas 32x32"))
        tmux.keys(" ")
        tmux.keys("A")
        let index = number.replacing(",", with: "")
        try tmux.waitFor("All 10,000 test digits: \(Int(index)?.formatted() ?? index) of 10,000")

        // The help has the explorer's keys, on one of its pages.
        tmux.keys("?")
        try tmux.waitFor("\u{2500} Keys \u{2500}")
        var seen = false
        var pages = 0
        while tmux.screen.contains("\u{2500} Keys \u{2500}") && pages < 10 {
            pages += 1
            seen = seen || tmux.screen.contains("Test digits (lenet5 explore)")
            expectWholeWords(tmux.screen, "help page \(pages)")
            tmux.keys(" ")
            usleep(150_000)
        }
        #expect(seen)

        // The copy was never saved: quitting asks first.
        tmux.keys("q")
        try tmux.waitFor("The drawing is not saved. Quit anyway?")
        tmux.keys("y")
        #expect(try tmux.waitForExit() == 0)
    }
}
