import CNCurses
import Platform
import Sketchpad
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

    public struct SessionError: Error, CustomStringConvertible {
        public let description: String
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
        // newterm, unlike initscr, reports a terminal it cannot drive instead of exiting.
        guard let screen = newterm(nil, lenet5_stdout(), lenet5_stdin()) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw SessionError(description: "cannot drive this terminal (TERM=\(term))")
        }
        self.screen = screen
        set_term(screen)
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
        // Button-event tracking (presses, drags, releases) in SGR encoding.
        lenet5_send("\u{1B}[?1002h\u{1B}[?1006h")
    }

    deinit { restore() }

    public var size: (width: Int, height: Int) { (Int(lenet5_columns()), Int(lenet5_lines())) }

    /// The signal that asked the program to stop, if one came.
    public var stopSignal: Int32? {
        let number = lenet5_stop_signal()
        return number == 0 ? nil : number
    }

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
                    run.append(wchar_t(bitPattern: next.character.value))
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

    /// Gives the terminal back: mouse reporting off, the screen and modes as they were.
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
