import Lessons
import Screen

/// The what-if sweep (S), in the network panel's place: the drawing turned (or moved, resized,
/// its strokes thinned and thickened) step by step, and each class's probability along the way as
/// `SweepChart` draws it, so that a class sees where the network's answer holds and where it
/// gives way. It follows the drawing as it changes.
struct SweepView: Widget {
    let kind: SweepKind
    /// Nil while there is nothing to sweep.
    let sweep: Lessons.Sweep?
    let classes: [String]
    /// Whether the network reads the drawing through the preprocessing.
    let preprocessing: Bool

    /// What each kind does to the drawing, for the box's title.
    static func title(_ kind: SweepKind) -> String {
        switch kind {
        case .rotate: "What if it turns? -60 to +60 degrees"
        case .shift: "What if it moves? 10 cells left to 10 right"
        case .scale: "What if it shrinks or grows? half to twice"
        case .stroke: "What if its strokes thin or thicken?"
        }
    }

    /// The most characters a point takes that still fits `width` columns, at least one.
    static func columnsPerPoint(_ kind: SweepKind, width: Int, labels: Int) -> Int {
        var columns = kind.columnsPerPoint
        while columns > 1 && labels + columns * kind.values.count > width { columns -= 1 }
        return columns
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let inside = buffer.frame(
            area, title: Self.title(kind), palette: palette, highlighted: true)
        guard inside.width >= 20, inside.height >= 4 else { return }
        let body = Rect(
            x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height)
        var lines = [String]()
        if !preprocessing {
            lines += "Preprocessing off: the raw canvas.".wrapped(width: body.width)
        }
        if let sweep {
            let labelWidth = max(6, classes.map(\.count).max() ?? 1) + 1
            let chart = SweepChart.lines(
                sweep, classes: classes,
                columnsPerPoint: Self.columnsPerPoint(kind, width: body.width, labels: labelWidth))
            // The title and the legend are sentences: wrapped between words, not cut.
            for (i, line) in chart.enumerated() {
                lines += i == 0 || i == chart.count - 1 ? line.wrapped(width: body.width) : [line]
            }
        } else {
            lines +=
                "Draw a digit: here each class's probability shows as the drawing is changed a little more at each step."
                .wrapped(width: body.width)
        }
        let next = SweepKind.allCases.firstIndex(of: kind).map { $0 + 1 } ?? 0
        let hint =
            next < SweepKind.allCases.count
            ? "S: what if it \(Self.verb(SweepKind.allCases[next]))" : "S closes this"
        let room = body.height - 2
        buffer.write(Array(lines.prefix(max(0, room))), in: body)
        buffer.writeShortening(
            hint, x: body.x, y: body.maxY - 1, style: .dim,
            clip: Rect(x: body.x, y: body.maxY - 1, width: body.width, height: 1),
            palette: palette)
    }

    /// "moves", for the hint to the next kind.
    static func verb(_ kind: SweepKind) -> String {
        switch kind {
        case .rotate: "turns"
        case .shift: "moves"
        case .scale: "shrinks or grows"
        case .stroke: "thins or thickens"
        }
    }
}
