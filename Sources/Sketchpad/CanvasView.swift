import Screen

/// The 32x32 canvas in its frame. Full mode: two columns per cell, ink as two full blocks (two #
/// with --ascii). Compact mode: one column per cell and two cells per row, in half blocks (# for
/// either in ASCII). While the canvas has the focus the keyboard cursor shows on every cell of the
/// brush's footprint as brackets, [] to paint and () to erase, over paper or, in reverse video,
/// over ink, so that it never looks like ink itself.
struct CanvasView: Widget {
    /// The keyboard cursor: the square of cells the brush covers, and whether it erases.
    struct Cursor: Equatable {
        let columns: Range<Int>
        let rows: Range<Int>
        let erasing: Bool

        /// The footprint of a brush of `size` at `point` (see `Canvas.stamp`).
        init(at point: Point, brush size: Int, erasing: Bool) {
            let low = size == 3 ? -1 : 0
            columns = (point.x + low)..<(point.x + low + size)
            rows = (point.y + low)..<(point.y + low + size)
            self.erasing = erasing
        }

        func covers(_ x: Int, _ y: Int) -> Bool { columns.contains(x) && rows.contains(y) }
    }

    let canvas: Canvas
    /// Nil while the keys go elsewhere.
    let cursor: Cursor?
    /// The title says when the eraser is on.
    let eraser: Bool
    let focused: Bool
    /// Two columns per cell, or half blocks.
    let halfBlocks: Bool

    /// `area` is the frame; the cells go inside it.
    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let title = eraser ? "Canvas 32x32 - eraser" : "Canvas 32x32"
        let inside = buffer.frame(area, title: title, palette: palette, highlighted: focused)
        let erasing = cursor?.erasing ?? false
        let cursorColor: Color = palette.options.colors == .none ? .default : .yellow
        if !halfBlocks {
            let brackets: (Unicode.Scalar, Unicode.Scalar) = erasing ? ("(", ")") : ("[", "]")
            for y in 0..<Canvas.side {
                for x in 0..<Canvas.side {
                    let ink = canvas[x, y]
                    var left =
                        ink ? Cell(palette.ink) : Cell(x % 4 == 0 && y % 4 == 0 ? "." : " ", .dim)
                    var right = left
                    if cursor?.covers(x, y) == true {
                        let style = Style(foreground: cursorColor, bold: true, reverse: ink)
                        left = Cell(brackets.0, style)
                        right = Cell(brackets.1, style)
                    }
                    buffer.set(inside.x + 2 * x, inside.y + y, left, clip: inside)
                    buffer.set(inside.x + 2 * x + 1, inside.y + y, right, clip: inside)
                }
            }
            return
        }
        for row in 0..<(Canvas.side / 2) {
            for x in 0..<Canvas.side {
                let top = canvas[x, 2 * row]
                let bottom = canvas[x, 2 * row + 1]
                var cell = Cell(palette.halfBlocks(top: top, bottom: bottom) ?? " ")
                if let cursor, cursor.covers(x, 2 * row) || cursor.covers(x, 2 * row + 1) {
                    // One column: + to paint, o to erase.
                    cell = Cell(
                        erasing ? "o" : "+",
                        Style(foreground: cursorColor, bold: true, reverse: top || bottom))
                }
                buffer.set(inside.x + x, inside.y + row, cell, clip: inside)
            }
        }
    }
}
