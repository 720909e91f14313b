import LeNet5
import Platform

/// Adam (Kingma and Ba, 2015) with PyTorch's defaults, over the packed parameters. The padding in
/// the packed layout has zero gradient, so it stays zero.
struct Adam {
    var learningRate: Float
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-8
    private(set) var step = 0
    let firstMoment: AlignedBuffer
    let secondMoment: AlignedBuffer

    init(count: Int, learningRate: Float) {
        self.learningRate = learningRate
        firstMoment = AlignedBuffer(count: count)
        secondMoment = AlignedBuffer(count: count)
    }

    /// The learning rate at step `step` of `total`: a cosine from `initial` down to `final`.
    static func cosine(step: Int, total: Int, from initial: Float, to final: Float) -> Float {
        let progress = Float(step) / Float(max(1, total))
        return final + (initial - final) * (1 + cosf(.pi * min(1, progress))) / 2
    }

    /// One step over the parameters from index `first` on; those before it (frozen layers, which
    /// the packed layout puts first) are never read or written. The decay pulls each weight
    /// toward its value in `anchor` (L2-SP, Li et al. 2018), or toward zero without one.
    mutating func update(
        _ parameters: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
        from first: Int = 0, decay: Float = 0, anchor: UnsafePointer<Float>? = nil
    ) {
        step += 1
        let m = firstMoment.pointer
        let v = secondMoment.pointer
        let correction1 = 1 - powf(beta1, Float(step))
        let correction2 = 1 - powf(beta2, Float(step))
        let stepSize = learningRate / correction1
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        let root2 = correction2.squareRoot()
        let pull = learningRate * decay
        let shrink = 1 - pull
        for i in first..<firstMoment.count {
            let g = gradient[i]
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            let target = anchor.map { pull * $0[i] } ?? 0
            parameters[i] =
                shrink * parameters[i] + target
                - stepSize * m[i] / (v[i].squareRoot() / root2 + eps)
        }
    }
}
