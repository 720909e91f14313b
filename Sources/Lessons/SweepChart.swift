import LeNet5

/// A sweep as lines of text: one row per class, one column pair per amount, each cell shaded by
/// the class's probability there, under an axis of the amounts and over a row of what the network
/// reads at each. A class can see at a glance where a digit's row fades and another's takes over.
///
///     each class's probability by the angle turned (degrees, + anticlockwise)
///             -60         -30           0         +30         +60
///               |           |           |           |           |
///         1 @@@@##::
///         7       ::##@@@@@@@@@@@@@@@@@@@@@@@@@@##::..
///     reads 1 1 1 1 7 7 7 7 7 ...
///     it reads 7 from -45 to +55
///     shades: . under 20%  : 20-40%  + 40-60%  # 60-80%  @ 80% or more
///
/// ASCII only, so that it prints anywhere and in the sketchpad's ASCII mode alike.
public enum SweepChart {
    /// The probability shades, from the lowest band up; a blank for under 1%.
    public static let shades: [Character] = [".", ":", "+", "#", "@"]

    /// The chart of `sweep`, with `classes` the names of the network's classes. `columnsPerPoint`
    /// characters stand for each amount (by default the kind's own, which keeps every chart within
    /// 76 columns); with
    /// `onlyClassesAbove`, a class whose probability never reaches it gets no row (useful for
    /// networks of many classes; the rows of the classes read somewhere along the sweep always
    /// show).
    public static func lines(
        _ sweep: Sweep, classes: [String], columnsPerPoint: Int? = nil,
        onlyClassesAbove minimum: Float = 0
    ) -> [String] {
        let width = max(1, columnsPerPoint ?? sweep.kind.columnsPerPoint)
        let predictions = sweep.predictions
        let count = sweep.probabilities.compactMap { $0?.count }.max() ?? classes.count
        func name(_ k: Int) -> String { k < classes.count ? classes[k] : String(k) }
        let labelWidth = max(6, (0..<count).map { name($0).count }.max() ?? 1) + 1
        let margin = String(repeating: " ", count: labelWidth)
        var lines = ["each class's probability \(sweep.kind.axis)"]

        // The axis: a label centred over every few points, and a tick under it.
        var labels = [Character](repeating: " ", count: sweep.values.count * width + 8)
        var ticks = [Character](repeating: " ", count: sweep.values.count * width)
        for i in sweep.values.indices
        where (i - sweep.identityIndex) % sweep.kind.tickEvery == 0 {
            let column = i * width + (width - 1) / 2
            ticks[column] = "|"
            let text = Array(sweep.kind.label(sweep.values[i]))
            let start = max(0, column - (text.count - 1) / 2)
            for (j, c) in text.enumerated() where start + j < labels.count { labels[start + j] = c }
        }
        lines.append(trimmed(margin + String(labels)))
        lines.append(trimmed(margin + String(ticks)))

        let shown = (0..<count).filter { k in
            minimum <= 0 || predictions.contains(k)
                || sweep.probabilities.contains { ($0?[k] ?? 0) >= minimum }
        }
        for k in shown {
            var row = pad(name(k), labelWidth)
            for p in sweep.probabilities {
                let cell = p.map { shade($0[k]) } ?? " "
                row += String(repeating: cell, count: width)
            }
            lines.append(trimmed(row))
        }
        var reads = pad("reads", labelWidth)
        for prediction in predictions {
            // A name longer than its column is cut: a digit takes one character.
            let text = prediction.map { String(name($0).prefix(max(1, width - 1))) } ?? "-"
            reads += pad(text, width)
        }
        lines.append(trimmed(reads))
        if let steady = sweep.steadyRange, let answer = predictions[sweep.identityIndex] {
            let whole = steady == sweep.values[0]...sweep.values[sweep.values.count - 1]
            lines.append(
                "it reads \(name(answer)) "
                    + (whole
                        ? "all along"
                        : "from \(sweep.kind.label(steady.lowerBound)) to "
                            + "\(sweep.kind.label(steady.upperBound))"))
        }
        lines.append(
            "shades: . under 20%  : 20-40%  + 40-60%  # 60-80%  @ 80% or more"
                + (predictions.contains(nil) ? "; - no ink" : ""))
        return lines
    }

    /// The shade of a probability: blank under 1%, then one of `shades` per fifth.
    public static func shade(_ p: Float) -> Character {
        guard p.isFinite, p >= 0.01 else { return " " }
        return shades[min(shades.count - 1, Int(p * Float(shades.count)))]
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func trimmed(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}
