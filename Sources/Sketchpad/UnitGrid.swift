import LeNet5
import Screen

/// The units of a dense layer as a grid of shaded cells (the output's classes in a labelled row),
/// the picked one in reverse video, and its value underneath.
struct UnitGrid: Widget {
    let view: LayerView
    let picked: Int
    /// The output's class names, in output order.
    var classes = ClassNames.digits

    /// How the units are laid out: per row, the width of a unit in columns, and the columns left
    /// of them.
    struct Grid {
        let perRow: Int
        let cellWidth: Int
        let margin: Int
    }

    /// A list of units: rows of up to 12, two columns each, numbered on the left. The output's
    /// classes (`labelled`, at most `NetworkGeometry.classLimits`' 20): one row, columns as wide as fit up to 9 (a name
    /// of 8 characters and a space), no numbers on the left: 20 classes fit 41 columns.
    static func grid(count: Int, labelled: Bool, in body: Rect) -> Grid {
        if labelled {
            return Grid(
                perRow: count, cellWidth: max(2, min(9, (body.width - 1) / count)), margin: 1)
        }
        return Grid(perRow: min(12, max(1, (body.width - 5) / 2)), cellWidth: 2, margin: 4)
    }

    /// The rows of units.
    static func rows(count: Int, labelled: Bool, in body: Rect) -> Int {
        let perRow = grid(count: count, labelled: labelled, in: body).perRow
        return (count + perRow - 1) / perRow
    }

    static func origin(_ index: Int, grid: Grid, in body: Rect) -> Point {
        Point(
            x: body.x + grid.margin + (index % grid.perRow) * grid.cellWidth,
            y: body.y + 1 + index / grid.perRow)
    }

    /// The unit drawn at a screen position; with `labelled` (the output's classes) its label
    /// above counts too.
    static func unit(at point: Point, count: Int, labelled: Bool, in body: Rect) -> Int? {
        let grid = grid(count: count, labelled: labelled, in: body)
        return (0..<count).first { k in
            let origin = origin(k, grid: grid, in: body)
            let top = labelled ? body.y : origin.y
            return (top...origin.y).contains(point.y)
                && (origin.x..<(origin.x + grid.cellWidth)).contains(point.x)
        }
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let count = view.values.shape.channels
        let isOutput = view.description.layer == .probabilities
        let grid = Self.grid(count: count, labelled: isOutput, in: area)
        for k in 0..<count {
            let origin = Self.origin(k, grid: grid, in: area)
            if isOutput {
                // A class's label is its name cut to the unit's width, less a column between
                // labels when the names are longer than one character.
                let style = k == picked ? Style(bold: true, reverse: true) : Style.dim
                let name = k < classes.count ? classes[k] : "\(k)"
                let room = name.count > 1 ? max(1, grid.cellWidth - 1) : grid.cellWidth
                buffer.write(
                    String(name.prefix(room)), x: origin.x, y: area.y, style: style, clip: area)
            } else if k % grid.perRow == 0 {
                buffer.write(
                    NumberText.right("\(k + 1)", 3), x: area.x, y: origin.y, style: .dim,
                    clip: area)
            }
            let normalised = view.values[unit: k] / view.scale
            var cell = view.signed ? palette.signed(normalised) : palette.unsigned(normalised)
            if k == picked {
                cell.style.reverse = true
                if cell.character == " " { cell.character = "." }
            }
            for dx in 0..<(grid.cellWidth - (grid.cellWidth > 2 ? 1 : 0)) {
                buffer.set(origin.x + dx, origin.y, cell, clip: area)
            }
        }
        let rows = (count + grid.perRow - 1) / grid.perRow
        let value = view.values[unit: picked]
        let name = picked < classes.count ? classes[picked] : "\(picked)"
        let detail =
            isOutput && !view.beforeActivation
            ? "class \(name): probability \(percentText(value))"
            : "\(isOutput ? "class \(name)" : "unit \(picked + 1)"): " + fixed(value, 4)
        buffer.write(detail, x: area.x, y: area.y + rows + 2, style: .bold, clip: area)
    }
}
