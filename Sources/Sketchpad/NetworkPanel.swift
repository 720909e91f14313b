import LeNet5

/// The network panel: the layers as tabs, the selected layer's maps as heatmaps, and with Enter
/// the picked map enlarged beside the kernels that made it.
struct NetworkPanel {
    let state: SketchpadState
    let area: Rect

    var inner: Rect { area.inset(1) }

    /// Rows above the maps: tabs, two lines on the layer, a blank.
    static let headerRows = 4
    /// Rows below: the legend and the key hints.
    static let footerRows = 2

    var body: Rect {
        Rect(
            x: inner.x, y: inner.y + Self.headerRows, width: inner.width,
            height: inner.height - Self.headerRows - Self.footerRows)
    }

    var view: LayerView {
        LayerView(
            state.selectedLayer, trace: state.network.trace, preActivation: state.showPreActivation)
    }

    func render(into buffer: inout CellBuffer, palette: Palette) {
        buffer.frame(area, title: "Network", palette: palette, highlighted: state.focus == .network)
        guard inner.width >= 20 && inner.height >= 8 else { return }
        renderTabs(into: &buffer)
        let view = self.view
        renderInfo(view, into: &buffer)
        renderFooter(view, into: &buffer, palette: palette)
        guard state.network.hasPrediction else {
            buffer.write(
                "Draw a digit on the canvas:", x: body.x + 1, y: body.y + 1, style: .dim, clip: body
            )
            buffer.write(
                "each layer's feature maps appear here.", x: body.x + 1, y: body.y + 2, style: .dim,
                clip: body)
            return
        }
        if state.zoomed {
            ZoomView(state: state, view: view, area: body).render(into: &buffer, palette: palette)
        } else if view.isSpatial {
            renderMaps(view, into: &buffer, palette: palette)
        } else {
            renderUnits(view, into: &buffer, palette: palette)
        }
    }

    func renderTabs(into buffer: inout CellBuffer) {
        let names = LeNet5.architecture.map(\.name)
        // Roomy tabs where they fit, else names one space apart.
        let roomy = names.map { $0.count + 3 }.reduce(0, +) <= inner.width
        var x = inner.x
        for (index, name) in names.enumerated() {
            let selected = index == state.layerIndex
            let style = selected ? Style(bold: true, reverse: true) : Style.plain
            x =
                buffer.write(
                    roomy ? " \(name) " : name, x: x, y: inner.y, style: style, clip: inner) + 1
        }
    }

    func renderInfo(_ view: LayerView, into buffer: inout CellBuffer) {
        let layer = view.description
        var role = layer.role
        if view.beforeActivation {
            role +=
                view.traced == .logits
                ? " - showing logits, before softmax" : " - showing values before tanh"
        }
        if layer.layer == .input { role = "what the network sees: the drawing, scaled and centred" }
        buffer.write(
            [(layer.name + "  ", .bold), (role, .plain)], x: inner.x, y: inner.y + 1, clip: inner)
        let shape = layer.shape.map(String.init).joined(separator: "x")
        let noun = view.isSpatial ? "map" : (layer.layer == .probabilities ? "class" : "unit")
        let number = state.mapIndex + (layer.layer == .probabilities ? 0 : 1)
        var range = ""
        if state.network.hasPrediction {
            let values = view.maps.range()
            range = "values \(fixed(values.lowerBound, 2)) to \(fixed(values.upperBound, 2))  "
        }
        var facts =
            "output \(shape)  \(grouped(layer.parameterCount)) parameters  \(range)\(noun) \(number) of \(state.mapCount)"
        if facts.count > inner.width {
            facts =
                "\(shape)  \(grouped(layer.parameterCount)) params  \(range)\(noun) \(number)/\(state.mapCount)"
        }
        buffer.write(facts, x: inner.x, y: inner.y + 2, style: .dim, clip: inner)
    }

    func renderFooter(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let legendY = inner.maxY - 2
        var pieces: [(String, Style)] = [("shades ", .dim)]
        pieces += palette.legend(signed: view.signed)
        pieces.append((view.scaleText, .dim))
        buffer.write(pieces, x: inner.x, y: legendY, clip: inner)
        let a = palette.arrows
        let hint: String
        if state.focus == .network {
            hint =
                state.zoomed
                ? "\(a.left)\(a.right) map  \(a.up)\(a.down) layer  Enter/Esc back  a before/after tanh"
                : "\(a.left)\(a.right) map  \(a.up)\(a.down) layer  Enter zoom  Esc draw  a before/after tanh"
        } else {
            hint = "Tab: explore the layers (n/N next/previous)"
        }
        buffer.write(hint, x: inner.x, y: inner.maxY - 1, style: .dim, clip: inner)
    }

    // MARK: Maps of a convolution or pooling layer

    struct Placement {
        let index: Int
        /// Where the heatmap goes; its label is on the row above.
        let origin: Point
        let size: (columns: Int, rows: Int)
    }

