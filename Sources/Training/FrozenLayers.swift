import Kernels
import LeNet5

/// How much of a pre-trained network transfer training keeps as it is: every layer up to and
/// including the named one is frozen (its weights stay bit for bit those of the source), the
/// layers after it learn. `none` fine-tunes everything, starting from the source's weights.
public enum FrozenLayers: String, CaseIterable, Sendable, CustomStringConvertible {
    case c1, s2, c3, s4, c5, f6, none

    /// What `lenet5 transfer` and the teach mode freeze unless told otherwise: the five layers
    /// that find strokes and shapes, so only F6 and the output layer learn.
    public static let standard = FrozenLayers.c5

    /// The last frozen layer; nil for `none`.
    public var last: NetworkLayer? {
        switch self {
        case .c1: .c1
        case .s2: .s2
        case .c3: .c3
        case .s4: .s4
        case .c5: .c5
        case .f6: .f6
        case .none: nil
        }
    }

    /// The frozen layers, input side first ("C1, S2, C3, S4, C5"); empty for `none`.
    public var layers: [NetworkLayer] {
        guard let last else { return [] }
        return NetworkLayer.allCases.filter { $0 != .input && $0.rawValue <= last.rawValue }
    }

    /// The layers that learn, from the first after the frozen ones to Output.
    public var trainedLayers: [NetworkLayer] {
        NetworkLayer.allCases.filter { $0 != .input && !layers.contains($0) }
    }

    /// Where the first trained parameter lives in `Kernels.ParameterLayout`: the layout keeps the
    /// layers in order, so everything before this index is frozen and training never writes it.
    /// (S2 and S4 have no parameters: freezing up to one of them freezes what lies before it.)
    public var firstTrainedParameter: Int {
        switch self {
        case .none: 0
        case .c1, .s2: ParameterLayout.c3Weight
        case .c3, .s4: ParameterLayout.c5Weight
        case .c5: ParameterLayout.f6Weight
        case .f6: ParameterLayout.outputWeight
        }
    }

    /// "C1, S2, C3, S4, C5", or "none".
    public var description: String {
        layers.isEmpty ? "none" : layers.map(\.name).joined(separator: ", ")
    }
}
