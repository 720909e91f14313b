import LeNet5

/// The facts known about what is on screen, as the words and numbers an explanation shows in
/// place of its placeholders. Positions count from 1, rows before columns, as on screen.
public struct FactSheet: Equatable, Sendable {
    private var values: [Fact: String]

    public init(_ values: [Fact: String] = [:]) { self.values = values }

    public subscript(fact: Fact) -> String? {
        get { values[fact] }
        set { values[fact] = newValue }
    }

    /// Both sheets' facts; where both know one, `other`'s.
    public func merging(_ other: FactSheet) -> FactSheet {
        FactSheet(values.merging(other.values) { $1 })
    }

    public var known: Set<Fact> { Set(values.keys) }
}

extension FactSheet {
    /// What is known from the drawing alone: its ink and box, how the preprocessing resizes it,
    /// the answer (by the name of its class: `classes`, the digits for the shipped network), the
    /// strongest units of C5 and F6, and what pushed the answer's score. The one place where a
    /// drawing's facts are worked out, for the sketchpad's explanations and the lessons alike.
    public static func drawing(
        _ prepared: PreparedDrawing, trace: ForwardTrace, model: LeNet5, classes: [String]? = nil
    ) -> FactSheet {
        let names = classes ?? ClassNames.indices(model.classCount)
        var sheet = network(classes: names)
        let drawing = prepared.drawing
        let ink = (0..<drawing.height).flatMap { y in
            (0..<drawing.width).filter { prepared.isInk(x: $0, y: y) }.map { ($0, y) }
        }
        sheet[.inkCells] = "\(ink.count)"
        // Fed as it is (a test digit, --no-preprocess), the drawing was neither boxed nor scaled.
        if prepared.isPreprocessed {
            sheet = sheet.merging(placement(prepared.transform))
        }

        let probabilities = trace.probabilities
        guard probabilities.allSatisfy(\.isFinite) else { return sheet }
        let ranked = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        sheet[.best] = name(ranked[0], names)
        sheet[.bestPercent] = percent(probabilities[ranked[0]])
        if ranked.count > 1 {
            sheet[.second] = name(ranked[1], names)
            sheet[.secondPercent] = percent(probabilities[ranked[1]])
        }
        sheet[.c5Top] = strongestUnits(trace.maps(.c5), before: trace.maps(.c5PreActivation))
        sheet[.f6Top] = strongestUnits(trace.maps(.f6), before: trace.maps(.f6PreActivation))
        if let output = NetworkUnit(layer: .output, unit: ranked[0], classes: model.classCount),
            case .dense(let sum) = UnitExplanation(
                output, trace: trace, model: model, transform: nil
            ).computation
        {
            sheet[.pushUp] = contributions(sum.strongest(3, upwards: true))
            sheet[.pushDown] = contributions(sum.strongest(3, upwards: false))
        }
        return sheet
    }

    /// Where the preprocessing puts a drawing: its ink's box, and how it is resized.
    public static func placement(_ transform: PreprocessingTransform) -> FactSheet {
        let box = transform.inkBounds
        return FactSheet([
            .boxWidth: "\(box.width)", .boxHeight: "\(box.height)",
            .scaled: scaledWords(transform.scale),
        ])
    }

    /// The answers of the same drawing read as it is and through the preprocessing, from their
    /// probabilities (nil: no answer that way).
    public static func readings(raw: [Float]?, preprocessed: [Float]?, classes: [String])
        -> FactSheet
    {
        var sheet = FactSheet()
        let both: [([Float]?, Fact, Fact)] = [
            (raw, .rawBest, .rawBestPercent),
            (preprocessed, .preprocessedBest, .preprocessedBestPercent),
        ]
        for case (let probabilities?, let best, let bestPercent) in both
        where !probabilities.isEmpty && probabilities.allSatisfy(\.isFinite) {
            var top = 0
            for k in probabilities.indices where probabilities[k] > probabilities[top] { top = k }
            sheet[best] = name(top, classes)
            sheet[bestPercent] = percent(probabilities[top])
        }
        return sheet
    }

    /// The class a lesson waits for, and its probability now (nil: nothing read yet).
    public static func awaited(_ index: Int, probabilities: [Float]?, classes: [String])
        -> FactSheet
    {
        var sheet = FactSheet([.target: name(index, classes)])
        if let probabilities, probabilities.indices.contains(index),
            probabilities.allSatisfy(\.isFinite)
        {
            sheet[.targetPercent] = percent(probabilities[index])
        }
        return sheet
    }

    /// What is known of map `map` of a layer of maps (Input to S4): where it answers most, and what
    /// the ink does in the squares of the input that value looks at.
    public static func map(_ map: Int, of layer: NetworkLayer, trace: ForwardTrace) -> FactSheet {
        var sheet = FactSheet()
        sheet[.layer] = layer.name
        sheet[.map] = "\(map + 1)"
        sheet[.maps] = "\(layer.geometry.maps)"
        guard !layer.isUnitList, let strongest = trace.strongestUnit(of: layer, map: map)
        else { return sheet }
        sheet[.row] = "\(strongest.y + 1)"
        sheet[.column] = "\(strongest.x + 1)"
        sheet[.strongest] = number(trace.value(of: strongest))
        let side = NetworkLayer.input.geometry.side
        sheet[.stroke] =
            StrokeDirection(
                image: trace.maps(.input).values, side: side, square: strongest.receptiveField
            ).words
        return sheet
    }

