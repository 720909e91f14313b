import Screen

/// Every map of a convolution or pooling layer (or the input) as heatmaps, labelled 1...n, the
/// picked one's label highlighted, and in it the picked value in reverse video.
struct MapGrid: Widget {
    let view: LayerView
    let picked: Int
    /// The panel has the keys: the picked label shows in reverse video.
    let focused: Bool
    /// The picked value of the picked map (column and row), marked while the panel has the keys.
    let unit: Point?

    struct Placement: Equatable {
        let index: Int
        /// Where the heatmap goes; its label is on the row above.
        let origin: Point
        let columns: Int
        let rows: Int
    }

    /// Whether maps have a label row above them (a layer of one map has none).
    static func labelled(_ shape: MapShape) -> Bool { shape.channels > 1 }

    /// The zoom and position of each map that fits in `body`, the picked one always among them.
    /// Every map of the layer is shown at once if any zoom of `levels` allows, the largest such.
    static func placements(_ shape: MapShape, in body: Rect, picked: Int, levels: [Zoom]) -> (
        zoom: Zoom, maps: [Placement]
    ) {
        let count = shape.channels
        let labelRows = labelled(shape) ? 1 : 0
        func layout(_ zoom: Zoom) -> (perRow: Int, size: (columns: Int, rows: Int), fits: Bool) {
            let size = Heatmap.size(height: shape.height, width: shape.width, zoom: zoom)
            let most = max(1, (body.width + 2) / (size.columns + 2))
            let rows = (count + most - 1) / most
            // Rows as even as the count allows: six maps three and three, not five and one.
            let perRow = (count + rows - 1) / rows
            return (
                perRow, size,
                size.columns <= body.width
                    && rows * (size.rows + labelRows) + rows - 1 <= body.height
            )
        }
        let zoom = levels.first { layout($0).fits } ?? levels[levels.count - 1]
        let (perRow, size, _) = layout(zoom)
        let rowsThatFit = max(1, (body.height + 1) / (size.rows + labelRows + 1))
        let visible = min(count, perRow * rowsThatFit)
        // When not all fit, show the page of maps that holds the picked one.
        let first = (picked / max(1, visible)) * visible
        var maps = [Placement]()
        for index in first..<min(count, first + visible) {
            let slot = index - first
            let origin = Point(
                x: body.x + (slot % perRow) * (size.columns + 2),
                y: body.y + (slot / perRow) * (size.rows + labelRows + 1) + labelRows)
            maps.append(
                Placement(index: index, origin: origin, columns: size.columns, rows: size.rows))
        }
        return (zoom, maps)
    }

    /// The map drawn at a screen position, label included, and the value under it (nil on the
    /// label).
    static func map(at point: Point, shape: MapShape, in body: Rect, picked: Int, levels: [Zoom])
        -> (map: Int, unit: Point?)?
    {
        let labelRows = labelled(shape) ? 1 : 0
        let (zoom, maps) = placements(shape, in: body, picked: picked, levels: levels)
        guard
            let map = maps.first(where: { map in
                Rect(
                    x: map.origin.x, y: map.origin.y - labelRows, width: map.columns,
                    height: map.rows + labelRows
                ).contains(point)
            })
        else { return nil }
        let heatmap = Heatmap.outline(height: shape.height, width: shape.width)
        let value = heatmap.value(
            atColumn: point.x - map.origin.x, row: point.y - map.origin.y, zoom: zoom)
        return (map.index, value.map { Point(x: $0.x, y: $0.y) })
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let shape = view.values.shape
        let (zoom, maps) = Self.placements(
            shape, in: area, picked: picked, levels: Zoom.levels(palette))
        for map in maps {
            if Self.labelled(shape) {
                let selected = map.index == picked
                let style =
                    selected && focused
                    ? Style(bold: true, reverse: true) : (selected ? Style.bold : Style.dim)
                buffer.write(
                    "\(map.index + 1)", x: map.origin.x, y: map.origin.y - 1, style: style,
                    clip: area)
            }
            view.heatmap(channel: map.index).render(
                into: &buffer, at: map.origin, zoom: zoom, palette: palette, clip: area)
            if map.index == picked, focused, let unit {
                UnitMark.mark(unit, zoom: zoom, origin: map.origin, into: &buffer, clip: area)
            }
        }
        if maps.count < shape.channels, let first = maps.first, let last = maps.last {
            buffer.writeShortening(
                "maps \(first.index + 1)-\(last.index + 1) of \(shape.channels); "
                    + "enlarge the terminal (or f) to see all",
                x: area.x, y: area.maxY - 1, style: .dim, clip: area, palette: palette)
        }
    }
}

/// The picked value shown in a heatmap: its character(s) in reverse video, or where reverse
/// video cannot show on a blank, brackets.
enum UnitMark {
    static func mark(
        _ unit: Point, zoom: Zoom, origin: Point, into buffer: inout CellBuffer, clip: Rect
    ) {
        let (column, row) = Heatmap.cell(of: unit.x, unit.y, zoom: zoom)
        let (width, height) = zoom.cell
        for (dx, dy) in (0..<height).flatMap({ dy in (0..<width).map { ($0, dy) } }) {
            let (x, y) = (origin.x + column + dx, origin.y + row + dy)
            guard buffer.area.contains(Point(x: x, y: y)), clip.contains(Point(x: x, y: y)) else {
                continue
            }
            var cell = buffer[x, y]
            cell.style.reverse = true
            cell.style.bold = true
            if case .halfBlocks = zoom {
                // Reversed, a half block only swaps its two colours: a plain mark instead.
                cell = Cell("+", Style(bold: true, reverse: true))
            } else if cell.character == " " {
                // A blank in reverse video is a solid block, which reads as ink: brackets instead.
                let bracket: Unicode.Scalar = dx == 0 ? "[" : (dx == width - 1 ? "]" : " ")
                cell = Cell(width >= 2 ? bracket : "+", Style(bold: true, reverse: width > 2))
            }
            buffer[x, y] = cell
        }
    }
}
