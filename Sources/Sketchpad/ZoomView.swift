import LeNet5
import Screen

/// One map (or unit) enlarged, beside what made it: the 5x5 kernels of a convolution, one per input
/// map, the weights of a dense unit, or the map a pooling layer averaged. The map takes the room
/// it needs at full resolution; what made it goes to its right, or below it when the panel is
/// narrow.
struct ZoomView: Widget {
    /// What made the picked map or unit.
    enum Source {
        /// Words instead (the input has no weights).
        case explanation([String])
        /// The kernels applied to each input map, 5x5 each in row order, and the bias.
        case kernels([[Float]], bias: Float, sourceName: String)
        /// Map `channel` of the layer that was averaged.
        case pooled(MapValues, channel: Int, sourceName: String)
        /// The weights from each input unit, and the bias.
        case weights([Float], bias: Float, sourceName: String)
    }

    let view: LayerView
    let picked: Int
    /// A dense unit's numbers: its value, and before its activation.
    let unitLines: [String]
    let source: Source
    /// The output's class names, in output order.
    var classes = ClassNames.digits

    /// The narrowest the explanation beside a map may be before it goes below instead.
    static let sourcesMinimumWidth = 36

    init(view: LayerView, picked: Int, unitLines: [String], source: Source) {
        self.view = view
        self.picked = picked
        self.unitLines = unitLines
        self.source = source
    }

    /// The zoom of map or unit `picked` of `view`, with what made it taken from the reading.
    init(_ view: LayerView, picked k: Int, reading: NetworkReading) {
        let model = reading.model
        func kernels(_ convolution: Convolution, _ sourceName: String) -> Source {
            .kernels(
                (0..<convolution.inputMaps).map { Array(convolution.kernel(output: k, input: $0)) },
                bias: convolution.bias.scalars[k], sourceName: sourceName)
        }
        func weights(_ dense: Dense, inputs: Int, _ sourceName: String) -> Source {
            .weights(
                Array(dense.weight.scalars[(k * inputs)..<((k + 1) * inputs)]),
                bias: dense.bias.scalars[k], sourceName: sourceName)
        }
        func pooled(_ layer: TracedLayer, _ sourceName: String) -> Source {
            guard let trace = reading.trace else { return .explanation([]) }
            return .pooled(MapValues(trace.maps(layer)), channel: k, sourceName: sourceName)
        }
        let source: Source
        switch view.description.layer {
        case .c1: source = kernels(model.c1, "input")
        case .s2: source = pooled(.c1, "C1")
        case .c3: source = kernels(model.c3, "S2 map")
        case .s4: source = pooled(.c3, "C3")
        case .c5: source = kernels(model.c5, "S4 map")
        case .f6: source = weights(model.f6, inputs: 120, "C5")
        case .probabilities: source = weights(model.output, inputs: 84, "F6")
        default:
            source = .explanation([
                "The drawing, scaled so that its ink fits a 20x20",
                "box, and centred by its centre of mass in the",
                "32x32 input, as MNIST's digits were made.",
            ])
        }
        var lines = [String]()
        if let trace = reading.trace {
            func value(_ layer: TracedLayer) -> Float { trace.maps(layer)[unit: k] }
            switch view.description.layer {
            case .probabilities:
                lines = [
                    "probability \(percentText(value(.probabilities)))",
                    "logit \(fixed(value(.logits), 3))",
                ]
            case .c5:
                lines = [
                    "output \(fixed(value(.c5), 4))",
                    "before tanh \(fixed(value(.c5PreActivation), 4))",
                ]
            case .f6:
                lines = [
                    "output \(fixed(value(.f6), 4))",
                    "before tanh \(fixed(value(.f6PreActivation), 4))",
                ]
            default:
                lines = ["value \(fixed(view.values[unit: k], 4))"]
            }
        }
        self.init(view: view, picked: k, unitLines: lines, source: source)
        classes = reading.classes
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let layer = view.description
        let isOutput = layer.layer == .probabilities
        let noun =
            view.isSpatial
            ? "map \(picked + 1)"
            : (isOutput
                ? "class \(picked < classes.count ? classes[picked] : "\(picked)")"
                : "unit \(picked + 1)")
        buffer.write(
            layer.layer == .input ? "Input, as the network sees it" : "\(layer.name) \(noun)",
            x: area.x, y: area.y, style: .bold, clip: area)
        let content = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard view.isSpatial else {
            // A unit's value is two lines of text; the weights that made it go underneath.
            buffer.write(unitLines, in: content)
            let below = Rect(
                x: content.x, y: content.y + unitLines.count + 1, width: content.width,
                height: content.height - unitLines.count - 1)
            renderSource(into: &buffer, area: below, palette: palette)
            return
        }
        let heatmap = view.heatmap(channel: picked)
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
            renderSource(
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
            renderSource(
                into: &buffer,
                area: Rect(
                    x: content.x, y: content.y + size.rows + 1, width: content.width,
                    height: content.height - size.rows - 1),
                palette: palette)
        }
    }

    func renderSource(into buffer: inout CellBuffer, area: Rect, palette: Palette) {
        switch source {
        case .explanation(let lines):
            buffer.write(lines, in: area)
        case .kernels(let kernels, let bias, let sourceName):
            renderKernels(
                kernels, bias: bias, sourceName: sourceName, into: &buffer, area: area,
                palette: palette)
        case .pooled(let maps, let channel, let sourceName):
            buffer.write(
                "the mean of each 2x2 block of \(sourceName) map \(channel + 1):", x: area.x,
                y: area.y, clip: area)
            let heatmap = Heatmap(
                height: maps.shape.height, width: maps.shape.width,
                value: { maps[channel, $0, $1] }, scale: 1, signed: true)
            let zoom = heatmap.zoom(fitting: area.width, area.height - 2)
            heatmap.render(
                into: &buffer, at: Point(x: area.x, y: area.y + 2), zoom: zoom, palette: palette,
                clip: area)
        case .weights(let values, let bias, let sourceName):
            renderWeights(
                values, bias: bias, sourceName: sourceName, into: &buffer, area: area,
                palette: palette)
        }
    }

    /// A title and the scale of the weights' shades; returns that scale, the largest magnitude.
    func header(_ title: String, weights: [Float], into buffer: inout CellBuffer, area: Rect)
        -> Float
    {
        var range = ValueRange()
        for weight in weights { range.add(weight) }
        let largest = max(range.largestMagnitude, 1e-6)
        buffer.write(title, x: area.x, y: area.y, clip: area)
        buffer.write(
            "(shades scaled by the largest |weight|, \(fixed(largest, 3)))", x: area.x,
            y: area.y + 1, style: .dim, clip: area)
        return largest
    }

    /// The kernels that map k applies to each input map, 5x5 each, weights scaled together: two
    /// columns a weight where they all fit so, one column a weight otherwise.
    func renderKernels(
        _ kernels: [[Float]], bias: Float, sourceName: String, into buffer: inout CellBuffer,
        area: Rect, palette: Palette
    ) {
        let count = kernels.count
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
        var footer = "bias \(fixed(bias, 4))"
        if shown < count { footer += "   (kernels 1-\(shown) of \(count): enlarge for all)" }
        buffer.write(footer, x: area.x, y: grid.y + rows * 7, clip: area)
    }

    /// The weights of a dense unit from each of its inputs, as a grid of rows of twelve labelled
    /// with their first input, and its bias.
    func renderWeights(
        _ values: [Float], bias: Float, sourceName: String, into buffer: inout CellBuffer,
        area: Rect, palette: Palette
    ) {
        let inputs = values.count
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
