import LeNet5
import Screen
import Teaching

extension SketchpadState {
    /// The whole frame, from the state and what was derived from it (`Derivations`): the one
    /// place that reads the whole state, to hand each widget the data it draws. Rendered in full
    /// each time; the terminal writes only what changed.
    public func render(_ derived: Derived) -> CellBuffer {
        precondition(derived.canvas == canvas, "a frame rendered with another drawing's reading")
        var buffer = CellBuffer(width: width, height: height)
        let palette = Palette(options)
        let layout = self.layout
        let reading = derived.network
        let teachPanel = teachPanelShown
        let status = StatusBar(
            prompt: prompt, notice: notice, penDown: penDown, eraser: eraser, brush: brush,
            cursor: cursor, outcome: layout.canvasHidden ? reading.outcome : nil,
            classes: reading.classes, hints: explorerHints(arrows: palette.arrows),
            touring: tour != nil, tourStep: layout.tour.isEmpty ? tour?.tour.position : nil,
            unsure: reading.isUnsure, activity: teachPanel ? nil : teachActivity)
        guard layout.mode != .tooSmall else {
            TooSmallNotice(width: width, height: height)
                .render(in: buffer.area, into: &buffer, palette: palette)
            // A question still needs its line, at the bottom, to be answered.
            if prompt != nil || teach.prompt != nil {
                renderStatus(
                    status, in: buffer.area.splitBottom(1).bottom, into: &buffer, palette: palette)
            }
            return buffer
        }
        TitleBar(
            outcome: reading.outcome, classes: reading.classes,
            heading: explorerHeading ?? tour.map { "Tour: " + $0.tour.lesson.title },
            raw: !preprocessing && shownTestDigit == nil, unsure: reading.isUnsure,
            // A tour always reads with the original network: its title names the lesson instead.
            network: teach.taught == nil || tour != nil
                ? nil : teach.showsTaught ? "taught network" : "original network"
        ).render(in: layout.title, into: &buffer, palette: palette)
        if let explorer, let cell = explorer.openCell {
            // The matrix takes everything between the title and the status line.
            let body = Rect(
                x: 0, y: layout.title.maxY, width: width,
                height: layout.status.y - layout.title.maxY)
            ConfusionGrid(confusion: explorer.digits.confusion, cursor: cell)
                .render(in: body, into: &buffer, palette: palette)
            status.render(in: layout.status, into: &buffer, palette: palette)
            renderHelp(into: &buffer, palette: palette)
            return buffer
        }
        let picked = pickedExplanation(reading)
        // Where the picked unit looks, on the cells drawn, while the network has the keys; a unit
        // that looks at the whole input (C5 and after) would light up everything, and does not.
        let whole = NetworkLayer.input.geometry.side
        let field =
            focus == .network && (picked?.fieldInput.width ?? whole) < whole
            ? picked?.fieldDrawing : nil
        let shading = derived.saliency.map { CanvasView.Shading($0, classes: reading.classes) }
        let drawing = focus == .canvas && prompt == nil && teach.prompt == nil && !teach.browsing
        let testDigit = shownTestDigit
        let canvasView = CanvasView(
            canvas: canvas,
            cursor: drawing ? CanvasView.Cursor(at: cursor, brush: brush, erasing: eraser) : nil,
            eraser: eraser && testDigit == nil, focused: focus == homeFocus,
            resolution: layout.mode == .compact ? .halfBlocks : .doubleWidth, field: field,
            shading: shading, title: testDigit.map(testDigitTitle),
            pointed: [.canvas, .saliency].contains(tour?.step.target),
            label: testDigit == nil ? canvasTitle : nil,
            grey: testDigit.flatMap { explorer?.digits.input($0) })
        // Beside the teach panel, the bars above it take only the rows their classes need; what
        // teaching measured takes their place too, for its words, and leaves the bars (the
        // likeliest classes first) the rows its words do not need (the title keeps the answer).
        var (predictionArea, panelArea) = (layout.prediction, layout.network)
        let teachView = teachPanel ? self.teachPanel(derived.explanations) : nil
        if let teachView, !layout.canvasHidden, predictionArea.x == panelArea.x,
            predictionArea.maxY <= panelArea.y
        {
            var rows = min(predictionArea.height, reading.classes.count + 2)
            if teach.page == .result && teach.taught != nil && !teach.browsing {
                let column = layout.network.maxY - predictionArea.y
                let spare = column - teachView.resultHeight(width: panelArea.width)
                // A heading and at least three classes, or none.
                rows = spare >= 4 ? min(spare, reading.classes.count + 2) : 0
            }
            predictionArea.height = rows
            panelArea = Rect(
                x: panelArea.x, y: predictionArea.maxY, width: panelArea.width,
                height: layout.network.maxY - predictionArea.maxY)
        }
        if !layout.canvasHidden {
            canvasView.render(in: layout.canvasFrame, into: &buffer, palette: palette)
            PredictionView(
                outcome: reading.outcome, probabilities: reading.probabilities,
                columns: layout.mode == .compact, classes: reading.classes,
                pointed: tour?.step.target == .bars, raw: !preprocessing && testDigit == nil,
                unsure: reading.isUnsure, label: testDigit.flatMap { explorer?.digits.labels[$0] }
            ).render(in: predictionArea, into: &buffer, palette: palette)
        }
        if let teachView {
            teachView.render(in: panelArea, into: &buffer, palette: palette)
        } else if let sweepKind {
            SweepView(
                kind: sweepKind, sweep: derived.sweep, classes: reading.classes,
                preprocessing: preprocessing
            ).render(in: layout.network, into: &buffer, palette: palette)
        } else {
            let saturation = reading.trace.flatMap { Saturation(layer, trace: $0) }
            let words =
                showExplanations && tour == nil
                ? self.words(derived, picked: picked, saturation: saturation) : []
            NetworkPanel(
                selection: panelSelection, reading: reading, picked: picked, words: words,
                drawing: layout.canvasHidden ? canvasView : nil, saturation: saturation
            ).render(in: layout.network, into: &buffer, palette: palette)
        }
        if let tour, !layout.tour.isEmpty {
            var panel = tourPanel(
                tour, words: derived.tourWords, reading: reading,
                coversNetwork: layout.network.isEmpty && tour.step.target?.layer != nil)
            panel.boxed = !layout.tourIsBand
            panel.render(in: layout.tour, into: &buffer, palette: palette)
        }
        renderStatus(status, in: layout.status, into: &buffer, palette: palette)
        if let lessonPicker {
            LessonPicker(choices: lessons, picked: lessonPicker)
                .render(in: buffer.area, into: &buffer, palette: palette)
        }
        renderHelp(into: &buffer, palette: palette)
        return buffer
    }

