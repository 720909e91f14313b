import LeNet5
import Screen

/// The bottom line: an open question (save as, replace, quit), a notice, or the drawing tools,
/// with the two keys everyone needs at the right.
struct StatusBar: Widget {
    let prompt: Prompt?
    let notice: String?
    let penDown: Bool
    let eraser: Bool
    let brush: Int
    let cursor: Point
    /// With the canvas hidden, the prediction takes the tools' place.
    var outcome: NetworkReading.Outcome? = nil
    /// The classes' names, in output order.
    var classes = ClassNames.digits
    /// Keys to show instead of the tools (while the test digits of `lenet5 explore` have them).
    var hints: String? = nil
    /// During a tour its keys take the tools' place.
    var touring = false
    /// The tour's step, while its words are hidden.
    var tourStep: String? = nil
    /// The drawing looks like none of the classes.
    var unsure = false
    /// Work going on in the background (teaching), shown before the keys at the right.
    var activity: String? = nil

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        switch prompt {
        case .saveName(let name):
            // A name longer than the line shows its end, where the typing happens.
            let room = area.width - "Save as: _".count
            let shown =
                name.count <= room || room <= palette.ellipsis.count
                ? name : palette.ellipsis + name.suffix(room - palette.ellipsis.count)
            let text = buffer.write(
                [("Save as: ", .bold), (shown, .plain), ("_", .reverse)], x: area.x, y: area.y,
                clip: area)
            let hint = "   Enter save  Esc cancel  Ctrl-U clear"
            buffer.write(hint, x: text, y: area.y, style: .dim, clip: area)
            if let notice {
                buffer.write(
                    "  " + notice, x: text + hint.count, y: area.y, style: .bold, clip: area)
            }
            return
        case .confirmOverwrite(let path):
            buffer.write(
                [
                    (path, .bold), (" exists. Replace it? ", .plain), ("y", .bold), ("/", .plain),
                    ("n", .bold),
                ], x: area.x, y: area.y, clip: area)
            return
        case .confirmQuit:
            buffer.write(
                [
                    ("The drawing is not saved. Quit anyway? ", .bold), ("y", .bold), ("/", .plain),
                    ("n", .bold), ("  (s to save)", .dim),
                ], x: area.x, y: area.y, clip: area)
            return
        case nil:
            break
        }
        if let notice {
            buffer.writeShortening(
                notice, x: area.x, y: area.y, style: .bold,
                clip: Rect(x: area.x, y: area.y, width: area.width - 16, height: 1),
                palette: palette)
        } else if touring {
            let (left, right) = (palette.arrows.left, palette.arrows.right)
            let text =
                (tourStep.map { "Tour, \($0) (i shows its words): " } ?? "Tour: ")
                + "Space or \(right) next, \(left) or Backspace back, Esc leaves"
                + (penDown ? "  pen DOWN" : "")
            buffer.writeShortening(
                text, x: area.x, y: area.y, style: .bold,
                clip: Rect(x: area.x, y: area.y, width: area.width - 16, height: 1),
                palette: palette)
        } else if let outcome {
            let text: String
            switch outcome {
            case .classified(let digit, let confidence) where unsure:
                text =
                    "Prediction: \(PredictionView.unsureWords(classes)) (best guess "
                    + "\(classes[digit]), \(percentText(confidence)))"
            case .classified(let digit, let confidence):
                text = "Prediction: \(classes[digit])  \(percentText(confidence))"
            case .undefined: text = "Prediction: none (NaN)"
            case .tooSmall: text = "Prediction: -  (too small: draw bigger)"
            case .empty: text = "Prediction: -  (f shows the canvas to draw on)"
            }
            buffer.write(text, x: area.x, y: area.y, style: .bold, clip: area)
        } else if let hints {
            buffer.writeShortening(
                hints, x: area.x, y: area.y,
                clip: Rect(x: area.x, y: area.y, width: area.width - 16, height: 1),
                palette: palette)
        } else {
            let tool = eraser ? "erasing" : "painting"
            let pen = penDown ? "pen DOWN" : "pen up"
            let text = "\(pen), \(tool)  brush \(brush)  cursor \(cursor.x),\(cursor.y)"
            buffer.write(text, x: area.x, y: area.y, clip: area)
        }
        let keys = "? help  q quit "
        buffer.write(keys, x: area.maxX - keys.count, y: area.y, style: .dim, clip: area)
        if let activity, notice == nil {
            let text = activity + "  "
            buffer.write(
                text, x: area.maxX - keys.count - text.count, y: area.y, style: .bold, clip: area)
        }
    }
}
