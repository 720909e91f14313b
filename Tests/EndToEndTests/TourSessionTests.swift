import Foundation
import Testing

/// Guided tours in a real terminal, as a class would take them at 80x24 and 120x36: every built-in
/// lesson from its first step to its last, each step's number and what it points at on screen,
/// no word cut anywhere, a step that waits for a drawing given one drawn with mouse reports, and
/// a broken lesson refused before the screen is touched.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
struct TourSessionTests {
    /// A step as `lenet5 tour NAME | cat` prints it: what it points at and what it waits for.
    struct Step {
        var target: String?
        var awaited: String?
    }

    /// The steps of a built-in lesson, read from its text output (standard output a pipe).
    static func steps(_ name: String) throws -> [Step] {
        let result = try Binary.run(["tour", name])
        var steps = [Step]()
        for line in result.lines {
            if line.hasPrefix("step ") && line.contains(" of ") {
                steps.append(Step())
            } else if line.hasPrefix("("), !steps.isEmpty {
                for part in line.dropFirst().dropLast().split(separator: ";") {
                    let part = part.trimmingCharacters(in: .whitespaces)
                    if part.hasPrefix("points at ") {
                        steps[steps.count - 1].target = String(part.dropFirst("points at ".count))
                    } else if part.hasPrefix("waits until the network reads the drawing as ") {
                        steps[steps.count - 1].awaited = String(
                            part.split(separator: " ").last ?? "")
                    }
                }
            }
        }
        return steps
    }

    /// What shows that the step points at `target`: the mark before the canvas's or the bars'
    /// title, the layer's header or its zoomed map, the value picked, the unit picked.
    func shows(_ target: String, on screen: String) -> Bool {
        let words = target.split(separator: " ").map(String.init)
        switch words.first {
        case "canvas": return screen.contains("\u{2500} \u{25B6} ")
        case "bars": return screen.contains("\u{25B6} Prediction:")
        case "the":  // "the output for 7"
            return screen.contains("class \(words.last ?? "")")
        default: break
        }
        let layer = words[0]
        if words.count == 1 { return screen.contains(" \(layer)  ") }
        if words.count == 3 && words[1] == "unit" { return screen.contains("unit \(words[2]) of") }
        let map = words[2]
        if words.count == 3 {
            return screen.contains("\(layer) map \(map)") || screen.contains("map \(map) of")
        }
        // "C1 map 3 unit 14,14": the value picked, at column 14, row 14.
        let position = words[4].split(separator: ",")
        return screen.contains("row \(position[1]), column \(position[0]): value")
    }

    /// A 3 drawn with the mouse: a press, drags through the points, a release. At 80x24 the
    /// canvas shows two cells a row; at 120x36 each cell is two columns wide.
    func drawThree(_ tmux: Tmux, compact: Bool) {
        let points = [
            (10, 6), (14, 5), (18, 5), (21, 6), (23, 8), (23, 10), (21, 13), (18, 14), (15, 15),
            (18, 16), (21, 17), (23, 19), (24, 21), (23, 24), (21, 26), (17, 27), (13, 27),
            (10, 26),
        ]
        func at(_ point: (Int, Int)) -> String {
            compact ? "\(2 + point.0);\(3 + point.1 / 2)" : "\(2 + 2 * point.0);\(3 + point.1)"
        }
        tmux.keys("\u{1B}[<0;\(at(points[0]))M")
        for point in points.dropFirst() { tmux.keys("\u{1B}[<32;\(at(point))M") }
        tmux.keys("\u{1B}[<0;\(at(points[points.count - 1]))m")
    }

    func expectWholeWords(_ screen: String, _ context: String) {
        let unknown = ScreenWords.unknown(in: screen)
        #expect(unknown.isEmpty, "\(context): \(unknown)\n\(screen)")
    }

    @Test(arguments: [(80, 24), (120, 36)])
    func everyLessonToItsEnd(width: Int, height: Int) throws {
        var drew = false
        for name in ["reading", "preprocessing", "kernels"] {
            let steps = try Self.steps(name)
            #expect(steps.count >= 10, "\(name)")
            let tmux = try Tmux(
                width: width, height: height, subcommand: "tour", arguments: [name, "--no-color"])
            defer { tmux.kill() }
            for (index, step) in steps.enumerated() {
                let position = "step \(index + 1) of \(steps.count)"
                try tmux.waitFor(position)
                usleep(150_000)
                let screen = tmux.screen
                let context = "\(name), \(position) at \(width)x\(height)"
                expectWholeWords(screen, context)
                if let target = step.target {
                    #expect(shows(target, on: screen), "\(context) points at \(target)\n\(screen)")
                }
                if let awaited = step.awaited {
                    // Space does not go on before the network reads the class asked for.
                    try tmux.waitFor("Draw a \(awaited) to go on")
                    tmux.keys(" ")
                    try tmux.waitFor("Draw a \(awaited) first")
                    #expect(tmux.screen.contains(position))
                    #expect(awaited == "3", "\(context): a lesson asks for a \(awaited)")
                    drawThree(tmux, compact: width < 120)
                    try tmux.waitFor("It reads 3: Space goes on.")
                    expectWholeWords(tmux.screen, context + ", a 3 drawn")
                    drew = true
                }
                if index == steps.count - 1 {
                    #expect(screen.contains("Last step: Esc leaves the tour."), "\(context)")
                } else {
                    tmux.keys(" ")
                }
            }
            // The numbers the text says are the ones on screen.
            try tmux.waitFor("Last step")
            tmux.send("Escape")
            try tmux.waitFor("Left the tour")
            #expect(tmux.screen.contains("LeNet-5 sketchpad"))
            tmux.keys("q")
            if tmux.screen.contains("Quit anyway?") { tmux.keys("y") }
            #expect(try tmux.waitForExit() == 0)
            #expect(tmux.modes == .shell)
        }
        #expect(drew)
    }

