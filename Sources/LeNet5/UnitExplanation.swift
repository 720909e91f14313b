/// How one unit got its value, from a forward trace and the model's weights: the numbers a student
/// can check by hand. A convolution unit is a sum over its input maps of a patch times a kernel, plus
/// a bias, through tanh; a pooling unit the mean of a 2x2 block; a dense unit (F6, Output) a sum of
/// inputs times weights, plus a bias. Every value is read from the trace through `FeatureMaps`, and
/// every weight from the model in PyTorch's layout, so the sums here are recomputed independently of
/// the kernels, which is what lets a test hold them against the trace.
public struct UnitExplanation: Sendable {
    public let unit: NetworkUnit
    /// The unit's value: after tanh, or for Output the probability.
    public let value: Float
    /// The value before the activation (for Output, the logit); the value itself for the input and
    /// the pooling layers, which have no activation.
    public let preActivation: Float
    /// The pixels of the 32x32 network input the unit depends on.
    public let fieldInput: CellRect
    /// The cells of the drawing those pixels came from, through the preprocessing; nil when the
    /// field lies in the margin preprocessing added around the drawing, or when no transform was
    /// given.
    public let fieldDrawing: CellRect?
    public let computation: Computation

    public enum Computation: Sendable {
        /// A pixel of the network input: nothing computed it.
        case pixel
        case convolution(ConvolutionSum)
        case averagePooling(BlockMean)
        case dense(WeightedSum)
    }

    /// Explains `unit` of the forward pass in `trace`, which ran `model`. `transform` is where the
    /// preprocessing put the drawing (`PreprocessingTransform.identity` without preprocessing).
    public init(
        _ unit: NetworkUnit, trace: ForwardTrace, model: LeNet5, transform: PreprocessingTransform?
    ) {
        self.unit = unit
        let layer = unit.layer
        value = trace.value(of: unit)
        preActivation =
            layer.tracedPreActivation.map { trace.maps($0)[unit.map, unit.y, unit.x] } ?? value
        fieldInput = unit.receptiveField
        fieldDrawing = transform?.drawingCells(covering: fieldInput)
        guard let previous = layer.previous else {
            computation = .pixel
            return
        }
        let inputs = trace.maps(previous.traced)
        switch layer {
        case .input: computation = .pixel
        case .c1: computation = .convolution(ConvolutionSum(unit, model.c1, inputs, previous))
        case .c3: computation = .convolution(ConvolutionSum(unit, model.c3, inputs, previous))
        case .c5: computation = .convolution(ConvolutionSum(unit, model.c5, inputs, previous))
        case .s2, .s4: computation = .averagePooling(BlockMean(unit, inputs, previous))
        case .f6: computation = .dense(WeightedSum(unit, model.f6, inputs, previous))
        case .output: computation = .dense(WeightedSum(unit, model.output, inputs, previous))
        }
    }
}

/// A convolution unit: per input map, the patch under the kernel and the kernel; the sum of all their
/// products; the bias. `sum + bias` is the value before tanh.
public struct ConvolutionSum: Sendable {
    public struct Term: Sendable {
        /// Which map of the layer below (C1: the input; C3: S2; C5: S4), counted from 0.
        public let inputMap: Int
        /// Where the patch lies in that map.
        public let window: CellRect
        /// The values under the kernel and the kernel's weights, row by row, `side` x `side`.
        public let patch: [Float]
        public let kernel: [Float]
        /// Their products summed (in Double, then rounded).
        public let sum: Float

        public var side: Int { window.width }
        public var products: [Float] { zip(patch, kernel).map { $0 * $1 } }
    }

    public let inputLayer: NetworkLayer
    public let terms: [Term]
    public let bias: Float
    /// Every product of every term, summed in Double and rounded: without the bias.
    public let sum: Float

    init(
        _ unit: NetworkUnit, _ layer: Convolution, _ inputs: FeatureMaps, _ inputLayer: NetworkLayer
    ) {
        let g = unit.layer.geometry
        let side = g.kernelSide
        let window = CellRect(x: unit.x * g.stride, y: unit.y * g.stride, side: side)
        var total = 0.0
        terms = (0..<g.inputMaps).map { map in
            var patch = [Float]()
            patch.reserveCapacity(side * side)
            for y in window.y0...window.y1 {
                for x in window.x0...window.x1 { patch.append(inputs[map, y, x]) }
            }
            let kernel = Array(layer.kernel(output: unit.map, input: map))
            let sum = zip(patch, kernel).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            total += sum
            return Term(
                inputMap: map, window: window, patch: patch, kernel: kernel, sum: Float(sum))
        }
        self.inputLayer = inputLayer
        bias = layer.bias.scalars[unit.map]
        sum = Float(total)
    }
}

/// A pooling unit: the mean of a 2x2 block of the map below.
public struct BlockMean: Sendable {
    public let inputLayer: NetworkLayer
    public let inputMap: Int
    /// Where the block lies in that map.
    public let window: CellRect
    /// The block's values, row by row.
    public let values: [Float]
    public let mean: Float

    init(_ unit: NetworkUnit, _ inputs: FeatureMaps, _ inputLayer: NetworkLayer) {
        let g = unit.layer.geometry
        window = CellRect(x: unit.x * g.stride, y: unit.y * g.stride, side: g.kernelSide)
        var values = [Float]()
        for y in window.y0...window.y1 {
            for x in window.x0...window.x1 { values.append(inputs[unit.map, y, x]) }
        }
        self.inputLayer = inputLayer
        inputMap = unit.map
        self.values = values
        mean = Float(values.reduce(0.0) { $0 + Double($1) } / Double(values.count))
    }
}

/// A dense unit (F6, Output): every input of the layer below times its weight, plus the bias.
public struct WeightedSum: Sendable {
    public let inputLayer: NetworkLayer
    /// The layer below's values and this unit's weight for each, in unit order.
    public let inputs: [Float]
    public let weights: [Float]
    public let bias: Float
    /// The contributions summed in Double and rounded: without the bias.
    public let sum: Float

    /// Input value times weight, for each input: what pushed this unit up (positive) or down.
    public var contributions: [Float] { zip(inputs, weights).map { $0 * $1 } }

    /// The inputs that pushed the unit up most (`upwards`) or down most, strongest first, at most
    /// `count` of them, each with its contribution; inputs that pushed the other way are left out.
    public func strongest(_ count: Int, upwards: Bool) -> [(input: Int, contribution: Float)] {
        contributions.enumerated()
            .filter { upwards ? $0.element > 0 : $0.element < 0 }
            .sorted { upwards ? $0.element > $1.element : $0.element < $1.element }
            .prefix(count)
            .map { ($0.offset, $0.element) }
    }

    init(_ unit: NetworkUnit, _ layer: Dense, _ inputs: FeatureMaps, _ inputLayer: NetworkLayer) {
        self.inputLayer = inputLayer
        let count = layer.inputs
        self.inputs = (0..<count).map { inputs[$0, 0, 0] }
        weights = Array(layer.weight.scalars[unit.map * count..<(unit.map + 1) * count])
        bias = layer.bias.scalars[unit.map]
        sum = Float(zip(self.inputs, weights).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
    }
}
