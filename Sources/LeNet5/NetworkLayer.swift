import Kernels

/// The shape of a layer and where its units look: declared once, in `Kernels.NetworkGeometry`.
public typealias LayerGeometry = Kernels.LayerGeometry
/// Every layer's shape, and how many classes a network may have.
public typealias NetworkGeometry = Kernels.NetworkGeometry

/// The layers as the sketchpad and the commands name them, input to output.
public enum NetworkLayer: Int, CaseIterable, Sendable, CustomStringConvertible {
    case input, c1, s2, c3, s4, c5, f6, output

    /// The paper's name, as on screen: Input, C1, S2, C3, S4, C5, F6, Output.
    public var name: String {
        switch self {
        case .input: "Input"
        case .c1: "C1"
        case .s2: "S2"
        case .c3: "C3"
        case .s4: "S4"
        case .c5: "C5"
        case .f6: "F6"
        case .output: "Output"
        }
    }

    public var description: String { name }

    /// The layer called `name`, in any case.
    public init?(name: String) {
        guard let layer = Self.allCases.first(where: { $0.name.lowercased() == name.lowercased() })
        else { return nil }
        self = layer
    }

    /// The layer's shape in a network of `classes` classes: only Output's depends on it.
    public func geometry(classes: Int) -> LayerGeometry {
        self == .output ? NetworkGeometry.output(classes: classes) : geometry
    }

    /// The layer's shape; for Output, in the shipped network of ten classes (the digits). Code
    /// that may meet another network asks `geometry(classes:)`.
    public var geometry: LayerGeometry {
        switch self {
        case .input: NetworkGeometry.input
        case .c1: NetworkGeometry.c1
        case .s2: NetworkGeometry.s2
        case .c3: NetworkGeometry.c3
        case .s4: NetworkGeometry.s4
        case .c5: NetworkGeometry.c5
        case .f6: NetworkGeometry.f6
        case .output: NetworkGeometry.output(classes: NetworkGeometry.digitClasses)
        }
    }

    /// The layer this one reads; nil for the input.
    public var previous: NetworkLayer? { NetworkLayer(rawValue: rawValue - 1) }

    /// Where a trace keeps this layer's values: after the activation (for the output, the
    /// probabilities after softmax).
    public var traced: TracedLayer {
        switch self {
        case .input: .input
        case .c1: .c1
        case .s2: .s2
        case .c3: .c3
        case .s4: .s4
        case .c5: .c5
        case .f6: .f6
        case .output: .probabilities
        }
    }

    /// Where a trace keeps the values before the activation (tanh, or softmax for the output); nil
    /// for the input and the pooling layers, which have none.
    public var tracedPreActivation: TracedLayer? {
        switch self {
        case .input, .s2, .s4: nil
        case .c1: .c1PreActivation
        case .c3: .c3PreActivation
        case .c5: .c5PreActivation
        case .f6: .f6PreActivation
        case .output: .logits
        }
    }

    /// The activation's name, as people read it; nil where there is none.
    public var activation: String? {
        switch self {
        case .input, .s2, .s4: nil
        case .c1, .c3, .c5, .f6: "tanh"
        case .output: "softmax"
        }
    }

    /// Whether its units form one list (C5, F6, Output: units numbered 1...N) rather than maps of
    /// rows and columns.
    public var isUnitList: Bool { geometry.side == 1 && self != .input }

    /// The output shape as PyTorch gives it for one sample: [maps, side, side], or [units].
    public func shape(classes: Int) -> [Int] {
        let g = geometry(classes: classes)
        return isUnitList ? [g.maps] : [g.maps, g.side, g.side]
    }

    /// What the layer does, in a few words.
    public func role(classes: Int) -> String {
        let g = geometry(classes: classes)
        let activation = activation.map { ", " + $0 } ?? ""
        switch g.kind {
        case .input: return "\(g.side)x\(g.side) image, ink 1, background 0"
        case .convolution:
            let over = g.inputMaps > 1 ? " over all \(g.inputMaps) maps" : ""
            return "convolution \(g.maps)@\(g.kernelSide)x\(g.kernelSide)\(over)\(activation)"
        case .averagePooling:
            return "average pooling \(g.kernelSide)x\(g.kernelSide), stride \(g.stride)"
        case .dense: return "dense \(g.maps)\(activation)"
        }
    }

    /// The row of the architecture table, in a network of `classes` classes.
    public func layerDescription(classes: Int) -> LayerDescription {
        let g = geometry(classes: classes)
        return LayerDescription(
            name: name, role: role(classes: classes), layer: traced, shape: shape(classes: classes),
            parameterCount: g.parameterCount, id: self, geometry: g)
    }
}
