import LeNet5
import Screen
import Teaching

/// What the sketchpad shows for a drawing, every layer in turn, as data a printed copy is made of
/// (`lenet5 report`). Every part comes from the sketchpad itself: a state holding the drawing,
/// read by `Derivations`, with each layer selected in turn (its strongest map picked) for the
/// header, the shades and the words; the canvas and the maps drawn by their widgets without
/// colour for the text, and shaded with the sketchpad's 256 colours for a coloured copy.
public struct Handout: Sendable {
    /// Cells as the sketchpad shades them.
    public struct Picture: Sendable {
        public let width: Int
        public let height: Int
        /// Signed values (negative cool, positive warm), or unsigned ones (greys).
        public let signed: Bool
        /// Each cell's colour in the sketchpad's 256 colours, row by row; nil where the cell
        /// shows nothing (paper, a value too small to shade, no unit).
        public let colors: [Color?]
        /// The picture as the sketchpad draws it without colour, two characters a cell.
        public let text: [String]

        public func color(x: Int, y: Int) -> Color? { colors[y * width + x] }
    }

    /// A unit of C5 or F6 among the strongest: its number (from 1), value and sum before tanh.
    public struct Unit: Sendable {
        public let number: Int
        public let value: Float
        public let before: Float
    }

    /// One of the inputs that pushed the answer's score: its share of the largest push
    /// (-1...1) and the line the panel shows for it ("F6 unit 12  0.99 x 1.21 = +1.20").
    public struct Push: Sendable {
        public let shade: Float
        public let text: String
        public let color: Color?
    }

    public struct Layer: Sendable {
        public let name: String
        public let role: String
        /// The header's facts: whether it is saturated, its range, before tanh, its output's
        /// shape, its parameters.
        public let facts: [String]
        /// What the darkest shades stand for, at either end.
        public let legend: (low: String, high: String)
        /// Its maps (the input's one, C1's six, ...), or its units ten to a row (C5, F6, the
        /// output's classes).
        public let maps: [Picture]
        public let isUnitList: Bool
        /// C5 and F6: the strongest units, largest sum before tanh first.
        public let strongest: [Unit]
        /// The output: the F6 units that pushed the answer's score up most, and down most.
        public let pushedUp: [Push]
        public let pushedDown: [Push]
        /// The map whose words speak (from 0): the one that answers most.
        public let wordsMap: Int
        public let words: [String]
    }

    /// The network's classes, in output order.
    public let classes: [String]
    /// The class read, and every class's probability.
    public let predicted: Int
    public let probabilities: [Float]
    /// A bar for each class, as the sketchpad draws them without colour: its name, the bar, the
    /// percentage.
    public let bars: [String]
    /// The drawing as the canvas shows it, and shaded by what drove the answer.
    public let drawing: Picture
    public let saliency: Picture
    public let saliencyMethod: SaliencyMethod
    public let saliencyWords: [String]
    /// Input to Output.
    public let layers: [Layer]

    /// The sketchpad's colour for a value of -1...1 (`signed`) or 0...1: what the shades' key
    /// shows; nil for a value too small to shade.
    public static func color(_ share: Float, signed: Bool) -> Color? {
        colorPalette.shadeColor(share, signed: signed)
    }

    /// How many strongest units and pushes are listed, as in the panel.
    static let strongestCount = NetworkPanel.strongestCount
    static let pushCount = NetworkPanel.contributionCount

