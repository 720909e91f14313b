import Foundation
import LeNet5
import Testing

@testable import Training

/// The pieces of the "not sure" fit, each checked against a property that defines it.
@Suite struct UnsureFitTests {
    /// A random symmetric positive definite matrix, A A' + n I.
    static func spd(_ n: Int, seed: UInt64) -> [Double] {
        var g = SeededGenerator(seed: seed)
        let a = (0..<(n * n)).map { _ in Double.random(in: -1...1, using: &g) }
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                for k in 0..<n { m[i * n + j] += a[i * n + k] * a[j * n + k] }
                if i == j { m[i * n + j] += Double(n) }
            }
        }
        return m
    }

    @Test func choleskyInvertsAndSolves() throws {
        let n = 37
        let a = Self.spd(n, seed: 11)
        let cholesky = try #require(Cholesky(a, size: n))
        let inverse = cholesky.inverse()
        for i in 0..<n {
            for j in 0..<n {
                var product = 0.0
                for k in 0..<n { product += a[i * n + k] * inverse[k * n + j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-10, "\(i), \(j)")
            }
        }
        let b = (0..<n).map { Double($0) - 5 }
        let x = cholesky.solve(b)
        for i in 0..<n {
            let ax = (0..<n).reduce(0.0) { $0 + a[i * n + $1] * x[$1] }
            #expect(abs(ax - b[i]) < 1e-9)
        }
        // Not positive definite: refused rather than a square root of a negative number.
        var indefinite = a
        indefinite[0] = -1
        #expect(Cholesky(indefinite, size: n) == nil)
    }

    @Test func dotProductsAgreeWithAPlainSum() {
        for count in [0, 1, 7, 8, 9, 64, 203] {
            let a = (0..<(4 * count)).map { sin(Double($0)) }
            let b = (0..<count).map { cos(Double($0) * 0.7) }
            let four = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    dot4(a.baseAddress!, stride: count, b.baseAddress!, count: count)
                }
            }
            for r in 0..<4 {
                let plain = (0..<count).reduce(0.0) { $0 + a[r * count + $1] * b[$1] }
                #expect(abs(four[r] - plain) < 1e-9)
                let one = a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        dot(a.baseAddress! + r * count, b.baseAddress!, count: count)
                    }
                }
                #expect(abs(one - plain) < 1e-9)
            }
        }
    }

    /// At the minimum of the penalised, class-balanced logistic loss its gradient vanishes; the
    /// gradient is computed here the plain way, sample by sample.
    @Test func logisticRegressionReachesTheMinimum() {
        var g = SeededGenerator(seed: 5)
        let (n, d) = (300, 6)
        var rows = [[Double]]()
        var positive = [Bool]()
        for i in 0..<n {
            let label = i % 4 == 0  // a quarter positive, so the balancing matters
            rows.append(
                (0..<d).map { j in
                    Double.random(in: -1...1, using: &g) + (label ? 0.4 * Double(j % 3) : 0)
                })
            positive.append(label)
        }
        var featureMajor = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            for j in 0..<d { featureMajor[j * n + i] = rows[i][j] }
        }
        let penalty = 2.0
        let fit = LogisticRegression(
            features: featureMajor, width: d, positive: positive, penalty: penalty)
        let positives = Double(positive.filter { $0 }.count)
        var gradient = fit.weight.map { penalty * $0 }
        var biasGradient = 0.0
        for i in 0..<n {
            let margin = zip(fit.weight, rows[i]).reduce(fit.bias) { $0 + $1.0 * $1.1 }
            let p = 1 / (1 + exp(-margin))
            let weight = Double(n) / (2 * (positive[i] ? positives : Double(n) - positives))
            let residual = weight * (p - (positive[i] ? 1 : 0))
            for j in 0..<d { gradient[j] += residual * rows[i][j] }
            biasGradient += residual
        }
        #expect(gradient.allSatisfy { abs($0) < 1e-6 }, "\(gradient)")
        #expect(abs(biasGradient) < 1e-6)
        #expect(fit.iterations < 50)
        // The features that separate the classes get positive weights.
        #expect(fit.weight[2] > 0.5 && fit.weight[5] > 0.5)
    }

    @Test func scribblesAreInkOnTheGridAndReproducible() {
        for index in 0..<50 {
            let drawing = Scribbles.drawing(seed: 9, index: index)
            #expect(drawing.width == 32 && drawing.height == 32)
            #expect(drawing.pixels.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(drawing.pixels.contains(1), "scribble \(index) is blank")
            #expect(drawing == Scribbles.drawing(seed: 9, index: index))
        }
        #expect(Scribbles.drawing(seed: 9, index: 0) != Scribbles.drawing(seed: 10, index: 0))
    }

    @Test func aFitOnAFewDigitsGivesUsableStatistics() throws {
        // Ten made-up "digits" per class: blocks in different places; enough to exercise every
        // step, not to mean anything.
        var pixels = [UInt8]()
        var labels = [UInt8]()
        for i in 0..<200 {
            let label = i % 10
            var image = [UInt8](repeating: 0, count: 784)
            for y in 4..<24 {
                for x in 0..<28 where (x / 3) % 10 == label || y == 4 + (i % 7) {
                    image[y * 28 + x] = 255
                }
            }
            pixels += image
            labels.append(UInt8(label))
        }
        let dataset = MNISTDataset(pixels: pixels, labels: labels)
        var generator = SeededGenerator(seed: 1)
        var fit = UnsureFit().scaled(toTrainingCount: dataset.count)
        fit.scribbles = 300
        let result = fit.fit(Classifier(LeNet5(using: &generator)), training: dataset)
        #expect(result.statistics.classCount == 10)
        // The threshold is set to flag the asked share of held-out sketches.
        #expect(abs(result.flaggedSketches - fit.flaggedSketchShare) < 0.01)
        #expect(
            result.statistics.namedTensors.allSatisfy { $0.tensor.scalars.allSatisfy(\.isFinite) })
    }
}
