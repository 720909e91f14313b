import Foundation
import LeNet5
import Testing

/// Teach mode in the real sketchpad, in tmux: drawings labelled with the keys (and drawn with the
/// mouse), a network taught from them in the background (few epochs, so that it takes a second or
/// two, but a real run of the same code), the new classes predicted, the taught network saved and
/// read back by the other commands.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
struct TeachSessionTests {
    /// Keys that draw a plus from the middle of the canvas and bring the cursor back there.
    static let plus =
        keys("k", 10) + "p" + keys("j", 20) + "p" + keys("k", 10) + keys("h", 10) + "p"
        + keys("l", 20) + "p" + keys("h", 10)
    /// Keys that draw a square ring around the middle, back to the middle.
    static let ring =
        keys("k", 8) + keys("h", 8) + "p" + keys("l", 16) + keys("j", 16) + keys("h", 16)
        + keys("k", 16) + "p" + keys("j", 8) + keys("l", 8)

    static func keys(_ key: String, _ count: Int) -> String {
        String(repeating: key, count: count)
    }

    /// Labels the drawing `keys` draw as `name` (= and the name), waiting until it is saved as
    /// drawing `number` of its class.
    func label(_ tmux: Tmux, drawing keys: String, as name: String, number: Int) throws {
        tmux.keys(keys)
        tmux.keys("=")
        try tmux.waitFor("Class of this drawing:")
        tmux.keys(name)
        tmux.send("Enter")
        try tmux.waitFor("Saved as \"\(name)\" (\(number) drawing")
    }

