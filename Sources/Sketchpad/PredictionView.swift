import LeNet5
import Screen

/// "Prediction: 7  98.3%" and a bar for each class (the ten digits, or a taught network's own):
/// one row per class; under the compact canvas, a vertical bar per class when the names are short
/// enough to stand under them (the digits), else a row for each of the likeliest classes, as many
/// as there are rows.
struct PredictionView: Widget {
    let outcome: NetworkReading.Outcome
    /// One probability per class, nil unless classified.
    let probabilities: [Float]?
    let columns: Bool
    /// The classes' names, in output order.
    var classes = ClassNames.digits
    /// A tour's step points at the bars: marked.
    var pointed = false
    /// The network read the canvas as it is, without the preprocessing: said.
    var raw = false
    /// The drawing looks like none of the classes (the weights' statistics say so): the best
    /// guess is named as a guess, and the bars still show.
    var unsure = false

    /// "not a digit?" for the digits; a taught network's classes are not all digits.
    static func unsureWords(_ classes: [String]) -> String {
        ClassNames.areDigits(classes) ? "not a digit?" : "none of these?"
    }

    /// The widest class name a row's label shows.
    static let labelLimit = 8
    /// The true digit, for a test digit of `lenet5 explore`: said after the prediction, in
    /// reverse video when the prediction differs.
    var label: Int? = nil

