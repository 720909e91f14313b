/// A colour as the widgets ask for it; the terminal decides how much of it it can show.
public enum Color: Equatable, Hashable, Sendable {
    case `default`
    /// One of the 256 xterm colours (0-15 the basic ones).
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
}

public struct Style: Equatable, Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool

    @inlinable
    public init(
        foreground: Color = .default, background: Color = .default, bold: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

/// What the terminal can show.
public enum ColorSupport: Equatable, Sendable {
    /// No colour: signs show in the choice of characters.
    case none
    /// The eight basic colours.
    case basic
    /// The 256 xterm colours.
    case extended
}
