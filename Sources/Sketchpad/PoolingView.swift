import LeNet5
import Screen
import Teaching

/// A pooling unit computed before the class's eyes: the 2x2 block of the map below, its four
/// values and their mean, the block marked on that map, and this layer's map filling up.
struct PoolingView: Widget {
    let unit: NetworkUnit
    let mean: BlockMean
    /// The map the block is taken from.
    let source: MapValues
    let output: FillingMap

    /// The rows it takes at `width` for a unit of `layer` (S2 or S4): the title, the block and
    /// its mean, and the maps as large as half the width allows.
    static func height(_ layer: NetworkLayer, width: Int, most: Int, palette: Palette) -> Int {
        let g = layer.geometry
        let source = Heatmap.outline(height: g.inputSide, width: g.inputSide)
        let rest = most - 3 - (g.kernelSide + 1)
        let zoom = source.zoom(fitting: width / 2 - 1, rest - 1, levels: Zoom.levels(palette))
        return min(most, 3 + g.kernelSide + 1 + 1 + source.size(zoom: zoom).rows)
    }

    var title: String {
        FactSheet.name(unit).capitalisedFirst
            + ": the mean of a 2x2 block of \(mean.inputLayer.name) map "
            + "\(mean.inputMap + 1)"
    }

    var sumLine: String {
        "(" + mean.values.map { fixed($0, 2) }.joined(separator: " + ") + ") / "
            + "\(mean.values.count) = \(fixed(mean.mean, 4))"
    }

    /// Under the block: the map below with the block marked (its half of the room and zoom),
    /// beside it this layer's map filling up, or that alone when the two do not fit side by side.
    static func places(_ layer: NetworkLayer, in area: Rect, palette: Palette) -> (
        rest: Rect, source: (Rect, Zoom)?, output: Rect?
    ) {
        let g = layer.geometry
        let gridHeight = g.kernelSide + 1
        let rest = Rect(
            x: area.x, y: area.y + 3 + gridHeight, width: area.width,
            height: area.maxY - area.y - 3 - gridHeight)
        let output = FillingMap.shape(of: layer)
        func fits(_ place: Rect) -> Rect? {
            FillingMap.fits(rows: output.rows, columns: output.columns, in: place, palette: palette)
                ? place : nil
        }
        let source = Heatmap.outline(height: g.inputSide, width: g.inputSide)
        let half = Rect(x: rest.x, y: rest.y, width: rest.width / 2 - 1, height: rest.height)
        let zoom = source.zoom(fitting: half.width, half.height - 1, levels: Zoom.levels(palette))
        let size = source.size(zoom: zoom)
        guard size.columns <= half.width, size.rows + 1 <= half.height else {
            return (rest, nil, fits(rest))
        }
        let other = Rect(
            x: half.x + size.columns + 3, y: rest.y, width: rest.maxX - half.x - size.columns - 3,
            height: rest.height)
        return (rest, (half, zoom), fits(other))
    }

    /// Where this layer's map fills up in `area`.
    static func outputArea(_ layer: NetworkLayer, in area: Rect, palette: Palette) -> Rect? {
        places(layer, in: area, palette: palette).output
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            title, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        let side = mean.window.width
        let grid = NumberGrid(
            label: "the block", values: mean.values, side: side, scale: 1, signed: true)
        grid.render(
            in: Rect(x: area.x, y: area.y + 2, width: grid.width, height: grid.height),
            into: &buffer, palette: palette)
        let lines = [sumLine, "no weights: only the average"]
        let right = Rect(
            x: area.x + grid.width + 3, y: area.y + 3, width: area.width - grid.width - 3,
            height: grid.height)
        for (i, line) in lines.enumerated() {
            buffer.writeShortening(
                line, x: right.x, y: right.y + i, style: i == 0 ? .bold : .dim, clip: right,
                palette: palette)
        }
        // The source map with the block marked, and the output filling, side by side if they fit.
        let (channel, values) = (mean.inputMap, source)
        let heatmap = Heatmap(
            height: values.shape.height, width: values.shape.width,
            value: { values[channel, $0, $1] }, scale: 1, signed: true)
        let places = Self.places(unit.layer, in: area, palette: palette)
        if let (half, zoom) = places.source {
            buffer.writeShortening(
                "\(mean.inputLayer.name) map \(channel + 1)", x: half.x, y: half.y, style: .bold,
                clip: half, palette: palette)
            let origin = Point(x: half.x, y: half.y + 1)
            heatmap.render(
                into: &buffer, at: origin, zoom: zoom, palette: palette, clip: places.rest)
            for y in mean.window.y0...mean.window.y1 {
                for x in mean.window.x0...mean.window.x1 {
                    UnitMark.mark(
                        Point(x: x, y: y), zoom: zoom, origin: origin, into: &buffer,
                        clip: places.rest)
                }
            }
        }
        if let place = places.output { output.render(in: place, into: &buffer, palette: palette) }
    }
}
