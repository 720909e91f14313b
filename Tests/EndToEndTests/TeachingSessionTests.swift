import Foundation
import LeNet5
import Testing

/// Words on screen, checked against every word the program could have written: the words of its
/// sources (labels, messages, help), of its explanation texts and lessons, and its samples' names. A word cut in the middle
/// ("enla" for "enlarge") is in neither, so the check finds it.
enum ScreenWords {
    static let dictionary: Set<String> = {
        var words = Set<String>()
        let root = Binary.packageRoot
        var files = [String]()
        if let sources = FileManager.default.enumerator(
            atPath: root.appendingPathComponent("Sources").path)
        {
            for case let path as String in sources where path.hasSuffix(".swift") {
                files.append(root.appendingPathComponent("Sources/" + path).path)
            }
        }
        // The explanations and the lessons, and the samples' names, which titles show.
        for folder in ["Assets/explanations", "Assets/lessons"] {
            let texts = root.appendingPathComponent(folder).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: texts)) ?? [] {
                files.append(texts + "/" + name)
            }
        }
        let samples = root.appendingPathComponent("Assets/samples").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? [] {
            words.formUnion(Self.words(in: name))
        }
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            words.formUnion(Self.words(in: text))
        }
        return words
    }()

    /// Runs of letters, in lower case; shades without colour use o and O, which are not words.
    static func words(in text: String) -> [String] {
        text.split { !$0.isLetter }.map { $0.lowercased() }
    }

    /// The words on `screen` of two letters or more that no source or text holds.
    static func unknown(in screen: String, dictionary: Set<String> = dictionary) -> [String] {
        words(in: screen).filter { word in
            word.count >= 2 && !word.allSatisfy { $0 == "o" } && !dictionary.contains(word)
        }
    }
}

