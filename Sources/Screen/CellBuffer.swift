/// One character cell of the screen.
public struct Cell: Equatable, Sendable {
    /// One character of one column.
    public var character: Unicode.Scalar
    public var style: Style

    @inlinable
    public init(_ character: Unicode.Scalar = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

/// A screen's worth of cells that widgets draw into (after ratatui's Buffer). Writes outside the
/// buffer, or outside the clip rectangle, are dropped, so a widget given too little room is cut
/// off instead of trampling its neighbours.
///
/// Widgets write every cell of every frame through `set`, from another module: the small methods
/// are `@inlinable` so that this costs what it did when they lived beside the widgets.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    @usableFromInline var storage: [Cell]

    @inlinable
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        storage = [Cell](repeating: .blank, count: self.width * self.height)
    }

    /// Row after row.
    public var cells: [Cell] { storage }

    @inlinable
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    @inlinable
    public subscript(x: Int, y: Int) -> Cell {
        get { storage[y * width + x] }
        set { storage[y * width + x] = newValue }
    }

    @inlinable
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(Point(x: x, y: y)) { return }
        storage[y * width + x] = cell
    }

    /// Writes `text` from (x, y) to the right, one column per character; returns the column after.
    @inlinable @discardableResult
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

    /// Writes styled pieces one after another; returns the column after the last.
    @discardableResult
    public mutating func write(_ pieces: [(String, Style)], x: Int, y: Int, clip: Rect? = nil)
        -> Int
    {
        var column = x
        for (text, style) in pieces {
            column = write(text, x: column, y: y, style: style, clip: clip)
        }
        return column
    }

    @inlinable
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { set(x, y, cell) }
        }
    }

    /// The text of each row, trailing spaces kept: what a test compares.
    public var lines: [String] {
        (0..<height).map { y in
            var line = String.UnicodeScalarView()
            for x in 0..<width { line.append(storage[y * width + x].character) }
            return String(line)
        }
    }
}
