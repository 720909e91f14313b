import LeNet5
import Screen

/// One map (or unit) enlarged, beside what made it: the 5x5 kernels of a convolution, one per input
/// map, the weights of a dense unit, or the map a pooling layer averaged. The map is as large as
/// the panel allows with everything that made it still in view: beside it where the panel is wide,
/// under it otherwise. The picked value is marked, and its numbers are under the title.
struct ZoomView: Widget {
    /// What made the picked map or unit.
    enum Source {
        /// Nothing: the input is the drawing itself.
        case input
        /// The kernels applied to each input map, 5x5 each in row order, and the bias.
        case kernels([[Float]], bias: Float, sourceName: String)
        /// Map `channel` of the layer that was averaged, with the picked value's block marked.
        case pooled(MapValues, channel: Int, sourceName: String, block: CellRect?)
        /// The weights from each input unit, and the bias.
        case weights([Float], bias: Float, sourceName: String)
    }

    let view: LayerView
    let picked: Int
    /// The picked value of a map (column and row), marked on it.
    let unit: Point?
    /// The picked value's numbers: its position, value, and value before the activation.
    let unitLines: [String]
    let source: Source
    /// The output's class names, in output order.
    var classes = ClassNames.digits

    /// The zoom of map or unit `picked` of `view`, with what made it taken from `model` and
    /// `trace`, and the picked value `explanation`'s numbers.
    init(
        _ view: LayerView, picked k: Int, explanation: UnitExplanation?, trace: ForwardTrace,
        model: LeNet5
    ) {
        func kernels(_ convolution: Convolution, _ sourceName: String) -> Source {
            .kernels(
                (0..<convolution.inputMaps).map { Array(convolution.kernel(output: k, input: $0)) },
                bias: convolution.bias.scalars[k], sourceName: sourceName)
        }
        func weights(_ dense: Dense, _ sourceName: String) -> Source {
            let inputs = dense.inputs
            return .weights(
                Array(dense.weight.scalars[(k * inputs)..<((k + 1) * inputs)]),
                bias: dense.bias.scalars[k], sourceName: sourceName)
        }
        func pooled(_ layer: NetworkLayer) -> Source {
            var block: CellRect?
            if case .averagePooling(let mean)? = explanation?.computation { block = mean.window }
            return .pooled(
                MapValues(trace.maps(layer.traced)), channel: k, sourceName: layer.name,
                block: block)
        }
        let source: Source
        switch view.description.id {
        case .input: source = .input
        case .c1: source = kernels(model.c1, "input")
        case .s2: source = pooled(.c1)
        case .c3: source = kernels(model.c3, "S2 map")
        case .s4: source = pooled(.c3)
        case .c5: source = kernels(model.c5, "S4 map")
        case .f6: source = weights(model.f6, "C5")
        case .output: source = weights(model.output, "F6")
        }
        let unit = explanation.flatMap { e in
            e.unit.layer.isUnitList ? nil : Point(x: e.unit.x, y: e.unit.y)
        }
        self.init(
            view: view, picked: k, unit: unit,
            unitLines: explanation.map(Self.unitLines) ?? [], source: source)
    }

    init(view: LayerView, picked: Int, unit: Point?, unitLines: [String], source: Source) {
        self.view = view
        self.picked = picked
        self.unit = unit
        self.unitLines = unitLines
        self.source = source
    }

    /// The picked value's numbers on one line where `width` allows, else on two.
    static func lines(_ parts: [String], width: Int) -> [String] {
        let joined = parts.joined(separator: ", ")
        return joined.count <= width ? [joined] : parts
    }

    /// The widest the numbers get on one line ("row 28, column 28: value -0.9999, before tanh
    /// -10.1234"): from this width on, they always take one.
    static let oneLineWidth = 56

    /// "row 7, column 12: value 0.8312", "before tanh 1.1902": the numbers of a picked value.
    static func unitLines(_ e: UnitExplanation) -> [String] {
        let unit = e.unit
        var place = ""
        if !unit.layer.isUnitList { place = "row \(unit.y + 1), column \(unit.x + 1): " }
        switch unit.layer {
        case .output:
            return [
                "probability \(percentText(e.value))",
                "score before softmax \(fixed(e.preActivation, 4))",
            ]
        case .input, .s2, .s4: return [place + "value \(fixed(e.value, 4))"]
        default:
            return [
                place + "value \(fixed(e.value, 4))", "before tanh \(fixed(e.preActivation, 4))",
            ]
        }
    }

