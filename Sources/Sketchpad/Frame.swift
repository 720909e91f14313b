import LeNet5
import Screen

extension SketchpadState {
    /// The whole frame, from the state and what was derived from it (`Derivations`): the one
    /// place that reads the whole state, to hand each widget the data it draws. Rendered in full
    /// each time; the terminal writes only what changed.
    public func render(_ derived: Derived) -> CellBuffer {
        precondition(derived.canvas == canvas, "a frame rendered with another drawing's reading")
        var buffer = CellBuffer(width: width, height: height)
        let palette = Palette(options)
        let layout = self.layout
        let status = StatusBar(
            prompt: prompt, notice: notice, penDown: penDown, eraser: eraser, brush: brush,
            cursor: cursor)
        guard layout.mode != .tooSmall else {
            TooSmallNotice(width: width, height: height)
                .render(in: buffer.area, into: &buffer, palette: palette)
            // A question still needs its line, at the bottom, to be answered.
            if prompt != nil {
                status.render(
                    in: buffer.area.splitBottom(1).bottom, into: &buffer, palette: palette)
            }
            return buffer
        }
        let reading = derived.network
        TitleBar(outcome: reading.outcome, classes: reading.classes)
            .render(in: layout.title, into: &buffer, palette: palette)
        let drawing = focus == .canvas && prompt == nil
        CanvasView(
            canvas: canvas,
            cursor: drawing ? CanvasView.Cursor(at: cursor, brush: brush, erasing: eraser) : nil,
            eraser: eraser, focused: focus == .canvas, halfBlocks: layout.mode == .compact
        ).render(in: layout.canvasFrame, into: &buffer, palette: palette)
        PredictionView(
            outcome: reading.outcome, probabilities: reading.probabilities,
            columns: layout.mode == .compact, classes: reading.classes
        ).render(in: layout.prediction, into: &buffer, palette: palette)
        NetworkPanel(
            selection: NetworkPanel.Selection(
                layerIndex: layerIndex, mapIndex: mapIndex, zoomed: zoomed,
                preActivation: showPreActivation, focused: focus == .network),
            reading: reading
        ).render(in: layout.network, into: &buffer, palette: palette)
        status.render(in: layout.status, into: &buffer, palette: palette)
        if showHelp {
            HelpOverlay(lines: KeyMap.help).render(
                in: buffer.area, into: &buffer, palette: palette)
        }
        return buffer
    }
}