    /// What is known of a picked unit: where it is, its value, where it looks, and how it was
    /// computed.
    public static func unit(_ explanation: UnitExplanation) -> FactSheet {
        var sheet = FactSheet()
        let unit = explanation.unit
        let layer = unit.layer
        sheet[.layer] = layer.name
        sheet[.unit] = name(unit)
        sheet[.value] =
            layer == .output ? percent(explanation.value) : number(explanation.value)
        sheet[.before] = number(explanation.preActivation)
        let whole = CellRect(x: 0, y: 0, side: NetworkLayer.input.geometry.side)
        sheet[.field] =
            explanation.fieldInput == whole
            ? "all 32 by 32 squares" : rows(explanation.fieldInput)
        sheet[.cells] = explanation.fieldDrawing.map(rows)
        switch explanation.computation {
        case .pixel: break
        case .convolution(let sum):
            let side = sum.terms.first?.side ?? 0
            sheet[.products] = "\(sum.terms.count * side * side)"
            sheet[.inputs] = inputs(sum.inputLayer, maps: sum.terms.count)
            sheet[.sum] = number(sum.sum)
            sheet[.bias] = number(sum.bias)
        case .averagePooling(let block):
            sheet[.block] = list(block.values.map(number))
            sheet[.mean] = number(block.mean)
        case .dense(let sum):
            sheet[.products] = "\(sum.inputs.count)"
            sheet[.inputs] = inputs(sum.inputLayer, maps: sum.inputs.count)
            sheet[.sum] = number(sum.sum)
            sheet[.bias] = number(sum.bias)
            if layer == .output {
                sheet[.pushUp] = contributions(sum.strongest(3, upwards: true))
                sheet[.pushDown] = contributions(sum.strongest(3, upwards: false))
            }
        }
        return sheet
    }

    /// What is known of a saliency map: how it was measured and the cell that matters most.
    public static func saliency(_ saliency: Saliency) -> FactSheet {
        var sheet = FactSheet()
        sheet[.method] =
            saliency.method == .occlusion ? "erasing each cell in turn" : "the gradient"
        guard let top = saliency.mostSalient(1).first, saliency[top.x, top.y] > 0 else {
            return sheet
        }
        sheet[.topCell] = "row \(top.y + 1), column \(top.x + 1)"
        let drop = saliency[top.x, top.y]
        let before = saliency.probability
        let about = saliency.method == .gradient ? "about " : ""
        let points = drop * 100
        let amount =
            points < 0.1
            ? "less than 0.1 points"
            : "\(about)\(NumberText.fixed(points, points < 10 ? 1 : 0)) points"
        let (from, to) = (percent(before), percent(before - drop))
        // A change too small to show in the percentages is not shown as one.
        sheet[.topDrop] = from == to ? amount : amount + ", from \(from) to \(to)"
        return sheet
    }

    /// What is known of a saturated layer.
    public static func saturation(_ saturation: Saturation) -> FactSheet {
        FactSheet([
            .layer: saturation.layer.name,
            .saturatedPercent: NumberText.fixed(saturation.share * 100, 0) + "%",
            .low: NumberText.fixed(saturation.low, 1),
            .high: NumberText.fixed(saturation.high, 1),
        ])
    }

    /// What is known of the network before anything is drawn: what its classes are called.
    public static func network(classes: [String]) -> FactSheet {
        FactSheet([
            .class: ClassNames.areDigits(classes) ? "digit" : "class",
            .classes: countWords(classes.count),
        ])
    }

    /// What teaching measured (a `HeldOutComparison`, as numbers): of `total` drawings, each held
    /// out once in one of `folds` groups, how many the network taught by transfer and the one
    /// trained from scratch read right; about how many drawings each test learned from; and
    /// `kept`, the layers kept as they were ("c5", "f6" or "none", as `--freeze` names them).
    public static func comparison(
        folds: Int, total: Int, transferCorrect: Int, scratchCorrect: Int, learnedFrom: Int,
        kept: String
    ) -> FactSheet {
        var sheet = FactSheet()
        func share(_ correct: Int) -> Double { Double(correct) / Double(max(1, total)) }
        sheet[.heldOut] = "\(total)"
        sheet[.folds] = "\(folds)"
        sheet[.transferRight] = "\(transferCorrect) of \(total)"
        sheet[.transferPercent] = NumberText.percent(share(transferCorrect), digits: 0)
        sheet[.scratchRight] = "\(scratchCorrect) of \(total)"
        sheet[.scratchPercent] = NumberText.percent(share(scratchCorrect), digits: 0)
        sheet[.learnedFrom] = "\(learnedFrom)"
        switch kept {
        case "c5": sheet[.kept] = "kept C1 to C5 as they were and taught only F6 and the output"
        case "f6": sheet[.kept] = "kept C1 to F6 as they were and taught only the output"
        case "none": sheet[.kept] = "started every layer from there and only adjusted them"
        default:
            sheet[.kept] =
                "kept the layers up to \(kept.uppercased()) as they were and taught the rest"
        }
        if transferCorrect > scratchCorrect {
            let points = (share(transferCorrect) - share(scratchCorrect)) * 100
            sheet[.aheadBy] = "\(NumberText.fixed(points, 0)) points"
        } else {
            sheet[.scratchDid] = transferCorrect == scratchCorrect ? "as well" : "better"
        }
        return sheet
    }