    /// The zoom level and position of each map that fits, the picked one always among them.
    func placements(_ view: LayerView) -> (zoom: Int, maps: [Placement]) {
        let count = view.maps.channels
        var zoom = 0
        var size = Heatmap.size(height: view.maps.height, width: view.maps.width, zoom: 0)
        var perRow = 1
        while true {
            size = Heatmap.size(height: view.maps.height, width: view.maps.width, zoom: zoom)
            perRow = max(1, (body.width + 2) / (size.columns + 2))
            let rows = (count + perRow - 1) / perRow
            if rows * (size.rows + 1) <= body.height || zoom >= 8 { break }
            zoom += 1
        }
        let rowsThatFit = max(1, body.height / (size.rows + 1))
        let visible = min(count, perRow * rowsThatFit)
        // When not all fit, show the page of maps that holds the picked one.
        let first = (state.mapIndex / max(1, visible)) * visible
        var maps = [Placement]()
        for index in first..<min(count, first + visible) {
            let slot = index - first
            let origin = Point(
                x: body.x + (slot % perRow) * (size.columns + 2),
                y: body.y + (slot / perRow) * (size.rows + 1) + 1)
            maps.append(Placement(index: index, origin: origin, size: size))
        }
        return (zoom, maps)
    }

    func renderMaps(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let (zoom, maps) = placements(view)
        for map in maps {
            let selected = map.index == state.mapIndex
            let label = view.description.layer == .input ? "input" : "\(map.index + 1)"
            let style =
                selected && state.focus == .network
                ? Style(bold: true, reverse: true) : (selected ? Style.bold : Style.dim)
            buffer.write(label, x: map.origin.x, y: map.origin.y - 1, style: style, clip: body)
            view.heatmap(channel: map.index).render(
                into: &buffer, at: map.origin, zoom: zoom, palette: palette, clip: body)
        }
        if maps.count < view.maps.channels, let last = maps.last {
            buffer.write(
                "maps \(maps[0].index + 1)-\(last.index + 1) of \(view.maps.channels)",
                x: body.x, y: body.maxY - 1, style: .dim, clip: body)
        }
    }

    // MARK: Units of a dense layer

    /// Units per row, and the width of a unit in columns.
    func unitGrid(_ view: LayerView) -> (perRow: Int, cellWidth: Int) {
        let count = view.maps.channels
        if count <= 10 { return (count, max(2, min(6, (body.width - 4) / count))) }
        let perRow = min(12, max(1, (body.width - 5) / 2))
        return (perRow, 2)
    }

    func unitOrigin(_ index: Int, grid: (perRow: Int, cellWidth: Int)) -> Point {
        Point(
            x: body.x + 4 + (index % grid.perRow) * grid.cellWidth,
            y: body.y + 1 + index / grid.perRow)
    }

    func renderUnits(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let grid = unitGrid(view)
        let count = view.maps.channels
        let isOutput = view.description.layer == .probabilities
        if isOutput {
            for k in 0..<count {
                let origin = unitOrigin(k, grid: grid)
                buffer.write(
                    "\(k)", x: origin.x, y: body.y,
                    style: k == state.mapIndex ? Style(bold: true, reverse: true) : .dim, clip: body
                )
            }
        }
        for k in 0..<count {
            let origin = unitOrigin(k, grid: grid)
            let y = isOutput ? origin.y : origin.y
            if k % grid.perRow == 0 && !isOutput {
                buffer.write(
                    String(repeating: " ", count: max(0, 3 - String(k + 1).count)) + "\(k + 1)",
                    x: body.x, y: y, style: .dim, clip: body)
            }
            let v = view.maps[unit: k] / view.scale
            var cell = view.signed ? palette.signed(v) : palette.unsigned(v)
            if k == state.mapIndex {
                cell.style.reverse = true
                if cell.character == " " { cell.character = "." }
            }
            for dx in 0..<grid.cellWidth - (grid.cellWidth > 2 ? 1 : 0) {
                buffer.set(origin.x + dx, y, cell, clip: body)
            }
        }
        let rows = (count + grid.perRow - 1) / grid.perRow
        let detailY = body.y + rows + 2
        let value = view.maps[unit: state.mapIndex]
        let noun = isOutput ? "class \(state.mapIndex)" : "unit \(state.mapIndex + 1)"
        var detail = "\(noun): \(fixed(value, 4))"
        if isOutput && !view.beforeActivation {
            detail = "class \(state.mapIndex): probability \(percentText(value))"
        }
        buffer.write(detail, x: body.x, y: detailY, style: .bold, clip: body)
    }

    // MARK: Hit testing

    /// The map or unit at a screen position in the overview, if any.
    func map(at point: Point) -> Int? {
        guard state.network.hasPrediction, body.contains(point) else { return nil }
        let view = self.view
        if view.isSpatial {
            for map in placements(view).maps {
                let rect = Rect(
                    x: map.origin.x, y: map.origin.y - 1, width: map.size.columns,
                    height: map.size.rows + 1)
                if rect.contains(point) { return map.index }
            }
            return nil
        }
        let grid = unitGrid(view)
        for k in 0..<view.maps.channels {
            let origin = unitOrigin(k, grid: grid)
            if point.y == origin.y && (origin.x..<(origin.x + grid.cellWidth)).contains(point.x) {
                return k
            }
        }
        return nil
    }
}
