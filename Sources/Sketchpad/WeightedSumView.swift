import LeNet5
import Screen
import Teaching

/// A dense unit computed before the class's eyes (an F6 unit, or a digit's score): the inputs that
/// pushed it up and down most, value times weight; the sum of every product, the bias, and tanh
/// (for a score, softmax with the nine others); and the layer's units filling up to this one.
struct WeightedSumView: Widget {
    let unit: NetworkUnit
    let sum: WeightedSum
    let value: Float
    let preActivation: Float
    let output: FillingMap

    /// The rows it takes with five inputs each way: the title, the lists, the sum's lines.
    static let height = 2 + 2 + 2 * 5 + 1 + 4

    var title: String {
        FactSheet.name(unit).capitalisedFirst
            + ": each of the \(sum.inputs.count) \(sum.inputLayer.name) "
            + "values times its weight"
    }

    var sumLines: [(String, Style)] {
        func line(_ label: String, _ value: Float) -> String {
            NumberText.left(label, 28) + NumberText.right(fixed(value, 4), 9)
        }
        var lines = [
            (line("sum of all \(sum.inputs.count) products", sum.sum), Style.plain),
            (line("+ bias", sum.bias), .plain),
        ]
        if unit.layer == .output {
            lines.append((line("= the score", preActivation), .plain))
            lines.append(
                (
                    NumberText.left("softmax makes it a chance of", 28)
                        + NumberText.right(percentText(value), 9), .bold
                ))
        } else {
            lines.append((line("= before tanh", preActivation), .plain))
            lines.append((line("tanh squeezes it to", value), .bold))
        }
        return lines
    }

    /// The sum's lines: 3 and the result.
    static let sumLineCount = 4

    /// Inputs listed each way: up to five where the room allows, at least two.
    static func listed(in area: Rect) -> Int {
        max(2, min(5, (area.height - 2 - sumLineCount - 1 - 2) / 2))
    }

    /// The lists' place: as tall as `listed` lines each way and their headings, however many
    /// inputs push that way, so that the rest of the view stays put.
    static func listsArea(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 2, width: min(area.width, 44), height: 2 + 2 * listed(in: area))
    }

    /// Where the layer's units fill up: beside the lists where there is room, else under the sum.
    static func outputArea(_ shape: (rows: Int, columns: Int), in area: Rect, palette: Palette)
        -> Rect?
    {
        let top = listsArea(in: area)
        let y = top.maxY + 1
        let beside = Rect(
            x: top.maxX + 3, y: area.y + 2, width: area.maxX - top.maxX - 3, height: area.height - 2
        )
        let below = Rect(
            x: area.x, y: y + sumLineCount + 1, width: area.width,
            height: area.maxY - y - sumLineCount - 1)
        return [beside, below].first {
            FillingMap.fits(rows: shape.rows, columns: shape.columns, in: $0, palette: palette)
        }
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            title, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        let top = Self.listsArea(in: area)
        Contributions(sum: sum, count: Self.listed(in: area))
            .render(in: top, into: &buffer, palette: palette)
        for (i, line) in sumLines.enumerated() {
            buffer.write(line.0, x: area.x, y: top.maxY + 1 + i, style: line.1, clip: area)
        }
        if let place = Self.outputArea((output.rows, output.columns), in: area, palette: palette) {
            output.render(in: place, into: &buffer, palette: palette)
        }
    }
}
