import Platform

/// Binary logistic regression with an L2 penalty on the weights (not the bias), each class
/// weighted by the inverse of its size so that a few hundred examples of one side count as much
/// as thousands of the other (scikit-learn's `class_weight="balanced"`). Fitted by Newton's
/// method, which on this convex loss converges in a few steps to the exact minimum.
struct LogisticRegression {
    /// One weight per feature.
    let weight: [Double]
    let bias: Double
    let iterations: Int

    /// Fits `features` (`count` rows of `width` values, one row per sample, in feature-major
    /// order: feature j of sample i at j * count + i) to `positive`.
    init(features: [Double], width d: Int, positive: [Bool], penalty: Double) {
        let n = positive.count
        precondition(features.count == n * d)
        let positives = positive.filter { $0 }.count
        let sampleWeight = positive.map {
            Double(n) / (2 * Double($0 ? positives : n - positives))
        }
        let target = positive.map { $0 ? 1.0 : 0.0 }
        // Parameters: d weights then the bias.
        var theta = [Double](repeating: 0, count: d + 1)
        var margin = [Double](repeating: 0, count: n)
        var curvature = [Double](repeating: 0, count: n)
        var done = 0
        features.withUnsafeBufferPointer { x in
            guard let x = x.baseAddress else { return }
            func margins(_ theta: [Double]) -> [Double] {
                var m = [Double](repeating: theta[d], count: n)
                for j in 0..<d where theta[j] != 0 {
                    let column = x + j * n
                    for i in 0..<n { m[i] += theta[j] * column[i] }
                }
                return m
            }
            func loss(_ theta: [Double], _ m: [Double]) -> Double {
                var total = 0.0
                for i in 0..<n {
                    // log(1 + e^m) - y m, computed without overflow.
                    let softplus = m[i] > 0 ? m[i] + log1p(exp(-m[i])) : log1p(exp(m[i]))
                    total += sampleWeight[i] * (softplus - target[i] * m[i])
                }
                for j in 0..<d { total += penalty / 2 * theta[j] * theta[j] }
                return total
            }
            margin = margins(theta)
            var current = loss(theta, margin)
            for iteration in 1...50 {
                done = iteration
                var residual = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    let p = 1 / (1 + exp(-margin[i]))
                    residual[i] = sampleWeight[i] * (p - target[i])
                    curvature[i] = sampleWeight[i] * p * (1 - p)
                }
                var gradient = [Double](repeating: 0, count: d + 1)
                var hessian = [Double](repeating: 0, count: (d + 1) * (d + 1))
                let size = d + 1
                residual.withUnsafeBufferPointer { r in
                    guard let r = r.baseAddress else { return }
                    for j in 0..<d {
                        gradient[j] = dot(x + j * n, r, count: n) + penalty * theta[j]
                    }
                }
                gradient[d] = residual.reduce(0, +)
                // The weighted Gram matrix X' C X, four rows at a time; then the bias's row.
                var scaled = [Double](repeating: 0, count: 4 * n)
                var a = 0
                while a < d {
                    let rows = min(4, d - a)
                    for r in 0..<4 {
                        let column = x + min(a + r, d - 1) * n
                        for i in 0..<n { scaled[r * n + i] = curvature[i] * column[i] }
                    }
                    scaled.withUnsafeBufferPointer { s in
                        guard let s = s.baseAddress else { return }
                        for b in a..<d {
                            let h = dot4(s, stride: n, x + b * n, count: n)
                            for r in 0..<rows where a + r <= b {
                                hessian[(a + r) * size + b] = h[r]
                                hessian[b * size + a + r] = h[r]
                            }
                        }
                    }
                    for r in 0..<rows {
                        var h = 0.0
                        for i in 0..<n { h += scaled[r * n + i] }
                        hessian[(a + r) * size + d] = h
                        hessian[d * size + a + r] = h
                        hessian[(a + r) * size + a + r] += penalty
                    }
                    a += rows
                }
                hessian[d * size + d] = curvature.reduce(0, +) + 1e-9
                guard let cholesky = Cholesky(hessian, size: size) else { break }
                let step = cholesky.solve(gradient)
                // Newton's step, halved while it does not lower the loss.
                var scale = 1.0
                var next = theta
                var nextMargin = margin
                var nextLoss = current
                for _ in 0..<30 {
                    next = zip(theta, step).map { $0 - scale * $1 }
                    nextMargin = margins(next)
                    nextLoss = loss(next, nextMargin)
                    if nextLoss <= current { break }
                    scale /= 2
                }
                guard nextLoss <= current else { break }
                let largest = step.map { abs($0) * scale }.max() ?? 0
                theta = next
                margin = nextMargin
                let improvement = current - nextLoss
                current = nextLoss
                if largest < 1e-7 || improvement < 1e-10 * max(1, current) { break }
            }
        }
        weight = Array(theta[0..<d])
        bias = theta[d]
        iterations = done
    }
}
