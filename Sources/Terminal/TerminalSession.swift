import CNCurses
import Platform
import Screen
import TerminalSignals

/// The terminal, taken over with ncurses: reads events, writes cell buffers. Everything it draws
/// comes from a `CellBuffer`; only the cells that changed since the last frame are written.
/// `restore()` gives the terminal back, and runs on every way out (see `lenet5 draw`).
public final class TerminalSession {
    public let colors: ColorSupport
    private var screen: OpaquePointer?
    private var previous: CellBuffer?
    private var pairs = [PairKey: Int16]()
    private var restored = false
    private let decoder: InputDecoder
    private var pushedBack: [RawInput] = []

    /// A terminal the sketchpad cannot be drawn on.
    public enum SessionError: Error, CustomStringConvertible, Equatable {
        /// terminfo has no entry for TERM.
        case unknownTerminal(term: String)
        /// The entry has no cursor addressing (TERM=dumb): nothing could be drawn where it goes.
        case cannotMoveCursor(term: String)

        public var description: String {
            switch self {
            case .unknownTerminal(let term):
                "cannot drive this terminal (TERM=\(term)): terminfo does not know it"
            case .cannotMoveCursor(let term):
                "cannot drive this terminal (TERM=\(term)): it cannot move the cursor"
            }
        }
    }

    /// Standard input and output are both terminals.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Takes over the terminal. `allowColor` false (or NO_COLOR in the environment) draws without
    /// colour.
    public init(allowColor: Bool) throws {
        setlocale(LC_ALL, "")
        lenet5_guard_terminal()
        let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
        // newterm, unlike initscr, reports a terminal it cannot drive instead of exiting.
        guard let screen = newterm(nil, lenet5_stdout(), lenet5_stdin()) else {
            throw SessionError.unknownTerminal(term: term)
        }
        set_term(screen)
        // Checked before anything is written: endwin would only scroll such a terminal.
        guard Self.hasString("cup") else {
            delscreen(screen)
            lenet5_restore_mode()
            throw SessionError.cannotMoveCursor(term: term)
        }
        self.screen = screen
        raw()
        noecho()
        nonl()
        keypad(lenet5_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // ncurses should not claim the mouse's escape sequences: they are decoded here.
        keyok(KEY_MOUSE, false)
        var colorSupport = ColorSupport.none
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        if allowColor && !noColor && has_colors() {
            start_color()
            use_default_colors()
            colorSupport = lenet5_colors() >= 256 ? .extended : .basic
        }
        colors = colorSupport
        decoder = InputDecoder(
            codes: KeyCodes(
                up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, backTab: KEY_BTAB,
                enter: KEY_ENTER, backspace: KEY_BACKSPACE, delete: KEY_DC))
        enterModes()
    }

    /// What ncurses does not turn on itself: button-event mouse tracking (presses, drags,
    /// releases) in SGR encoding, and bracketed paste (pasted text marked as such, so that it is
    /// never taken for keys).
    private func enterModes() {
        lenet5_send("\u{1B}[?1002h\u{1B}[?1006h\u{1B}[?2004h")
    }

    deinit { restore() }

    /// Whether the terminal's terminfo entry has the string capability `name`.
    static func hasString(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        // (char *)-1 says that `name` is not a string capability at all.
        return Int(bitPattern: value) != -1
    }

    /// Whether the locale can show every one of `characters` in one column each: under LANG=C
    /// the block and box-drawing characters would come out blank.
    public func canShow(_ characters: [Unicode.Scalar]) -> Bool {
        characters.allSatisfy { lenet5_columns_of($0.value) == 1 }
    }

    public var size: (width: Int, height: Int) { (Int(lenet5_columns()), Int(lenet5_lines())) }

    /// The signal that asked the program to stop, if one came.
    public var stopSignal: Int32? {
        let number = lenet5_stop_signal()
        return number == 0 ? nil : number
    }

    /// Whether SIGTSTP asked the program to stop for a while, since the last call.
    public func takeSuspendRequest() -> Bool { lenet5_take_suspend_request() != 0 }

    /// Whether the program was continued (SIGCONT) after a stop it did not ask for, since the
    /// last call.
    public func takeContinued() -> Bool { lenet5_take_continued() != 0 }

    /// Gives the terminal back, stops the process (as SIGTSTP would), and takes the terminal again
    /// once continued: modes, mouse, and a full redraw at the next `draw`.
    public func suspend() {
        guard !restored else { return }
        endwin()
        lenet5_reset_terminal()
        lenet5_suspend_self()
        takeTerminalAgain()
    }

    /// Takes the terminal again after a stop this program did not see coming (SIGSTOP): whatever
    /// the shell did to it meanwhile is undone.
    public func reenter() {
        guard !restored else { return }
        endwin()
        takeTerminalAgain()
    }

    private func takeTerminalAgain() {
        // Continued in the background (`bg`), the process must leave the terminal to the shell:
        // it stops again (SIGTTOU) until it is brought to the foreground.
        while lenet5_in_foreground() == 0 {
            raise(SIGTTOU)
            usleep(100_000)
        }
        // After endwin, a refresh puts ncurses back in charge: the program's terminal mode, the
        // alternate screen, keypad mode.
        refresh()
        enterModes()
        previous = nil
    }

    /// Dies of `signal` as its default action would, once the terminal has been restored.
    public static func die(of signal: Int32) -> Never { lenet5_die_of(signal) }

    /// The next event, waiting up to `timeout` milliseconds; nil if none came.
    public func nextEvent(timeout: Int) -> Event? {
        guard let first = read(timeout: timeout) else { return nil }
        if first == .keyCode(KEY_RESIZE) {
            previous = nil
            return .resize(width: size.width, height: size.height)
        }
        return decoder.decode(
            first, next: { self.read(timeout: $0) }, unread: { self.pushedBack.append($0) })
    }

    private func read(timeout: Int) -> RawInput? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        wtimeout(lenet5_stdscr(), Int32(timeout))
        var character: wint_t = 0
        let result = wget_wch(lenet5_stdscr(), &character)
        if result == KEY_CODE_YES { return .keyCode(Int32(character)) }
        if result == OK { return .character(UInt32(character)) }
        return nil
    }

