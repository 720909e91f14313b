// LeNet-5, after Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, "Gradient-Based Learning Applied to
// Document Recognition", Proceedings of the IEEE 86(11):2278-2324, 1998, section II.B and figure 2.
//
//   input 32x32 -> C1 conv 6@5x5, tanh -> 6@28x28 -> S2 average 2x2, stride 2 -> 6@14x14
//   -> C3 conv 16@5x5, tanh -> 16@10x10 -> S4 average 2x2, stride 2 -> 16@5x5
//   -> C5 conv 120@5x5, tanh -> 120 -> F6 dense 84, tanh -> Output dense 10, softmax
//
// The ten outputs are the paper's digits; a network taught other symbols (lenet5 transfer) keeps
// C1 to F6 and has one output per class, 2 to 20 of them (`NetworkGeometry.classLimits`).
//
// How this model departs from the paper, on purpose:
// - C3 connects every one of its 16 maps to all six S2 maps; the paper's table I connects each to
//   three, four or six of them, to break symmetry and save parameters (60,000 of them here). With
//   random initialisation the full connection trains as well, and it is what PyTorch ports use.
// - S2 and S4 are plain averages; the paper's subsampling multiplies each map's average by a
//   trainable coefficient, adds a trainable bias and applies the squashing function.
// - The activation is tanh, not the paper's scaled 1.7159 tanh(2x/3).
// - The output is a dense layer with softmax and cross-entropy loss, not Euclidean RBF units with
//   fixed 7x12 bitmap codes and the paper's MAP criterion.
// Two slips of the text are read as the figure intends: the subsampling stride is 2, and C5 is a
// convolution (whose 5x5 kernels cover the 5x5 S4 maps whole), not a pooling layer.
// Together: 61,706 trainable parameters (the paper's C3 table gives 60,000).
// Every size is declared once, in `Kernels.NetworkGeometry`; what follows reads it.

import Kernels

/// The network's parameters, layer by layer, in PyTorch's layout.
public struct LeNet5: Equatable, Sendable {
    /// Six feature maps from the input image.
    public var c1: Convolution
    public let s2 = AveragePooling(side: 2)
    /// Sixteen feature maps, each from all six S2 maps.
    public var c3: Convolution
    public let s4 = AveragePooling(side: 2)
    /// 120 units, each a 5x5 convolution over all 16 S4 maps, which it covers whole.
    public var c5: Convolution
    public var f6: Dense
    /// One unit per class.
    public var output: Dense

    public init(c1: Convolution, c3: Convolution, c5: Convolution, f6: Dense, output: Dense) {
        precondition(
            NetworkGeometry.classLimits.contains(output.outputs),
            "a network has \(NetworkGeometry.classLimits) classes, not \(output.outputs)")
        self.c1 = c1
        self.c3 = c3
        self.c5 = c5
        self.f6 = f6
        self.output = output
    }

    /// Fresh weights for training, from a seedable generator, for `classes` classes.
    public init(
        classes: Int = NetworkGeometry.digitClasses,
        using generator: inout some RandomNumberGenerator
    ) {
        precondition(NetworkGeometry.classLimits.contains(classes))
        func convolution(_ g: LayerGeometry) -> Convolution {
            Convolution(
                inputMaps: g.inputMaps, outputMaps: g.maps, kernelSide: g.kernelSide,
                using: &generator)
        }
        c1 = convolution(NetworkGeometry.c1)
        c3 = convolution(NetworkGeometry.c3)
        c5 = convolution(NetworkGeometry.c5)
        f6 = Dense(
            inputs: NetworkGeometry.f6.taps, outputs: NetworkGeometry.f6.maps, using: &generator)
        output = Dense(inputs: NetworkGeometry.f6.maps, outputs: classes, using: &generator)
    }

    /// How many classes it tells apart: the units of its output layer.
    public var classCount: Int { output.outputs }

    /// The parameter tensors with their names and shapes, as they appear in a weights file and in
    /// PyTorch's `state_dict` of the same model: [out, in, kh, kw] and [out, in].
    public static func parameterShapes(classes: Int) -> [(name: String, shape: [Int])] {
        func convolution(_ name: String, _ g: LayerGeometry) -> [(name: String, shape: [Int])] {
            [
                (name + ".weight", [g.maps, g.inputMaps, g.kernelSide, g.kernelSide]),
                (name + ".bias", [g.maps]),
            ]
        }
        func dense(_ name: String, _ g: LayerGeometry) -> [(name: String, shape: [Int])] {
            [(name + ".weight", [g.maps, g.taps]), (name + ".bias", [g.maps])]
        }
        return convolution("c1", NetworkGeometry.c1) + convolution("c3", NetworkGeometry.c3)
            + convolution("c5", NetworkGeometry.c5) + dense("f6", NetworkGeometry.f6)
            + dense("output", NetworkGeometry.output(classes: classes))
    }

    /// The shapes of the shipped network, whose classes are the ten digits.
    public static let parameterShapes = parameterShapes(classes: NetworkGeometry.digitClasses)

    /// The parameters in the order of `parameterShapes`.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        [
            ("c1.weight", c1.weight), ("c1.bias", c1.bias),
            ("c3.weight", c3.weight), ("c3.bias", c3.bias),
            ("c5.weight", c5.weight), ("c5.bias", c5.bias),
            ("f6.weight", f6.weight), ("f6.bias", f6.bias),
            ("output.weight", output.weight), ("output.bias", output.bias),
        ]
    }

    /// Builds the model from named tensors, which must have exactly the shapes of
    /// `parameterShapes(classes:)` for some count of classes; the caller has checked this (see
    /// `WeightsFile`).
    public init(named tensors: [String: Tensor]) {
        func tensor(_ name: String) -> Tensor {
            guard let t = tensors[name] else { preconditionFailure("missing tensor \(name)") }
            return t
        }
        self.init(
            c1: Convolution(weight: tensor("c1.weight"), bias: tensor("c1.bias")),
            c3: Convolution(weight: tensor("c3.weight"), bias: tensor("c3.bias")),
            c5: Convolution(weight: tensor("c5.weight"), bias: tensor("c5.bias")),
            f6: Dense(weight: tensor("f6.weight"), bias: tensor("f6.bias")),
            output: Dense(weight: tensor("output.weight"), bias: tensor("output.bias")))
    }

    public var parameterCount: Int {
        c1.parameterCount + c3.parameterCount + c5.parameterCount + f6.parameterCount
            + output.parameterCount
    }

    /// The layers as a teacher lists them, with what each produces, for a network of `classes`
    /// classes.
    public static func architecture(classes: Int) -> [LayerDescription] {
        NetworkLayer.allCases.map { $0.layerDescription(classes: classes) }
    }

    /// The shipped network's layers (ten classes, the digits).
    public static let architecture = architecture(classes: NetworkGeometry.digitClasses)

    /// This network's layers.
    public var architecture: [LayerDescription] { Self.architecture(classes: classCount) }
}

/// One row of the architecture table.
public struct LayerDescription: Sendable, Equatable {
    /// The paper's name: C1, S2, ...
    public let name: String
    public let role: String
    /// Where the trace keeps this layer's output.
    public let layer: TracedLayer
    public let shape: [Int]
    public let parameterCount: Int
    /// Which layer it is; its sizes, kernel, stride and receptive field are `geometry`.
    public let id: NetworkLayer
    public let geometry: LayerGeometry
}
