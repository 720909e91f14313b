import LeNet5
import Screen
import Teaching

/// The network panel: the layers as tabs, two lines on the selected layer, and its view: every
/// map (or unit), one map enlarged beside what made it (Enter), or the picked value computed step
/// by step (w); the explanation in words; the small canvas when the canvas is hidden; the shades'
/// legend and the keys.
struct NetworkPanel: Widget {
    /// What the panel shows, as the state picked it.
    struct Selection: Equatable {
        var layerIndex: Int
        var mapIndex: Int
        var unit = Point(x: 0, y: 0)
        var zoomed = false
        var watching = false
        /// The input map whose share of a convolution is shown in full.
        var term = 0
        var preActivation = false
        var perMap = false
        var focused = false
        /// Beside the canvas; false on the whole screen.
        var framed = true
        var words = true
        /// The small canvas is shown (the canvas itself is hidden).
        var drawing = false
        /// Where Esc goes from the maps, as the hints say it.
        var escapeTo = "draw"
        /// During a tour, which has the left and right arrows and Esc.
        var touring = false

        var layer: NetworkLayer { LeNet5.architecture[layerIndex].id }

        /// The least width the view needs: the grids of a computation side by side, or a map and
        /// its kernels.
        var minimumView: Int {
            guard watching else { return 40 }
            switch layer.geometry.kind {
            case .convolution: return ConvolutionView.minimumWidth
            case .dense, .averagePooling: return 60
            case .input: return 40
            }
        }

        func parts(_ layout: PanelLayout, palette: Palette) -> PanelLayout.Parts {
            layout.parts(
                minimumView: minimumView,
                natural: { natural(width: $0, most: $1, palette: palette) },
                drawing: drawing, words: words, viewFirst: zoomed)
        }

        /// How the view fills `width` and at most `most` rows, when it does not take all it is
        /// given: every map of a layer, at the zoom they get there; a convolution computed.
        func natural(width: Int, most: Int, palette: Palette) -> (height: Int, level: Int)? {
            let shape = MapShape(LeNet5.architecture[layerIndex])
            let room = Rect(x: 0, y: 0, width: width, height: most)
            if watching {
                switch layer.geometry.kind {
                case .convolution:
                    let output = FillingMap.shape(of: layer)
                    let plan = ConvolutionView.plan(
                        in: room, terms: layer.geometry.inputMaps, output: output,
                        palette: palette)
                    return (plan.height, 0)
                case .averagePooling:
                    return (
                        PoolingView.height(layer, width: width, most: most, palette: palette), 0
                    )
                case .dense: return (min(most, WeightedSumView.height), 0)
                case .input: return nil
                }
            }
            let levels = Zoom.levels(palette)
            if zoomed && !watching {
                let plan = ZoomView.plan(layer, in: room, palette: palette)
                return (plan.height, plan.zoom.flatMap { levels.firstIndex(of: $0) } ?? 0)
            }
            guard !zoomed, !watching else { return nil }
            if !shape.isSpatial {
                return (min(most, NetworkPanel.unitsHeight(layer, width: width)), 0)
            }
            let (zoom, placed) = MapGrid.placements(
                shape, in: room, picked: mapIndex, levels: levels)
            guard placed.count == shape.channels, let last = placed.last else { return nil }
            return (last.origin.y + last.rows, levels.firstIndex(of: zoom) ?? levels.count)
        }
    }

    let selection: Selection
    let reading: NetworkReading
    /// The picked value, explained, when the network ran.
    let picked: UnitExplanation?
    /// The paragraphs to show (none while hidden).
    let words: [String]
    /// The small canvas: the drawing, where the picked unit looks, what drove the answer.
    let drawing: CanvasView?
    /// How far the layer's values sit at the ends of tanh.
    let saturation: Saturation?

