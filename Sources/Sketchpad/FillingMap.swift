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

    /// The zoom the map is drawn at in `area`: the largest that fits under the label.
    static func zoom(rows: Int, columns: Int, in area: Rect, palette: Palette) -> Zoom {
        Heatmap.outline(height: rows, width: columns).zoom(
            fitting: area.width, area.height - 1, levels: Zoom.unmagnified(palette))
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
        let zoom = Self.zoom(rows: rows, columns: columns, in: area, palette: palette)
        let origin = Point(x: area.x, y: area.y + 1)
        let (filled, columns) = (self.filled, self.columns)
        heatmap.render(
            into: &buffer, at: origin, zoom: zoom, palette: palette, clip: area,
            shown: { x, y in y * columns + x < filled })
        UnitMark.mark(current, zoom: zoom, origin: origin, into: &buffer, clip: area)
    }

    /// The smallest room that still shows the map at a square zoom of at most 4 values a character.
    func fits(in area: Rect, palette: Palette) -> Bool {
        Self.fits(rows: rows, columns: columns, in: area, palette: palette)
    }

    static func fits(rows: Int, columns: Int, in area: Rect, palette: Palette) -> Bool {
        let zoom = self.zoom(rows: rows, columns: columns, in: area, palette: palette)
        let size = Heatmap.outline(height: rows, width: columns).size(zoom: zoom)
        return size.columns <= area.width && size.rows + 1 <= area.height && zoom.block.across <= 2
    }

    /// The place in reading order of the value under `point`, when a map of `rows` x `columns`
    /// holding `count` values is drawn in `area`; nil off the map.
    static func position(
        at point: Point, rows: Int, columns: Int, count: Int, in area: Rect, palette: Palette
    ) -> Int? {
        let zoom = self.zoom(rows: rows, columns: columns, in: area, palette: palette)
        guard
            let value = Heatmap.outline(height: rows, width: columns).value(
                atColumn: point.x - area.x, row: point.y - area.y - 1, zoom: zoom)
        else { return nil }
        let position = value.y * columns + value.x
        return position < count ? position : nil
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

extension FillingMap {
    /// Where the watch view of a unit of `layer` in `body` draws this layer's map filling up (a
    /// convolution's, a pooling's or a dense layer's view each place it their own way); nil when
    /// it has no room for it.
    static func area(of layer: NetworkLayer, in body: Rect, palette: Palette) -> Rect? {
        let shape = self.shape(of: layer)
        switch layer.geometry.kind {
        case .convolution:
            return ConvolutionView.plan(
                in: body, terms: layer.geometry.inputMaps, output: shape, palette: palette
            ).output
        case .averagePooling: return PoolingView.outputArea(layer, in: body, palette: palette)
        case .dense: return WeightedSumView.outputArea(shape, in: body, palette: palette)
        case .input: return nil
        }
    }

    /// The position of `layer`'s unit under a click at `point` in the watch view drawn in `body`.
    static func position(
        at point: Point, layer: NetworkLayer, in body: Rect, palette: Palette
    ) -> Int? {
        guard let area = area(of: layer, in: body, palette: palette), area.contains(point) else {
            return nil
        }
        let shape = self.shape(of: layer)
        let g = layer.geometry
        return position(
            at: point, rows: shape.rows, columns: shape.columns,
            count: layer.isUnitList ? g.maps : g.area, in: area, palette: palette)
    }
}
