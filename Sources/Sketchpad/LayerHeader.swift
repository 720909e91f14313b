import LeNet5
import Screen
import Teaching

/// Two lines on the selected layer: its name and role; then which map is picked, the range of its
/// values, whether they pile up at the ends of tanh and the real range before it, its shape and
/// parameters, as many of these as fit, in that order of importance.
struct LayerHeader: Widget {
    let layer: LayerDescription
    /// What is shown: the layer's output, or the values before its activation.
    let traced: TracedLayer
    let picked: Int
    /// Nil until something has been computed.
    let range: ValueRange?
    var saturation: Saturation? = nil
    /// The classes' names, in output order.
    var classes = ClassNames.digits

    /// The second line's facts, most important first, each with its place on the line.
    var facts: [(text: String, order: Int)] {
        let shapeOfMaps = MapShape(layer)
        var facts = [(text: String, order: Int)]()
        switch layer.layer {
        case .input: break
        case .probabilities:
            let position =
                ClassNames.areDigits(classes)
                ? "class \(picked) (0-9)"
                : "class \(picked + 1) of \(classes.count): \(classes[min(picked, classes.count - 1)])"
            facts.append((position, 0))
        default:
            facts.append(
                (
                    "\(shapeOfMaps.isSpatial ? "map" : "unit") \(picked + 1) of \(shapeOfMaps.channels)",
                    0
                ))
        }
        if let saturation, traced == layer.layer, saturation.isNoticeable {
            facts.append(("saturated: \(fixed(saturation.share * 100, 0))% at -1 or +1", 1))
        }
        if let text = range?.text, !text.isEmpty { facts.append((text, 2)) }
        if let saturation, traced == layer.layer {
            facts.append(
                ("before tanh \(fixed(saturation.low, 2)) to \(fixed(saturation.high, 2))", 3))
        }
        facts.append(("output " + layer.shape.map(String.init).joined(separator: "x"), 4))
        facts.append(("\(grouped(layer.parameterCount)) parameters", 5))
        return facts
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        var role = layer.role
        if traced != layer.layer {
            role +=
                traced == .logits
                ? ": showing the logits, before softmax" : ": showing values before tanh"
        }
        if layer.layer == .input { role = "the drawing as the network sees it" }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.write(layer.name + "  ", x: line.x, y: line.y, style: .bold, clip: line)
        buffer.writeShortening(
            role, x: line.x + layer.name.count + 2, y: line.y, clip: line, palette: palette)
        // The most important facts, as many as fit.
        var kept = [(text: String, order: Int)]()
        for fact in facts {
            let width = (kept + [fact]).map(\.text.count).reduce(0, +) + 2 * kept.count
            if width > area.width { break }
            kept.append(fact)
        }
        let text = kept.sorted { $0.order < $1.order }.map(\.text).joined(separator: "  ")
        let second = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        let saturated = saturation?.isNoticeable == true && traced == layer.layer
        buffer.write(text, x: second.x, y: second.y, style: saturated ? .plain : .dim, clip: second)
    }
}