    var layer: LayerDescription { reading.model.architecture[selection.layerIndex] }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let layout = PanelLayout(area: area, framed: selection.framed, zoomed: selection.zoomed)
        if selection.framed {
            buffer.frame(area, title: "Network", palette: palette, highlighted: selection.focused)
        }
        guard layout.hasRoom else { return }
        let layer = self.layer
        LayerTabs(names: LeNet5.architecture.map(\.name), selected: selection.layerIndex)
            .render(in: layout.tabRow, into: &buffer, palette: palette)
        let view = reading.trace.map {
            LayerView(
                layer, trace: $0, preActivation: selection.preActivation,
                perMap: selection.perMap)
        }
        let traced = LayerView.traced(layer, preActivation: selection.preActivation)
        if layout.showsHeader {
            LayerHeader(
                layer: layer, traced: traced, picked: selection.mapIndex, range: view?.range,
                saturation: saturation, classes: reading.classes
            ).render(in: layout.header, into: &buffer, palette: palette)
        }
        PanelFooter(
            legend: view?.legend ?? Legend.unscaled(traced),
            hints: Self.hints(selection, layer: layer, arrows: palette.arrows)
        ).render(in: layout.footer, into: &buffer, palette: palette)
        var parts = selection.parts(layout, palette: palette)
        // Words that would be cut under the small canvas take its place in the column, unless
        // the canvas shows what drove the answer, which the words speak of.
        if let words = parts.words, let place = parts.drawing, place.rect.x == words.x,
            drawing?.shading == nil,
            WordsView.lines(self.words, width: words.width).count > words.height
        {
            parts.words = Rect(
                x: words.x, y: place.rect.y, width: words.width, height: words.maxY - place.rect.y)
            parts.drawing = nil
        }
        if let words = parts.words {
            // Cut words say where they can be read whole: the network on the whole screen.
            WordsView(paragraphs: self.words, more: selection.framed ? "f: all" : nil)
                .render(in: words, into: &buffer, palette: palette)
        }
        if let drawing, let place = parts.drawing {
            CanvasView(
                canvas: drawing.canvas, cursor: nil, eraser: false, focused: false,
                resolution: place.resolution, field: drawing.field, shading: drawing.shading,
                title: drawing.grey == nil ? "Drawing" : "Digit", grey: drawing.grey
            ).render(in: place.rect, into: &buffer, palette: palette)
        }
        let body = parts.view
        guard let view, let trace = reading.trace else {
            let lines =
                reading.outcome == .tooSmall
                ? ["The drawing is too small to classify:", "draw the digit bigger."]
                : [
                    (ClassNames.areDigits(reading.classes)
                        ? "Draw a digit on the canvas" : "Draw on the canvas")
                        + (selection.drawing ? " (f shows it):" : ":"),
                    "each layer's feature maps appear here.",
                ]
            buffer.write(lines, in: body, style: .dim)
            return
        }
        if selection.watching, let picked {
            renderComputation(
                picked, view: view, trace: trace, in: body, into: &buffer, palette: palette)
        } else if selection.zoomed {
            var zoom = ZoomView(
                view, picked: selection.mapIndex, explanation: picked, trace: trace,
                model: reading.model)
            zoom.classes = reading.classes
            zoom.render(in: body, into: &buffer, palette: palette)
        } else if view.isSpatial {
            MapGrid(
                view: view, picked: selection.mapIndex, focused: selection.focused,
                unit: selection.focused ? selection.unit : nil
            ).render(in: body, into: &buffer, palette: palette)
        } else {
            renderUnits(view, trace: trace, in: body, into: &buffer, palette: palette)
        }
    }

    /// C5, F6 and Output: the units as a grid, and under them the strongest units, or for the
    /// output what pushed the picked class's score up and down.
    func renderUnits(
        _ view: LayerView, trace: ForwardTrace, in body: Rect, into buffer: inout CellBuffer,
        palette: Palette
    ) {
        UnitGrid(view: view, picked: selection.mapIndex, classes: reading.classes).render(
            in: body, into: &buffer, palette: palette)
        let rows = UnitGrid.rows(
            count: view.values.shape.channels, labelled: layer.id == .output, in: body)
        // Under the picked unit's line and a blank one; without the blank where the output's
        // list (a line up and a line down, under their headings) would not fit otherwise.
        var top = body.y + rows + 4
        if layer.id == .output && body.maxY - top < 4 { top -= 1 }
        let below = Rect(x: body.x, y: top, width: body.width, height: body.maxY - top)
        guard below.height >= 3 else { return }
        if layer.id == .output {
            // The picked class's score (the answer's when the output opens on it): a line up and
            // a line down at least, or nothing rather than half a list.
            let digit = selection.mapIndex
            let count = min(Self.contributionCount, (below.height - 2) / 2)
            guard count >= 1, reading.prediction != nil,
                let unit = NetworkUnit(
                    layer: .output, unit: digit, classes: reading.model.classCount),
                case .dense(let sum) = UnitExplanation(
                    unit, trace: trace, model: reading.model, transform: nil
                ).computation
            else { return }
            Contributions(
                sum: sum, count: count, subject: "the score of \(reading.classes[digit])"
            ).render(in: below, into: &buffer, palette: palette)
        } else if let before = layer.id.tracedPreActivation {
            StrongestUnits(
                name: layer.name, values: trace.maps(layer.layer).values,
                before: trace.maps(before).values, count: Self.strongestCount
            ).render(in: below, into: &buffer, palette: palette)
        }
    }

    /// How many of C5's and F6's strongest units are listed, and how many inputs that pushed a
    /// digit's score each way.
    static let strongestCount = 8
    static let contributionCount = 5

    /// The rows the units of a list take, and what is listed under them.
    static func unitsHeight(_ layer: NetworkLayer, width: Int) -> Int {
        let grid = UnitGrid.rows(
            count: layer.geometry.maps, labelled: layer == .output,
            in: Rect(x: 0, y: 0, width: width, height: 1))
        let below =
            layer == .output
            ? 2 + 2 * contributionCount
            : StrongestUnits.height(count: strongestCount, width: width)
        return grid + 4 + below
    }

    /// The picked value computed step by step, with this layer's map filling up to it.
    func renderComputation(
        _ picked: UnitExplanation, view: LayerView, trace: ForwardTrace, in body: Rect,
        into buffer: inout CellBuffer, palette: Palette
    ) {
        let unit = picked.unit
        let filling = FillingMap(
            layer: unit.layer, map: unit.map, position: selection.position, trace: trace)
        switch picked.computation {
        case .pixel:
            break
        case .convolution(let sum):
            ConvolutionView(
                unit: unit, sum: sum, value: picked.value, preActivation: picked.preActivation,
                term: selection.term, output: filling
            ).render(in: body, into: &buffer, palette: palette)
        case .averagePooling(let mean):
            PoolingView(
                unit: unit, mean: mean, source: MapValues(trace.maps(mean.inputLayer.traced)),
                output: filling
            ).render(in: body, into: &buffer, palette: palette)
        case .dense(let sum):
            WeightedSumView(
                unit: unit, sum: sum, value: picked.value, preActivation: picked.preActivation,
                output: filling
            ).render(in: body, into: &buffer, palette: palette)
        }
    }

    /// The keys that work in the panel now, most useful first (the line keeps as many as fit).
    static func hints(
        _ selection: Selection, layer: LayerDescription,
        arrows a: (left: String, right: String, up: String, down: String)
    ) -> [String] {
        guard selection.focused else { return ["Tab: explore the layers", "f full screen"] }
        var hints = [String]()
        if selection.touring {
            // The tour has the left and right arrows and Esc.
            if selection.watching {
                hints += [". next step", "r sweep", "w back"]
            } else if selection.zoomed {
                hints += [
                    "\(a.up)\(a.down) pick a value", "w watch it", "m next map", "Enter back",
                ]
            } else {
                hints += ["m map", "\(a.up)\(a.down) layer", "Enter zoom"]
            }
        } else if selection.watching {
            hints += [". next step", "r sweep", "arrows move", "w/Esc back"]
        } else if selection.zoomed {
            hints += ["arrows pick a value", "w watch it", "m next map", "Enter/Esc back"]
        } else {
            hints += ["\(a.left)\(a.right) map", "\(a.up)\(a.down) layer", "Enter zoom"]
        }
        if LayerView.hasPreActivation(layer) {
            let output = layer.layer == .probabilities
            switch (output, selection.preActivation) {
            case (true, false): hints.append("a logits")
            case (true, true): hints.append("a probabilities")
            case (false, false): hints.append("a before tanh")
            case (false, true): hints.append("a after tanh")
            }
        }
        if !selection.zoomed && !selection.touring { hints.append("Esc \(selection.escapeTo)") }
        hints.append(selection.framed ? "f full screen" : "f canvas")
        return hints
    }
}

extension NetworkPanel.Selection {
    /// The picked value's place in reading order.
    var position: Int {
        layer.isUnitList ? mapIndex : unit.y * layer.geometry.side + unit.x
    }
}