    /// Why there is no prediction, in words for the bar chart's place, when the network gave none.
    static let undefinedExplanation =
        "These weights make the numbers too large to compute, so no digit can be picked."

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !area.isEmpty else { return }
        var header: [(String, Style)] = [
            (pointed ? palette.pointer + " Prediction: " : " Prediction: ", .bold)
        ]
        var best: Int?
        switch outcome {
        case .classified(let digit, let confidence) where unsure:
            best = digit
            let guess = "  best guess \(classes[digit])  \(percentText(confidence))"
            // Under the compact canvas the line has 34 columns: the verdict, then the guess.
            let long = header.map(\.0.count).reduce(0, +) + 14 + guess.count <= area.width
            if !long { header = [(" ", .plain)] }
            header += [
                (Self.unsureWords(classes), Style(bold: true, reverse: true)), (guess, .bold),
            ]
        case .classified(let digit, let confidence):
            best = digit
            // A long name gives way to the percentage: both stay on the line.
            let percent = "  " + percentText(confidence)
            let room = area.width - header[0].0.count - percent.count
            header += [
                (
                    shortenedName(classes[digit], to: max(2, room), palette: palette),
                    Style(bold: true, reverse: true)
                ),
                (percent, .bold),
            ]
        case .tooSmall: header += [("-", .bold), ("  (too small: draw bigger)", .dim)]
        case .empty:
            let what = ClassNames.areDigits(classes) ? "a digit" : "something"
            header += [("-", .bold), ("  (draw \(what))", .dim)]
        case .undefined: header += [("none", .bold), ("  (NaN)", .dim)]
        }
        if let label {
            header += [("  ", .plain), ("label \(label)", best == label ? .plain : .reverse)]
        }
        if raw {
            // The marker before the hint in brackets, which goes first when the line is short.
            let marker = ("  raw canvas", Style.bold)
            let length = { (parts: [(String, Style)]) in parts.map(\.0.count).reduce(0, +) }
            if length(header + [marker]) > area.width, header.last?.1 == .dim {
                header.removeLast()
            }
            if length(header + [marker]) <= area.width { header.append(marker) }
        }
        buffer.write(header, x: area.x, y: area.y, clip: area)
        if outcome == .undefined {
            let top = area.y + (area.height >= 6 ? 2 : 1)
            let text = Rect(x: area.x + 1, y: top, width: area.width - 2, height: area.maxY - top)
            buffer.write(wrap(Self.undefinedExplanation, width: text.width), in: text)
        } else if !columns && area.height >= min(12, classes.count + 2)
            && area.height > classes.count
        {
            renderRows(classes.indices, in: area, into: &buffer, best: best, palette: palette)
        } else if classes.allSatisfy({ $0.count <= 2 }) && classes.count * 3 + 1 <= area.width {
            renderColumns(in: area, into: &buffer, best: best, palette: palette)
        } else {
            renderRows(
                Array(ranked.prefix(max(0, area.height - 1))), in: area, into: &buffer, best: best,
                palette: palette)
        }
    }

    /// The classes from the likeliest down (ties and no probabilities: in output order).
    var ranked: [Int] {
        guard let probabilities else { return Array(classes.indices) }
        return classes.indices.sorted { a, b in
            let (pa, pb) = (probabilities[a], probabilities[b])
            // What is not a number goes last.
            if pa.isNaN != pb.isNaN { return pb.isNaN }
            return pa != pb && !pa.isNaN ? pa > pb : a < b
        }
    }

    /// How many eighths of `cells` cells a probability fills: none for what is not a number.
    static func eighths(_ p: Float, of cells: Int) -> Int {
        guard p.isFinite else { return 0 }
        return Int((min(1, max(0, p)) * Float(cells * 8)).rounded())
    }

    /// One row for each of `shown`, in that order: its name, bar, percentage.
    func renderRows(
        _ shown: some Collection<Int>, in area: Rect, into buffer: inout CellBuffer, best: Int?,
        palette: Palette
    ) {
        let labelWidth = min(Self.labelLimit, classes.map(\.count).max() ?? 1)
        let barWidth = max(4, area.width - 11 - labelWidth)
        let bar = area.x + labelWidth + 3
        for (row, k) in shown.enumerated() {
            let y = area.y + 1 + row
            guard y < area.maxY else { return }
            let p = probabilities?[k] ?? 0
            let highlight = k == best
            let labelStyle = highlight ? Style(bold: true) : Style.plain
            let label = shortenedName(classes[k], to: labelWidth, palette: palette)
            buffer.write(
                " " + label + String(repeating: " ", count: labelWidth - label.count + 1),
                x: area.x, y: y, style: labelStyle, clip: area)
            buffer.set(bar - 1, y, Cell(palette.vertical, .dim), clip: area)
            let eighths = Self.eighths(p, of: barWidth)
            let barStyle =
                highlight && palette.options.colors != .none
                ? Style(foreground: .green, bold: true) : Style.plain
            for column in 0..<barWidth {
                let character = palette.barSegment(eighths: eighths - column * 8, vertical: false)
                buffer.set(bar + column, y, Cell(character, barStyle), clip: area)
            }
            buffer.set(bar + barWidth, y, Cell(palette.vertical, .dim), clip: area)
            let text = probabilities == nil ? "   -" : percentText(p)
            buffer.write(
                String(repeating: " ", count: max(0, 6 - text.count)) + text,
                x: bar + 1 + barWidth, y: y, style: labelStyle, clip: area)
        }
    }

    /// A vertical bar for each class, labels underneath: fits under the compact canvas.
    func renderColumns(in area: Rect, into buffer: inout CellBuffer, best: Int?, palette: Palette) {
        let rows = area.height - 2
        guard rows >= 1 else { return }
        let labelY = area.maxY - 1
        for k in classes.indices {
            let x = area.x + 1 + k * 3
            let eighths = Self.eighths(probabilities?[k] ?? 0, of: rows)
            for row in 0..<rows {
                let character = palette.barSegment(eighths: eighths - row * 8, vertical: true)
                buffer.set(x, labelY - 1 - row, Cell(character), clip: area)
                buffer.set(x + 1, labelY - 1 - row, Cell(character), clip: area)
            }
            // Two columns a class: a longer name shows its start (the header names the best).
            buffer.write(
                String(classes[k].prefix(2)), x: x, y: labelY,
                style: best == k ? Style(bold: true, reverse: true) : .plain, clip: area)
        }
    }
}
