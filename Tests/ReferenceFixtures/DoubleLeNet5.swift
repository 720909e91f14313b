import Foundation
import LeNet5

/// LeNet-5 written out plainly in Double from the model's PyTorch-layout tensors, sharing nothing
/// with the kernels: a reference for derivatives by finite differences.
public struct DoubleLeNet5 {
    public let model: LeNet5

    public init(_ model: LeNet5) { self.model = model }

    /// One logit per class: as many as the model's output layer has rows.
    public func logits(_ input: [Double]) -> [Double] { logits(c5: c5(input)) }

    /// C5's 120 values: everything up to the dense layers.
    public func c5(_ input: [Double]) -> [Double] {
        let c1 = convolve(input, maps: 1, side: 32, model.c1)
        let s2 = pool(c1, maps: 6, side: 28)
        let c3 = convolve(s2, maps: 6, side: 14, model.c3)
        let s4 = pool(c3, maps: 16, side: 10)
        return convolve(s4, maps: 16, side: 5, model.c5)
    }

    /// F6 and Output on C5's values.
    public func logits(c5: [Double]) -> [Double] {
        let f6 = dense(c5, model.f6).map { Foundation.tanh($0) }
        return dense(f6, model.output)
    }

    /// The mean cross-entropy of a batch, as training minimises it.
    public func loss(_ inputs: [[Double]], labels: [Int]) -> Double {
        loss(c5: inputs.map(c5), labels: labels)
    }

    /// The same from each input's C5 values, which do not depend on F6 and Output.
    public func loss(c5: [[Double]], labels: [Int]) -> Double {
        zip(c5, labels).map { -Foundation.log(Self.softmax(logits(c5: $0))[$1]) }.reduce(0, +)
            / Double(c5.count)
    }

    public func probabilities(_ input: [Double]) -> [Double] { Self.softmax(logits(input)) }

    static func softmax(_ logits: [Double]) -> [Double] {
        let largest = logits.max() ?? 0
        let e = logits.map { exp($0 - largest) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    func convolve(_ x: [Double], maps: Int, side: Int, _ layer: Convolution) -> [Double] {
        let k = layer.kernelSide
        let out = side - k + 1
        let w = layer.weight.scalars
        var y = [Double]()
        for o in 0..<layer.outputMaps {
            for r in 0..<out {
                for c in 0..<out {
                    var sum = Double(layer.bias.scalars[o])
                    for i in 0..<maps {
                        for ky in 0..<k {
                            for kx in 0..<k {
                                sum +=
                                    Double(w[((o * maps + i) * k + ky) * k + kx])
                                    * x[(i * side + r + ky) * side + c + kx]
                            }
                        }
                    }
                    y.append(Foundation.tanh(sum))
                }
            }
        }
        return y
    }

    func pool(_ x: [Double], maps: Int, side: Int) -> [Double] {
        let out = side / 2
        var y = [Double]()
        for m in 0..<maps {
            for r in 0..<out {
                for c in 0..<out {
                    let at = (m * side + 2 * r) * side + 2 * c
                    y.append((x[at] + x[at + 1] + x[at + side] + x[at + side + 1]) / 4)
                }
            }
        }
        return y
    }

    func dense(_ x: [Double], _ layer: Dense) -> [Double] {
        (0..<layer.outputs).map { o in
            (0..<layer.inputs).reduce(Double(layer.bias.scalars[o])) {
                $0 + Double(layer.weight.scalars[o * layer.inputs + $1]) * x[$1]
            }
        }
    }
}
