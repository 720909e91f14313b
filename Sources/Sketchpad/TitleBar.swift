import LeNet5
import Screen

/// The top line: the program's name and what it shows (the sketchpad, a tour, the test digits),
/// which network reads the drawing when one was taught, whether the preprocessing is off, and the
/// prediction at the right.
struct TitleBar: Widget {
    let outcome: NetworkReading.Outcome
    /// The classes' names, in output order.
    var classes = ClassNames.digits
    /// What the title says after the program's name, instead of "LeNet-5 sketchpad".
    var heading: String? = nil
    /// The network reads the canvas as it is.
    var raw = false
    /// The drawing looks like none of the classes: the best guess is shown as a guess.
    var unsure = false
    /// Which network reads the drawing, when there is a choice ("taught network").
    var network: String? = nil

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let style = Style(bold: true, reverse: true)
        buffer.fill(area, with: Cell(" ", .reverse))
        var name = "lenet5  " + (heading ?? "LeNet-5 sketchpad")
        let off = raw ? "  PREPROCESSING OFF " : ""
        let summary = self.summary + " "
        // The warning and the prediction first; the name as much as is left, between words.
        let room = area.width - off.count - summary.count - 2
        // The network's name where the prediction leaves room for it, before the heading's when
        // both do not fit: which network answers matters more than the program's title.
        if let network {
            if name.count + network.count + 4 <= room {
                name += "  (\(network))"
            } else if "lenet5  (\(network))".count <= room {
                name = "lenet5  (\(network))"
            }
        }
        let shown = " " + shortened(name, to: room, ellipsis: palette.ellipsis)
        buffer.write(shown, x: area.x, y: area.y, style: style, clip: area)
        if raw {
            buffer.write(
                off, x: area.x + shown.count, y: area.y, style: Style(bold: true), clip: area)
        }
        buffer.write(summary, x: area.maxX - summary.count, y: area.y, style: style, clip: area)
    }

    var summary: String {
        switch outcome {
        case .classified(let digit, let confidence) where unsure:
            "Prediction: \(PredictionView.unsureWords(classes)) (best guess \(classes[digit]), "
                + "\(percentText(confidence)))"
        case .classified(let digit, let confidence):
            "Prediction: \(classes[digit])  \(percentText(confidence))"
        case .undefined: "Prediction: none (NaN)"
        case .empty, .tooSmall: "Prediction: -"
        }
    }
}
