import LeNet5
import Screen

/// Two lines on the selected layer: its name and role, then its shape, parameters, the range of
/// its values and which map is picked.
struct LayerHeader: Widget {
    let layer: LayerDescription
    /// What is shown: the layer's output, or the values before its activation.
    let traced: TracedLayer
    let picked: Int
    /// Nil until something has been computed.
    let range: ValueRange?
    /// The classes' names, in output order.
    var classes = ClassNames.digits

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        var role = layer.role
        if traced != layer.layer {
            role +=
                traced == .logits
                ? ": showing the logits, before softmax" : ": showing values before tanh"
        }
        if layer.layer == .input { role = "what the network sees: the drawing, scaled and centred" }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.write(layer.name + "  ", x: line.x, y: line.y, style: .bold, clip: line)
        buffer.writeShortening(
            role, x: line.x + layer.name.count + 2, y: line.y, clip: line, palette: palette)
        let shape = layer.shape.map(String.init).joined(separator: "x")
        let shapeOfMaps = MapShape(layer)
        let position: String
        switch layer.layer {
        case .input: position = ""
        case .probabilities:
            position =
                ClassNames.areDigits(classes)
                ? "class \(picked) (0-9)"
                : "class \(picked + 1) of \(classes.count): \(classes[min(picked, classes.count - 1)])"
        default:
            position =
                "\(shapeOfMaps.isSpatial ? "map" : "unit") \(picked + 1) of \(shapeOfMaps.channels)"
        }
        let values = range?.text ?? ""
        let parameters = grouped(layer.parameterCount)
        var facts = ["output \(shape)", "\(parameters) parameters", values, position]
        if facts.joined(separator: "  ").count > area.width {
            facts = [shape, "\(parameters) params", values, position]
        }
        let second = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        buffer.writeShortening(
            facts.filter { !$0.isEmpty }.joined(separator: "  "), x: second.x, y: second.y,
            style: .dim, clip: second, palette: palette)
    }
}