    var title: String {
        let layer = view.description
        switch layer.id {
        case .input: return "Input, as the network sees it"
        case .output:
            return "Output: the score of \(picked < classes.count ? classes[picked] : "\(picked)")"
        case _ where layer.id.isUnitList: return "\(layer.name) unit \(picked + 1)"
        default: return "\(layer.name) map \(picked + 1)"
        }
    }

    /// Where the map and what made it go in `area`, and how large.
    struct Plan: Equatable {
        /// The map's top left corner and zoom (nil for a unit of a list).
        let origin: Point?
        let zoom: Zoom?
        let source: Rect
        /// The rows used from the top of the area.
        var height = 0
        /// Everything that made the map is in view (else it is cut to the room there is).
        var fits = true
    }

    /// What made a layer's maps, as far as its size goes: known from the layer alone, so that a
    /// click can be placed without the values.
    enum SourceShape: Equatable {
        case text
        case kernels(count: Int)
        case pooled(MapShape)
        case weights(count: Int)

        init(_ layer: NetworkLayer) {
            let g = layer.geometry
            switch g.kind {
            case .input: self = .text
            case .convolution: self = .kernels(count: g.inputMaps)
            case .averagePooling:
                self = .pooled(
                    MapShape(channels: g.inputMaps, height: g.inputSide, width: g.inputSide))
            case .dense: self = .weights(count: g.taps)
            }
        }
    }

    /// The rows above the map: the title, the picked value's lines, a blank.
    static func headerRows(_ layer: NetworkLayer, width: Int) -> Int {
        switch layer {
        case .input, .s2, .s4: 3
        default: width >= oneLineWidth ? 3 : 4
        }
    }

    static func plan(_ layer: NetworkLayer, in area: Rect, palette: Palette) -> Plan {
        let header = headerRows(layer, width: area.width)
        let content = Rect(
            x: area.x, y: area.y + header, width: area.width, height: area.height - header)
        let g = layer.geometry
        guard !layer.isUnitList else {
            let shape = SourceShape(layer)
            return Plan(
                origin: nil, zoom: nil, source: content,
                height: header + sourceHeight(shape, in: content, palette: palette),
                fits: sourceFits(shape, in: content, palette: palette))
        }
        let shape = SourceShape(layer)
        let origin = Point(x: content.x, y: content.y)
        func beside(_ zoom: Zoom) -> Plan? {
            let size = Heatmap.size(height: g.side, width: g.side, zoom: zoom)
            let right = Rect(
                x: content.x + size.columns + 3, y: content.y,
                width: content.width - size.columns - 3, height: content.height)
            guard size.rows <= content.height, sourceFits(shape, in: right, palette: palette) else {
                return nil
            }
            let used = max(size.rows, sourceHeight(shape, in: right, palette: palette))
            return Plan(origin: origin, zoom: zoom, source: right, height: header + used)
        }
        func below(_ zoom: Zoom, forced: Bool = false) -> Plan? {
            let size = Heatmap.size(height: g.side, width: g.side, zoom: zoom)
            let rest = Rect(
                x: content.x, y: content.y + size.rows + 1, width: content.width,
                height: content.height - size.rows - 1)
            guard
                forced
                    || (size.columns <= content.width
                        && sourceFits(shape, in: rest, palette: palette))
            else { return nil }
            let used = size.rows + 1 + sourceHeight(shape, in: rest, palette: palette)
            return Plan(
                origin: origin, zoom: zoom, source: rest, height: header + used,
                fits: sourceFits(shape, in: rest, palette: palette))
        }
        // The largest map with everything that made it in view, beside it or under it.
        let levels = Zoom.levels(palette)
        for zoom in levels {
            if let plan = beside(zoom) ?? below(zoom) { return plan }
        }
        return below(levels[levels.count - 1], forced: true)
            ?? Plan(origin: nil, zoom: nil, source: content)
    }

