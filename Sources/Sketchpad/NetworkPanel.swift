import LeNet5

/// The network panel: the layers as tabs, the selected layer's maps as heatmaps, and with Enter
/// the picked map enlarged beside the kernels that made it.
struct NetworkPanel {
    let state: SketchpadState
    let area: Rect

    var inner: Rect { area.inset(1) }

    /// Rows above the maps: the tabs and two lines on the layer.
    static let headerRows = 3
    /// Rows below: the legend and the key hints.
    static let footerRows = 2

    var body: Rect {
        Rect(
            x: inner.x + 1, y: inner.y + Self.headerRows + 1, width: inner.width - 1,
            height: inner.height - Self.headerRows - Self.footerRows - 1)
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
        renderInfo(view, into: &buffer, palette: palette)
        renderFooter(view, into: &buffer, palette: palette)
        guard state.network.hasPrediction else {
            let lines =
                state.network.status == .tooSmall
                ? ["The drawing is too small to classify:", "draw the digit bigger."]
                : ["Draw a digit on the canvas:", "each layer's feature maps appear here."]
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: body.x, y: body.y + i, style: .dim, clip: body)
            }
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

    // MARK: Tabs

    /// Each layer's tab: its text and the columns it covers.
    var tabs: [(text: String, columns: Range<Int>)] {
        let names = LeNet5.architecture.map(\.name)
        // Roomy tabs where they fit, else names one space apart.
        let roomy = names.map { $0.count + 3 }.reduce(0, +) <= inner.width
        var x = roomy ? inner.x : inner.x + 1
        return names.map { name in
            let text = roomy ? " \(name) " : name
            defer { x += text.count + 1 }
            return (text, x..<(x + text.count))
        }
    }

    func renderTabs(into buffer: inout CellBuffer) {
        for (index, tab) in tabs.enumerated() {
            let style = index == state.layerIndex ? Style(bold: true, reverse: true) : Style.plain
            buffer.write(
                tab.text, x: tab.columns.lowerBound, y: inner.y, style: style, clip: inner)
        }
    }

    /// The layer whose tab is at a screen position.
    func layer(at point: Point) -> Int? {
        guard point.y == inner.y else { return nil }
        return tabs.firstIndex { $0.columns.contains(point.x) }
    }

    // MARK: Header and footer

