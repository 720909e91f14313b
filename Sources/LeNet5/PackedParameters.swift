import Kernels

/// A model's parameters rearranged for the kernels (`Kernels.ParameterLayout`), in one flat buffer.
/// Training updates this form directly; `unpacked()` returns to PyTorch's layout.
public struct PackedParameters: Equatable, Sendable {
    public var storage: [Float]

    public init(storage: [Float]) {
        precondition(storage.count == ParameterLayout.count)
        self.storage = storage
    }

    public init(_ model: LeNet5) {
        var p = [Float](repeating: 0, count: ParameterLayout.count)
        let w1 = model.c1.weight.scalars
        let w3 = model.c3.weight.scalars
        let w5 = model.c5.weight.scalars
        let w6 = model.f6.weight.scalars
        let wo = model.output.weight.scalars
        for i in 0..<150 { p[ParameterLayout.c1Weight + i] = w1[i] }
        for o in 0..<6 { p[ParameterLayout.c1Bias + o] = model.c1.bias.scalars[o] }
        for o in 0..<16 {
            for tap in 0..<150 { p[ParameterLayout.c3Weight + tap * 16 + o] = w3[o * 150 + tap] }
            p[ParameterLayout.c3Bias + o] = model.c3.bias.scalars[o]
        }
        for o in 0..<120 {
            for i in 0..<400 {
                p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o] =
                    w5[o * 400 + Self.pytorchIndexOfS4(i)]
            }
            p[ParameterLayout.c5Bias + o] = model.c5.bias.scalars[o]
        }
        for j in 0..<84 {
            for i in 0..<120 {
                p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j] = w6[j * 120 + i]
            }
            p[ParameterLayout.f6Bias + j] = model.f6.bias.scalars[j]
        }
        for k in 0..<10 {
            for j in 0..<84 {
                p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k] =
                    wo[k * 84 + j]
            }
            p[ParameterLayout.outputBias + k] = model.output.bias.scalars[k]
        }
        storage = p
    }

    /// The same numbers in PyTorch's layout. Also turns a gradient in this layout into named
    /// gradient tensors.
    public func unpacked() -> LeNet5 {
        let p = storage
        var w1 = [Float](repeating: 0, count: 150)
        var w3 = [Float](repeating: 0, count: 2400)
        var w5 = [Float](repeating: 0, count: 48000)
        var w6 = [Float](repeating: 0, count: 10080)
        var wo = [Float](repeating: 0, count: 840)
        for i in 0..<150 { w1[i] = p[ParameterLayout.c1Weight + i] }
        for o in 0..<16 {
            for tap in 0..<150 { w3[o * 150 + tap] = p[ParameterLayout.c3Weight + tap * 16 + o] }
        }
        for o in 0..<120 {
            for i in 0..<400 {
                w5[o * 400 + Self.pytorchIndexOfS4(i)] =
                    p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o]
            }
        }
        for j in 0..<84 {
            for i in 0..<120 {
                w6[j * 120 + i] = p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j]
            }
        }
        for k in 0..<10 {
            for j in 0..<84 {
                wo[k * 84 + j] =
                    p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k]
            }
        }
        func slice(_ start: Int, _ count: Int) -> [Float] { Array(p[start..<start + count]) }
        return LeNet5(
            c1: Convolution(
                weight: Tensor(shape: [6, 1, 5, 5], scalars: w1),
                bias: Tensor(shape: [6], scalars: slice(ParameterLayout.c1Bias, 6))),
            c3: Convolution(
                weight: Tensor(shape: [16, 6, 5, 5], scalars: w3),
                bias: Tensor(shape: [16], scalars: slice(ParameterLayout.c3Bias, 16))),
            c5: Convolution(
                weight: Tensor(shape: [120, 16, 5, 5], scalars: w5),
                bias: Tensor(shape: [120], scalars: slice(ParameterLayout.c5Bias, 120))),
            f6: Dense(
                weight: Tensor(shape: [84, 120], scalars: w6),
                bias: Tensor(shape: [84], scalars: slice(ParameterLayout.f6Bias, 84))),
            output: Dense(
                weight: Tensor(shape: [10, 84], scalars: wo),
                bias: Tensor(shape: [10], scalars: slice(ParameterLayout.outputBias, 10))))
    }

    /// The weights of C5, F6 and Output transposed (`Kernels.TransposedLayout`), for the backward
    /// pass, into `target`.
    public func transpose(into target: UnsafeMutablePointer<Float>) {
        storage.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { Self.transpose(base, into: target) }
        }
    }

    /// `transpose(into:)` straight from packed parameters in memory, as training keeps them,
    /// without copying them into an array first (it runs once per batch).
    public static func transpose(
        _ p: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>
    ) {
        for o in 0..<120 {
            for i in 0..<400 {
                target[TransposedLayout.c5Weight + o * 400 + i] =
                    p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o]
            }
        }
        for j in 0..<84 {
            for i in 0..<128 {
                target[TransposedLayout.f6Weight + j * 128 + i] =
                    i < 120 ? p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j] : 0
            }
        }
        for k in 0..<10 {
            for j in 0..<96 {
                target[TransposedLayout.outputWeight + k * 96 + j] =
                    j < 84
                    ? p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k] : 0
            }
        }
    }

    /// C5's inputs are S4's 400 values in the trace's order (row, column, map); PyTorch orders a C5
    /// kernel (map, row, column). Returns the PyTorch index of trace input `i`.
    static func pytorchIndexOfS4(_ i: Int) -> Int {
        let map = i % 16
        let position = i / 16
        return map * 25 + position
    }
}