    /// The value of the map under a screen position, if the map is there.
    static func value(at point: Point, layer: NetworkLayer, in area: Rect, palette: Palette)
        -> Point?
    {
        let plan = self.plan(layer, in: area, palette: palette)
        guard let origin = plan.origin, let zoom = plan.zoom else { return nil }
        let side = layer.geometry.side
        let heatmap = Heatmap.outline(height: side, width: side)
        return heatmap.value(atColumn: point.x - origin.x, row: point.y - origin.y, zoom: zoom)
            .map { Point(x: $0.x, y: $0.y) }
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.write(title, x: area.x, y: area.y, style: .bold, clip: area)
        let unitLines =
            area.width >= Self.oneLineWidth
            ? [self.unitLines.joined(separator: ", ")] : self.unitLines
        for (i, line) in unitLines.enumerated() {
            buffer.writeShortening(
                line, x: area.x, y: area.y + 1 + i, clip: area, palette: palette)
        }
        let layer = view.description.id
        let plan = Self.plan(layer, in: area, palette: palette)
        if let origin = plan.origin, let zoom = plan.zoom {
            let header = Self.headerRows(layer, width: area.width)
            let clip = Rect(
                x: area.x, y: area.y + header, width: area.width, height: area.height - header)
            view.heatmap(channel: picked).render(
                into: &buffer, at: origin, zoom: zoom, palette: palette, clip: clip)
            if let unit {
                UnitMark.mark(unit, zoom: zoom, origin: origin, into: &buffer, clip: clip)
            }
        }
        renderSource(into: &buffer, area: plan.source, palette: palette)
    }

    // MARK: What made it

