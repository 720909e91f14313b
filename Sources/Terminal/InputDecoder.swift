import Screen

/// What ncurses hands over: a key it recognised, or a character.
public enum RawInput: Equatable, Sendable {
    case keyCode(Int32)
    case character(UInt32)
}

/// The key codes of ncurses that the decoder understands, passed in so that this file stays free
/// of ncurses and can be tested without a terminal.
public struct KeyCodes: Sendable {
    public var up, down, left, right, backTab, enter, backspace, delete: Int32

    public init(
        up: Int32, down: Int32, left: Int32, right: Int32, backTab: Int32, enter: Int32,
        backspace: Int32, delete: Int32
    ) {
        (self.up, self.down, self.left, self.right) = (up, down, left, right)
        (self.backTab, self.enter, self.backspace, self.delete) = (
            backTab, enter, backspace, delete
        )
    }
}

/// Turns raw input into events. Mouse reports are decoded here rather than by ncurses: they are
/// SGR (1006) reports, ESC [ < button ; column ; row M (or m on release), whatever the terminfo
/// entry thinks the mouse sends, so drawing works the same under any TERM. So are pastes: in
/// bracketed-paste mode the terminal sends ESC [ 200 ~, the text, ESC [ 201 ~, and the text
/// becomes one event instead of a run of keys.
public struct InputDecoder {
    let codes: KeyCodes

    public init(codes: KeyCodes) { self.codes = codes }

    /// The next event, reading more input through `next` (which waits up to the given milliseconds
    /// and returns nil when nothing came) and handing back through `unread` input that turned out
    /// to start the following event. `first` has already been read. Nil for input that means
    /// nothing here (an unknown escape sequence, a mouse wheel).
    public func decode(_ first: RawInput, next: (Int) -> RawInput?, unread: (RawInput) -> Void)
        -> Event?
    {
        switch first {
        case .keyCode(let code):
            switch code {
            case codes.up: return .key(.up)
            case codes.down: return .key(.down)
            case codes.left: return .key(.left)
            case codes.right: return .key(.right)
            case codes.backTab: return .key(.backTab)
            case codes.enter: return .key(.enter)
            case codes.backspace: return .key(.backspace)
            case codes.delete: return .key(.delete)
            default: return nil
            }
        case .character(let value):
            switch value {
            case 27: return escape(next: next, unread: unread)
            case 9: return .key(.tab)
            case 10, 13: return .key(.enter)
            case 8, 127: return .key(.backspace)
            case 1...26:
                return .key(.control(Character(Unicode.Scalar(UInt8(value + 96)))))
            default:
                guard let scalar = Unicode.Scalar(value) else { return nil }
                return .key(.character(Character(scalar)))
            }
        }
    }

    /// After ESC: a lone Escape key, a mouse report, or a sequence ncurses did not know.
    func escape(next: (Int) -> RawInput?, unread: (RawInput) -> Void) -> Event? {
        // Bytes of one sequence arrive together; a person pressing Esc sends nothing after it,
        // or the next key, which is kept for the next event.
        guard let second = next(30) else { return .key(.escape) }
        guard second == .character(UInt32(UInt8(ascii: "["))) else {
            unread(second)
            return .key(.escape)
        }
        guard let third = next(30) else { return .key(.escape) }
        if case .character(let c) = third, (0x30...0x39).contains(c) {
            return numbered(first: c, next: next)
        }
        switch third {
        case .character(UInt32(UInt8(ascii: "<"))): return mouse(next: next)
        case .character(UInt32(UInt8(ascii: "Z"))): return .key(.backTab)
        case .character(UInt32(UInt8(ascii: "A"))): return .key(.up)
        case .character(UInt32(UInt8(ascii: "B"))): return .key(.down)
        case .character(UInt32(UInt8(ascii: "C"))): return .key(.right)
        case .character(UInt32(UInt8(ascii: "D"))): return .key(.left)
        default:
            skipSequence(after: third, next: next)
            return nil
        }
    }

