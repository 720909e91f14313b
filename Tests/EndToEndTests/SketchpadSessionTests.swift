import Foundation
import Testing

/// The real sketchpad in a real terminal: tmux runs the binary, mouse reports (SGR 1006) and keys
/// are sent as a person's terminal would send them, and the screen is read back.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux; skipped when it is not installed"))
struct SketchpadSessionTests {
    @Test func drawClassifyExploreResizeSaveAndQuit() throws {
        let tmux = try Tmux(width: 160, height: 50)
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        #expect(tmux.screen.contains("Prediction: -"))

        // A 1 with the mouse: press, drag in jumps of several rows, release.
        tmux.mouse(press: true, cell: (16, 3))
        for y in stride(from: 6, through: 28, by: 4) { tmux.mouse(drag: (16, y)) }
        tmux.mouse(release: (16, 28))
        try tmux.waitFor("Prediction: 1")
        // The stroke has no gaps: 26 rows of ink in column 16, the last under the cursor's [].
        let rows = tmux.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let inked = (2...33).filter { y in
            let line = Array(rows[y])
            return line.count > 34
                && ((line[33] == "\u{2588}" && line[34] == "\u{2588}")
                    || (line[33] == "[" && line[34] == "]"))
        }
        #expect(inked.count == 26)

        // Clear, then a 7 with the keys.
        tmux.keys("c")
        try tmux.waitFor("Prediction: -")
        tmux.keys(
            String(repeating: "h", count: 8) + String(repeating: "k", count: 10) + "p"
                + String(repeating: "l", count: 16))
        for _ in 0..<11 { tmux.keys("jh") }
        tmux.keys("jjjp")
        try tmux.waitFor("Prediction: 7")

        // Through the layers, and a zoom.
        tmux.send("Tab")
        try tmux.waitFor("C1  convolution 6@5x5, tanh")
        tmux.send("Right")
        tmux.send("Enter")
        try tmux.waitFor("C1 map 2")
        #expect(tmux.screen.contains("kernels applied to each input, 5x5:"))
        tmux.send("Escape")
        for _ in 0..<6 { tmux.send("Tab") }
        try tmux.waitFor("Output  dense 10, softmax")

        // Too small, then compact, then full again.
        tmux.resize(50, 15)
        try tmux.waitFor("needs at least 80x24")
        tmux.resize(80, 24)
        try tmux.waitFor("LeNet-5 sketchpad")
        #expect(tmux.screen.contains("Prediction: 7"))
        tmux.resize(160, 50)
        try tmux.waitFor("Canvas 32x32 ─────────────")

        // Save, and refuse to overwrite without asking.
        tmux.send("Escape")
        tmux.keys("s")
        try tmux.waitFor("Save as: digit.txt")
        tmux.send("Enter")
        try tmux.waitFor("Saved \(tmux.directory)/digit.txt")
        let saved = try Binary.run(["predict", "--json", tmux.directory + "/digit.txt"])
        #expect(json(saved.output)["prediction"] as? Int == 7)
        tmux.keys("s")
        tmux.send("Enter")
        try tmux.waitFor("digit.txt exists. Replace it? y/n")
        tmux.keys("n")
        tmux.send("Escape")
        try tmux.waitFor("Not saved")

        tmux.keys("q")
        let status = try tmux.waitForExit()
        #expect(status == 0)
        // The terminal is back to the shell's screen, with the mouse off.
        #expect(!tmux.screen.contains("LeNet-5 sketchpad"))
    }

    @Test func ctrlCSIGTERMAndACrashRestoreTheTerminal() throws {
        let first = try Tmux(width: 100, height: 40)
        defer { first.kill() }
        try first.waitFor("LeNet-5 sketchpad")
        first.send("C-c")
        #expect(try first.waitForExit() == 0)
        #expect(!first.screen.contains("LeNet-5 sketchpad"))

        let second = try Tmux(width: 100, height: 40)
        defer { second.kill() }
        try second.waitFor("LeNet-5 sketchpad")
        second.signal("TERM")
        #expect(try second.waitForExit() == 128 + 15)
        #expect(!second.screen.contains("LeNet-5 sketchpad"))

        // A crash (here a SIGSEGV sent from outside) still gives the terminal back before dying.
        let third = try Tmux(width: 100, height: 40)
        defer { third.kill() }
        try third.waitFor("LeNet-5 sketchpad")
        third.signal("SEGV")
        #expect(try third.waitForExit() == 128 + 11)
        #expect(!third.screen.contains("LeNet-5 sketchpad"))
        // The pane works as a shell again.
        third.keys("echo restored-ok\r")
        try third.waitFor("restored-ok")
    }