    /// The kernels' layout in `area`: their zoom, how many to a row, and whether all fit.
    static func kernelPlan(count: Int, in area: Rect, palette: Palette) -> (
        zoom: Zoom, perRow: Int, fits: Bool
    ) {
        // A title, the scale's line and a blank above; the bias below.
        let grid = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 4)
        var levels: [Zoom] = [.square]
        levels += palette.hasShadeColors ? [.halfBlocks(1)] : [.tall]
        func layout(_ zoom: Zoom) -> (perRow: Int, fits: Bool) {
            let size = Heatmap.size(height: 5, width: 5, zoom: zoom)
            let perRow = max(1, (grid.width + 2) / (size.columns + 2))
            let rows = (count + perRow - 1) / perRow
            // Each kernel under its label row, which also parts it from the kernel above.
            return (perRow, size.columns <= grid.width && rows * (size.rows + 1) <= grid.height)
        }
        let zoom = levels.first { layout($0).fits } ?? levels[levels.count - 1]
        let (perRow, fits) = layout(zoom)
        return (zoom, perRow, fits)
    }

    /// The rows what made the map takes in `area`.
    static func sourceHeight(_ shape: SourceShape, in area: Rect, palette: Palette) -> Int {
        switch shape {
        case .text: return 4
        case .kernels(let count):
            let (zoom, perRow, _) = kernelPlan(count: count, in: area, palette: palette)
            let rows = (count + perRow - 1) / perRow
            return 3 + rows * (Heatmap.size(height: 5, width: 5, zoom: zoom).rows + 1) + 1
        case .pooled(let maps):
            let heatmap = Heatmap.outline(height: maps.height, width: maps.width)
            let zoom = heatmap.zoom(
                fitting: area.width, area.height - 2, levels: Zoom.levels(palette))
            return 2 + heatmap.size(zoom: zoom).rows
        case .weights(let count): return (count + 11) / 12 + 5
        }
    }

    static func sourceFits(_ shape: SourceShape, in area: Rect, palette: Palette) -> Bool {
        guard area.width >= 30 && area.height >= 3 else { return false }
        switch shape {
        case .text: return true
        case .kernels(let count): return kernelPlan(count: count, in: area, palette: palette).fits
        case .pooled(let maps):
            // Room for its title, and the averaged map at two values a character at most.
            guard area.width >= 40 else { return false }
            let size = Heatmap.size(height: maps.height, width: maps.width, zoom: .averaged(2))
            // At most four values a character: the block must still show.
            let zoom = Zoom.levels(palette).first { z in
                let s = Heatmap.size(height: maps.height, width: maps.width, zoom: z)
                return s.columns <= area.width && s.rows <= area.height - 2
            }
            return zoom.map { $0.block.across <= 2 } ?? false && size.columns <= area.width
        case .weights(let count): return (count + 11) / 12 + 5 <= area.height
        }
    }

    func renderSource(into buffer: inout CellBuffer, area: Rect, palette: Palette) {
        switch source {
        case .input:
            let text =
                "The drawing, scaled so that its ink fits a 20x20 box, and centred by its centre "
                + "of mass in the 32x32 input, as the digits the network learned from were made."
            buffer.write(wrap(text, width: area.width), in: area)
        case .kernels(let kernels, let bias, let sourceName):
            renderKernels(
                kernels, bias: bias, sourceName: sourceName, into: &buffer, area: area,
                palette: palette)
        case .pooled(let maps, let channel, let sourceName, let block):
            buffer.writeShortening(
                "the mean of each 2x2 block of \(sourceName) map \(channel + 1):", x: area.x,
                y: area.y, clip: area, palette: palette)
            let heatmap = Heatmap(
                height: maps.shape.height, width: maps.shape.width,
                value: { maps[channel, $0, $1] }, scale: 1, signed: true)
            let zoom = heatmap.zoom(
                fitting: area.width, area.height - 2, levels: Zoom.levels(palette))
            let origin = Point(x: area.x, y: area.y + 2)
            heatmap.render(into: &buffer, at: origin, zoom: zoom, palette: palette, clip: area)
            if let block {
                for y in block.y0...block.y1 {
                    for x in block.x0...block.x1 {
                        UnitMark.mark(
                            Point(x: x, y: y), zoom: zoom, origin: origin, into: &buffer, clip: area
                        )
                    }
                }
            }
        case .weights(let values, let bias, let sourceName):
            renderWeights(
                values, bias: bias, sourceName: sourceName, into: &buffer, area: area,
                palette: palette)
        }
    }

    /// A title and the scale of the weights' shades; returns that scale, the largest magnitude.
    func header(
        _ title: String, weights: [Float], into buffer: inout CellBuffer, area: Rect,
        palette: Palette
    ) -> Float {
        var range = ValueRange()
        for weight in weights { range.add(weight) }
        let largest = max(range.largestMagnitude, 1e-6)
        buffer.writeShortening(title, x: area.x, y: area.y, clip: area, palette: palette)
        buffer.writeShortening(
            "(full shade: \(fixed(largest, 3)) or -\(fixed(largest, 3)))", x: area.x,
            y: area.y + 1, style: .dim, clip: area, palette: palette)
        return largest
    }

    /// The kernels that map k applies to each input map, 5x5 each, weights scaled together.
    func renderKernels(
        _ kernels: [[Float]], bias: Float, sourceName: String, into buffer: inout CellBuffer,
        area: Rect, palette: Palette
    ) {
        let count = kernels.count
        let largest = header(
            count == 1 ? "its kernel, 5x5:" : "its kernels, one per \(sourceName), 5x5:",
            weights: Array(kernels.joined()), into: &buffer, area: area, palette: palette)
        let grid = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 4)
        let (zoom, perRow, _) = Self.kernelPlan(count: count, in: area, palette: palette)
        let size = Heatmap.size(height: 5, width: 5, zoom: zoom)
        let rowsThatFit = max(1, grid.height / (size.rows + 1))
        let shown = min(count, perRow * rowsThatFit)
        for (i, kernel) in kernels.prefix(shown).enumerated() {
            let x = grid.x + (i % perRow) * (size.columns + 2)
            let y = grid.y + (i / perRow) * (size.rows + 1)
            if count > 1 {
                buffer.write("\(i + 1)", x: x, y: y, style: .dim, clip: grid)
            }
            let heatmap = Heatmap(
                height: 5, width: 5, value: { kernel[$0 * 5 + $1] }, scale: largest, signed: true)
            heatmap.render(
                into: &buffer, at: Point(x: x, y: y + 1), zoom: zoom, palette: palette, clip: grid)
        }
        let rows = (shown + perRow - 1) / perRow
        var footer = "bias \(fixed(bias, 4))"
        if shown < count { footer += "   (kernels 1-\(shown) of \(count): f shows all)" }
        buffer.writeShortening(
            footer, x: area.x, y: min(area.maxY - 1, grid.y + rows * (size.rows + 1)),
            clip: area, palette: palette)
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
            area: area, palette: palette)
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
