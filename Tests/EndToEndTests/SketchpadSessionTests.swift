import Foundation
import LeNet5
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
        #expect(tmux.screen.contains("its kernel, 5x5:"))
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

        // A crash (here a SIGSEGV sent from outside) still gives the terminal back before dying,
        // keypad-transmit mode included.
        let third = try Tmux(width: 100, height: 40)
        defer { third.kill() }
        try third.waitFor("LeNet-5 sketchpad")
        #expect(third.modes.keypad && third.modes.mouse)
        third.signal("SEGV")
        #expect(try third.waitForExit() == 128 + 11)
        #expect(!third.screen.contains("LeNet-5 sketchpad"))
        #expect(third.modes == .shell, "\(third.modes)")
        // The pane works as a shell again.
        third.keys("echo restored-ok\r")
        try third.waitFor("restored-ok")
    }

    /// Weights that load but overflow: NaN probabilities say so on screen, every view draws.
    @Test func absurdWeightsStartAndSayThereIsNoPrediction() throws {
        let directory = try Binary.temporaryDirectory()
        var model = try WeightsFile.bundled().model
        model.output.weight.scalars = model.output.weight.scalars.map { _ in 3e38 }
        model.c1.bias.scalars = model.c1.bias.scalars.map { _ in 1e19 }
        try WeightsFile(model: model).write(to: directory + "/absurd.safetensors")
        let tmux = try Tmux(
            width: 120, height: 36,
            arguments: [
                "--weights", directory + "/absurd.safetensors", "--load",
                Binary.samples + "/seven.txt",
            ])
        defer { tmux.kill() }
        try tmux.waitFor("Prediction: none (NaN)")
        #expect(tmux.screen.contains("These weights make the numbers too large to"))
        tmux.send("Tab")
        tmux.keys("a")
        // C1 before tanh: every value is the bias, too large for fixed notation.
        try tmux.waitFor("tanh: showing values")
        #expect(tmux.screen.contains("values 1.00e+19 to 1.00e+1"))
        for _ in 0..<7 {
            tmux.send("Tab")
            tmux.send("Enter")
            tmux.send("Enter")
        }
        try tmux.waitFor("Prediction: none (NaN)")
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(tmux.modes == .shell, "\(tmux.modes)")
    }

    /// Signals whose default is to end the process: the terminal is given back (screen, mouse,
    /// keypad, the shell's line mode) before the process dies of the signal.
    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGHUP, SIGQUIT, SIGVTALRM])
    func endingSignalsGiveTheTerminalBack(signal: Int32) throws {
        // Afterwards `cat`, which leaves the terminal's modes as lenet5 left them.
        let tmux = try Tmux(width: 100, height: 40, then: "exec cat")
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        #expect(tmux.modes == Tmux.Modes(keypad: true, mouse: true, alternateScreen: true))
        #expect(tmux.lineMode == "-icanon -echo")
        tmux.signal(signal)
        #expect(try tmux.waitForExit() == 128 + signal)
        #expect(tmux.modes == .shell, "\(tmux.modes)")
        #expect(tmux.lineMode == "icanon echo")
        #expect(!tmux.screen.contains("LeNet-5 sketchpad"))
    }

    /// SIGTSTP (Ctrl-Z in raw mode is a key, so it comes from `kill -TSTP`) gives the terminal
    /// to the shell while stopped; `fg` takes it back: modes, mouse, the whole screen. So does a
    /// continue after SIGSTOP, which cannot be caught.
    @Test func stoppingGivesTheTerminalBackAndContinuingTakesItAgain() throws {
        let tmux = try Tmux(width: 120, height: 36, shell: true)
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        tmux.signal(SIGTSTP)
        try tmux.waitFor("Stopped")
        #expect(tmux.modes == .shell, "\(tmux.modes)")
        #expect(!tmux.screen.contains("LeNet-5 sketchpad"))
        tmux.keys("fg\r")
        try tmux.waitFor("Canvas 32x32")
        #expect(tmux.modes == Tmux.Modes(keypad: true, mouse: true, alternateScreen: true))
        #expect(tmux.lineMode == "-icanon -echo")
        // Keys go straight to the sketchpad again, without Enter.
        tmux.keys("l")
        try tmux.waitFor("cursor 17,16")

        tmux.signal(SIGSTOP)
        try tmux.waitFor("Stopped")
        tmux.keys("fg\r")
        tmux.keys("l")
        try tmux.waitFor("cursor 18,16")
        #expect(tmux.screen.contains("Canvas 32x32") && !tmux.screen.contains("Stopped"))
        #expect(tmux.modes == Tmux.Modes(keypad: true, mouse: true, alternateScreen: true))

        tmux.keys("q")
        try tmux.waitFor("draw\n" + Tmux.prompt)
        tmux.keys("echo EXIT=$? > status\r")
        #expect(try tmux.waitForExit() == 0)
        #expect(tmux.modes == .shell, "\(tmux.modes)")
    }

    /// Pasted text arrives marked (bracketed paste): in the save prompt it is the name, refused
    /// whole when it holds a line break; on the canvas it is never run as keys.
    @Test func aPasteIsANameInTheSavePromptAndNothingElsewhere() throws {
        let tmux = try Tmux(width: 120, height: 36)
        defer { tmux.kill() }
        try tmux.waitFor("LeNet-5 sketchpad")
        tmux.keys("p")
        for _ in 0..<8 { tmux.keys("j") }
        tmux.keys("p")
        try tmux.waitFor("Prediction: 1")
        // On the canvas: clear, quit and save keys, pasted, do nothing.
        tmux.paste("cq s\ny")
        try tmux.waitFor("Pasted text is only used as a file name")
        #expect(tmux.screen.contains("Prediction: 1"))
        // A name with a line break (a terminal sends it as a carriage return) is refused whole.
        tmux.keys("s")
        tmux.send("C-u")
        tmux.paste("evil.txt\ncq")
        try tmux.waitFor("cannot hold line breaks")
        #expect(tmux.screen.contains("Save as: _"))
        // 100 KB of lines: still one refusal, not a file per line.
        tmux.send("C-u")
        try tmux.waitFor("Ctrl-U clear\n")
        tmux.paste(String(repeating: "junk text\n", count: 10_000))
        try tmux.waitFor("Paste not used: a file name cannot hold line breaks")
        tmux.paste("pasted.txt")
        try tmux.waitFor("Save as: pasted.txt_")
        tmux.send("Enter")
        try tmux.waitFor("Saved \(tmux.directory)/pasted.txt")
        #expect(tmux.screen.contains("Prediction: 1"))
        let files = try FileManager.default.contentsOfDirectory(atPath: tmux.directory)
        #expect(files.sorted() == ["pasted.txt"])
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// A locale that cannot show block and box-drawing characters (LANG=C) gets the ASCII ones
    /// without --ascii, instead of blank ink and frames.
    @Test func aLocaleWithoutBlockCharactersFallsBackToASCII() throws {
        let tmux = try Tmux(
            width: 120, height: 36, arguments: ["--load", Binary.samples + "/seven.txt"],
            environment: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.kill() }
        try tmux.waitFor("Prediction: 7")
        let screen = tmux.screen
        #expect(screen.contains("+- Canvas 32x32 ----") && screen.contains("+- Network ----"))
        #expect(screen.contains("########"))
        #expect(!screen.unicodeScalars.contains { $0.value > 0x7F })
        tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// A terminal that cannot move the cursor is refused before anything is drawn, as a
    /// terminal terminfo does not know is.
    @Test(arguments: ["dumb", "no-such-terminal"])
    func aTerminalThatCannotBeDrivenIsRefused(term: String) throws {
        let tmux = try Tmux(width: 100, height: 30, environment: ["TERM": term])
        defer { tmux.kill() }
        #expect(try tmux.waitForExit() == 2)
        let screen = tmux.unwrapped
        #expect(screen.contains("lenet5: cannot drive this terminal (TERM=\(term))"))
        #expect(screen.contains("use `lenet5 predict FILE...`"))
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

    static let prompt = "lenet5-test$"
    let socket = "lenet5-test-\(UUID().uuidString.prefix(8))"
    let directory: String

    /// lenet5 draw (or `subcommand`) with `arguments` in a pane of `width` x `height`, its exit
    /// status written to the file `status`, and `then` run after it (a shell by default, whose
    /// line editor sets its own terminal modes). With `shell`, typed into an interactive shell
    /// that has job control (for stopping and continuing it), which writes no status.
    init(
        width: Int, height: Int, subcommand: String = "draw", arguments: [String] = [],
        environment: [String: String] = [:], shell: Bool = false,
        then: String = "exec bash --norc -i"
    ) throws {
        directory = try Binary.temporaryDirectory()
        let draw =
            environment.map { "\($0)=\($1) " }.sorted().joined()
            + ([Binary.path, subcommand] + arguments).joined(separator: " ")
        let command =
            shell
            ? "cd \(directory) && PS1='\(Self.prompt) ' exec bash --norc -i"
            : "cd \(directory) && \(draw); echo EXIT=$? > status; \(then)"
        // The server this starts keeps whatever it inherits open: no pipes for it.
        run(
            ["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", command],
            output: false)
        if shell {
            try waitFor(Self.prompt)
            keys(draw + "\r")
        }
    }

    /// Runs tmux and waits for it with posix_spawn and waitpid. (Foundation's Process watches a
    /// descriptor that the tmux server, forked by the first client, inherits and keeps open, so
    /// waiting for that client through Process never ends.)
    @discardableResult
    func run(_ arguments: [String], output: Bool = true) -> String {
        spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output)
    }

    var screen: String { run(["capture-pane", "-p", "-t", "e2e"]) }

    /// The screen with each line the terminal wrapped joined again, spaces kept: a message longer
    /// than the window reads whole, wherever the wrap fell (a plain capture drops the space a
    /// line ends with, which a message's path length can move onto the wrap).
    var unwrapped: String {
        run(["capture-pane", "-p", "-J", "-t", "e2e"]).replacingOccurrences(of: "\n", with: "")
    }

    func waitFor(_ text: String, seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return }
            usleep(50_000)
        }
        Issue.record("waited \(seconds) s for \"\(text)\"; the screen:\n\(screen)")
        throw TmuxTimeout()
    }

    /// Waits until `condition` holds for the screen; `what` says what was awaited.
    func waitUntil(_ what: String, seconds: Double = 10, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen) { return }
            usleep(50_000)
        }
        Issue.record("waited \(seconds) s until \(what); the screen:\n\(screen)")
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

    /// Text pasted as a terminal pastes it: marked as a paste when the program asked for
    /// bracketed paste, line feeds sent as carriage returns.
    func paste(_ text: String) {
        run(["set-buffer", "-b", "e2e", "--", text])
        run(["paste-buffer", "-p", "-b", "e2e", "-t", "e2e"])
        usleep(100_000)
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

    /// The terminal modes of the pane, as tmux tracks them.
    struct Modes: Equatable, CustomStringConvertible {
        /// Keypad-transmit mode: application cursor keys (DECCKM) or keypad (DECKPAM).
        var keypad: Bool
        /// Any mouse reporting.
        var mouse: Bool
        var alternateScreen: Bool

        static let shell = Modes(keypad: false, mouse: false, alternateScreen: false)

        var description: String {
            "keypad \(keypad), mouse \(mouse), alternate screen \(alternateScreen)"
        }
    }

    var modes: Modes {
        let flags = run([
            "display-message", "-p", "-t", "e2e",
            "#{keypad_cursor_flag}#{keypad_flag} #{mouse_any_flag}#{mouse_button_flag}"
                + "#{mouse_all_flag}#{mouse_standard_flag}#{mouse_sgr_flag} #{alternate_on}",
        ]).split(separator: " ").map { $0.contains("1") }
        guard flags.count == 3 else {
            return Modes(keypad: true, mouse: true, alternateScreen: true)
        }
        return Modes(keypad: flags[0], mouse: flags[1], alternateScreen: flags[2])
    }

    /// Whether the pane's terminal is in canonical mode with echo, as `stty` says.
    var lineMode: String {
        let tty = run(["display-message", "-p", "-t", "e2e", "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let words = spawn(["stty", "-F", tty, "-a"], output: true)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        return words.filter { $0 == "icanon" || $0 == "-icanon" || $0 == "echo" || $0 == "-echo" }
            .joined(separator: " ")
    }

    func signal(_ name: String) {
        let pid = run(["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        // The pane runs a shell, which runs lenet5.
        spawn(["pkill", "-\(name)", "-P", pid, "-f", "lenet5"], output: false)
    }

    func signal(_ number: Int32) { signal(String(number)) }

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
