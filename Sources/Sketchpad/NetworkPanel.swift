import LeNet5
import Screen

/// Where the network panel puts its parts inside its frame: the same for drawing and for telling
/// which tab or map a click landed on.
struct PanelLayout {
    let area: Rect

    /// Rows above the maps: the tabs and two lines on the layer.
    static let headerRows = 3
    /// Rows below: the legend and the key hints.
    static let footerRows = 2

    var inner: Rect { area.inset(1) }
    /// Too little room draws the frame alone.
    var hasRoom: Bool { inner.width >= 20 && inner.height >= 8 }
    var tabRow: Rect { Rect(x: inner.x, y: inner.y, width: inner.width, height: 1) }
    var header: Rect { Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 1, height: 2) }
    var footer: Rect {
        Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 1, height: Self.footerRows)
    }
    var body: Rect {
        Rect(
            x: inner.x + 1, y: inner.y + Self.headerRows + 1, width: inner.width - 1,
            height: inner.height - Self.headerRows - Self.footerRows - 1)
    }

    var tabs: [LayerTabs.Tab] {
        LayerTabs.tabs(LeNet5.architecture.map(\.name), in: tabRow)
    }

    /// The layer whose tab is at a screen position.
    func layer(at point: Point) -> Int? {
        guard point.y == tabRow.y else { return nil }
        return tabs.firstIndex { $0.columns.contains(point.x) }
    }

    /// The map (or unit) of `layer` drawn at a screen position in the overview, if any.
    func map(at point: Point, layer: LayerDescription, picked: Int) -> Int? {
        guard body.contains(point) else { return nil }
        let shape = MapShape(layer)
        if shape.isSpatial { return MapGrid.map(at: point, shape: shape, in: body, picked: picked) }
        return UnitGrid.unit(
            at: point, count: shape.channels, labelled: layer.layer == .probabilities, in: body)
    }
}

/// The network panel: the layers as tabs, two lines on the selected layer, its maps (or units,
/// or with Enter the picked one enlarged beside what made it), the shades' legend and the keys.
struct NetworkPanel: Widget {
    /// What the panel shows, as the state picked it.
    struct Selection: Equatable {
        let layerIndex: Int
        let mapIndex: Int
        let zoomed: Bool
        let preActivation: Bool
        let focused: Bool
    }

    let selection: Selection
    let reading: NetworkReading

    var layer: LayerDescription { reading.model.architecture[selection.layerIndex] }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.frame(area, title: "Network", palette: palette, highlighted: selection.focused)
        let layout = PanelLayout(area: area)
        guard layout.hasRoom else { return }
        let layer = self.layer
        LayerTabs(names: LeNet5.architecture.map(\.name), selected: selection.layerIndex)
            .render(in: layout.tabRow, into: &buffer, palette: palette)
        let view = reading.trace.map {
            LayerView(layer, trace: $0, preActivation: selection.preActivation)
        }
        let traced = LayerView.traced(layer, preActivation: selection.preActivation)
        LayerHeader(
            layer: layer, traced: traced, picked: selection.mapIndex, range: view?.range,
            classes: reading.classes
        ).render(in: layout.header, into: &buffer, palette: palette)
        PanelFooter(
            legend: view?.legend ?? Legend.unscaled(traced),
            hints: Self.hints(selection, layer: layer, arrows: palette.arrows)
        ).render(in: layout.footer, into: &buffer, palette: palette)
        let body = layout.body
        guard let view else {
            let lines =
                reading.outcome == .tooSmall
                ? ["The drawing is too small to classify:", "draw the digit bigger."]
                : ["Draw a digit on the canvas:", "each layer's feature maps appear here."]
            buffer.write(lines, in: body, style: .dim)
            return
        }
        if selection.zoomed {
            ZoomView(view, picked: selection.mapIndex, reading: reading)
                .render(in: body, into: &buffer, palette: palette)
        } else if view.isSpatial {
            MapGrid(view: view, picked: selection.mapIndex, focused: selection.focused)
                .render(in: body, into: &buffer, palette: palette)
        } else {
            UnitGrid(view: view, picked: selection.mapIndex, classes: reading.classes)
                .render(in: body, into: &buffer, palette: palette)
        }
    }

    /// The keys that work in the panel now. `a` says what it will show: the values before the
    /// activation, or (while they show) the way back.
    static func hints(
        _ selection: Selection, layer: LayerDescription,
        arrows a: (left: String, right: String, up: String, down: String)
    ) -> [String] {
        guard selection.focused else { return ["Tab: explore the layers (n/N next/previous)"] }
        var hints = ["\(a.left)\(a.right) map", "\(a.up)\(a.down) layer"]
        hints.append(selection.zoomed ? "Enter/Esc back" : "Enter zoom")
        if LayerView.hasPreActivation(layer) {
            let output = layer.layer == .probabilities
            switch (output, selection.preActivation) {
            case (true, false): hints.append("a logits")
            case (true, true): hints.append("a probabilities")
            case (false, false): hints.append("a before tanh")
            case (false, true): hints.append("a after tanh")
            }
        }
        if !selection.zoomed { hints.append("Esc draw") }
        return hints
    }
}
