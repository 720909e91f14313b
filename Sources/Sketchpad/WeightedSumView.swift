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

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            title, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        let lines = sumLines
        // Up to five each way where the room allows, at least two.
        let room = area.height - 2 - lines.count - 1
        let count = max(2, min(5, (room - 2) / 2))
        let contributions = Contributions(sum: sum, count: count)
        let top = Rect(
            x: area.x, y: area.y + 2, width: min(area.width, 44), height: contributions.height)
        contributions.render(in: top, into: &buffer, palette: palette)
        let y = top.maxY + 1
        for (i, line) in lines.enumerated() {
            buffer.write(line.0, x: area.x, y: y + i, style: line.1, clip: area)
        }
        // The layer's units filling up: beside the lists where there is room, else under them.
        let beside = Rect(
            x: top.maxX + 3, y: area.y + 2, width: area.maxX - top.maxX - 3, height: area.height - 2
        )
        let below = Rect(
            x: area.x, y: y + lines.count + 1, width: area.width,
            height: area.maxY - y - lines.count - 1)
        for place in [beside, below] where output.fits(in: place, palette: palette) {
            output.render(in: place, into: &buffer, palette: palette)
            return
        }
    }
}
