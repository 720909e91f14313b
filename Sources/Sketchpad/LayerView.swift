import LeNet5

/// How many maps a layer has and how big each is (a dense layer's units are maps of 1x1).
struct MapShape: Equatable {
    let channels: Int
    let height: Int
    let width: Int

    init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    init(_ layer: LayerDescription) {
        channels = layer.shape[0]
        height = layer.shape.count == 3 ? layer.shape[1] : 1
        width = layer.shape.count == 3 ? layer.shape[2] : 1
    }

    /// Maps of rows and columns, rather than single units.
    var isSpatial: Bool { height > 1 }
}

/// One layer's values as the panel draws them, copied out of the trace once a frame: every map
/// after the other, each row by row (PyTorch's order), so that drawing them is plain indexing.
struct MapValues {
    let shape: MapShape
    let values: [Float]

    init(_ maps: FeatureMaps) {
        self.init(
            MapShape(channels: maps.channels, height: maps.height, width: maps.width), maps.values)
    }

    init(_ shape: MapShape, _ values: [Float]) {
        precondition(values.count == shape.channels * shape.height * shape.width)
        self.shape = shape
        self.values = values
    }

    subscript(channel: Int, y: Int, x: Int) -> Float {
        values[(channel * shape.height + y) * shape.width + x]
    }

    /// Unit `index` of a dense layer, or value `index` of a single map in row order.
    subscript(unit index: Int) -> Float {
        if shape.height == 1 && shape.width == 1 { return self[index, 0, 0] }
        return self[0, index / shape.width, index % shape.width]
    }

    /// The range of every value.
    var range: ValueRange {
        var range = ValueRange()
        for value in values { range.add(value) }
        return range
    }
}

/// The smallest and largest of some values, keeping apart those that are not finite numbers, so
/// that weights which overflow show as such instead of crashing the arithmetic that scales them.
struct ValueRange: Equatable {
    /// The finite values' extremes (infinity and -infinity while there are none).
    private var lowest = Float.infinity
    private var highest = -Float.infinity
    private(set) var hasNaN = false
    private(set) var hasPositiveInfinity = false
    private(set) var hasNegativeInfinity = false

    mutating func add(_ value: Float) {
        if value.isFinite {
            lowest = min(lowest, value)
            highest = max(highest, value)
        } else if value.isNaN {
            hasNaN = true
        } else if value > 0 {
            hasPositiveInfinity = true
        } else {
            hasNegativeInfinity = true
        }
    }

    /// The smallest and largest finite value; nil when there is none.
    var low: Float? { lowest <= highest ? lowest : nil }
    var high: Float? { lowest <= highest ? highest : nil }

    /// The largest finite magnitude, for scaling shades (infinities then show at full strength).
    var largestMagnitude: Float { max(abs(low ?? 0), abs(high ?? 0)) }

    /// "values -1.00 to 0.97", with infinities and NaN said as such.
    var text: String {
        let lowest = hasNegativeInfinity ? "-inf" : low.map { fixed($0, 2) }
        let highest = hasPositiveInfinity ? "inf" : high.map { fixed($0, 2) }
        guard let lowest, let highest else { return hasNaN ? "values all NaN" : "" }
        return "values \(lowest) to \(highest)" + (hasNaN ? ", some NaN" : "")
    }
}

/// What the panel shows of a layer: which trace block, and how its values are scaled.
struct LayerView {
    let description: LayerDescription
    /// The block of the trace shown: the layer's output, or what came before its activation.
    let traced: TracedLayer
    let values: MapValues
    /// The range of every value shown, computed once per frame.
    let range: ValueRange
    let signed: Bool
    /// What the layer's shades are scaled by: full shade at `scale`.
    let scale: Float
    /// Each map scaled by its own largest magnitude instead, so that a map of small values shows.
    let perMap: Bool
    /// The values shown are before the activation (or the logits before softmax).
    var beforeActivation: Bool { traced != description.layer }

    init(
        _ description: LayerDescription, trace: ForwardTrace, preActivation: Bool,
        perMap: Bool = false
    ) {
        let traced = Self.traced(description, preActivation: preActivation)
        self.init(
            description, traced: traced, values: MapValues(trace.maps(traced)), perMap: perMap)
    }

    init(
        _ description: LayerDescription, traced: TracedLayer, values: MapValues,
        perMap: Bool = false
    ) {
        self.description = description
        self.traced = traced
        self.values = values
        self.perMap = perMap && values.shape.isSpatial && traced != .input
        range = values.range
        switch traced {
        case .input, .probabilities:
            signed = false
            scale = 1
        case .c1PreActivation, .c3PreActivation, .c5PreActivation, .f6PreActivation, .logits:
            // Unbounded: scaled by the largest magnitude in the layer.
            signed = true
            scale = max(range.largestMagnitude, 1e-6)
        default:
            // tanh outputs and their averages lie in -1...1: a fixed scale shows saturation as such.
            signed = true
            scale = 1
        }
    }

    /// The block of the trace that shows `layer`, before its activation or after.
    static func traced(_ layer: LayerDescription, preActivation: Bool) -> TracedLayer {
        guard preActivation else { return layer.layer }
        switch layer.layer {
        case .c1: return .c1PreActivation
        case .c3: return .c3PreActivation
        case .c5: return .c5PreActivation
        case .f6: return .f6PreActivation
        case .probabilities: return .logits
        default: return layer.layer
        }
    }

    /// Whether a layer has values before an activation to show (`a`): the convolutions and F6
    /// before tanh, the output's logits before softmax.
    static func hasPreActivation(_ layer: LayerDescription) -> Bool {
        [.c1, .c3, .c5, .f6, .probabilities].contains(layer.layer)
    }

    var isSpatial: Bool { values.shape.isSpatial }

    func heatmap(channel: Int) -> Heatmap {
        let values = self.values
        return Heatmap(
            height: values.shape.height, width: values.shape.width,
            value: { values[channel, $0, $1] }, scale: scale(channel: channel), signed: signed)
    }

    /// The scale of map `channel`'s shades: the layer's, or with `perMap` the map's own largest
    /// magnitude.
    func scale(channel: Int) -> Float {
        guard perMap else { return scale }
        var range = ValueRange()
        let area = values.shape.height * values.shape.width
        for value in values.values[(channel * area)..<((channel + 1) * area)] { range.add(value) }
        return max(range.largestMagnitude, 1e-6)
    }

    var legend: Legend { Legend(signed: signed, scale: scale, perMap: perMap) }
}

/// The shades' key under the maps: what the darkest shades at either end stand for.
struct Legend: Equatable {
    let signed: Bool
    let scale: Float
    /// Each map has its own scale: the ends are each map's largest magnitude.
    var perMap = false

    /// The values at the ends: 0 and 1, -1 and +1, or the largest magnitude.
    var ends: (low: String, high: String) {
        if perMap { return ("-largest", "+largest") }
        if !signed { return ("0", "1") }
        if scale == 1 { return ("-1", "+1") }
        return ("-" + fixed(scale, 2), "+" + fixed(scale, 2))
    }

    /// The legend of a block for which nothing has been computed yet.
    static func unscaled(_ traced: TracedLayer) -> Legend {
        Legend(signed: traced != .input && traced != .probabilities, scale: 1)
    }
}
