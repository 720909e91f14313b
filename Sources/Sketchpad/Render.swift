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
            buffer.write("   Enter save  Esc cancel", x: text, y: area.y, style: .dim, clip: area)
            if let message {
                buffer.write("  " + message, x: text + 26, y: area.y, style: .bold, clip: area)
            }
            return
        case .confirmOverwrite(let path):
            buffer.write(
                [
                    (path, .bold), (" exists. Replace it? ", .plain), ("y", .bold), ("/", .plain),
                    ("n", .bold),
                ], x: area.x, y: area.y, clip: area)
            return
        case nil:
            break
        }
        if let message {
            buffer.write(message, x: area.x, y: area.y, style: .bold, clip: area)
        } else {
            let tool = eraser ? "eraser" : "pen"
            let pen = penDown ? "DOWN" : "up"
            let text = "\(tool) \(pen)  brush \(brush)  cursor \(cursor.x),\(cursor.y)"
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
        ("arrows, h j k l", "move the cursor"),
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
        ("Tab  Shift-Tab", "next / previous layer (also n / N)"),
        ("left right", "pick a map (when the panel has the focus)"),
        ("up down", "previous / next layer (panel focus)"),
        ("Enter", "zoom the map beside its kernels"),
        ("a", "show values before / after the activation"),
        ("Esc", "leave the zoom, then back to drawing"),
        ("", ""),
        ("?", "this help (any key closes it)"),
        ("q  Ctrl-C", "quit"),
    ]

    func render(into buffer: inout CellBuffer, palette: Palette) {
        let width = min(buffer.width - 2, 58)
        let height = min(buffer.height - 2, Self.lines.count + 4)
        let box = Rect(
            x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width,
            height: height)
        buffer.fill(box)
        let inner = buffer.frame(box, title: "Keys", palette: palette, highlighted: true)
        for (i, line) in Self.lines.enumerated() {
            let y = inner.y + 1 + i
            if line.1.isEmpty {
                buffer.write(" " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
            } else {
                buffer.write("   " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
                buffer.write(line.1, x: inner.x + 20, y: y, clip: inner)
            }
        }
    }
}
