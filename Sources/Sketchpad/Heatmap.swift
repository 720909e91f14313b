import Screen

/// How big a heatmap is drawn. Terminal cells are about twice as tall as wide, so:
/// `square` draws each value as two characters side by side (square pixels, every value);
/// `tall` as one character (every value, pixels twice as tall as wide);
/// `averaged(z)` each character as the mean of a block of z values across by 2z down (square
/// pixels, fewer of them).
enum Zoom: Equatable {
    case square
    case tall
    case averaged(Int)

    /// From largest to smallest, the order in which a widget tries them.
    static let all: [Zoom] = [.square, .tall] + (1...8).map { .averaged($0) }
    /// The same without `tall`, where pixels must stay square.
    static let squarePixels: [Zoom] = all.filter { $0 != .tall }
}

/// A grid of values drawn as characters of the palette at a zoom.
struct Heatmap {
    let height: Int
    let width: Int
    let value: (_ y: Int, _ x: Int) -> Float
    /// Values are shown as value / scale, signed or not.
    let scale: Float
    let signed: Bool

    static func size(height: Int, width: Int, zoom: Zoom) -> (columns: Int, rows: Int) {
        switch zoom {
        case .square: (2 * width, height)
        case .tall: (width, height)
        case .averaged(let z): ((width + z - 1) / z, (height + 2 * z - 1) / (2 * z))
        }
    }

    func size(zoom: Zoom) -> (columns: Int, rows: Int) {
        Self.size(height: height, width: width, zoom: zoom)
    }

    /// The largest zoom of `levels` at which the heatmap fits `columns` x `rows` (the smallest if
    /// none does).
    func zoom(fitting columns: Int, _ rows: Int, levels: [Zoom] = Zoom.squarePixels) -> Zoom {
        levels.first { size(zoom: $0).columns <= columns && size(zoom: $0).rows <= rows }
            ?? levels[levels.count - 1]
    }

    func render(
        into buffer: inout CellBuffer, at origin: Point, zoom: Zoom, palette: Palette, clip: Rect
    ) {
        let (columns, rows) = size(zoom: zoom)
        for row in 0..<rows {
            for column in 0..<columns {
                let v: Float
                switch zoom {
                case .square: v = value(row, column / 2)
                case .tall: v = value(row, column)
                case .averaged(let z):
                    var total: Float = 0
                    var count: Float = 0
                    for y in (row * 2 * z)..<min(height, (row + 1) * 2 * z) {
                        for x in (column * z)..<min(width, (column + 1) * z) {
                            total += value(y, x)
                            count += 1
                        }
                    }
                    v = count > 0 ? total / count : 0
                }
                let normalised = scale > 0 ? v / scale : 0
                let cell = signed ? palette.signed(normalised) : palette.unsigned(normalised)
                buffer.set(origin.x + column, origin.y + row, cell, clip: clip)
            }
        }
    }
}
