import LeNet5
import Screen

/// What pushed a dense unit (an F6 unit, a digit's score) up or down most: the inputs whose value
/// times weight was largest either way, each as "C5 unit 12  0.99 x 1.21 = +1.20" after its shade.
struct Contributions: Widget {
    let sum: WeightedSum
    /// Rows for each direction.
    let count: Int
    /// What the inputs pushed, as the headings name it: "it", or "the score of 7".
    var subject = "it"

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
                "pushed \(subject) \(upwards ? "up" : "down") most:", x: area.x, y: y,
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

extension String {
    /// Left-aligned in `width` columns.
    func padding(_ width: Int) -> String { NumberText.left(self, width) }
}