    /// Writes the cells that differ from the last frame.
    public func draw(_ buffer: CellBuffer) {
        guard !restored else { return }
        let full =
            previous == nil || previous?.width != buffer.width || previous?.height != buffer.height
        if full { erase() }
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                if !full, let previous, previous[x, y] == cell {
                    x += 1
                    continue
                }
                // A run of changed cells with one style is one write.
                var run: [wchar_t] = []
                var end = x
                while end < buffer.width {
                    let next = buffer[end, y]
                    guard next.style == cell.style else { break }
                    if !full, let previous, previous[end, y] == next { break }
                    let character = Self.printable(next.character, columns: Self.columns)
                    run.append(wchar_t(bitPattern: character.value))
                    end += 1
                }
                run.append(0)
                apply(cell.style)
                _ = run.withUnsafeBufferPointer { lenet5_write(Int32(y), Int32(x), $0.baseAddress) }
                x = end
            }
        }
        lenet5_set_attributes(lenet5_attribute_normal(), 0)
        refresh()
        previous = buffer
    }

    /// A control character would move the cursor or change the terminal's state instead of
    /// taking its cell, and a character the locale shows in two columns, or none, would shift
    /// the rest of the line: either is shown as "?" (widgets never ask for one; a file name or
    /// message might carry one).
    static func printable(_ character: Unicode.Scalar, columns: (Unicode.Scalar) -> Int32)
        -> Unicode.Scalar
    {
        switch character.value {
        case 0x20..<0x7F: character
        case 0..<0x20, 0x7F..<0xA0: "?"
        default: columns(character) == 1 ? character : "?"
        }
    }

    static func columns(_ character: Unicode.Scalar) -> Int32 {
        lenet5_columns_of(character.value)
    }

    private struct PairKey: Hashable {
        let foreground: Color
        let background: Color
    }

    private func apply(_ style: Style) {
        var attributes = lenet5_attribute_normal()
        if style.bold { attributes |= lenet5_attribute_bold() }
        if style.reverse { attributes |= lenet5_attribute_reverse() }
        if style.dim { attributes |= lenet5_attribute_dim() }
        lenet5_set_attributes(attributes, pair(for: style))
    }

    /// A colour pair for the style's colours, made on first use.
    private func pair(for style: Style) -> Int16 {
        guard colors != .none, style.foreground != .default || style.background != .default else {
            return 0
        }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let pair = pairs[key] { return pair }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < min(lenet5_color_pairs(), 32767) else { return 0 }
        init_pair(number, colorNumber(style.foreground), colorNumber(style.background))
        pairs[key] = number
        return number
    }

    private func colorNumber(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case .indexed(let index):
            if colors == .basic && index > 7 { return Int16(index % 8) }
            return Int16(index)
        }
    }

    /// Gives the terminal back: mouse reporting and keypad mode off, the screen and modes as they
    /// were.
    /// Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        lenet5_reset_terminal()
        if let screen { delscreen(screen) }
        screen = nil
    }
}
