/// The Cholesky factor L of a symmetric positive definite matrix A = L L', for solving with A and
/// inverting it: the logistic regressions' Newton steps and the covariance behind the Mahalanobis
/// distance. Doubles throughout, row-major.
struct Cholesky {
    let size: Int
    /// Lower triangle, row-major; the upper part is zero.
    private(set) var factor: [Double]

    /// Nil if `matrix` is not positive definite (to rounding).
    init?(_ matrix: [Double], size n: Int) {
        precondition(matrix.count == n * n)
        size = n
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = matrix[j * n + j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 0, diagonal.isFinite else { return nil }
            let pivot = diagonal.squareRoot()
            l[j * n + j] = pivot
            for i in (j + 1)..<max(j + 1, n) {
                var sum = matrix[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / pivot
            }
        }
        factor = l
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        let n = size
        precondition(b.count == n)
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= factor[i * n + k] * y[k] }
            y[i] /= factor[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(i + 1, n) { y[i] -= factor[k * n + i] * y[k] }
            y[i] /= factor[i * n + i]
        }
        return y
    }

    /// A's inverse, row-major.
    func inverse() -> [Double] {
        let n = size
        var result = [Double](repeating: 0, count: n * n)
        var unit = [Double](repeating: 0, count: n)
        for column in 0..<n {
            unit[column] = 1
            let x = solve(unit)
            unit[column] = 0
            for row in 0..<n { result[row * n + column] = x[row] }
        }
        // Symmetric in exact arithmetic; make it so exactly.
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let mean = (result[i * n + j] + result[j * n + i]) / 2
                result[i * n + j] = mean
                result[j * n + i] = mean
            }
        }
        return result
    }
}

/// The dot product of `count` doubles, in eight lanes.
func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
    var lanes = SIMD8<Double>()
    var i = 0
    while i + 8 <= count {
        let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Double>.self)
        let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Double>.self)
        lanes += x * y
        i += 8
    }
    var sum = lanes.sum()
    while i < count {
        sum += a[i] * b[i]
        i += 1
    }
    return sum
}

/// The dot products of four vectors `a[0..<4]` with one vector `b`, reading `b` once: a Gram
/// matrix computed four rows at a time streams its columns from memory a quarter as often.
func dot4(_ a: UnsafePointer<Double>, stride: Int, _ b: UnsafePointer<Double>, count: Int)
    -> SIMD4<Double>
{
    var lanes0 = SIMD8<Double>()
    var lanes1 = SIMD8<Double>()
    var lanes2 = SIMD8<Double>()
    var lanes3 = SIMD8<Double>()
    var i = 0
    func load(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }
    while i + 8 <= count {
        let y = load(b + i)
        lanes0 += load(a + i) * y
        lanes1 += load(a + stride + i) * y
        lanes2 += load(a + 2 * stride + i) * y
        lanes3 += load(a + 3 * stride + i) * y
        i += 8
    }
    var sums = SIMD4(lanes0.sum(), lanes1.sum(), lanes2.sum(), lanes3.sum())
    while i < count {
        for r in 0..<4 { sums[r] += a[r * stride + i] * b[i] }
        i += 1
    }
    return sums
}
