import LeNet5
import Screen

/// The 32x32 canvas in its frame, at one of three resolutions: two columns a cell (ink as two full
/// blocks, two # with --ascii), half blocks (one column a cell, two cells a row), or braille
/// patterns (two cells across and four down a character: the small copy shown beside the maps
/// when the canvas is hidden). While the canvas has the focus the keyboard cursor shows on every cell of the brush's
/// footprint as brackets, [] to paint and () to erase, over paper or, in reverse video, over ink,
/// so that it never looks like ink itself.
///
/// It shows a test digit of `lenet5 explore` in its shades of grey instead of the canvas.
///
/// Over the drawing it can show where a picked unit looks (its receptive field: paper there is
/// dotted, and tinted in colour) and what drove the decision (each ink cell shaded by how much
/// erasing it lowers the answer's probability, with the maps' shades).
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

    enum Resolution: Equatable {
        /// Two columns a cell: square cells (66x34 with the frame).
        case doubleWidth
        /// One column a cell, two cells a row (34x18).
        case halfBlocks
        /// Two cells across and four down a character (18x10).
        case braille

        /// Cells across and down one character shows.
        var block: (across: Int, down: Int) {
            switch self {
            case .doubleWidth: (1, 1)
            case .halfBlocks: (1, 2)
            case .braille: (2, 4)
            }
        }

        /// The size with the frame.
        var framed: (width: Int, height: Int) {
            switch self {
            case .doubleWidth: (2 * Canvas.side + 2, Canvas.side + 2)
            case .halfBlocks: (Canvas.side + 2, Canvas.side / 2 + 2)
            case .braille: (Canvas.side / 2 + 2, Canvas.side / 4 + 2)
            }
        }
    }

    /// What drove the decision: for each cell, row by row, the drop in the answer's probability
    /// when it is erased, as a share of the largest drop (-1...1); nil for paper.
    struct Shading: Equatable {
        let values: [Float?]
        let digit: Int
        /// The answer's class name (the digit, for the shipped network).
        let name: String

        init(values: [Float?], digit: Int, name: String? = nil) {
            self.values = values
            self.digit = digit
            self.name = name ?? String(digit)
        }

        init(_ saliency: Saliency, classes: [String]) {
            let largest = max(saliency.largestMagnitude, 1e-9)
            values = saliency.drops.indices.map {
                saliency.ink[$0] ? saliency.drops[$0] / largest : nil
            }
            digit = saliency.predicted
            name = saliency.predicted < classes.count ? classes[saliency.predicted] : String(digit)
        }

        subscript(x: Int, y: Int) -> Float? { values[y * Canvas.side + x] }
    }

    let canvas: Canvas
    /// Nil while the keys go elsewhere.
    let cursor: Cursor?
    /// The title says when the eraser is on.
    let eraser: Bool
    let focused: Bool
    let resolution: Resolution
    /// The cells a picked unit looks at.
    var field: CellRect? = nil
    var shading: Shading? = nil
    var title: String? = nil
    /// A tour's step points at the drawing: its title is marked.
    var pointed = false
    /// Where the drawing came from ("seven.txt"), for the title.
    var label: String? = nil
    /// A 32x32 picture in shades of grey shown instead of the canvas (a test digit of `lenet5
    /// explore`): every cell above 0 is ink, shaded by its value.
    var grey: Bitmap? = nil

    func isInk(_ x: Int, _ y: Int) -> Bool { grey.map { $0[x, y] > 0 } ?? canvas[x, y] }

    /// `area` is the frame; the cells go inside it.
    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let marks = (pointed ? palette.pointer.count + 1 : 0) + (eraser ? 9 : 0)
        var title = self.title ?? "Canvas 32x32"
        if let label {
            // The file's name, with "Canvas: " before it where it fits.
            let room = area.width - 6 - marks
            title = "Canvas: \(label)".count <= room ? "Canvas: \(label)" : label
        }
        if eraser { title += " - eraser" }
        if let shading {
            // What the shades mean, in the room there is.
            let long = "What made it a \(shading.name)"
            title = long.count + 6 <= area.width ? long : "Made it a \(shading.name)"
        }
        if pointed { title = palette.pointer + " " + title }
        let inside = buffer.frame(area, title: title, palette: palette, highlighted: focused)
        if let shading { renderLegend(shading, below: area, into: &buffer, palette: palette) }
        let (across, down) = resolution.block
        // One array of the cells a character shows, filled again for each character.
        var cells = [Point]()
        cells.reserveCapacity(across * down)
        for row in 0..<(Canvas.side / down) {
            for column in 0..<(Canvas.side / across) {
                if resolution == .doubleWidth {
                    let (left, right) = wide(Point(x: column, y: row), palette: palette)
                    buffer.set(inside.x + 2 * column, inside.y + row, left, clip: inside)
                    buffer.set(inside.x + 2 * column + 1, inside.y + row, right, clip: inside)
                    continue
                }
                cells.removeAll(keepingCapacity: true)
                for dy in 0..<down {
                    for dx in 0..<across {
                        cells.append(Point(x: column * across + dx, y: row * down + dy))
                    }
                }
                buffer.set(
                    inside.x + column, inside.y + row, narrow(cells, palette: palette),
                    clip: inside)
            }
        }
    }

    func cursorColor(_ palette: Palette) -> Color {
        palette.options.colors == .none ? .default : .yellow
    }

    /// The two characters of one cell at two columns a cell.
    func wide(_ p: Point, palette: Palette) -> (Cell, Cell) {
        let ink = isInk(p.x, p.y)
        let inField = field?.contains(x: p.x, y: p.y) == true
        var cell: Cell
        if let grey, ink, shading == nil {
            cell = greyCell(grey[p.x, p.y], palette: palette)
        } else if ink {
            cell = inkCell(shading?[p.x, p.y], palette: palette)
        } else if inField {
            cell = palette.fieldPaper
        } else {
            cell = Cell(p.x % 4 == 0 && p.y % 4 == 0 ? "." : " ", .dim)
        }
        if inField { cell.style.background = palette.fieldBackground }
        var left = cell
        var right = cell
        if let cursor, cursor.covers(p.x, p.y) {
            let brackets: (Unicode.Scalar, Unicode.Scalar) =
                cursor.erasing ? ("(", ")") : ("[", "]")
            let style = Style(foreground: cursorColor(palette), bold: true, reverse: ink)
            left = Cell(brackets.0, style)
            right = Cell(brackets.1, style)
        }
        return (left, right)
    }

    /// One character for a block of cells (two above each other, or two across and four down).
    func narrow(_ cells: [Point], palette: Palette) -> Cell {
        let inks = cells.map { isInk($0.x, $0.y) }
        let inField = cells.contains { field?.contains(x: $0.x, y: $0.y) == true }
        if let cursor, cells.contains(where: { cursor.covers($0.x, $0.y) }) {
            // One column: + to paint, o to erase.
            return Cell(
                cursor.erasing ? "o" : "+",
                Style(foreground: cursorColor(palette), bold: true, reverse: inks.contains(true)))
        }
        var cell: Cell
        if let shading, inks.contains(true) {
            let values = cells.map { isInk($0.x, $0.y) ? shading[$0.x, $0.y] ?? 0 : nil }
            if palette.hasShadeColors && cells.count == 2 {
                // Each of the two cells in its own colour.
                cell = palette.halfBlock(
                    upper: values[0].map { inkColor($0, palette) },
                    lower: values[1].map { inkColor($0, palette) })
            } else {
                // The strongest of the block.
                let strongest = values.compactMap { $0 }.max { abs($0) < abs($1) } ?? 0
                cell = inkCell(strongest, palette: palette)
                if cells.count == 8 && palette.hasShadeColors {
                    cell = Cell(
                        palette.braille(inks), Style(foreground: inkColor(strongest, palette)))
                }
            }
        } else if let grey, inks.contains(true), cells.count == 2 {
            let (upper, lower) = (grey[cells[0].x, cells[0].y], grey[cells[1].x, cells[1].y])
            cell =
                palette.hasShadeColors
                ? palette.halfBlock(
                    upper: palette.shadeColor(upper, signed: false),
                    lower: palette.shadeColor(lower, signed: false))
                : greyCell(max(upper, lower), palette: palette)
        } else if inks.contains(true) {
            let character =
                cells.count == 2
                ? palette.halfBlocks(top: inks[0], bottom: inks[1]) ?? " " : palette.braille(inks)
            cell = Cell(character)
        } else if inField {
            cell = palette.fieldPaper
        } else {
            cell = Cell(" ")
        }
        if inField { cell.style.background = palette.fieldBackground }
        return cell
    }

    /// A cell of a grey picture: a block in its grey where there are 256 colours, else a
    /// character of the ramp (the input's shades in the network panel).
    func greyCell(_ value: Float, palette: Palette) -> Cell {
        if palette.hasShadeColors, let color = palette.shadeColor(value, signed: false) {
            return Cell(Palette.fullBlock, Style(foreground: color))
        }
        let cell = palette.unsigned(value)
        // The faintest edge of a stroke still shows.
        return cell.character == " " ? Cell(".", .dim) : cell
    }

    /// An ink cell, shaded by its share of the largest drop when the overlay is on.
    func inkCell(_ value: Float?, palette: Palette) -> Cell {
        guard let value else { return Cell(palette.ink) }
        if palette.hasShadeColors {
            return Cell(Palette.fullBlock, Style(foreground: inkColor(value, palette)))
        }
        let cell = palette.signed(value)
        // Ink that hardly matters still shows as ink, faintly.
        return cell.character == " " ? Cell(palette.ascii ? "'" : "\u{2591}", .dim) : cell
    }

    /// The colour of a shaded ink cell: the maps' shade, or grey where erasing it changes little.
    func inkColor(_ value: Float, _ palette: Palette) -> Color {
        palette.shadeColor(value, signed: true) ?? .indexed(244)
    }

    /// The shades' meaning on the frame's bottom edge.
    func renderLegend(
        _ shading: Shading, below area: Rect, into buffer: inout CellBuffer, palette: Palette
    ) {
        func sample(_ value: Float) -> Cell {
            palette.hasShadeColors
                ? Cell(Palette.fullBlock, Style(foreground: inkColor(value, palette)))
                : palette.signed(value)
        }
        let strong = sample(1)
        let weak = sample(-1)
        let text = [
            (" ", Style.plain), (String(strong.character), strong.style),
            (" for \(shading.name)  ", .plain), (String(weak.character), weak.style),
            (" against ", .plain),
        ]
        let width = text.map(\.0.count).reduce(0, +)
        guard width + 4 <= area.width else { return }
        buffer.write(
            text, x: area.x + 2, y: area.maxY - 1,
            clip: Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1))
    }
}
