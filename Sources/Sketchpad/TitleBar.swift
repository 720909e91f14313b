import LeNet5
import Screen

/// The top line: the program's name, and the prediction at the right.
struct TitleBar: Widget {
    let outcome: NetworkReading.Outcome
    /// The classes' names, in output order.
    var classes = ClassNames.digits

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let style = Style(bold: true, reverse: true)
        buffer.fill(area, with: Cell(" ", .reverse))
        buffer.write(" lenet5  LeNet-5 sketchpad", x: area.x, y: area.y, style: style, clip: area)
        let summary: String
        switch outcome {
        case .classified(let digit, let confidence):
            summary = "Prediction: \(classes[digit])  \(percentText(confidence))"
        case .undefined: summary = "Prediction: none (NaN)"
        case .empty, .tooSmall: summary = "Prediction: -"
        }
        let text = summary + " "
        buffer.write(text, x: area.maxX - text.count, y: area.y, style: style, clip: area)
    }
}
