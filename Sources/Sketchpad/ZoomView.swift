import LeNet5

/// One map (or unit) enlarged, beside what made it: the 5x5 kernels of a convolution, one per input
/// map, the weights of a dense unit, or the map a pooling layer averaged. The map takes the room
/// it needs at full resolution; what made it goes to its right, or below it when the panel is
/// narrow.
struct ZoomView {
    let state: SketchpadState
    let view: LayerView
    let area: Rect

    var model: LeNet5 { state.network.model }
    var k: Int { state.mapIndex }

    /// The narrowest the explanation beside a map may be before it goes below instead.
    static let sourcesMinimumWidth = 36

    func render(into buffer: inout CellBuffer, palette: Palette) {
        let layer = view.description
        let isOutput = layer.layer == .probabilities
        let noun = view.isSpatial ? "map \(k + 1)" : (isOutput ? "class \(k)" : "unit \(k + 1)")
        buffer.write(
            layer.layer == .input ? "Input, as the network sees it" : "\(layer.name) \(noun)",
            x: area.x, y: area.y, style: .bold, clip: area)
        let content = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard view.isSpatial else {
            // A unit's value is two lines of text; the weights that made it go underneath.
            let lines = unitLines(isOutput: isOutput)
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: content.x, y: content.y + i, clip: content)
            }
            let below = Rect(
                x: content.x, y: content.y + lines.count + 1, width: content.width,
                height: content.height - lines.count - 1)
            renderSources(into: &buffer, area: below, palette: palette)
            return
        }
        let heatmap = view.heatmap(channel: k)
        // Beside: the map at the largest zoom that leaves room for the sources.
        let besideWidth = content.width - Self.sourcesMinimumWidth - 2
        let beside = heatmap.zoom(fitting: besideWidth, content.height, levels: [.square, .tall])
        let besideSize = heatmap.size(zoom: beside)
        // Beside only at full resolution; a narrow panel gives the map its whole width instead.
        if besideSize.columns <= besideWidth && besideSize.rows <= content.height {
            heatmap.render(
                into: &buffer, at: Point(x: content.x, y: content.y), zoom: beside,
                palette: palette, clip: content)
            let right = content.x + besideSize.columns + 3
            renderSources(
                into: &buffer,
                area: Rect(
                    x: right, y: content.y, width: content.maxX - right, height: content.height),
                palette: palette)
        } else {
            // Above: the map in up to half the height, the sources below it.
            let above = heatmap.zoom(fitting: content.width, max(5, content.height / 2))
            let size = heatmap.size(zoom: above)
            heatmap.render(
                into: &buffer, at: Point(x: content.x, y: content.y), zoom: above, palette: palette,
                clip: content)
            renderSources(
                into: &buffer,
                area: Rect(
                    x: content.x, y: content.y + size.rows + 1, width: content.width,
                    height: content.height - size.rows - 1),
                palette: palette)
        }
    }

    func unitLines(isOutput: Bool) -> [String] {
        let trace = state.network.trace
        switch view.description.layer {
        case .probabilities:
            return [
                "probability \(percentText(trace.maps(.probabilities)[unit: k]))",
                "logit \(fixed(trace.maps(.logits)[unit: k], 3))",
            ]
        case .c5:
            return [
                "output \(fixed(trace.maps(.c5)[unit: k], 4))",
                "before tanh \(fixed(trace.maps(.c5PreActivation)[unit: k], 4))",
            ]
        case .f6:
            return [
                "output \(fixed(trace.maps(.f6)[unit: k], 4))",
                "before tanh \(fixed(trace.maps(.f6PreActivation)[unit: k], 4))",
            ]
        default:
            return ["value \(fixed(view.maps[unit: k], 4))"]
        }
    }

    func renderSources(into buffer: inout CellBuffer, area: Rect, palette: Palette) {
        switch view.description.layer {
        case .input:
            let lines = [
                "The drawing, scaled so that its ink fits a 20x20",
                "box, and centred by its centre of mass in the",
                "32x32 input, as MNIST's digits were made.",
            ]
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: area.x, y: area.y + i, clip: area)
            }
        case .c1:
            kernels(model.c1, sourceName: "input", into: &buffer, area: area, palette: palette)
        case .c3:
            kernels(model.c3, sourceName: "S2 map", into: &buffer, area: area, palette: palette)
        case .c5:
            kernels(model.c5, sourceName: "S4 map", into: &buffer, area: area, palette: palette)
        case .s2, .s4:
            let pooling = view.description.layer == .s2
            buffer.write(
                "the mean of each 2x2 block of \(pooling ? "C1" : "C3") map \(k + 1):", x: area.x,
                y: area.y, clip: area)
            let maps = state.network.trace.maps(pooling ? .c1 : .c3)
            let heatmap = Heatmap(
                height: maps.height, width: maps.width, value: { maps[k, $0, $1] }, scale: 1,
                signed: true)
            let zoom = heatmap.zoom(fitting: area.width, area.height - 2)
            heatmap.render(
                into: &buffer, at: Point(x: area.x, y: area.y + 2), zoom: zoom, palette: palette,
                clip: area)
        case .f6:
            weights(
                row: model.f6.weight, inputs: 120, bias: model.f6.bias.scalars[k],
                sourceName: "C5", into: &buffer, area: area, palette: palette)
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

    /// The kernels that map k applies to each input map, 5x5 each, weights scaled together: two
    /// columns a weight where they all fit so, one column a weight otherwise.
    func kernels(
        _ convolution: Convolution, sourceName: String, into buffer: inout CellBuffer, area: Rect,
        palette: Palette
    ) {
        let count = convolution.inputMaps
        let kernels = (0..<count).map { Array(convolution.kernel(output: k, input: $0)) }
        let largest = header(
            "kernels applied to each \(sourceName), 5x5:", weights: Array(kernels.joined()),
            into: &buffer, area: area)
        let grid = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 5)
        func slots(_ zoom: Zoom) -> (width: Int, perRow: Int, fits: Bool) {
            let width = (zoom == .square ? 10 : 5) + 2
            let perRow = max(1, (grid.width + 2) / width)
            return (width, perRow, (count + perRow - 1) / perRow * 7 <= grid.height)
        }
        let zoom: Zoom = slots(.square).fits ? .square : .tall
        let (slotWidth, perRow, _) = slots(zoom)
        let shown = min(count, perRow * max(1, grid.height / 7))
        for (i, kernel) in kernels.prefix(shown).enumerated() {
            let x = grid.x + (i % perRow) * slotWidth
            let y = grid.y + (i / perRow) * 7
            buffer.write(count == 1 ? "input" : "\(i + 1)", x: x, y: y, style: .dim, clip: grid)
            let heatmap = Heatmap(
                height: 5, width: 5, value: { kernel[$0 * 5 + $1] }, scale: largest, signed: true)
            heatmap.render(
                into: &buffer, at: Point(x: x, y: y + 1), zoom: zoom, palette: palette, clip: grid)
        }
        let rows = (shown + perRow - 1) / perRow
        var footer = "bias \(fixed(convolution.bias.scalars[k], 4))"
        if shown < count { footer += "   (kernels 1-\(shown) of \(count): enlarge for all)" }
        buffer.write(footer, x: area.x, y: grid.y + rows * 7, clip: area)
    }

    /// The weights of a dense unit from each of its inputs, as a grid of rows of twelve labelled
    /// with their first input, and its bias.
    func weights(
        row weight: Tensor, inputs: Int, bias: Float, sourceName: String,
        into buffer: inout CellBuffer, area: Rect, palette: Palette
    ) {
        let values = Array(weight.scalars[(k * inputs)..<((k + 1) * inputs)])
        let largest = header(
            "weights from the \(inputs) \(sourceName) units:", weights: values, into: &buffer,
            area: area)
        let perRow = 12
        let rows = (inputs + perRow - 1) / perRow
        let heatmap = Heatmap(
            height: rows, width: perRow,
            value: { y, x in y * perRow + x < inputs ? values[y * perRow + x] : 0 },
            scale: largest, signed: true)
        for row in 0..<rows {
            buffer.write(
                NumberText.right("\(row * perRow + 1)", 3), x: area.x, y: area.y + 3 + row,
                style: .dim, clip: area)
        }
        heatmap.render(
            into: &buffer, at: Point(x: area.x + 4, y: area.y + 3), zoom: .square,
            palette: palette, clip: area)
        buffer.write("bias \(fixed(bias, 4))", x: area.x, y: area.y + 4 + rows, clip: area)
    }
}