    /// ESC [ < b ; x ; y (M|m), the ESC [ < already read.
    func mouse(next: (Int) -> RawInput?) -> Event? {
        var numbers = [0]
        var digits = 0
        while true {
            guard case .character(let c)? = next(30) else { return nil }
            switch c {
            case 0x30...0x39:
                numbers[numbers.count - 1] = min(
                    100_000, numbers[numbers.count - 1] * 10 + Int(c - 0x30))
                digits += 1
            case UInt32(UInt8(ascii: ";")):
                guard numbers.count < 3 else { return nil }
                numbers.append(0)
            case UInt32(UInt8(ascii: "M")), UInt32(UInt8(ascii: "m")):
                guard numbers.count == 3, digits > 0 else { return nil }
                return Self.mouseEvent(
                    code: numbers[0], column: numbers[1], row: numbers[2],
                    released: c == UInt32(UInt8(ascii: "m")))
            default:
                return nil
            }
        }
    }

    /// An SGR mouse report as an event: the low two bits name the button (3: none), 32 marks
    /// motion, 64 the wheel; positions count from 1.
    static func mouseEvent(code: Int, column: Int, row: Int, released: Bool) -> Event? {
        guard code & 64 == 0, column >= 1, row >= 1 else { return nil }
        let button: MouseEvent.Button
        switch code & 3 {
        case 0: button = .left
        case 1: button = .middle
        case 2: button = .right
        default: button = .none
        }
        let action: MouseEvent.Action
        if released {
            action = .release
        } else if code & 32 != 0 {
            action = button == .none ? .move : .drag
        } else {
            action = .press
        }
        return .mouse(MouseEvent(button: button, action: action, x: column - 1, y: row - 1))
    }

    /// ESC [ digits ... final byte, the first digit already read: the start of a paste, or a key
    /// that ncurses did not know (ignored).
    func numbered(first: UInt32, next: (Int) -> RawInput?) -> Event? {
        var parameters = [first]
        for _ in 0..<32 {
            guard case .character(let c)? = next(30) else { return nil }
            if (0x40...0x7E).contains(c) {
                let isPasteStart = parameters == Self.pasteStart && c == Self.tilde
                return isPasteStart ? .paste(paste(next: next)) : nil
            }
            parameters.append(c)
        }
        return nil
    }

    static let tilde = UInt32(UInt8(ascii: "~"))
    static let pasteStart = "200".unicodeScalars.map(\.value)
    /// ESC [ 2 0 1 ~
    static let pasteEnd: [UInt32] = [27, 91] + "201~".unicodeScalars.map(\.value)
    /// Pasted text kept, in characters. A longer paste is read to its end and cut here: no file
    /// name is that long, so what is cut is refused whole.
    public static let pasteLimit = 64 * 1024

    /// The pasted text up to ESC [ 201 ~, read as it comes (a terminal sends a long paste in
    /// pieces, so each read waits longer than for a key's sequence). A paste whose end never
    /// comes ends when input stops. Key codes ncurses made of escape sequences inside the text
    /// come back as ESC, which no file name may hold.
    func paste(next: (Int) -> RawInput?) -> String {
        var text = String.UnicodeScalarView()
        var recent: [UInt32] = []
        var count = 0
        while let input = next(500) {
            let value: UInt32
            switch input {
            case .character(let c): value = c
            case .keyCode: value = 27
            }
            recent.append(value)
            if recent.count > Self.pasteEnd.count { recent.removeFirst() }
            if recent == Self.pasteEnd { break }
            // Held back until it cannot be the start of the end marker.
            if recent.count == Self.pasteEnd.count, count < Self.pasteLimit,
                let scalar = Unicode.Scalar(recent[0])
            {
                text.append(scalar)
                count += 1
            }
        }
        if recent != Self.pasteEnd {
            // Input stopped without the end marker: what is held back is text too.
            for value in recent.dropFirst(recent.count == Self.pasteEnd.count ? 1 : 0)
            where count < Self.pasteLimit {
                if let scalar = Unicode.Scalar(value) {
                    text.append(scalar)
                    count += 1
                }
            }
        }
        return String(text)
    }

    /// Reads the rest of an unknown CSI sequence, up to its final byte (@ to ~).
    func skipSequence(after first: RawInput, next: (Int) -> RawInput?) {
        var current: RawInput? = first
        for _ in 0..<32 {
            guard case .character(let c)? = current else { return }
            if (0x40...0x7E).contains(c) { return }
            current = next(30)
        }
    }
}
