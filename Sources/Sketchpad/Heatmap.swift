import Screen

/// How big a heatmap is drawn. Terminal cells are about twice as tall as wide, so:
/// `square` draws each value as two characters side by side (square pixels, every value);
/// `tall` as one character (every value, pixels twice as tall as wide: only for kernels, where
/// nothing else fits);
/// `averaged(z)` each character as the mean of a block of z values across by 2z down (square
/// pixels, fewer of them);
/// `halfBlocks(z)`, in 256 colours, each character as two square pixels one above the other, an
/// upper half block in the upper one's colour on the lower one's, each the mean of z x z values
/// (at z = 1 every value, in a quarter of the room `square` takes).
enum Zoom: Equatable {
    /// Each value as k rows of 2k characters: a small map (C3, S4) large enough to read.
    case magnified(Int)
    case square
    case tall
    case averaged(Int)
    case halfBlocks(Int)

    /// The zooms with square pixels, largest first: the order in which a widget tries them.
    /// Half blocks need 256 colours, the shade being the colour alone.
    static func levels(_ palette: Palette) -> [Zoom] {
        let larger: [Zoom] = [.magnified(4), .magnified(3), .magnified(2), .square]
        return palette.hasShadeColors
            ? larger + (1...8).map { .halfBlocks($0) } : larger + (1...8).map { .averaged($0) }
    }

    /// The same without the magnified ones: for a map that is context rather than the subject.
    static func unmagnified(_ palette: Palette) -> [Zoom] {
        levels(palette).filter {
            if case .magnified = $0 { return false }
            return true
        }
    }

    /// Values across and down that one character shows (a fraction of one when magnified).
    var block: (across: Int, down: Int) {
        switch self {
        case .magnified, .square, .tall: (1, 1)
        case .averaged(let z), .halfBlocks(let z): (z, 2 * z)
        }
    }

    /// Characters across and rows down that one value takes, when it takes whole ones.
    var cell: (columns: Int, rows: Int) {
        switch self {
        case .magnified(let k): (2 * k, k)
        case .square: (2, 1)
        default: (1, 1)
        }
    }
}

/// A grid of values drawn as characters of the palette at a zoom.
struct Heatmap {
    let height: Int
    let width: Int
    let value: (_ y: Int, _ x: Int) -> Float
    /// Values are shown as value / scale, signed or not.
    let scale: Float
    let signed: Bool

    /// A heatmap of `height` x `width` values for its geometry alone (sizes, zooms, which value
    /// a character shows), with nothing to draw.
    static func outline(height: Int, width: Int) -> Heatmap {
        Heatmap(height: height, width: width, value: { _, _ in 0 }, scale: 1, signed: true)
    }

    static func size(height: Int, width: Int, zoom: Zoom) -> (columns: Int, rows: Int) {
        switch zoom {
        case .magnified(let k): (2 * k * width, k * height)
        case .square: (2 * width, height)
        case .tall: (width, height)
        case .averaged(let z), .halfBlocks(let z):
            ((width + z - 1) / z, (height + 2 * z - 1) / (2 * z))
        }
    }

    /// The character (column and row from the heatmap's origin) that shows value (x, y): the top
    /// left one of its cell.
    static func cell(of x: Int, _ y: Int, zoom: Zoom) -> (column: Int, row: Int) {
        switch zoom {
        case .magnified(let k): (2 * k * x, k * y)
        case .square: (2 * x, y)
        case .tall: (x, y)
        case .averaged(let z), .halfBlocks(let z): (x / z, y / (2 * z))
        }
    }

    /// The value under a character (the first of its block), if the character is inside.
    func value(atColumn column: Int, row: Int, zoom: Zoom) -> (x: Int, y: Int)? {
        let (columns, rows) = size(zoom: zoom)
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
        switch zoom {
        case .magnified(let k): return (column / (2 * k), row / k)
        case .square: return (column / 2, row)
        case .tall: return (column, row)
        case .averaged(let z), .halfBlocks(let z):
            return (min(width - 1, column * z), min(height - 1, row * 2 * z))
        }
    }

    func size(zoom: Zoom) -> (columns: Int, rows: Int) {
        Self.size(height: height, width: width, zoom: zoom)
    }

    /// The largest zoom of `levels` at which the heatmap fits `columns` x `rows` (the smallest if
    /// none does).
    func zoom(fitting columns: Int, _ rows: Int, levels: [Zoom]) -> Zoom {
        levels.first { size(zoom: $0).columns <= columns && size(zoom: $0).rows <= rows }
            ?? levels[levels.count - 1]
    }

    /// The mean of the values in rows `rows` and columns `columns` (clipped to the map), scaled.
    /// Only the values `shown` keeps count (all, without it); nil when none does.
    func mean(
        rows: Range<Int>, columns: Range<Int>, shown: ((_ x: Int, _ y: Int) -> Bool)? = nil
    ) -> Float? {
        var total: Float = 0
        var count: Float = 0
        let (top, bottom) = (max(0, rows.lowerBound), min(height, rows.upperBound))
        let (left, right) = (max(0, columns.lowerBound), min(width, columns.upperBound))
        var y = top
        while y < bottom {
            var x = left
            while x < right {
                if shown?(x, y) ?? true {
                    total += value(y, x)
                    count += 1
                }
                x += 1
            }
            y += 1
        }
        guard count > 0 else { return nil }
        return scale > 0 ? total / count / scale : 0
    }

    /// Draws the heatmap with its top left corner at `origin`. `shown` leaves blank the values
    /// it returns false for (a map still filling up).
    func render(
        into buffer: inout CellBuffer, at origin: Point, zoom: Zoom, palette: Palette, clip: Rect,
        shown: ((_ x: Int, _ y: Int) -> Bool)? = nil
    ) {
        let (columns, rows) = size(zoom: zoom)
        // A block is drawn from the values shown in it, blank when there are none.
        for row in 0..<rows {
            for column in 0..<columns {
                let cell: Cell
                switch zoom {
                case .magnified, .square, .tall, .averaged:
                    let (across, down) = zoom.block
                    let (x, y) =
                        zoom.cell.columns > 1
                        ? (column / zoom.cell.columns, row / zoom.cell.rows)
                        : (column * across, row * down)
                    guard
                        let v = mean(rows: y..<(y + down), columns: x..<(x + across), shown: shown)
                    else {
                        buffer.set(origin.x + column, origin.y + row, Cell(" "), clip: clip)
                        continue
                    }
                    cell = signed ? palette.signed(v) : palette.unsigned(v)
                case .halfBlocks(let z):
                    let (x, y) = (column * z, row * 2 * z)
                    let upper = mean(rows: y..<(y + z), columns: x..<(x + z), shown: shown)
                    let lower = mean(
                        rows: (y + z)..<(y + 2 * z), columns: x..<(x + z), shown: shown)
                    cell = palette.halfBlock(
                        upper: upper.flatMap { palette.shadeColor($0, signed: signed) },
                        lower: lower.flatMap { palette.shadeColor($0, signed: signed) })
                }
                buffer.set(origin.x + column, origin.y + row, cell, clip: clip)
            }
        }
    }
}