    /// The example files of a class folder.
    func examples(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func aLabelledExampleIsOnDiskBeforeTheProcessIsKilled() throws {
        // The default folder, under XDG_DATA_HOME.
        let data = try Binary.temporaryDirectory()
        let session = try Tmux(width: 80, height: 24, environment: ["XDG_DATA_HOME": data])
        defer { session.kill() }
        try session.waitFor("LeNet-5 sketchpad")
        session.keys("t")
        try session.waitFor("Teach: your examples")
        #expect(session.screen.contains("/lenet5/examples"))
        session.keys(Self.plus)
        session.keys("3")
        try session.waitFor("Saved as \"3\" (1 drawing)")
        // No quit, no chance to flush anything: the example must already be whole on disk.
        session.signal("KILL")
        _ = try session.waitForExit()
        let folder = data + "/lenet5/examples/3"
        #expect(examples(folder) == ["000001.txt"])
        let drawing = try DrawingFile.read(folder + "/000001.txt", requiredSide: 32)
        // The plus: 21 cells down column 16 and 21 across row 16, sharing one.
        #expect(drawing.pixels.filter { $0 > 0 }.count == 41)
        #expect(drawing[16, 6] == 1 && drawing[16, 26] == 1 && drawing[6, 16] == 1)
    }

    @Test func teachAt80x24WithTheKeysSaveAndReadTheNetworkBack() throws {
        let tmux = try Tmux(
            width: 80, height: 24,
            arguments: ["--examples", "examples", "--teach-epochs", "10", "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        tmux.keys("t")
        try tmux.waitFor("Teach: your examples")
        // Too soon: the panel says what is missing.
        tmux.keys("R")
        try tmux.waitFor("Nothing to teach yet: label drawings of two classes first")
        for number in 1...3 {
            try label(tmux, drawing: Self.plus, as: "plus", number: number)
        }
        tmux.keys("R")
        try tmux.waitFor("Only \"plus\" so far: label drawings of a second class")
        try label(tmux, drawing: Self.ring, as: "ring", number: 1)
        // Enter labels with the class picked last.
        tmux.keys(Self.ring)
        tmux.send("Enter")
        try tmux.waitFor("Saved as \"ring\" (2 drawings)")
        #expect(examples(tmux.directory + "/examples/plus").count == 3)
        #expect(examples(tmux.directory + "/examples/ring").count == 2)

        tmux.keys("R")
        try tmux.waitFor("Teach: what was learned", seconds: 60)
        let result = tmux.screen
        #expect(result.contains("Taught 2 classes from 5 drawings"))
        #expect(result.contains("from the original network"))
        #expect(result.contains("from random numbers"))
        #expect(result.contains("To test fairly, your 5 drawings were split into 2 groups."))
        tmux.send("Escape")
        try tmux.waitFor("Teach: your examples")
        tmux.keys(Self.plus)
        try tmux.waitFor("Prediction: plus")
        tmux.keys("c" + Self.ring)
        try tmux.waitFor("Prediction: ring")
        // The same drawing, read by the original network.
        tmux.keys("O")
        try tmux.waitFor("(original network)")
        #expect(tmux.screen.contains("Prediction: 0"))
        tmux.keys("O")
        try tmux.waitFor("Prediction: ring")

        tmux.keys("E")
        try tmux.waitFor("Save the taught network as: taught.safetensors")
        tmux.send("Enter")
        try tmux.waitFor("Saved the taught network as")
        #expect(FileManager.default.fileExists(atPath: tmux.directory + "/taught.safetensors"))
        tmux.keys("E")
        tmux.send("Enter")
        try tmux.waitFor("taught.safetensors exists. Replace it? y/n")
        tmux.keys("n")
        tmux.send("Escape")
        try tmux.waitFor("Not saved")
        tmux.keys("cq")
        #expect(try tmux.waitForExit() == 0)

        let weights = tmux.directory + "/taught.safetensors"
        let plus = tmux.directory + "/examples/plus/000002.txt"
        let predicted = try Binary.run(["predict", "--json", "--weights", weights, plus])
        #expect(predicted.status == 0)
        #expect(json(predicted.output)["label"] as? String == "plus")
        let summary = try Binary.run(["summary", "--weights", weights])
        #expect(summary.status == 0)
        #expect(summary.output.contains("classes (2, in output order): plus, ring"))
        #expect(summary.output.contains("taught by transfer: C1, S2, C3, S4, C5 kept as in"))
        #expect(summary.output.contains("command: lenet5 draw, teach mode"))

        // The sketchpad reads it back, with its classes.
        let again = try Tmux(
            width: 80, height: 24, arguments: ["--weights", weights, "--load", plus])
        defer { again.kill() }
        try again.waitFor("Prediction: plus")
        again.keys("q")
        #expect(try again.waitForExit() == 0)
    }

    @Test func teachAt120x36WithTheMouseAndAnotherFreeze() throws {
        let tmux = try Tmux(
            width: 120, height: 36,
            arguments: ["--examples", "examples", "--teach-epochs", "10", "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        tmux.keys("t")
        try tmux.waitFor("Teach: your examples")
        /// A plus with the mouse: a stroke down, a stroke across, in jumps of several cells.
        func mousePlus() {
            tmux.mouse(press: true, cell: (16, 5))
            for y in stride(from: 9, through: 27, by: 6) { tmux.mouse(drag: (16, y)) }
            tmux.mouse(release: (16, 27))
            tmux.mouse(press: true, cell: (5, 16))
            for x in stride(from: 9, through: 27, by: 6) { tmux.mouse(drag: (x, 16)) }
            tmux.mouse(release: (27, 16))
        }
        for number in 1...3 {
            mousePlus()
            tmux.keys("=")
            try tmux.waitFor("Class of this drawing:")
            tmux.keys("plus")
            tmux.send("Enter")
            try tmux.waitFor("Saved as \"plus\" (\(number) drawing")
        }
        // The second class is a digit: its key labels it.
        for number in 1...3 {
            tmux.keys(Self.ring)
            tmux.keys("0")
            try tmux.waitFor("Saved as \"0\" (\(number) drawing")
        }
        // Keep C1 to F6: only the output learns.
        tmux.keys("F")
        try tmux.waitFor("Teaching keeps C1 to F6 as they are: only the output learns")
        tmux.keys("R")
        try tmux.waitFor("Teach: what was learned", seconds: 60)
        tmux.send("Escape")
        mousePlus()
        try tmux.waitFor("Prediction: plus")
        #expect(tmux.screen.contains("(taught network)"))
        // Exploring the layers shows the taught network's output.
        tmux.send("Tab")
        for _ in 0..<6 { tmux.send("Tab") }
        try tmux.waitFor("Output  dense 2, softmax")
        tmux.send("Escape")
        try tmux.waitFor("Teach: your examples")
        // Look at an example large, and delete it after saying no once.
        tmux.keys("o")
        tmux.send("Enter")
        try tmux.waitFor("Teach: 0, drawing 3 of 3")
        tmux.keys("d")
        try tmux.waitFor("Delete \"0\", drawing 3 of 3? y/n")
        tmux.keys("y")
        try tmux.waitFor("Deleted examples/0/000003.txt")
        #expect(examples(tmux.directory + "/examples/0") == ["000001.txt", "000002.txt"])
        tmux.send("Escape")
        tmux.send("Escape")
        tmux.keys("cq")
        #expect(try tmux.waitForExit() == 0)
    }
}
