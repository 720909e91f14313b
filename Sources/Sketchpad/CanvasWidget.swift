/// The 32x32 canvas in its frame. Full mode: two columns per cell, ink as two full blocks (two #
/// with --ascii). Compact mode: one column per cell and two cells per row, in half blocks (# for
/// either in ASCII). While the canvas has the focus the keyboard cursor shows on every cell of the
/// brush's footprint as brackets, [] to paint and () to erase, over paper or, in reverse video,
/// over ink, so that it never looks like ink itself.
struct CanvasWidget {
    let state: SketchpadState
    let layout: Layout

    func render(into buffer: inout CellBuffer, palette: Palette) {
        let title = state.eraser ? "Canvas 32x32 - eraser" : "Canvas 32x32"
        buffer.frame(
            layout.canvasFrame, title: title, palette: palette, highlighted: state.focus == .canvas)
        let area = layout.canvas
        let cursorCells = state.focus == .canvas && state.prompt == nil ? footprint() : []
        let cursorColor: Color = palette.options.colors == .none ? .default : .yellow
        switch layout.mode {
        case .full:
            let brackets: (Unicode.Scalar, Unicode.Scalar) = state.eraser ? ("(", ")") : ("[", "]")
            for y in 0..<Canvas.side {
                for x in 0..<Canvas.side {
                    let ink = state.canvas[x, y]
                    var left =
                        ink ? Cell(palette.ink) : Cell(x % 4 == 0 && y % 4 == 0 ? "." : " ", .dim)
                    var right = left
                    if cursorCells.contains(Point(x: x, y: y)) {
                        let style = Style(foreground: cursorColor, bold: true, reverse: ink)
                        left = Cell(brackets.0, style)
                        right = Cell(brackets.1, style)
                    }
                    buffer.set(area.x + 2 * x, area.y + y, left, clip: area)
                    buffer.set(area.x + 2 * x + 1, area.y + y, right, clip: area)
                }
            }
        case .compact:
            for row in 0..<(Canvas.side / 2) {
                for x in 0..<Canvas.side {
                    let top = state.canvas[x, 2 * row]
                    let bottom = state.canvas[x, 2 * row + 1]
                    var cell: Cell
                    switch (top, bottom, palette.options.ascii) {
                    case (false, false, _): cell = Cell(" ")
                    case (_, _, true): cell = Cell("#")
                    case (true, true, false): cell = Cell("\u{2588}")
                    case (true, false, false): cell = Cell("\u{2580}")
                    case (false, true, false): cell = Cell("\u{2584}")
                    }
                    if cursorCells.contains(Point(x: x, y: 2 * row))
                        || cursorCells.contains(Point(x: x, y: 2 * row + 1))
                    {
                        // One column: + to paint, o to erase.
                        cell = Cell(
                            state.eraser ? "o" : "+",
                            Style(foreground: cursorColor, bold: true, reverse: top || bottom))
                    }
                    buffer.set(area.x + x, area.y + row, cell, clip: area)
                }
            }
        case .tooSmall: break
        }
    }

    /// The cells the brush covers at the cursor.
    func footprint() -> Set<Point> {
        let low = state.brush == 3 ? -1 : 0
        var cells = Set<Point>()
        for dy in low..<(low + state.brush) {
            for dx in low..<(low + state.brush) {
                cells.insert(Point(x: state.cursor.x + dx, y: state.cursor.y + dy))
            }
        }
        return cells
    }
}

/// "Prediction: 7  98.3%" and a bar for each of the ten classes.
struct PredictionWidget {
    let state: SketchpadState
    let area: Rect

    func render(into buffer: inout CellBuffer, palette: Palette, compact: Bool) {
        guard !area.isEmpty else { return }
        let probabilities = state.network.hasPrediction ? state.network.trace.probabilities : nil
        let prediction = state.network.prediction
        var header: [(String, Style)] = [(" Prediction: ", .bold)]
        if let prediction {
            header += [
                ("\(prediction.digit)", Style(bold: true, reverse: true)),
                ("  " + percentText(prediction.confidence), .bold),
            ]
        } else if state.network.status == .tooSmall {
            header += [("-", .bold), ("  (too small: draw bigger)", .dim)]
        } else {
            header += [("-", .bold), ("  (draw a digit)", .dim)]
        }
        buffer.write(header, x: area.x, y: area.y, clip: area)
        if compact || area.height < 12 {
            renderColumns(into: &buffer, probabilities: probabilities, palette: palette)
        } else {
            renderRows(
                into: &buffer, probabilities: probabilities, best: prediction?.digit,
                palette: palette)
        }
    }

    /// One row per class: digit, bar, percentage.
    func renderRows(
        into buffer: inout CellBuffer, probabilities: [Float]?, best: Int?, palette: Palette
    ) {
        let barWidth = max(4, area.width - 12)
        for digit in 0..<10 {
            let y = area.y + 1 + digit
            guard y < area.maxY else { return }
            let p = probabilities?[digit] ?? 0
            let highlight = digit == best
            let labelStyle = highlight ? Style(bold: true) : Style.plain
            buffer.write(" \(digit) ", x: area.x, y: y, style: labelStyle, clip: area)
            buffer.set(area.x + 3, y, Cell(palette.vertical, .dim), clip: area)
            let eighths = Int((p * Float(barWidth * 8)).rounded())
            let barStyle =
                highlight && palette.options.colors != .none
                ? Style(foreground: .green, bold: true) : Style.plain
            for column in 0..<barWidth {
                let character = palette.barSegment(eighths: eighths - column * 8, vertical: false)
                buffer.set(area.x + 4 + column, y, Cell(character, barStyle), clip: area)
            }
            buffer.set(area.x + 4 + barWidth, y, Cell(palette.vertical, .dim), clip: area)
            let text = probabilities == nil ? "   -" : percentText(p)
            buffer.write(
                String(repeating: " ", count: max(0, 6 - text.count)) + text,
                x: area.x + 5 + barWidth, y: y, style: labelStyle, clip: area)
        }
    }

    /// A vertical bar for each class, labels underneath: fits under the compact canvas.
    func renderColumns(into buffer: inout CellBuffer, probabilities: [Float]?, palette: Palette) {
        let rows = area.height - 2
        guard rows >= 1 else { return }
        let labelY = area.maxY - 1
        for digit in 0..<10 {
            let x = area.x + 1 + digit * 3
            let p = probabilities?[digit] ?? 0
            let eighths = Int((p * Float(rows * 8)).rounded())
            for row in 0..<rows {
                let character = palette.barSegment(eighths: eighths - row * 8, vertical: true)
                buffer.set(x, labelY - 1 - row, Cell(character), clip: area)
                buffer.set(x + 1, labelY - 1 - row, Cell(character), clip: area)
            }
            let best = state.network.prediction?.digit == digit
            buffer.write(
                "\(digit)", x: x, y: labelY,
                style: best ? Style(bold: true, reverse: true) : .plain, clip: area)
        }
    }
}