    /// The handout of `canvas` as `classifier` reads it through the sketchpad, with the words of
    /// `explanations` and the saliency measured by `method`.
    public init(
        canvas: Canvas, classifier: Classifier, explanations: Explanations = .bundled,
        method: SaliencyMethod = .occlusion
    ) throws(HandoutError) {
        let derivations = Derivations(classifier: classifier, explanations: explanations)
        var state = SketchpadState(
            width: 160, height: 50, options: Self.textOptions, canvas: canvas)
        state.classCount = classifier.classCount
        state.saliencyShown = true
        state.saliencyMethod = method
        let derived = derivations.derive(from: state)
        let reading = derived.network
        switch reading.outcome {
        case .empty: throw .blank
        case .tooSmall: throw .tooSmall(minimumSpan: Canvas.minimumSpan)
        case .undefined: throw .undefined
        case .classified: break
        }
        guard let trace = reading.trace, let prediction = reading.prediction,
            let probabilities = reading.probabilities, let measured = derived.saliency
        else { throw .undefined }
        classes = reading.classes
        predicted = prediction.digit
        self.probabilities = probabilities
        bars = Self.bars(reading)
        saliencyMethod = method
        drawing = Self.canvasPicture(
            CanvasView(
                canvas: canvas, cursor: nil, eraser: false, focused: false,
                resolution: .doubleWidth))
        let shading = CanvasView.Shading(measured, classes: reading.classes)
        let shaded = CanvasView(
            canvas: canvas, cursor: nil, eraser: false, focused: false,
            resolution: .doubleWidth, shading: shading)
        saliency = Self.canvasPicture(shaded)
        saliencyWords = explanations[method == .occlusion ? View.occlusion : .gradient]
            .text(derived.facts.merging(FactSheet.saliency(measured)))

        state.saliencyShown = false
        state.focus = .network
        var layers = [Layer]()
        for (index, description) in LeNet5.architecture(classes: state.classCount).enumerated() {
            state.select(layer: index)
            state.mapIndex = Self.strongestMap(description.id, trace: trace)
            layers.append(
                Self.layer(description, state: state, derived: derivations.derive(from: state)))
        }
        self.layers = layers
    }

    // MARK: Parts

    /// Text as the sketchpad draws it without colour, in plain ASCII: what a text file keeps.
    static let textOptions = DisplayOptions(ascii: true, colors: .none)
    /// Colours as the sketchpad shows them in 256 colours.
    static let colorPalette = Palette(DisplayOptions(ascii: false, colors: .extended))

