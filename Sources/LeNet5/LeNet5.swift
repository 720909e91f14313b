// LeNet-5, after Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, "Gradient-Based Learning Applied to
// Document Recognition", Proceedings of the IEEE 86(11):2278-2324, 1998, section II.B and figure 2.
//
//   input 32x32 -> C1 conv 6@5x5, tanh -> 6@28x28 -> S2 average 2x2, stride 2 -> 6@14x14
//   -> C3 conv 16@5x5, tanh -> 16@10x10 -> S4 average 2x2, stride 2 -> 16@5x5
//   -> C5 conv 120@5x5, tanh -> 120 -> F6 dense 84, tanh -> Output dense 10, softmax
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
    public var output: Dense

    public init(c1: Convolution, c3: Convolution, c5: Convolution, f6: Dense, output: Dense) {
        self.c1 = c1
        self.c3 = c3
        self.c5 = c5
        self.f6 = f6
        self.output = output
    }

    /// Fresh weights for training, from a seedable generator.
    public init(using generator: inout some RandomNumberGenerator) {
        c1 = Convolution(inputMaps: 1, outputMaps: 6, kernelSide: 5, using: &generator)
        c3 = Convolution(inputMaps: 6, outputMaps: 16, kernelSide: 5, using: &generator)
        c5 = Convolution(inputMaps: 16, outputMaps: 120, kernelSide: 5, using: &generator)
        f6 = Dense(inputs: 120, outputs: 84, using: &generator)
        output = Dense(inputs: 84, outputs: 10, using: &generator)
    }

    /// The parameter tensors with their names and shapes, as they appear in a weights file and in
    /// PyTorch's `state_dict` of the same model.
    public static let parameterShapes: KeyValuePairs<String, [Int]> = [
        "c1.weight": [6, 1, 5, 5], "c1.bias": [6],
        "c3.weight": [16, 6, 5, 5], "c3.bias": [16],
        "c5.weight": [120, 16, 5, 5], "c5.bias": [120],
        "f6.weight": [84, 120], "f6.bias": [84],
        "output.weight": [10, 84], "output.bias": [10],
    ]

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
    /// `parameterShapes`; the caller has checked this (see `WeightsFile`).
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

    /// The layers as a teacher lists them, with what each produces.
    public static let architecture: [LayerDescription] = [
        LayerDescription(
            name: "Input", role: "32x32 image, ink 1, background 0", layer: .input,
            shape: [1, 32, 32], parameterCount: 0),
        LayerDescription(
            name: "C1", role: "convolution 6@5x5, tanh", layer: .c1, shape: [6, 28, 28],
            parameterCount: 6 * (1 * 5 * 5) + 6),
        LayerDescription(
            name: "S2", role: "average pooling 2x2, stride 2", layer: .s2, shape: [6, 14, 14],
            parameterCount: 0),
        LayerDescription(
            name: "C3", role: "convolution 16@5x5 over all 6 maps, tanh", layer: .c3,
            shape: [16, 10, 10], parameterCount: 16 * (6 * 5 * 5) + 16),
        LayerDescription(
            name: "S4", role: "average pooling 2x2, stride 2", layer: .s4, shape: [16, 5, 5],
            parameterCount: 0),
        LayerDescription(
            name: "C5", role: "convolution 120@5x5 over all 16 maps, tanh", layer: .c5,
            shape: [120], parameterCount: 120 * (16 * 5 * 5) + 120),
        LayerDescription(
            name: "F6", role: "dense 84, tanh", layer: .f6, shape: [84],
            parameterCount: 84 * 120 + 84),
        LayerDescription(
            name: "Output", role: "dense 10, softmax", layer: .probabilities, shape: [10],
            parameterCount: 10 * 84 + 10),
    ]
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
}
