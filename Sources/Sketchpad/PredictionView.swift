import Screen

/// "Prediction: 7  98.3%" and a bar for each of the ten classes: one row per class, or, under the
/// compact canvas, a vertical bar per class.
struct PredictionView: Widget {
    let outcome: NetworkReading.Outcome
    /// The ten probabilities, nil unless classified.
    let probabilities: [Float]?
    let columns: Bool
    /// The true digit, for a test digit of `lenet5 explore`: said after the prediction, in
    /// reverse video when the prediction differs.
    var label: Int? = nil

    /// Why there is no prediction, in words for the bar chart's place, when the network gave none.
    static let undefinedExplanation =
        "These weights make the numbers too large to compute, so no digit can be picked."

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !area.isEmpty else { return }
        var header: [(String, Style)] = [(" Prediction: ", .bold)]
        var best: Int?
        switch outcome {
        case .classified(let digit, let confidence):
            best = digit
            header += [
                ("\(digit)", Style(bold: true, reverse: true)),
                ("  " + percentText(confidence), .bold),
            ]
        case .tooSmall: header += [("-", .bold), ("  (too small: draw bigger)", .dim)]
        case .empty: header += [("-", .bold), ("  (draw a digit)", .dim)]
        case .undefined: header += [("none", .bold), ("  (NaN)", .dim)]
        }
        if let label {
            header += [("  ", .plain), ("label \(label)", best == label ? .plain : .reverse)]
        }
        buffer.write(header, x: area.x, y: area.y, clip: area)
        if outcome == .undefined {
            let top = area.y + (area.height >= 6 ? 2 : 1)
            let text = Rect(x: area.x + 1, y: top, width: area.width - 2, height: area.maxY - top)
            buffer.write(wrap(Self.undefinedExplanation, width: text.width), in: text)
        } else if columns || area.height < 12 {
            renderColumns(in: area, into: &buffer, best: best, palette: palette)
        } else {
            renderRows(in: area, into: &buffer, best: best, palette: palette)
        }
    }

    /// How many eighths of `cells` cells a probability fills: none for what is not a number.
    static func eighths(_ p: Float, of cells: Int) -> Int {
        guard p.isFinite else { return 0 }
        return Int((min(1, max(0, p)) * Float(cells * 8)).rounded())
    }

    /// One row per class: digit, bar, percentage.
    func renderRows(in area: Rect, into buffer: inout CellBuffer, best: Int?, palette: Palette) {
        let barWidth = max(4, area.width - 12)
        for digit in 0..<10 {
            let y = area.y + 1 + digit
            guard y < area.maxY else { return }
            let p = probabilities?[digit] ?? 0
            let highlight = digit == best
            let labelStyle = highlight ? Style(bold: true) : Style.plain
            buffer.write(" \(digit) ", x: area.x, y: y, style: labelStyle, clip: area)
            buffer.set(area.x + 3, y, Cell(palette.vertical, .dim), clip: area)
            let eighths = Self.eighths(p, of: barWidth)
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
    func renderColumns(in area: Rect, into buffer: inout CellBuffer, best: Int?, palette: Palette) {
        let rows = area.height - 2
        guard rows >= 1 else { return }
        let labelY = area.maxY - 1
        for digit in 0..<10 {
            let x = area.x + 1 + digit * 3
            let eighths = Self.eighths(probabilities?[digit] ?? 0, of: rows)
            for row in 0..<rows {
                let character = palette.barSegment(eighths: eighths - row * 8, vertical: true)
                buffer.set(x, labelY - 1 - row, Cell(character), clip: area)
                buffer.set(x + 1, labelY - 1 - row, Cell(character), clip: area)
            }
            buffer.write(
                "\(digit)", x: x, y: labelY,
                style: best == digit ? Style(bold: true, reverse: true) : .plain, clip: area)
        }
    }
}
