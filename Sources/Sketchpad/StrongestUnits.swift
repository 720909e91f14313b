import LeNet5
import Screen

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
