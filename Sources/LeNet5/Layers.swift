/// A convolution, cross-correlation with stride 1 and no padding, as PyTorch's `conv2d`.
public struct Convolution: Equatable, Sendable {
    /// [outputMaps, inputMaps, kernelSide, kernelSide]
    public var weight: Tensor
    /// [outputMaps]
    public var bias: Tensor

    public init(weight: Tensor, bias: Tensor) {
        precondition(weight.shape.count == 4 && bias.shape == [weight.shape[0]])
        self.weight = weight
        self.bias = bias
    }

    /// LeCun's initialisation for tanh units: weights uniform with variance 1 / fan-in, biases zero.
    public init(
        inputMaps: Int, outputMaps: Int, kernelSide: Int,
        using generator: inout some RandomNumberGenerator
    ) {
        let fanIn = inputMaps * kernelSide * kernelSide
        self.init(
            weight: Tensor(
                uniform: [outputMaps, inputMaps, kernelSide, kernelSide],
                bound: (3 / Float(fanIn)).squareRoot(), using: &generator),
            bias: Tensor(zeros: [outputMaps]))
    }

    public var outputMaps: Int { weight.shape[0] }
    public var inputMaps: Int { weight.shape[1] }
    public var kernelSide: Int { weight.shape[2] }
    public var parameterCount: Int { weight.count + bias.count }

    /// The kernel that output map `output` applies to input map `input`, row by row.
    public func kernel(output: Int, input: Int) -> ArraySlice<Float> {
        let area = kernelSide * kernelSide
        let start = (output * inputMaps + input) * area
        return weight.scalars[start..<start + area]
    }
}

/// A fully connected layer: `weight * input + bias`.
public struct Dense: Equatable, Sendable {
    /// [outputs, inputs]
    public var weight: Tensor
    /// [outputs]
    public var bias: Tensor

    public init(weight: Tensor, bias: Tensor) {
        precondition(weight.shape.count == 2 && bias.shape == [weight.shape[0]])
        self.weight = weight
        self.bias = bias
    }

    /// LeCun's initialisation, as for `Convolution`.
    public init(inputs: Int, outputs: Int, using generator: inout some RandomNumberGenerator) {
        self.init(
            weight: Tensor(
                uniform: [outputs, inputs], bound: (3 / Float(inputs)).squareRoot(),
                using: &generator),
            bias: Tensor(zeros: [outputs]))
    }

    public var outputs: Int { weight.shape[0] }
    public var inputs: Int { weight.shape[1] }
    public var parameterCount: Int { weight.count + bias.count }
}

/// Average pooling over non-overlapping squares (the paper's subsampling without its trainable
/// coefficient and bias).
public struct AveragePooling: Equatable, Sendable {
    public let side: Int
    public init(side: Int = 2) { self.side = side }
    public var parameterCount: Int { 0 }
}