    /// The text's numbers are the screen's: the answer the words give is the one in the title.
    @Test(arguments: [(80, 24), (120, 36)])
    func theWordsSayWhatTheScreenShows(width: Int, height: Int) throws {
        let tmux = try Tmux(
            width: width, height: height, subcommand: "tour",
            arguments: ["preprocessing", "--no-color"]
        )
        defer { tmux.kill() }
        for step in 1...8 {
            try tmux.waitFor("step \(step) of ")
            usleep(150_000)
            let screen = tmux.screen
            let joined = tourText(screen, heading: "step \(step) of ")
            if [1, 5, 8].contains(step) {
                // "reads it as 8, 99.9% sure" beside "Prediction: 8  99.9%".
                let title = try #require(screen.split(separator: "\n").first)
                let prediction = try #require(title.range(of: "Prediction: "))
                let said = title[prediction.upperBound...].split(separator: " ")
                    .map(String.init)
                #expect(
                    joined.contains("as \(said[0]), \(said[1]) sure"),
                    "step \(step): \(said)\n\(screen)")
            }
            if step == 5 || step == 8 { #expect(screen.contains("PREPROCESSING OFF")) }
            tmux.keys(" ")
        }
    }

    /// The words of the tour's panel, its lines joined: what is under and right of its heading
    /// (the words begin a column before it in a band, under it in a box), without the box's edge.
    func tourText(_ screen: String, heading: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let top = lines.firstIndex(where: { $0.contains(heading) }),
            let range = lines[top].range(of: heading)
        else { return "" }
        let column = lines[top].distance(from: lines[top].startIndex, to: range.lowerBound) - 1
        return lines[(top + 1)...].map { line in
            String(line.dropFirst(column)).trimmingCharacters(
                in: CharacterSet(charactersIn: " \u{2502}"))
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A broken lesson on a terminal: its `PATH:LINE: what is wrong`, status 2, and the terminal
    /// as the shell left it (the screen was never taken over).
    @Test func aBrokenLessonIsRefusedBeforeTheScreenIsTaken() throws {
        let directory = try Binary.temporaryDirectory()
        let path = directory + "/broken.txt"
        try Data("@title Broken\n@step\n@point C3 map 17\nWords.\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        let tmux = try Tmux(width: 80, height: 24, subcommand: "tour", arguments: ["--file", path])
        defer { tmux.kill() }
        #expect(try tmux.waitForExit() == 2)
        let message = "\(path):3: C3 map 17 does not exist: C3 has maps 1 to 16"
        #expect(tmux.unwrapped.contains(message))
        #expect(tmux.modes == .shell)
    }

    /// T in the sketchpad opens the list; a number starts a lesson; g goes through the samples,
    /// and a file of the gallery's folder that is not a drawing is said and passed over.
    @Test func theLessonsAndTheGalleryFromTheSketchpad() throws {
        let folder = try Binary.temporaryDirectory()
        try Data("not a drawing\n".utf8).write(to: URL(fileURLWithPath: folder + "/broken.txt"))
        let three = try Data(contentsOf: URL(fileURLWithPath: Binary.samples + "/three.txt"))
        try three.write(to: URL(fileURLWithPath: folder + "/mine.txt"))
        let tmux = try Tmux(
            width: 80, height: 24, arguments: ["--gallery", folder, "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        tmux.keys("T")
        try tmux.waitFor("\u{2500} Lessons \u{2500}")
        expectWholeWords(tmux.screen, "the list of lessons")
        #expect(tmux.screen.contains("1  reading"))
        tmux.keys("3")
        try tmux.waitFor("step 1 of ")
        // The title gives way to the verdict on a lone stroke ("not a digit?"): its start shows.
        #expect(tmux.screen.contains("Tour: What the first"))
        tmux.send("Escape")
        try tmux.waitFor("Left the tour")
        // Back from the first sample: the folder's files, the last first.
        tmux.keys("G")
        try tmux.waitFor("mine.txt")
        #expect(tmux.screen.contains("Prediction: 3"))
        tmux.keys("G")
        try tmux.waitFor("Skipped broken.txt")
        expectWholeWords(tmux.screen, "a file passed over")
        // Forward: broken.txt passed over again, to mine.txt; then round to the first sample.
        tmux.keys("g")
        usleep(300_000)
        tmux.keys("g")
        try tmux.waitFor("Gallery 1 of ")
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
