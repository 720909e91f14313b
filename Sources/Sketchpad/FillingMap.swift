import LeNet5
import Screen

/// A map (or a list of units) filling up as a computation sweeps across it: the values computed so
/// far shown, the rest blank, the current one marked.
struct FillingMap: Widget, Equatable {
    let label: String
    /// The values, `rows` x `columns` row by row (a list of units is laid out in rows).
    let values: [Float]
    let rows: Int
    let columns: Int
    /// How many values, in reading order, are computed so far (the current one included).
    let filled: Int
    let scale: Float
    let signed: Bool

    var heatmap: Heatmap {
        let (values, columns) = (self.values, self.columns)
        return Heatmap(
            height: rows, width: columns,
            value: { y, x in y * columns + x < values.count ? values[y * columns + x] : 0 },
            scale: scale, signed: signed)
    }

    /// The current value's column and row.
    var current: Point { Point(x: (filled - 1) % columns, y: (filled - 1) / columns) }

    func size(zoom: Zoom) -> (columns: Int, rows: Int) { heatmap.size(zoom: zoom) }

    /// Draws the label and the map at the largest zoom that fits `area`, two columns a value at
    /// most.
    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            label, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        let heatmap = self.heatmap
        let zoom = heatmap.zoom(
            fitting: area.width, area.height - 1, levels: Zoom.unmagnified(palette))
        let origin = Point(x: area.x, y: area.y + 1)
        let (filled, columns) = (self.filled, self.columns)
        heatmap.render(
            into: &buffer, at: origin, zoom: zoom, palette: palette, clip: area,
            shown: { x, y in y * columns + x < filled })
        UnitMark.mark(current, zoom: zoom, origin: origin, into: &buffer, clip: area)
    }

    /// The smallest room that still shows the map at a square zoom of at most 4 values a character.
    func fits(in area: Rect, palette: Palette) -> Bool {
        let heatmap = self.heatmap
        let zoom = heatmap.zoom(
            fitting: area.width, area.height - 1, levels: Zoom.unmagnified(palette))
        let size = heatmap.size(zoom: zoom)
        return size.columns <= area.width && size.rows + 1 <= area.height && zoom.block.across <= 2
    }
}

extension FillingMap {
    /// The rows and columns of the map (or list of units) that `layer` fills.
    static func shape(of layer: NetworkLayer) -> (rows: Int, columns: Int) {
        let g = layer.geometry
        guard layer.isUnitList else { return (g.side, g.side) }
        let columns = g.maps <= 10 ? g.maps : 12
        return ((g.maps + columns - 1) / columns, columns)
    }

    /// Map `map` of `layer` (or its list of units, in rows of twelve, ten for the output) filled up
    /// to `position`.
    init(layer: NetworkLayer, map: Int, position: Int, trace: ForwardTrace) {
        let maps = trace.maps(layer.traced)
        let signed = layer != .output
        if layer.isUnitList {
            let (rows, columns) = Self.shape(of: layer)
            self.init(
                label: "\(layer.name), computed so far",
                values: (0..<maps.channels).map { maps[$0, 0, 0] }, rows: rows, columns: columns,
                filled: position + 1, scale: 1, signed: signed)
        } else {
            let side = maps.width
            self.init(
                label: "\(layer.name) map \(map + 1), computed so far",
                values: (0..<(side * side)).map { maps[map, $0 / side, $0 % side] }, rows: side,
                columns: side, filled: position + 1, scale: 1, signed: signed)
        }
    }
}