    @Test func aBadLoadFileFailsBeforeTheScreenIsTakenOver() throws {
        let tmux = try Tmux(width: 100, height: 40, arguments: ["--load", "/nonexistent.txt"])
        defer { tmux.kill() }
        #expect(try tmux.waitForExit() == 1)
        #expect(tmux.screen.contains("lenet5: /nonexistent.txt: no such file or directory"))
    }

    @Test func loadingADrawingShowsItsPrediction() throws {
        let tmux = try Tmux(
            width: 100, height: 40,
            arguments: ["--load", Binary.samples + "/four.txt", "--ascii", "--no-color"])
        defer { tmux.kill() }
        try tmux.waitFor("Prediction: 4")
        #expect(tmux.screen.contains("+- Canvas 32x32 "))
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}

/// A tmux server of the test's own (its own socket), running lenet5 in a pane of a given size.
struct Tmux {
    static let available =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

    let socket = "lenet5-test-\(UUID().uuidString.prefix(8))"
    let directory: String

    init(width: Int, height: Int, arguments: [String] = []) throws {
        directory = try Binary.temporaryDirectory()
        let command =
            "cd \(directory) && \(([Binary.path, "draw"] + arguments).joined(separator: " ")); "
            + "echo EXIT=$? > status; exec bash --norc -i"
        // The server this starts keeps whatever it inherits open: no pipes for it.
        run(
            ["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", command],
            output: false)
    }

    /// Runs tmux and waits for it with posix_spawn and waitpid. (Foundation's Process watches a
    /// descriptor that the tmux server, forked by the first client, inherits and keeps open, so
    /// waiting for that client through Process never ends.)
    @discardableResult
    func run(_ arguments: [String], output: Bool = true) -> String {
        spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output)
    }

    var screen: String { run(["capture-pane", "-p", "-t", "e2e"]) }

    func waitFor(_ text: String, seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return }
            usleep(50_000)
        }
        Issue.record("waited \(seconds) s for \"\(text)\"; the screen:\n\(screen)")
        throw TmuxTimeout()
    }

    func waitForExit(seconds: Double = 10) throws -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: directory + "/status", encoding: .utf8),
                text.hasPrefix("EXIT=")
            {
                return Int32(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            usleep(50_000)
        }
        Issue.record("lenet5 did not exit within \(seconds) s")
        return nil
    }

    /// Literal keys.
    func keys(_ text: String) {
        run(["send-keys", "-t", "e2e", "-l", text])
        usleep(30_000)
    }

    /// A named key (Tab, Enter, Escape, Right, C-c).
    func send(_ key: String) {
        run(["send-keys", "-t", "e2e", key])
        usleep(30_000)
    }

    /// SGR mouse reports at canvas cells of the full layout (cell x at columns 1 + 2x, row y at 2 + y).
    func mouse(press: Bool, cell: (Int, Int)) { report(0, cell, "M") }
    func mouse(drag cell: (Int, Int)) { report(32, cell, "M") }
    func mouse(release cell: (Int, Int)) { report(0, cell, "m") }

    func report(_ code: Int, _ cell: (Int, Int), _ final: String) {
        keys("\u{1B}[<\(code);\(2 + 2 * cell.0);\(3 + cell.1)\(final)")
    }

    func resize(_ width: Int, _ height: Int) {
        run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
        usleep(100_000)
    }

    func signal(_ name: String) {
        let pid = run(["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        // The pane runs a shell, which runs lenet5.
        spawn(["pkill", "-\(name)", "-P", pid, "-f", "lenet5"], output: false)
    }

    func kill() { run(["kill-server"]) }
}

struct TmuxTimeout: Error {}

/// Runs a program found on the PATH, waits for it, and returns its standard output (or nothing).
@discardableResult
func spawn(_ arguments: [String], output: Bool) -> String {
    // Darwin's spawn types are opaque pointers that the init functions set; glibc's are structs.
    #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        let environment = _NSGetEnviron().pointee
    #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        let environment = environ
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var descriptors: [Int32] = [-1, -1]
    if output {
        _ = pipe(&descriptors)
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 1)
        posix_spawn_file_actions_addclose(&actions, descriptors[0])
        posix_spawn_file_actions_addclose(&actions, descriptors[1])
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // As a shell would start it: no signals blocked (this thread may block them all) or ignored.
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environment) == 0 else {
        return ""
    }
    var data = [UInt8]()
    if output {
        close(descriptors[1])
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                read(descriptors[0], $0.baseAddress, $0.count)
            }
            if count <= 0 { break }
            data += chunk[0..<count]
        }
        close(descriptors[0])
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return String(decoding: data, as: UTF8.self)
}
