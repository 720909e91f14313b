/// A rectangle of cells or pixels on a grid, corners included: columns x0...x1, rows y0...y1,
/// counted from 0. Receptive fields and the cells they come from are these.
public struct CellRect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x0: Int
    public var y0: Int
    public var x1: Int
    public var y1: Int

    public init(x0: Int, y0: Int, x1: Int, y1: Int) {
        precondition(x0 <= x1 && y0 <= y1, "an empty rectangle")
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// The square of `side` cells whose top left corner is (x, y).
    public init(x: Int, y: Int, side: Int) {
        self.init(x0: x, y0: y, x1: x + side - 1, y1: y + side - 1)
    }

    public var width: Int { x1 - x0 + 1 }
    public var height: Int { y1 - y0 + 1 }

    public func contains(x: Int, y: Int) -> Bool { (x0...x1).contains(x) && (y0...y1).contains(y) }

    /// The part inside a grid of `width` x `height` cells, or nil if none is.
    public func clamped(width: Int, height: Int) -> CellRect? {
        let rect = (max(0, x0), max(0, y0), min(width - 1, x1), min(height - 1, y1))
        guard rect.0 <= rect.2 && rect.1 <= rect.3 else { return nil }
        return CellRect(x0: rect.0, y0: rect.1, x1: rect.2, y1: rect.3)
    }

    /// [x0, y0, x1, y1], as the command line prints it.
    public var corners: [Int] { [x0, y0, x1, y1] }

    public var description: String { "x \(x0)...\(x1), y \(y0)...\(y1)" }
}
