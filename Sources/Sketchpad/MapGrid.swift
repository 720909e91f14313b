import Screen

/// Every map of a convolution or pooling layer (or the input) as heatmaps, labelled 1...n, the
/// picked one's label highlighted.
struct MapGrid: Widget {
    let view: LayerView
    let picked: Int
    /// The panel has the keys: the picked label shows in reverse video.
    let focused: Bool

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
    /// Every map of the layer is shown at once if any zoom allows; full resolution is preferred
    /// (square pixels, then tall ones) to averaging.
    static func placements(_ shape: MapShape, in body: Rect, picked: Int) -> (
        zoom: Zoom, maps: [Placement]
    ) {
        let count = shape.channels
        let labelRows = labelled(shape) ? 1 : 0
        func layout(_ zoom: Zoom) -> (perRow: Int, size: (columns: Int, rows: Int), fits: Bool) {
            let size = Heatmap.size(height: shape.height, width: shape.width, zoom: zoom)
            let perRow = max(1, (body.width + 2) / (size.columns + 2))
            let rows = (count + perRow - 1) / perRow
            return (perRow, size, rows * (size.rows + labelRows) + rows - 1 <= body.height)
        }
        let zoom = Zoom.all.first { layout($0).fits } ?? Zoom.all[Zoom.all.count - 1]
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

    /// The map drawn at a screen position, label included.
    static func map(at point: Point, shape: MapShape, in body: Rect, picked: Int) -> Int? {
        let labelRows = labelled(shape) ? 1 : 0
        return placements(shape, in: body, picked: picked).maps.first { map in
            Rect(
                x: map.origin.x, y: map.origin.y - labelRows, width: map.columns,
                height: map.rows + labelRows
            ).contains(point)
        }?.index
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let shape = view.values.shape
        let (zoom, maps) = Self.placements(shape, in: area, picked: picked)
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
        }
        if maps.count < shape.channels, let first = maps.first, let last = maps.last {
            buffer.write(
                "maps \(first.index + 1)-\(last.index + 1) of \(shape.channels); "
                    + "enlarge the terminal to see all",
                x: area.x, y: area.maxY - 1, style: .dim, clip: area)
        }
    }
}
