import LeNet5
import Screen

/// The drawing: 32x32 cells, each ink or paper.
public struct Canvas: Equatable, Sendable {
    public static let side = 32
    private(set) var cells: [Bool]

    public init() { cells = [Bool](repeating: false, count: Self.side * Self.side) }

    /// A drawing read from a file: any value of at least one half is ink. It must be 32x32.
    public init?(_ bitmap: Bitmap) {
        guard bitmap.width == Self.side && bitmap.height == Self.side else { return nil }
        cells = bitmap.pixels.map { $0 >= 0.5 }
    }

    public subscript(x: Int, y: Int) -> Bool {
        get { cells[y * Self.side + x] }
        set { cells[y * Self.side + x] = newValue }
    }

    public var isEmpty: Bool { !cells.contains(true) }

    public var inkCount: Int { cells.lazy.filter { $0 }.count }

    /// The width and height of the ink's bounding box, nil without ink.
    public var inkSpan: (width: Int, height: Int)? {
        var left = Self.side, right = -1, top = Self.side, bottom = -1
        for y in 0..<Self.side {
            for x in 0..<Self.side where self[x, y] {
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        return right < 0 ? nil : (right - left + 1, bottom - top + 1)
    }

    public static func contains(_ point: Point) -> Bool {
        (0..<side).contains(point.x) && (0..<side).contains(point.y)
    }

    /// Paints (or erases) a brush of `size` (1, 2 or 3) at `point`. Size 2 reaches right and down,
    /// size 3 is centred, so that the cursor is always part of what is painted.
    public mutating func stamp(at point: Point, brush size: Int, ink: Bool) {
        let low = size == 3 ? -1 : 0
        for dy in low..<(low + size) {
            for dx in low..<(low + size) {
                let p = Point(x: point.x + dx, y: point.y + dy)
                if Self.contains(p) { self[p.x, p.y] = ink }
            }
        }
    }

    /// Paints a straight line of brush stamps from `a` to `b` (Bresenham), so that a fast mouse
    /// stroke, whose motion reports are several cells apart, has no gaps.
    public mutating func line(from a: Point, to b: Point, brush size: Int, ink: Bool) {
        for p in Self.cellsOnLine(from: a, to: b) { stamp(at: p, brush: size, ink: ink) }
    }

    /// The cells from `a` to `b`, both included: the line the drawing transforms join cells with.
    public static func cellsOnLine(from a: Point, to b: Point) -> [Point] {
        Bitmap.cellsOnLine(from: (a.x, a.y), to: (b.x, b.y)).map { Point(x: $0.x, y: $0.y) }
    }

    public mutating func clear() { cells = [Bool](repeating: false, count: cells.count) }

    /// Ink 1, paper 0, for preprocessing and saving.
    public var bitmap: Bitmap {
        Bitmap(width: Self.side, height: Self.side, pixels: cells.map { $0 ? 1 : 0 })
    }
}
