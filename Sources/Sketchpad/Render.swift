import LeNet5

extension SketchpadState {
    /// The whole frame. Rendered in full each time; the terminal writes only what changed.
    public func render() -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let palette = Palette(options)
        let layout = self.layout
        guard layout.mode != .tooSmall else {
            renderTooSmall(into: &buffer)
            return buffer
        }
        renderTitle(into: &buffer, area: layout.title)
        CanvasWidget(state: self, layout: layout).render(into: &buffer, palette: palette)
        PredictionWidget(state: self, area: layout.prediction)
            .render(into: &buffer, palette: palette, compact: layout.mode == .compact)
        NetworkPanel(state: self, area: layout.network).render(into: &buffer, palette: palette)
        renderStatus(into: &buffer, area: layout.status, palette: palette)
        if showHelp { HelpOverlay().render(into: &buffer, palette: palette) }
        return buffer
    }

    func renderTooSmall(into buffer: inout CellBuffer) {
        let lines = [
            "The terminal is \(width)x\(height).",
            "lenet5 needs at least \(Layout.compactMinimum.width)x\(Layout.compactMinimum.height)",
            "(\(Layout.fullMinimum.width)x\(Layout.fullMinimum.height) for the full view).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            buffer.write(
                line, x: max(0, (width - line.count) / 2), y: top + i,
                style: i == 1 ? .bold : .plain)
        }
    }

    func renderTitle(into buffer: inout CellBuffer, area: Rect) {
        buffer.fill(area, with: Cell(" ", .reverse))
        buffer.write(
            " lenet5  LeNet-5 sketchpad", x: area.x, y: area.y,
            style: Style(bold: true, reverse: true), clip: area)
        var summary = "Prediction: -"
        if let prediction = network.prediction {
            summary = "Prediction: \(prediction.digit)  \(percentText(prediction.confidence))"
        }
        let text = summary + " "
        buffer.write(
            text, x: area.maxX - text.count, y: area.y, style: Style(bold: true, reverse: true),
            clip: area)
    }

    func renderStatus(into buffer: inout CellBuffer, area: Rect, palette: Palette) {
        switch prompt {
        case .saveName(let name):
            let text = buffer.write(
                [("Save as: ", .bold), (name, .plain), ("_", .reverse)], x: area.x, y: area.y,
                clip: area)
            let hint = "   Enter save  Esc cancel"
            buffer.write(hint, x: text, y: area.y, style: .dim, clip: area)
            if let message {
                buffer.write(
                    "  " + message, x: text + hint.count, y: area.y, style: .bold, clip: area)
            }
            return
        case .confirmOverwrite(let path):
            buffer.write(
                [
                    (path, .bold), (" exists. Replace it? ", .plain), ("y", .bold), ("/", .plain),
                    ("n", .bold),
                ], x: area.x, y: area.y, clip: area)
            return
        case .confirmQuit:
            buffer.write(
                [
                    ("The drawing is not saved. Quit anyway? ", .bold), ("y", .bold), ("/", .plain),
                    ("n", .bold), ("  (s to save)", .dim),
                ], x: area.x, y: area.y, clip: area)
            return
        case nil:
            break
        }
        if let message {
            buffer.write(message, x: area.x, y: area.y, style: .bold, clip: area)
        } else {
            let tool = eraser ? "erasing" : "painting"
            let pen = penDown ? "pen DOWN" : "pen up"
            let text = "\(pen), \(tool)  brush \(brush)  cursor \(cursor.x),\(cursor.y)"
            buffer.write(text, x: area.x, y: area.y, clip: area)
        }
        let keys = "? help  q quit "
        buffer.write(keys, x: area.maxX - keys.count, y: area.y, style: .dim, clip: area)
    }
}

/// Every key, in a box over the middle of the screen.
struct HelpOverlay {
    static let lines: [(String, String)] = [
        ("Drawing", ""),
        ("left mouse", "paint while pressed (eraser: erase)"),
        ("right mouse", "erase while pressed"),
        ("arrows, h j k l", "move the cursor (h j k l also while exploring)"),
        ("Space", "paint (or erase) under the cursor"),
        ("p", "pen down / up: moving paints"),
        ("e", "eraser on / off"),
        ("[  ]", "brush size 1 to 3"),
        ("c", "clear the canvas"),
        ("u  Ctrl-Z", "undo"),
        ("U  Ctrl-R", "redo"),
        ("s", "save the drawing as a text grid"),
        ("", ""),
        ("The network", ""),
        ("Tab  Shift-Tab", "next / previous layer (also n / N); click a tab"),
        ("left right", "pick a map (or click it) while exploring"),
        ("up down", "previous / next layer while exploring"),
        ("Enter", "zoom the map beside its kernels"),
        ("a", "values before tanh (logits before softmax) or after"),
        ("Esc", "leave the zoom, then back to drawing"),
        ("", ""),
        ("?", "this help (any key closes it)"),
        ("q  Ctrl-C", "quit (q asks first if the drawing is not saved)"),
    ]

    func render(into buffer: inout CellBuffer, palette: Palette) {
        let labelWidth = (Self.lines.map(\.0.count).max() ?? 0) + 5
        let width = min(
            buffer.width - 2, labelWidth + (Self.lines.map(\.1.count).max() ?? 0) + 3)
        let height = min(buffer.height - 2, Self.lines.count + 4)
        let box = Rect(
            x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width,
            height: height)
        buffer.fill(box)
        let inner = buffer.frame(box, title: "Keys", palette: palette, highlighted: true)
        // Lines that do not fit give way to a note saying so.
        let fits = inner.height - 2 >= Self.lines.count
        let shown = fits ? Self.lines.count : max(0, inner.height - 3)
        for (i, line) in Self.lines.prefix(shown).enumerated() {
            let y = inner.y + 1 + i
            if line.1.isEmpty {
                buffer.write(" " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
            } else {
                buffer.write("   " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
                buffer.write(line.1, x: inner.x + labelWidth, y: y, clip: inner)
            }
        }
        if !fits {
            buffer.write(
                " (enlarge the terminal for the rest)", x: inner.x, y: inner.y + 1 + shown,
                style: .dim, clip: inner)
        }
    }
}
