import Kernels

/// A model's parameters rearranged for the kernels (`Kernels.ParameterLayout`), in one flat buffer.
/// Training updates this form directly; `unpacked()` returns to PyTorch's layout.
public struct PackedParameters: Equatable, Sendable {
    public var storage: [Float]
    /// The network's classes: how many of the output block's columns are used.
    public let classes: Int

    public init(storage: [Float], classes: Int) {
        precondition(storage.count == ParameterLayout.count)
        precondition(NetworkGeometry.classLimits.contains(classes))
        self.storage = storage
        self.classes = classes
    }

    public init(_ model: LeNet5) {
        var p = [Float](repeating: 0, count: ParameterLayout.count)
        let (c1, c3, c5) = (NetworkGeometry.c1, NetworkGeometry.c3, NetworkGeometry.c5)
        let (f6, output) = (NetworkGeometry.f6, NetworkGeometry.output(classes: model.classCount))
        let w1 = model.c1.weight.scalars
        let w3 = model.c3.weight.scalars
        let w5 = model.c5.weight.scalars
        let w6 = model.f6.weight.scalars
        let wo = model.output.weight.scalars
        for i in 0..<c1.maps * c1.taps { p[ParameterLayout.c1Weight + i] = w1[i] }
        for o in 0..<c1.maps { p[ParameterLayout.c1Bias + o] = model.c1.bias.scalars[o] }
        for o in 0..<c3.maps {
            for tap in 0..<c3.taps {
                p[ParameterLayout.c3Weight + tap * ParameterLayout.c3Stride + o] =
                    w3[o * c3.taps + tap]
            }
            p[ParameterLayout.c3Bias + o] = model.c3.bias.scalars[o]
        }
        for o in 0..<c5.maps {
            for i in 0..<c5.taps {
                p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o] =
                    w5[o * c5.taps + Self.pytorchIndexOfS4(i)]
            }
            p[ParameterLayout.c5Bias + o] = model.c5.bias.scalars[o]
        }
        for j in 0..<f6.maps {
            for i in 0..<f6.taps {
                p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j] = w6[j * f6.taps + i]
            }
            p[ParameterLayout.f6Bias + j] = model.f6.bias.scalars[j]
        }
        for k in 0..<output.maps {
            for j in 0..<output.taps {
                p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k] =
                    wo[k * output.taps + j]
            }
            p[ParameterLayout.outputBias + k] = model.output.bias.scalars[k]
        }
        storage = p
        classes = model.classCount
    }

    /// The same numbers in PyTorch's layout. Also turns a gradient in this layout into named
    /// gradient tensors.
    public func unpacked() -> LeNet5 {
        let p = storage
        let (c1, c3, c5) = (NetworkGeometry.c1, NetworkGeometry.c3, NetworkGeometry.c5)
        let (f6, output) = (NetworkGeometry.f6, NetworkGeometry.output(classes: classes))
        var w1 = [Float](repeating: 0, count: c1.maps * c1.taps)
        var w3 = [Float](repeating: 0, count: c3.maps * c3.taps)
        var w5 = [Float](repeating: 0, count: c5.maps * c5.taps)
        var w6 = [Float](repeating: 0, count: f6.maps * f6.taps)
        var wo = [Float](repeating: 0, count: output.maps * output.taps)
        for i in w1.indices { w1[i] = p[ParameterLayout.c1Weight + i] }
        for o in 0..<c3.maps {
            for tap in 0..<c3.taps {
                w3[o * c3.taps + tap] =
                    p[ParameterLayout.c3Weight + tap * ParameterLayout.c3Stride + o]
            }
        }
        for o in 0..<c5.maps {
            for i in 0..<c5.taps {
                w5[o * c5.taps + Self.pytorchIndexOfS4(i)] =
                    p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o]
            }
        }
        for j in 0..<f6.maps {
            for i in 0..<f6.taps {
                w6[j * f6.taps + i] = p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j]
            }
        }
        for k in 0..<output.maps {
            for j in 0..<output.taps {
                wo[k * output.taps + j] =
                    p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k]
            }
        }
        var tensors = [String: Tensor]()
        let biases = [
            "c1": ParameterLayout.c1Bias, "c3": ParameterLayout.c3Bias,
            "c5": ParameterLayout.c5Bias, "f6": ParameterLayout.f6Bias,
            "output": ParameterLayout.outputBias,
        ]
        let weights = ["c1": w1, "c3": w3, "c5": w5, "f6": w6, "output": wo]
        for (name, shape) in LeNet5.parameterShapes(classes: classes) {
            let parts = name.split(separator: ".")
            let layer = String(parts[0])
            if parts[1] == "weight" {
                tensors[name] = Tensor(shape: shape, scalars: weights[layer] ?? [])
            } else if let start = biases[layer] {
                tensors[name] = Tensor(shape: shape, scalars: Array(p[start..<start + shape[0]]))
            }
        }
        return LeNet5(named: tensors)
    }

    /// The weights of C5, F6 and Output transposed (`Kernels.TransposedLayout`), for the backward
    /// pass, into `target`.
    public func transpose(into target: UnsafeMutablePointer<Float>) {
        storage.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { Self.transpose(base, classes: classes, into: target) }
        }
    }

    /// `transpose(into:)` straight from packed parameters in memory, as training keeps them,
    /// without copying them into an array first (it runs once per batch).
    public static func transpose(
        _ p: UnsafePointer<Float>, classes: Int, into target: UnsafeMutablePointer<Float>
    ) {
        let (c5, f6) = (NetworkGeometry.c5, NetworkGeometry.f6)
        for o in 0..<c5.maps {
            for i in 0..<c5.taps {
                target[TransposedLayout.c5Weight + o * TransposedLayout.c5Stride + i] =
                    p[ParameterLayout.c5Weight + i * ParameterLayout.c5Stride + o]
            }
        }
        for j in 0..<f6.maps {
            for i in 0..<TransposedLayout.f6Stride {
                target[TransposedLayout.f6Weight + j * TransposedLayout.f6Stride + i] =
                    i < f6.taps ? p[ParameterLayout.f6Weight + i * ParameterLayout.f6Stride + j] : 0
            }
        }
        transposeOutput(p, classes: classes, into: target)
    }

    /// The Output block of `transpose(_:classes:into:)` alone: all that the backward pass of the
    /// output layer reads (transfer training with F6 or C5 frozen).
    public static func transposeOutput(
        _ p: UnsafePointer<Float>, classes: Int, into target: UnsafeMutablePointer<Float>
    ) {
        let output = NetworkGeometry.output(classes: classes)
        for k in 0..<output.maps {
            for j in 0..<TransposedLayout.outputStride {
                target[TransposedLayout.outputWeight + k * TransposedLayout.outputStride + j] =
                    j < output.taps
                    ? p[ParameterLayout.outputWeight + j * ParameterLayout.outputStride + k] : 0
            }
        }
    }

    /// C5's inputs are S4's 400 values in the trace's order (row, column, map); PyTorch orders a C5
    /// kernel (map, row, column). Returns the PyTorch index of trace input `i`.
    static func pytorchIndexOfS4(_ i: Int) -> Int {
        let s4 = NetworkGeometry.s4
        let map = i % s4.maps
        let position = i / s4.maps
        return map * s4.area + position
    }
}
