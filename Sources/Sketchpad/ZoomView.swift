import LeNet5

/// One map (or unit) enlarged, beside what made it: the 5x5 kernels of a convolution, one per input
/// map, the weights of a dense unit, or the map a pooling layer averaged.
struct ZoomView {
    let state: SketchpadState
    let view: LayerView
    let area: Rect

    var model: LeNet5 { state.network.model }
    var k: Int { state.mapIndex }

    func render(into buffer: inout CellBuffer, palette: Palette) {
        let layer = view.description
        let isOutput = layer.layer == .probabilities
        let noun = view.isSpatial ? "map \(k + 1)" : (isOutput ? "class \(k)" : "unit \(k + 1)")
        buffer.write("\(layer.name) \(noun)", x: area.x, y: area.y, style: .bold, clip: area)
        let (left, right) = area.splitLeft(area.width / 2)
        let content = Rect(x: left.x, y: left.y + 2, width: left.width - 2, height: left.height - 2)
        if view.isSpatial {
            let heatmap = view.heatmap(channel: k)
            var zoom = 0
            while true {
                let size = heatmap.size(zoom: zoom)
                if (size.columns <= content.width && size.rows <= content.height) || zoom >= 8 {
                    break
                }
                zoom += 1
            }
            heatmap.render(
                into: &buffer, at: Point(x: content.x, y: content.y), zoom: zoom, palette: palette,
                clip: content)
        } else {
            let value = view.maps[unit: k]
            var lines = ["value \(fixed(value, 4))"]
            if isOutput {
                let trace = state.network.trace
                lines = [
                    "probability \(percentText(trace.maps(.probabilities)[unit: k]))",
                    "logit \(fixed(trace.maps(.logits)[unit: k], 3))",
                ]
            } else if let pre = preActivation {
                lines = ["output \(fixed(view.maps[unit: k], 4))", "before tanh \(fixed(pre, 4))"]
            }
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: content.x, y: content.y + i, clip: content)
            }
        }
        renderSources(
            into: &buffer,
            area: Rect(x: right.x, y: right.y + 2, width: right.width, height: right.height - 2),
            palette: palette)
    }

    var preActivation: Float? {
        switch view.description.layer {
        case .c5: state.network.trace.maps(.c5PreActivation)[unit: k]
        case .f6: state.network.trace.maps(.f6PreActivation)[unit: k]
        default: nil
        }
    }

    func renderSources(into buffer: inout CellBuffer, area: Rect, palette: Palette) {
        switch view.description.layer {
        case .input:
            buffer.write(
                "The drawing, scaled so that its ink fits a", x: area.x, y: area.y, clip: area)
            buffer.write(
                "20x20 box, centred by its centre of mass in", x: area.x, y: area.y + 1, clip: area)
            buffer.write(
                "the 32x32 input, as MNIST's digits were.", x: area.x, y: area.y + 2, clip: area)
        case .c1:
            kernels(model.c1, sourceName: "input", into: &buffer, area: area, palette: palette)
        case .c3:
            kernels(model.c3, sourceName: "S2 map", into: &buffer, area: area, palette: palette)
        case .c5:
            kernels(model.c5, sourceName: "S4 map", into: &buffer, area: area, palette: palette)
        case .s2, .s4:
            let source = view.description.layer == .s2 ? "C1" : "C3"
            let traced: TracedLayer = view.description.layer == .s2 ? .c1 : .c3
            buffer.write(
                "the mean of each 2x2 block of \(source) map \(k + 1):", x: area.x, y: area.y,
                clip: area)
            let maps = state.network.trace.maps(traced)
            let heatmap = Heatmap(
                height: maps.height, width: maps.width, value: { maps[k, $0, $1] }, scale: 1,
                signed: true)
            let zoom =
                heatmap.size(zoom: 0).columns <= area.width && maps.height + 2 <= area.height
                ? 0 : 1
            heatmap.render(
                into: &buffer, at: Point(x: area.x, y: area.y + 2), zoom: zoom, palette: palette,
                clip: area)
        case .f6:
            weights(
                row: model.f6.weight, inputs: 120, bias: model.f6.bias.scalars[k], sourceName: "C5",
                into: &buffer, area: area, palette: palette)
        case .probabilities:
            weights(
                row: model.output.weight, inputs: 84, bias: model.output.bias.scalars[k],
                sourceName: "F6", into: &buffer, area: area, palette: palette)
        default:
            break
        }
    }

    /// A title and the scale of the weights' shades; returns that scale, the largest magnitude.
    func header(_ title: String, weights: [Float], into buffer: inout CellBuffer, area: Rect)
        -> Float
    {
        let largest = max(weights.map { abs($0) }.max() ?? 1, 1e-6)
        buffer.write(title, x: area.x, y: area.y, clip: area)
        buffer.write(
            "(shades scaled by the largest |weight|, \(fixed(largest, 3)))", x: area.x,
            y: area.y + 1, style: .dim, clip: area)
        return largest
    }

    /// The kernels that map k applies to each input map, 5x5 each, weights scaled together.
    func kernels(
        _ convolution: Convolution, sourceName: String, into buffer: inout CellBuffer, area: Rect,
        palette: Palette
    ) {
        let count = convolution.inputMaps
        let kernels = (0..<count).map { Array(convolution.kernel(output: k, input: $0)) }
        let largest = header(
            "kernels applied to each \(sourceName), 5x5:", weights: Array(kernels.joined()),
            into: &buffer, area: area)
        let slotWidth = 12
        let perRow = max(1, area.width / slotWidth)
        for (i, kernel) in kernels.enumerated() {
            let x = area.x + (i % perRow) * slotWidth
            let y = area.y + 3 + (i / perRow) * 7
            buffer.write(count == 1 ? "input" : "\(i + 1)", x: x, y: y, style: .dim, clip: area)
            let heatmap = Heatmap(
                height: 5, width: 5, value: { kernel[$0 * 5 + $1] }, scale: largest, signed: true)
            heatmap.render(
                into: &buffer, at: Point(x: x, y: y + 1), zoom: 0, palette: palette, clip: area)
        }
        let rows = (count + perRow - 1) / perRow
        buffer.write(
            "bias \(fixed(convolution.bias.scalars[k], 4))", x: area.x, y: area.y + 3 + rows * 7,
            clip: area)
    }

    /// The weights of a dense unit from each of its inputs, as a grid, and its bias.
    func weights(
        row weight: Tensor, inputs: Int, bias: Float, sourceName: String,
        into buffer: inout CellBuffer, area: Rect, palette: Palette
    ) {
        let values = Array(weight.scalars[(k * inputs)..<((k + 1) * inputs)])
        let largest = header(
            "weights from the \(inputs) \(sourceName) units:", weights: values, into: &buffer,
            area: area)
        let perRow = 12
        let heatmap = Heatmap(
            height: (inputs + perRow - 1) / perRow, width: perRow,
            value: { y, x in y * perRow + x < inputs ? values[y * perRow + x] : 0 }, scale: largest,
            signed: true)
        heatmap.render(
            into: &buffer, at: Point(x: area.x, y: area.y + 3), zoom: 0, palette: palette,
            clip: area)
        buffer.write(
            "bias \(fixed(bias, 4))", x: area.x, y: area.y + 4 + heatmap.height, clip: area)
    }
}