    // MARK: Wording

    /// "ten", up to twenty (the most classes a network has); figures beyond.
    static func countWords(_ count: Int) -> String {
        let words = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty",
        ]
        return words.indices.contains(count) ? words[count] : "\(count)"
    }

    /// "C1 map 4, row 7, column 12", "C5 unit 17", "the output for 3".
    public static func name(_ unit: NetworkUnit) -> String {
        switch unit.layer {
        case .output: "the output for \(unit.map)"
        case _ where unit.layer.isUnitList: "\(unit.layer.name) unit \(unit.map + 1)"
        case .input: "the input's row \(unit.y + 1), column \(unit.x + 1)"
        default: "\(unit.layer.name) map \(unit.map + 1), row \(unit.y + 1), column \(unit.x + 1)"
        }
    }

    static func scaledWords(_ scale: Float) -> String {
        if scale >= 1.05 { return "enlarged \(NumberText.fixed(scale, 1)) times" }
        if scale <= 0.95 { return "shrunk to \(NumberText.fixed(scale * 100, 0))% of its size" }
        return "kept at its size"
    }

    static func number(_ value: Float) -> String { NumberText.fixed(value, 2) }

    /// The name of class `index`.
    static func name(_ index: Int, _ classes: [String]) -> String {
        classes.indices.contains(index) ? classes[index] : "\(index)"
    }

    /// A probability with one decimal; one that rounds to 100% without being 1 is >99.9%.
    public static func percent(_ p: Float) -> String {
        p >= 0.9995 && p < 1 ? ">99.9%" : NumberText.percent(Double(p), digits: 1)
    }

    /// "rows 7 to 11, columns 12 to 16", from 1.
    static func rows(_ rect: CellRect) -> String {
        "rows \(rect.y0 + 1) to \(rect.y1 + 1), columns \(rect.x0 + 1) to \(rect.x1 + 1)"
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The three strongest units of a list, those with the largest sums before tanh, with their
    /// values: "unit 17 (0.99), ..." (by the values alone, a saturated layer ties at 1.00).
    static func strongestUnits(_ units: FeatureMaps, before: FeatureMaps) -> String {
        let ranked = (0..<units.channels).sorted { before[$0, 0, 0] > before[$1, 0, 0] }
        return list(ranked.prefix(3).map { "unit \($0 + 1) (\(number(units[$0, 0, 0])))" })
    }

    /// "units 12 (+1.21), 40 (+0.90) and 7 (+0.80)"; nil when there are none.
    static func contributions(_ strongest: [(input: Int, contribution: Float)]) -> String? {
        guard !strongest.isEmpty else { return nil }
        let items = strongest.map {
            "\($0.input + 1) (\($0.contribution > 0 ? "+" : "")\(number($0.contribution)))"
        }
        return (items.count == 1 ? "unit " : "units ") + list(items)
    }

    /// "the input", "all 6 S2 maps", "the 120 C5 units".
    static func inputs(_ layer: NetworkLayer, maps: Int) -> String {
        if layer == .input { return "the input" }
        return layer.isUnitList
            ? "the \(maps) \(layer.name) units" : "all \(maps) \(layer.name) maps"
    }
}

/// How much of a tanh layer sits at the ends of tanh, where a larger sum barely changes the value:
/// a layer mostly there shows as a wall of full shades that says little.
public struct Saturation: Equatable, Sendable {
    /// Values beyond this size count as saturated: tanh(1.83) = 0.95.
    public static let level: Float = 0.95
    /// The share of saturated values from which the sketchpad says so.
    public static let noticeable: Float = 0.25

    public let layer: NetworkLayer
    /// The share of the layer's values beyond ±`level`.
    public let share: Float
    /// The lowest and highest value before tanh.
    public let low: Float
    public let high: Float

    public var isNoticeable: Bool { share >= Self.noticeable }

    public init(layer: NetworkLayer, share: Float, low: Float, high: Float) {
        self.layer = layer
        self.share = share
        self.low = low
        self.high = high
    }

    /// Nil for the layers without tanh (the input, the pooling layers, the output).
    public init?(_ layer: NetworkLayer, trace: ForwardTrace) {
        guard [.c1, .c3, .c5, .f6].contains(layer), let before = layer.tracedPreActivation else {
            return nil
        }
        let values = trace.maps(layer.traced).values
        guard !values.isEmpty else { return nil }
        self.layer = layer
        share = Float(values.filter { abs($0) > Self.level }.count) / Float(values.count)
        let range = trace.maps(before).range()
        low = range.lowerBound
        high = range.upperBound
    }
}