    /// The bars of the prediction's widget drawn in 56 columns, a row a class, without its
    /// header line.
    static func bars(_ reading: NetworkReading) -> [String] {
        let count = reading.classes.count
        var buffer = CellBuffer(width: 56, height: max(12, count + 2))
        PredictionView(
            outcome: reading.outcome, probabilities: reading.probabilities, columns: false,
            classes: reading.classes
        ).render(in: buffer.area, into: &buffer, palette: Palette(textOptions))
        return buffer.lines[1...count].map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// A layer's map with the largest value (the one its words speak of); 0 for a list of units.
    static func strongestMap(_ layer: NetworkLayer, trace: ForwardTrace) -> Int {
        guard !layer.isUnitList, layer != .input else { return 0 }
        let maps = layer.geometry.maps
        return (0..<maps).max { a, b in
            let strongest = { (map: Int) -> Float in
                trace.strongestUnit(of: layer, map: map).map(trace.value) ?? -.infinity
            }
            return strongest(a) < strongest(b)
        } ?? 0
    }

    /// The canvas drawn by its widget, read back without its frame; each ink cell's colour that
    /// of the canvas in 256 colours.
    static func canvasPicture(_ view: CanvasView) -> Picture {
        let (width, height) = CanvasView.Resolution.doubleWidth.framed
        var buffer = CellBuffer(width: width, height: height)
        view.render(in: buffer.area, into: &buffer, palette: Palette(textOptions))
        let text = buffer.lines.dropFirst().dropLast().map { String($0.dropFirst().dropLast()) }
        let side = Canvas.side
        var colors = [Color?]()
        for y in 0..<side {
            for x in 0..<side {
                guard view.isInk(x, y) else {
                    colors.append(nil)
                    continue
                }
                if let shading = view.shading {
                    colors.append(view.inkColor(shading[x, y] ?? 0, colorPalette))
                } else {
                    colors.append(colorPalette.shadeColor(1, signed: false))
                }
            }
        }
        return Picture(
            width: side, height: side, signed: view.shading != nil, colors: colors, text: text)
    }

    /// A grid of values drawn by the heatmap of the panel, two characters a value.
    static func picture(_ heatmap: Heatmap) -> Picture {
        var buffer = CellBuffer(width: 2 * heatmap.width, height: heatmap.height)
        heatmap.render(
            into: &buffer, at: Point(x: 0, y: 0), zoom: .square, palette: Palette(textOptions),
            clip: buffer.area)
        var colors = [Color?]()
        for y in 0..<heatmap.height {
            for x in 0..<heatmap.width {
                let share = heatmap.mean(rows: y..<(y + 1), columns: x..<(x + 1)) ?? 0
                colors.append(colorPalette.shadeColor(share, signed: heatmap.signed))
            }
        }
        return Picture(
            width: heatmap.width, height: heatmap.height, signed: heatmap.signed,
            colors: colors, text: buffer.lines)
    }

    /// Units to a row in a list's picture.
    public static let unitsPerRow = 10

    /// The layer selected in `state`: its header, shades, strongest units and words, as the
    /// panel shows them.
    static func layer(_ description: LayerDescription, state: SketchpadState, derived: Derived)
        -> Layer
    {
        let reading = derived.network
        guard let trace = reading.trace else { preconditionFailure("a layer without a reading") }
        let view = LayerView(description, trace: trace, preActivation: false)
        let saturation = Saturation(description.id, trace: trace)
        let header = LayerHeader(
            layer: description, traced: view.traced, picked: state.mapIndex, range: view.range,
            saturation: saturation)
        // The picked map's number is the screen's; the words say which map they speak of.
        let facts = header.facts.filter { $0.order > 0 }.sorted { $0.order < $1.order }
            .map(\.text)
        let shape = view.values.shape
        var maps = [Picture]()
        if shape.isSpatial {
            maps = (0..<shape.channels).map { picture(view.heatmap(channel: $0)) }
        } else {
            let values = view.values
            let count = shape.channels
            maps = [
                picture(
                    Heatmap(
                        height: (count + unitsPerRow - 1) / unitsPerRow, width: unitsPerRow,
                        value: { y, x in
                            let unit = y * unitsPerRow + x
                            return unit < count ? values[unit: unit] : 0
                        }, scale: view.scale, signed: view.signed))
            ]
        }
        var strongest = [Unit]()
        var pushedUp = [Push]()
        var pushedDown = [Push]()
        if description.id == .output {
            if let digit = reading.prediction?.digit,
                let unit = NetworkUnit(
                    layer: .output, unit: digit, classes: reading.model.classCount),
                case .dense(let sum) = UnitExplanation(
                    unit, trace: trace, model: reading.model, transform: nil
                ).computation
            {
                let contributions = Contributions(sum: sum, count: pushCount)
                func pushes(_ upwards: Bool) -> [Push] {
                    contributions.lines(upwards: upwards).map {
                        Push(
                            shade: $0.shade, text: $0.text,
                            color: colorPalette.shadeColor($0.shade, signed: true))
                    }
                }
                pushedUp = pushes(true)
                pushedDown = pushes(false)
            }
        } else if description.id.isUnitList, let before = description.id.tracedPreActivation {
            let units = StrongestUnits(
                name: description.name, values: trace.maps(description.layer).values,
                before: trace.maps(before).values, count: strongestCount)
            strongest = units.ranked.map {
                Unit(number: $0 + 1, value: units.values[$0], before: units.before[$0])
            }
        }
        let legend = view.legend.ends
        return Layer(
            name: description.name, role: description.role, facts: facts, legend: legend,
            maps: maps, isUnitList: !shape.isSpatial, strongest: strongest, pushedUp: pushedUp,
            pushedDown: pushedDown, wordsMap: state.mapIndex,
            words: state.words(
                derived, picked: state.pickedExplanation(reading), saturation: saturation))
    }
}

/// Why a drawing gets no handout: what the sketchpad would show instead of an answer.
public enum HandoutError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing drawn.
    case blank
    /// Ink that spans fewer cells than the sketchpad classifies, across and down.
    case tooSmall(minimumSpan: Int)
    /// The network's output is not a number: the weights overflow.
    case undefined

    public var description: String {
        switch self {
        case .blank: "has no ink: there is nothing to read"
        case .tooSmall(let span):
            "is too small to read: its ink spans fewer than \(span) cells across and down "
                + "(the sketchpad does not classify it either)"
        case .undefined: "the network's output is not a number for it"
        }
    }
}
