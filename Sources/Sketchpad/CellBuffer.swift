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

/// One character cell of the screen.
public struct Cell: Equatable, Sendable {
    /// One character of one column.
    public var character: Unicode.Scalar
    public var style: Style

    public init(_ character: Unicode.Scalar = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

/// A screen's worth of cells that widgets draw into (after ratatui's Buffer). Writes outside the
/// buffer, or outside the clip rectangle, are dropped, so a widget given too little room is cut
/// off instead of trampling its neighbours.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(Point(x: x, y: y)) { return }
        cells[y * width + x] = cell
    }

    /// Writes `text` from (x, y) to the right, one column per character; returns the column after.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        var column = x
        for scalar in text.unicodeScalars {
            set(column, y, Cell(scalar, style), clip: clip)
            column += 1
        }
        return column
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { set(x, y, cell) }
        }
    }

    /// The text of each row, trailing spaces kept: what a test compares.
    public var lines: [String] {
        (0..<height).map { y in
            var line = String.UnicodeScalarView()
            for x in 0..<width { line.append(cells[y * width + x].character) }
            return String(line)
        }
    }
}
