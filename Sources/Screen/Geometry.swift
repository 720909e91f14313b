/// A position on the screen (or on the canvas), 0-based, x to the right and y down.
public struct Point: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int
    @inlinable
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells: what a layout hands a widget to draw inside.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    @inlinable
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    @inlinable
    public var maxX: Int { x + width }
    @inlinable
    public var maxY: Int { y + height }
    @inlinable
    public var isEmpty: Bool { width == 0 || height == 0 }

    @inlinable
    public func contains(_ p: Point) -> Bool {
        p.x >= x && p.x < maxX && p.y >= y && p.y < maxY
    }

    /// The part of this rectangle inside `other` (empty when they do not meet).
    @inlinable
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(
            x: left, y: top, width: min(maxX, other.maxX) - left,
            height: min(maxY, other.maxY) - top)
    }

    /// Shrunk by `margin` on every side.
    @inlinable
    public func inset(_ margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    /// The top `rows` rows, and the rest.
    @inlinable
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let top = min(rows, height)
        return (
            Rect(x: x, y: y, width: width, height: top),
            Rect(x: x, y: y + top, width: width, height: height - top)
        )
    }

    /// The bottom `rows` rows, and the rest above them.
    @inlinable
    public func splitBottom(_ rows: Int) -> (bottom: Rect, rest: Rect) {
        let bottom = min(rows, height)
        return (
            Rect(x: x, y: maxY - bottom, width: width, height: bottom),
            Rect(x: x, y: y, width: width, height: height - bottom)
        )
    }

    /// The left `columns` columns, and the rest.
    @inlinable
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let left = min(columns, width)
        return (
            Rect(x: x, y: y, width: left, height: height),
            Rect(x: x + left, y: y, width: width - left, height: height)
        )
    }
}