/// The teaching views in a real terminal, as a teacher would walk them at 80x24 and 120x36: every
/// layer, the zoom with its kernels, picking values by key and by mouse, a computation watched and
/// swept, the explanations, every page of the help, the saliency overlay, the full screen; on
/// every screen, no word cut.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
struct TeachingSessionTests {
    @Test func theWordCheckFindsACutWord() {
        #expect(
            ScreenWords.dictionary.contains("enlarge") && ScreenWords.dictionary.contains("kernels")
        )
        #expect(ScreenWords.unknown(in: "its kernels, one per S2 map, 5x5: (enla") == ["enla"])
        #expect(ScreenWords.unknown(in: "the kerne") == ["kerne"])
        #expect(ScreenWords.unknown(in: "oOoo Oo shades 0.00 C1 6x28x28 …").isEmpty)
    }

    /// Every word on the screen is a whole word.
    func expectWholeWords(_ screen: String, _ context: String) {
        let unknown = ScreenWords.unknown(in: screen)
        #expect(unknown.isEmpty, "\(context): \(unknown)\n\(screen)")
    }

    /// A press and release of the left button at a screen position (0-based).
    func click(_ tmux: Tmux, x: Int, y: Int) {
        tmux.keys("\u{1B}[<0;\(x + 1);\(y + 1)M")
        tmux.keys("\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// The row and column of the first line holding `text`.
    func find(_ text: String, in screen: String) -> (x: Int, y: Int)? {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if let range = line.range(of: text) {
                return (line.distance(from: line.startIndex, to: range.lowerBound), y)
            }
        }
        return nil
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func aTeacherWalksEveryView(width: Int, height: Int) throws {
        let tmux = try Tmux(
            width: width, height: height,
            arguments: ["--load", Binary.samples + "/seven.txt", "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("Prediction: 7")
        expectWholeWords(tmux.screen, "start")

        // Every page of the help, to its end.
        tmux.keys("?")
        try tmux.waitFor("\u{2500} Keys \u{2500}")
        var pages = 0
        while tmux.screen.contains("\u{2500} Keys \u{2500}") && pages < 10 {
            pages += 1
            let screen = tmux.screen
            #expect(screen.contains("page \(pages) of ") || screen.contains("any key closes"))
            expectWholeWords(screen, "help page \(pages)")
            tmux.keys(" ")
            usleep(150_000)
        }
        #expect(pages >= 2 && !tmux.screen.contains("\u{2500} Keys \u{2500}"))
        #expect(tmux.screen.contains("Prediction: 7"))

        // Every layer, its explanation in words with the drawing's facts, and each zoomed.
        let openings = [
            "C1 slides six small", "S2 shrinks each C1", "C3 makes 16 maps", "S4 averages each",
            "C5 has 120 units", "F6 has 84 units", "Each digit gets a score",
        ]
        for (i, opening) in openings.enumerated() {
            tmux.send("Tab")
            let layer = LeNet5.architecture[i + 1]
            try tmux.waitFor(layer.name + "  ")
            try tmux.waitFor(opening)
            expectWholeWords(tmux.screen, "\(layer.name)")
            tmux.send("Enter")
            usleep(200_000)
            let zoom = tmux.screen
            expectWholeWords(zoom, "\(layer.name) zoomed")
            switch layer.id {
            case .c1:
                #expect(zoom.contains("its kernel, 5x5:") && zoom.contains("bias "))
            case .c3:
                // All six kernels, each under its number, between the heading and the bias.
                let heading = try #require(find("its kernels, one per S2 map, 5x5:", in: zoom))
                let bias = try #require(find("bias ", in: zoom))
                let rows = zoom.split(separator: "\n", omittingEmptySubsequences: false)
                var labels = [Int]()
                for row in rows[(heading.y + 1)..<bias.y] {
                    for token in String(row.dropFirst(heading.x)).split(separator: " ")
                    where token.count == 1 {
                        if let number = Int(String(token)) { labels.append(number) }
                    }
                }
                #expect(labels == [1, 2, 3, 4, 5, 6], "\(zoom)")
            case .c5:
                #expect(zoom.contains("its kernels, one per S4 map, 5x5:"))
            case .s2, .s4:
                #expect(zoom.contains("the mean of each 2x2 block of C"))
            case .f6:
                #expect(zoom.contains("weights from the 120 C5 units:"))
            case .output:
                #expect(zoom.contains("weights from the 84 F6 units:"))
            case .input: break
            }
            if layer.id == .c1 {
                // The zoom took the whole screen where the canvas left too little room, or not.
                try pickValues(tmux)
            }
            tmux.send("Escape")
            usleep(150_000)
        }

        // Watching C3 computed, step by step and swept.
        for _ in 0..<4 { tmux.send("BTab") }
        try tmux.waitFor("C3  convolution")
        tmux.keys("w")
        try tmux.waitFor("the window on S2 map 1 (map 1 of 6)")
        var screen = tmux.screen
        #expect(screen.contains("tanh gives") && screen.contains("= products, patch x kernel"))
        expectWholeWords(screen, "C3 watched")
        tmux.keys(".")
        try tmux.waitFor("the window on S2 map 2 (map 2 of 6)")
        // The sweep starts at row 1, column 1 and speeds up as it goes: any other position than
        // the picked one and the first shows it moving (a loaded machine may capture the screen
        // only several steps in).
        func position(_ screen: String) -> Substring? {
            screen.split(separator: "\n").lazy.compactMap { line in
                line.range(of: ": the window on").map { line[..<$0.lowerBound] }
            }.first
        }
        let picked = position(tmux.screen)
        tmux.keys("r")
        try tmux.waitUntil("the window swept on from row 1, column 1", seconds: 15) { screen in
            guard let now = position(screen) else { return false }
            return now != picked && !now.hasSuffix("row 1, column 1")
        }
        screen = tmux.screen
        #expect(screen.contains("computed so far") || width < 100)
        expectWholeWords(screen, "C3 swept")
        tmux.keys("r")
        tmux.send("Escape")
        tmux.send("Escape")

        // What drove the decision, both ways, over the canvas (the zoom took the whole screen).
        if !tmux.screen.contains("Canvas 32x32") { tmux.keys("f") }
        try tmux.waitFor("Canvas 32x32")
        tmux.keys("x")
        try tmux.waitFor("What made it a 7")
        try tmux.waitFor("@ for 7  O against")
        expectWholeWords(tmux.screen, "saliency by occlusion")
        tmux.send("Tab")
        tmux.keys("X")
        try tmux.waitFor("estimated in one go")
        expectWholeWords(tmux.screen, "saliency by the gradient")
        tmux.keys("x")

        // The words hide and come back.
        try tmux.waitFor("S4 averages each")
        tmux.keys("i")
        usleep(200_000)
        #expect(!tmux.screen.contains("S4 averages each"))
        tmux.keys("i")
        try tmux.waitFor("S4 averages each")

        // The full screen: the small drawing beside the maps, the prediction on the status line.
        tmux.keys("f")
        try tmux.waitFor("\u{2500} Drawing \u{2500}")
        screen = tmux.screen
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last { !$0.isEmpty }?.hasPrefix("Prediction: 7") == true)
        expectWholeWords(screen, "full screen")

        tmux.keys("q")
        #expect(tmux.screen.contains("Quit anyway?") == false)
        #expect(try tmux.waitForExit() == 0)
    }

    /// In the zoom of C1: the arrows move the picked value, and a click on the map picks the value
    /// under it, the first of its block.
    func pickValues(_ tmux: Tmux) throws {
        let screen = tmux.screen
        let title = try #require(find("C1 map 1", in: screen))
        #expect(find("row ", in: screen) != nil && screen.contains("before tanh"))
        tmux.send("Right")
        tmux.send("Down")
        usleep(150_000)
        let moved = tmux.screen
        #expect(moved != screen)
        // The map's first character, a blank row under the picked value's numbers (one line, or
        // two in a narrow panel).
        let rows = moved.split(separator: "\n", omittingEmptySubsequences: false)
        let numbers = try #require(find("row ", in: moved))
        let twoLines = rows[numbers.y + 1].dropFirst(title.x).hasPrefix("before tanh")
        click(tmux, x: title.x, y: numbers.y + (twoLines ? 3 : 2))
        try tmux.waitFor("row 1, column 1: value")
        expectWholeWords(tmux.screen, "C1 value picked")
    }
}

/// A teacher's own words: a copy of the built-in texts to edit, checked, and read by the sketchpad
/// in place of the built-in ones; a broken copy stops it before the screen is taken over.
@Suite(.serialized) struct TeacherExplanationsTests {
    @Test func aCopyToEditIsTheBuiltInTextsAndIsNeverOverwritten() throws {
        let directory = try Binary.temporaryDirectory() + "/mine"
        let written = try Binary.run(["explanations", "--out", directory])
        #expect(written.status == 0, "\(written.error)")
        for name in ["layers.txt", "views.txt", "README.md"] {
            let copy = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let asset = try Data(
                contentsOf: Binary.packageRoot.appendingPathComponent("Assets/explanations/" + name)
            )
            #expect(copy == asset, "\(name)")
        }
        let again = try Binary.run(["explanations", "--out", directory])
        #expect(
            again.status == 1 && again.error.contains("\(directory)/layers.txt: already exists"))
        let check = try Binary.run(["explanations", "--check", directory])
        #expect(check.status == 0 && check.output.contains("well formed"))
        #expect(try Binary.run(["explanations"]).status != 0)
        #expect(try Binary.run(["explanations", "--out", "a", "--check", "b"]).status != 0)
    }

    @Test func aBrokenCopyNamesTheLineAndStopsTheSketchpadBeforeItStarts() throws {
        let directory = try Binary.temporaryDirectory()
        _ = try Binary.run(["explanations", "--out", directory])
        let layers = directory + "/layers.txt"
        var text = try String(contentsOfFile: layers, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "Map {map} answers most", with: "Map {map answers most")
        try text.write(toFile: layers, atomically: true, encoding: .utf8)
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("{map answers") }.map { $0 + 1 } ?? 0
        let message = "\(layers):\(line): the { at column 5 has no } on its line"
        let check = try Binary.run(["explanations", "--check", directory])
        #expect(check.status == 2 && check.error.contains(message), "\(check.error)")
        guard Tmux.available else { return }
        let tmux = try Tmux(width: 100, height: 30, arguments: ["--explanations", directory])
        defer { tmux.kill() }
        #expect(try tmux.waitForExit() == 2)
        #expect(tmux.unwrapped.contains(message))
        #expect(tmux.modes == .shell)
    }

    @Test(.enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
    func theSketchpadSaysATeachersWords() throws {
        let directory = try Binary.temporaryDirectory()
        _ = try Binary.run(["explanations", "--out", directory])
        let layers = directory + "/layers.txt"
        let text = try String(contentsOfFile: layers, encoding: .utf8).replacingOccurrences(
            of: "The network sees your drawing as",
            with: "Look: the network sees this, {ink_cells} cells of ink:")
        try text.write(toFile: layers, atomically: true, encoding: .utf8)
        let tmux = try Tmux(
            width: 120, height: 36,
            arguments: [
                "--explanations", directory, "--load", Binary.samples + "/seven.txt", "--no-color",
            ])
        defer { tmux.kill() }
        try tmux.waitFor("Prediction: 7")
        let ink = try String(contentsOfFile: Binary.samples + "/seven.txt", encoding: .utf8)
            .filter { $0 == "#" }.count
        try tmux.waitFor("Look: the network sees this, \(ink) cells of")
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
