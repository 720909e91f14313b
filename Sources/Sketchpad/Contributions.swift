import LeNet5
import Screen

/// What pushed a dense unit (an F6 unit, a digit's score) up or down most: the inputs whose value
/// times weight was largest either way, each as "C5 unit 12  0.99 x 1.21 = +1.20" after its shade.
struct Contributions: Widget {
    let sum: WeightedSum
    /// Rows for each direction.
    let count: Int

    func lines(upwards: Bool) -> [(shade: Float, text: String)] {
        let largest = max(sum.contributions.map(abs).max() ?? 0, 1e-6)
        return sum.strongest(count, upwards: upwards).map { input, contribution in
            let text =
                "\(sum.inputLayer.name) unit \(input + 1)".padding(13)
                + NumberText.right(
                    fixed(sum.inputs[input], 2), 5) + " x "
                + NumberText.right(fixed(sum.weights[input], 2), 5)
                + " = " + (contribution > 0 ? "+" : "") + fixed(contribution, 2)
            return (contribution / largest, text)
        }
    }

    /// The rows this takes: a heading and the lines for each direction.
    var height: Int { 2 + lines(upwards: true).count + lines(upwards: false).count }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        var y = area.y
        for upwards in [true, false] {
            buffer.writeShortening(
                upwards ? "pushed it up most:" : "pushed it down most:", x: area.x, y: y,
                style: .bold, clip: area, palette: palette)
            y += 1
            for line in lines(upwards: upwards) {
                buffer.set(area.x + 1, y, palette.signed(line.shade), clip: area)
                buffer.write(line.text, x: area.x + 3, y: y, clip: area)
                y += 1
            }
        }
    }
}

/// The strongest units of a list (C5, F6): those with the largest sums before tanh, with their
/// values and those sums. (Ranked by the values themselves, a saturated layer would list a tie of
/// 1.00s in no useful order.)
struct StrongestUnits: Widget {
    let name: String
    let values: [Float]
    let before: [Float]
    let count: Int

    var ranked: [Int] {
        before.indices.sorted { before[$0] > before[$1] }.prefix(count).map { $0 }
    }

    /// "@ unit 51   1.00 (20.53)": 24 characters, and two between columns.
    static let columnWidth = 26

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            "strongest units of \(name): value (before tanh)", x: area.x, y: area.y, style: .bold,
            clip: area, palette: palette)
        let perRow = max(1, (area.width + 2) / Self.columnWidth)
        for (i, unit) in ranked.enumerated() {
            let x = area.x + (i % perRow) * Self.columnWidth
            let y = area.y + 1 + i / perRow
            buffer.set(x, y, palette.signed(values[unit]), clip: area)
            buffer.write(
                "unit \(unit + 1)".padding(9) + NumberText.right(fixed(values[unit], 2), 5) + " ("
                    + fixed(before[unit], 2) + ")", x: x + 2, y: y, clip: area)
        }
    }

    /// The rows this takes in `width` columns.
    static func height(count: Int, width: Int) -> Int {
        let perRow = max(1, (width + 2) / columnWidth)
        return 1 + (count + perRow - 1) / perRow
    }
}

extension String {
    /// Left-aligned in `width` columns.
    func padding(_ width: Int) -> String { NumberText.left(self, width) }
}