    func renderInfo(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let layer = view.description
        var role = layer.role
        if view.beforeActivation {
            role +=
                view.traced == .logits
                ? ": showing the logits, before softmax" : ": showing values before tanh"
        }
        if layer.layer == .input { role = "what the network sees: the drawing, scaled and centred" }
        let line = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 1, height: 1)
        buffer.write(layer.name + "  ", x: line.x, y: line.y, style: .bold, clip: line)
        buffer.writeShortening(
            role, x: line.x + layer.name.count + 2, y: line.y, clip: line, palette: palette)
        let shape = layer.shape.map(String.init).joined(separator: "x")
        let position: String
        switch layer.layer {
        case .input: position = ""
        case .probabilities: position = "class \(state.mapIndex) (0-9)"
        default:
            position =
                "\(view.isSpatial ? "map" : "unit") \(state.mapIndex + 1) of \(state.mapCount)"
        }
        var range = ""
        if state.network.hasPrediction {
            let values = view.maps.range()
            range = "values \(fixed(values.lowerBound, 2)) to \(fixed(values.upperBound, 2))"
        }
        var facts = [
            "output \(shape)", "\(grouped(layer.parameterCount)) parameters", range, position,
        ]
        if facts.joined(separator: "  ").count > inner.width - 1 {
            facts = [shape, "\(grouped(layer.parameterCount)) params", range, position]
        }
        buffer.writeShortening(
            facts.filter { !$0.isEmpty }.joined(separator: "  "), x: inner.x + 1, y: inner.y + 2,
            style: .dim,
            clip: Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 1, height: 1),
            palette: palette)
    }

    func renderFooter(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let legend = Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 1, height: 1)
        let ends = view.legendEnds
        buffer.write(
            [("shades ", .dim)]
                + palette.legend(signed: view.signed, low: ends.low, high: ends.high),
            x: legend.x, y: legend.y, clip: legend)
        let a = palette.arrows
        var hints: [String]
        if state.focus == .network {
            hints = ["\(a.left)\(a.right) map", "\(a.up)\(a.down) layer"]
            hints.append(state.zoomed ? "Enter/Esc back" : "Enter zoom")
            if view.hasPreActivation {
                hints.append(
                    view.description.layer == .probabilities ? "a logits" : "a before tanh")
            }
            if !state.zoomed { hints.append("Esc draw") }
        } else {
            hints = ["Tab: explore the layers (n/N next/previous)"]
        }
        let line = Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, height: 1)
        buffer.writeShortening(
            hints.joined(separator: "  "), x: line.x, y: line.y, style: .dim, clip: line,
            palette: palette)
    }

    // MARK: Maps of a convolution or pooling layer

    struct Placement {
        let index: Int
        /// Where the heatmap goes; its label is on the row above.
        let origin: Point
        let size: (columns: Int, rows: Int)
    }

    /// Whether a map has a label row above it (a layer of one map has none).
    func labelled(_ view: LayerView) -> Bool { view.maps.channels > 1 }

    /// The zoom and position of each map that fits, the picked one always among them. Every map
    /// of the layer is shown at once if any zoom allows; full resolution is preferred (square
    /// pixels, then tall ones) to averaging.
    func placements(_ view: LayerView) -> (zoom: Zoom, maps: [Placement]) {
        let count = view.maps.channels
        let labelRows = labelled(view) ? 1 : 0
        func layout(_ zoom: Zoom) -> (perRow: Int, size: (columns: Int, rows: Int), fits: Bool) {
            let size = Heatmap.size(height: view.maps.height, width: view.maps.width, zoom: zoom)
            let perRow = max(1, (body.width + 2) / (size.columns + 2))
            let rows = (count + perRow - 1) / perRow
            return (perRow, size, rows * (size.rows + labelRows) + rows - 1 <= body.height)
        }
        let zoom = Zoom.all.first { layout($0).fits } ?? Zoom.all[Zoom.all.count - 1]
        let (perRow, size, _) = layout(zoom)
        let rowsThatFit = max(1, (body.height + 1) / (size.rows + labelRows + 1))
        let visible = min(count, perRow * rowsThatFit)
        // When not all fit, show the page of maps that holds the picked one.
        let first = (state.mapIndex / max(1, visible)) * visible
        var maps = [Placement]()
        for index in first..<min(count, first + visible) {
            let slot = index - first
            let origin = Point(
                x: body.x + (slot % perRow) * (size.columns + 2),
                y: body.y + (slot / perRow) * (size.rows + labelRows + 1) + labelRows)
            maps.append(Placement(index: index, origin: origin, size: size))
        }
        return (zoom, maps)
    }

    func renderMaps(_ view: LayerView, into buffer: inout CellBuffer, palette: Palette) {
        let (zoom, maps) = placements(view)
        for map in maps {
            if labelled(view) {
                let selected = map.index == state.mapIndex
                let style =
                    selected && state.focus == .network
                    ? Style(bold: true, reverse: true) : (selected ? Style.bold : Style.dim)
                buffer.write(
                    "\(map.index + 1)", x: map.origin.x, y: map.origin.y - 1, style: style,
                    clip: body)
            }
            view.heatmap(channel: map.index).render(
                into: &buffer, at: map.origin, zoom: zoom, palette: palette, clip: body)
        }
        if maps.count < view.maps.channels, let last = maps.last {
            buffer.write(
                "maps \(maps[0].index + 1)-\(last.index + 1) of \(view.maps.channels); "
                    + "enlarge the terminal to see all",
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
        for k in 0..<count {
            let origin = unitOrigin(k, grid: grid)
            if isOutput {
                let style =
                    k == state.mapIndex ? Style(bold: true, reverse: true) : Style.dim
                buffer.write("\(k)", x: origin.x, y: body.y, style: style, clip: body)
            } else if k % grid.perRow == 0 {
                buffer.write(
                    NumberText.right("\(k + 1)", 3), x: body.x, y: origin.y, style: .dim,
                    clip: body)
            }
            var cell =
                view.signed
                ? palette.signed(view.maps[unit: k] / view.scale)
                : palette.unsigned(view.maps[unit: k] / view.scale)
            if k == state.mapIndex {
                cell.style.reverse = true
                if cell.character == " " { cell.character = "." }
            }
            for dx in 0..<(grid.cellWidth - (grid.cellWidth > 2 ? 1 : 0)) {
                buffer.set(origin.x + dx, origin.y, cell, clip: body)
            }
        }
        let rows = (count + grid.perRow - 1) / grid.perRow
        let value = view.maps[unit: state.mapIndex]
        let detail =
            isOutput && !view.beforeActivation
            ? "class \(state.mapIndex): probability \(percentText(value))"
            : "\(isOutput ? "class \(state.mapIndex)" : "unit \(state.mapIndex + 1)"): "
                + fixed(value, 4)
        buffer.write(detail, x: body.x, y: body.y + rows + 2, style: .bold, clip: body)
    }

    // MARK: Hit testing

    /// The map or unit at a screen position in the overview, if any.
    func map(at point: Point) -> Int? {
        guard state.network.hasPrediction, !state.zoomed, body.contains(point) else { return nil }
        let view = self.view
        if view.isSpatial {
            let labelRows = labelled(view) ? 1 : 0
            for map in placements(view).maps {
                let rect = Rect(
                    x: map.origin.x, y: map.origin.y - labelRows, width: map.size.columns,
                    height: map.size.rows + labelRows)
                if rect.contains(point) { return map.index }
            }
            return nil
        }
        let grid = unitGrid(view)
        for k in 0..<view.maps.channels {
            let origin = unitOrigin(k, grid: grid)
            let top = view.description.layer == .probabilities ? body.y : origin.y
            if (top...origin.y).contains(point.y)
                && (origin.x..<(origin.x + grid.cellWidth)).contains(point.x)
            {
                return k
            }
        }
        return nil
    }
}

extension CellBuffer {
    /// Writes `text`, cut to the clip's width with an ellipsis at the end when it does not fit.
    mutating func writeShortening(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect, palette: Palette
    ) {
        let room = clip.maxX - x
        guard text.count > room, room > 3 else {
            write(text, x: x, y: y, style: style, clip: clip)
            return
        }
        let ellipsis = palette.options.ascii ? "..." : "\u{2026}"
        write(
            String(text.prefix(room - ellipsis.count)) + ellipsis, x: x, y: y, style: style,
            clip: clip)
    }
}