    /// The status line, or teach mode's question there.
    func renderStatus(
        _ status: StatusBar, in area: Rect, into buffer: inout CellBuffer, palette: Palette
    ) {
        if prompt == nil, let question = teach.prompt {
            TeachPromptBar(prompt: question, notice: notice)
                .render(in: area, into: &buffer, palette: palette)
        } else {
            status.render(in: area, into: &buffer, palette: palette)
        }
    }

    /// The help over everything, while it is open.
    func renderHelp(into buffer: inout CellBuffer, palette: Palette) {
        guard showHelp else { return }
        HelpOverlay(
            lines: KeyMap.help, page: helpPage, arrows: (palette.arrows.left, palette.arrows.right)
        ).render(in: buffer.area, into: &buffer, palette: palette)
    }

    /// What the network panel shows, as picked in the state.
    var panelSelection: NetworkPanel.Selection {
        NetworkPanel.Selection(
            layerIndex: layerIndex, mapIndex: mapIndex, unit: unitPosition, zoomed: zoomed,
            watching: watching, term: term, preActivation: showPreActivation,
            perMap: shadesPerMap, focused: focus == .network, framed: !networkFullScreen,
            words: showExplanations && tour == nil, drawing: layout.canvasHidden,
            escapeTo: homeFocus == .digits ? "digits" : "draw", touring: tour != nil)
    }

    /// Where the drawing on the canvas came from while it is unchanged, for its title: a file,
    /// with its place in the gallery.
    var canvasTitle: String? {
        guard let canvasLabel, canvasLabel.canvas == canvas else { return nil }
        let position = gallery.shown.map { " (\(gallery.position($0)))" } ?? ""
        let fromGallery = gallery.shown.map { gallery.items[$0].name == canvasLabel.text } ?? false
        return canvasLabel.text + (fromGallery ? position : "")
    }

    /// The picked unit, explained from the reading, when the network ran.
    func pickedExplanation(_ reading: NetworkReading) -> UnitExplanation? {
        guard let trace = reading.trace else { return nil }
        return UnitExplanation(
            pickedUnit, trace: trace, model: reading.model, transform: reading.prepared?.transform)
    }

    /// The paragraphs the panel shows: on what drove the decision while the overlay is on, on
    /// the computation watched, the value picked in the zoom, or the layer; and a note when the
    /// layer is saturated. Each with the facts of the drawing, the map and the unit on screen.
    func words(_ derived: Derived, picked: UnitExplanation?, saturation: Saturation?) -> [String] {
        let explanations = derived.explanations
        var facts = derived.facts
        if let trace = derived.network.trace, derived.network.prediction != nil {
            facts = facts.merging(FactSheet.map(mapIndex, of: layer, trace: trace))
            // The picked unit's facts speak of it in the zoom and while watching; a layer's text
            // speaks of the drawing's answer.
            if let picked, zoomed { facts = facts.merging(FactSheet.unit(picked)) }
        }
        var paragraphs = [String]()
        if let saliency = derived.saliency {
            paragraphs += explanations[saliency.method == .occlusion ? View.occlusion : .gradient]
                .text(facts.merging(FactSheet.saliency(saliency)))
        }
        if watching {
            let view: View
            switch layer.geometry.kind {
            case .averagePooling: view = .pooling
            case .dense: view = layer == .output ? .output : .dense
            default: view = .convolution
            }
            paragraphs += explanations[view].text(facts)
        } else if zoomed && layer != .input {
            paragraphs += explanations[layer == .output ? View.output : .unit].text(facts)
        } else if layer == .input && !preprocessing {
            paragraphs += explanations[View.raw].text(facts)
        } else {
            paragraphs += explanations[layer].text(facts)
        }
        if let saturation, saturation.isNoticeable, !showPreActivation {
            paragraphs += explanations[View.saturated].text(FactSheet.saturation(saturation))
        }
        return paragraphs
    }
}
