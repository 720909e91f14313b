import LeNet5
import Screen

/// A drawing in four characters across and two down: its ink, cropped to a square around it and
/// shrunk to 8x8 dots, in braille (two dots across and four down a character). Cropped because a
/// shape drawn small in a corner of the 32x32 grid would otherwise be a dot or two; preprocessing
/// crops the same way before the network sees it. In ASCII each character is a shade of the ramp,
/// darker for more ink.
struct Thumbnail: Widget {
    /// Nil for a file that is not a drawing: shown as question marks.
    let drawing: Bitmap?
    var highlighted = false

    static let width = 4
    static let height = 2
    /// Dots across and down.
    static let side = 8

    /// The 8x8 dots, row by row: a dot is ink when any cell it covers is (so that a one-cell
    /// stroke never vanishes).
    static func dots(_ drawing: Bitmap) -> [Bool] {
        var left = drawing.width
        var right = -1
        var top = drawing.height
        var bottom = -1
        for y in 0..<drawing.height {
            for x in 0..<drawing.width where drawing[x, y] >= 0.5 {
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        guard right >= 0 else { return [Bool](repeating: false, count: side * side) }
        // A square around the ink, centred on it, never smaller than the dots.
        let extent = max(right - left + 1, bottom - top + 1, side)
        let originX = left - (extent - (right - left + 1)) / 2
        let originY = top - (extent - (bottom - top + 1)) / 2
        var dots = [Bool](repeating: false, count: side * side)
        for row in 0..<side {
            for column in 0..<side {
                let xs = cells(
                    originX + column * extent / side, originX + (column + 1) * extent / side,
                    drawing.width)
                let ys = cells(
                    originY + row * extent / side, originY + (row + 1) * extent / side,
                    drawing.height)
                let ink = ys.contains { y in xs.contains { x in drawing[x, y] >= 0.5 } }
                dots[row * side + column] = ink
            }
        }
        return dots
    }

    /// The cells from `start` to `end` (at least one) within 0..<`limit`: none where the square
    /// reaches past the drawing's edge.
    static func cells(_ start: Int, _ end: Int, _ limit: Int) -> Range<Int> {
        let low = max(0, start)
        return low..<max(low, min(limit, max(start + 1, end)))
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let style = highlighted ? Style(bold: true, reverse: true) : Style.plain
        guard let drawing else {
            for row in 0..<Self.height {
                buffer.write(
                    String(repeating: "?", count: Self.width), x: area.x, y: area.y + row,
                    style: style, clip: area)
            }
            return
        }
        let dots = Self.dots(drawing)
        for row in 0..<Self.height {
            for column in 0..<Self.width {
                var inks = [Bool]()
                for dy in 0..<4 {
                    for dx in 0..<2 {
                        inks.append(dots[(row * 4 + dy) * Self.side + column * 2 + dx])
                    }
                }
                let character: Unicode.Scalar
                if palette.ascii {
                    let count = inks.filter { $0 }.count
                    character = Palette.ramp[(count * (Palette.ramp.count - 1) + 7) / 8]
                } else {
                    // Dots in the order `braille` reads them: row by row, two across.
                    character = palette.braille(inks)
                }
                buffer.set(area.x + column, area.y + row, Cell(character, style), clip: area)
            }
        }
    }
}
