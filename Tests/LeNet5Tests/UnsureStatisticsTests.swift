import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

/// The "not sure" statistics: optional in a weights file, checked when present, and the score
/// computed as its definition says.
@Suite struct UnsureStatisticsTests {
    static let d = UnsureStatistics.prototypeLength

    /// A symmetric positive definite matrix: A A' / n + I, from random A.
    static func spd(_ n: Int, using generator: inout SeededGenerator) -> [Float] {
        let a = (0..<(n * n)).map { _ in Float.random(in: -1...1, using: &generator) }
        var m = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum: Float = 0
                for k in 0..<n { sum += a[i * n + k] * a[j * n + k] }
                m[i * n + j] = sum / Float(n) + (i == j ? 1 : 0)
            }
        }
        return m
    }

    /// Statistics with random values of the right shapes for `classes` classes.
    static func statistics(
        classes: Int = 10, precision: [Float]? = nil, seed: UInt64 = 3
    ) throws -> UnsureStatistics {
        var g = SeededGenerator(seed: seed)
        return try UnsureStatistics(
            weight: Tensor(
                uniform: [classes, UnsureStatistics.featureCount], bound: 0.05, using: &g),
            bias: Tensor(uniform: [classes], bound: 1, using: &g),
            prototypes: Tensor(uniform: [classes, d], bound: 1, using: &g),
            precision: Tensor(shape: [d, d], scalars: precision ?? spd(d, using: &g)),
            distanceWeight: Tensor(shape: [1], scalars: [0.5]),
            threshold: Tensor(shape: [1], scalars: [1.5]), classes: classes)
    }

    func fault(_ bytes: [UInt8]) -> String? {
        do {
            _ = try WeightsFile(bytes: bytes, path: "w.safetensors")
            return nil
        } catch {
            #expect(error.description.hasPrefix("w.safetensors: "))
            return error.fault
        }
    }

    /// The reference weights' tensors plus `extra`.
    func file(_ extra: [(name: String, tensor: Tensor)]) -> [UInt8] {
        Safetensors.encode(
            tensors: Reference.weights.model.namedParameters + extra, metadata: [:])
    }

    @Test func weightsWithoutStatisticsLoadAndSaySo() throws {
        let plain = try WeightsFile(bytes: Reference.weights.bytes, path: "plain")
        #expect(plain.unsure == nil)
    }

    @Test func statisticsRoundTripBesideUnchangedTensors() throws {
        var file = Reference.weights
        file.unsure = try Self.statistics()
        let read = try WeightsFile(bytes: file.bytes, path: "x")
        #expect(read.unsure == file.unsure)
        #expect(read.model == Reference.weights.model)
        // The network's tensors are the same bytes whether or not statistics follow them.
        let with = try Safetensors(bytes: file.bytes)
        let without = try Safetensors(bytes: Reference.weights.bytes)
        for (name, _) in LeNet5.parameterShapes {
            #expect(
                try with.floats(name).scalars.map(\.bitPattern)
                    == without.floats(name).scalars.map(\.bitPattern))
        }
    }

    @Test func incompleteStatisticsAreRefused() throws {
        let all = try Self.statistics().namedTensors
        for missing in UnsureStatistics.tensorNames {
            let message = fault(file(all.filter { $0.name != missing }))
            #expect(
                message?.hasPrefix(
                    "\"not sure\" statistics are incomplete: tensor \(missing) is missing") == true,
                "\(message ?? "accepted")")
        }
    }

    @Test func wrongShapesAreRefused() throws {
        var tensors = try Self.statistics().namedTensors
        tensors[0].tensor = Tensor(zeros: [10, UnsureStatistics.featureCount - 1])
        #expect(
            fault(file(tensors)) == "tensor unsure.weight has shape [10, 603], expected [10, 604]")
        // Prototypes for nine classes do not fit a network of ten.
        tensors = try Self.statistics().namedTensors
        tensors[2].tensor = Tensor(zeros: [9, Self.d])
        #expect(
            fault(file(tensors)) == "tensor unsure.prototypes has shape [9, 84], expected [10, 84]")
        tensors = try Self.statistics().namedTensors
        tensors[5].tensor = Tensor(zeros: [])
        #expect(fault(file(tensors)) == "tensor unsure.threshold has shape [], expected [1]")
    }

    @Test func wrongTypeIsRefused() throws {
        var bytes = file(try Self.statistics().namedTensors)
        // The bias declared as I32: the same length, so the header length stays right.
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        let name = try #require(header.range(of: "\"unsure.bias\":{"))
        let dtype = try #require(
            header.range(of: "\"F32\"", range: name.upperBound..<header.endIndex))
        let offset = 8 + header.utf8.distance(from: header.startIndex, to: dtype.lowerBound)
        bytes[offset + 1] = UInt8(ascii: "I")
        #expect(fault(bytes) == "tensor unsure.bias is I32, expected F32")
    }

    @Test(arguments: [Float.nan, .infinity, -.infinity])
    func nonFiniteValuesAreRefused(value: Float) throws {
        var tensors = try Self.statistics().namedTensors
        tensors[0].tensor.scalars[5] = value
        #expect(
            fault(file(tensors))
                == "tensor unsure.weight holds \(value.isNaN ? "NaN" : "infinity") at index 5")
    }

    @Test func aPrecisionMustBeSymmetricWithAPositiveDiagonal() throws {
        var tensors = try Self.statistics().namedTensors
        tensors[3].tensor.scalars[1] += 1
        #expect(
            fault(file(tensors))?.hasPrefix(
                "tensor unsure.precision is not a precision matrix: it is not symmetric (row 1, "
                    + "column 2") == true)
        tensors = try Self.statistics().namedTensors
        tensors[3].tensor.scalars[Self.d + 1] = -1
        #expect(
            fault(file(tensors))
                == "tensor unsure.precision is not a precision matrix: its diagonal holds -1.0 "
                + "at row 2")
    }

    /// The score is the class's discriminant plus the weighted log of the smallest squared
    /// Mahalanobis distance, here computed the plain way, (f - m)' P (f - m) for every prototype.
    @Test func scoreFollowsItsDefinition() throws {
        let statistics = try Self.statistics()
        let classifier = Classifier(Reference.weights.model)
        let trace = ForwardTrace()
        for sample in 0..<4 {
            classifier.forward(Reference.sample("input", sample), into: trace)
            let features =
                trace.maps(.s4).values + trace.maps(.c5).values + trace.maps(.f6).values
            #expect(features.count == UnsureStatistics.featureCount)
            let k = trace.prediction.classIndex
            var discriminant = Double(statistics.bias.scalars[k])
            for (i, f) in features.enumerated() {
                discriminant +=
                    Double(statistics.weight.scalars[k * features.count + i]) * Double(f)
            }
            let f6 = features.suffix(Self.d).map(Double.init)
            let p = statistics.precision.scalars.map(Double.init)
            let nearest =
                (0..<10).map { c in
                    let diff = (0..<Self.d).map {
                        f6[$0] - Double(statistics.prototypes.scalars[c * Self.d + $0])
                    }
                    var sum = 0.0
                    for i in 0..<Self.d {
                        for j in 0..<Self.d { sum += diff[i] * p[i * Self.d + j] * diff[j] }
                    }
                    return sum
                }.min() ?? 0
            let expected = discriminant + 0.5 * log(nearest)
            let judgement = statistics.judge(trace)
            #expect(abs(Double(judgement.nearestDistance) - nearest) <= 1e-3 * nearest)
            #expect(abs(Double(judgement.score) - expected) <= 1e-3 * max(1, abs(expected)))
            #expect(judgement.isUnsure == (judgement.score > 1.5))
        }
    }

    @Test func theShippedWeightsCarryStatistics() throws {
        let bundled = try WeightsFile.bundled()
        guard let statistics = bundled.unsure else {
            Issue.record("Assets/lenet5.safetensors has no \"not sure\" statistics")
            return
        }
        #expect(statistics.classCount == 10)
        #expect(bundled.metadata["unsure_command"]?.hasPrefix("lenet5 unsure fit") == true)
    }
}
