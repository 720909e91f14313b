import LeNet5
import Screen

/// The top line: the program's name (and which network reads the drawing, when one was taught),
/// and the prediction at the right.
struct TitleBar: Widget {
    let outcome: NetworkReading.Outcome
    /// The classes' names, in output order.
    var classes = ClassNames.digits
    /// What the title says after the program's name, instead of "LeNet-5 sketchpad".
    var heading: String? = nil
    /// The drawing looks like none of the classes: the best guess is shown as a guess.
    var unsure = false
    /// Which network reads the drawing, when there is a choice ("taught network").
    var network: String? = nil

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let style = Style(bold: true, reverse: true)
        buffer.fill(area, with: Cell(" ", .reverse))
        let summary: String
        switch outcome {
        case .classified(let digit, let confidence) where unsure:
            summary =
                "Prediction: \(PredictionView.unsureWords(classes)) (best guess \(classes[digit]), "
                + "\(percentText(confidence)))"
        case .classified(let digit, let confidence):
            summary = "Prediction: \(classes[digit])  \(percentText(confidence))"
        case .undefined: summary = "Prediction: none (NaN)"
        case .empty, .tooSmall: summary = "Prediction: -"
        }
        let text = summary + " "
        var name = " lenet5  " + (heading ?? "LeNet-5 sketchpad")
        // The network's name where the prediction leaves room for it.
        if let network, name.count + network.count + 4 + text.count <= area.width {
            name += "  (\(network))"
        }
        buffer.write(name, x: area.x, y: area.y, style: style, clip: area)
        buffer.write(text, x: area.maxX - text.count, y: area.y, style: style, clip: area)
    }
}
