import Platform

/// What the network needs to say "not a digit?": statistics of its own layers, fitted to the
/// weights they come with (`lenet5 unsure fit`), stored beside them in the weights file.
///
/// LeNet-5 always names one of its classes, and is as sure of a smiley (a 0) as of a real 0.
/// Measured on drawings of letters, symbols and scribbles, with the threshold kept where few real
/// digits are flagged, its confidence (the top probability, the energy of the logits) caught under
/// a third of them, and distances to each class's average (LeCun's RBF prototypes, Mahalanobis
/// distances on one layer) a third to three fifths (README, "Not a digit?"). What caught more
/// than four in five is the sum of two scores, each in units of its spread over real digits:
///
/// - a discriminant per class: for the class the network picks, a direction in the values of
///   S4, C5 and F6 along which that class's real drawings and the non-digits the network files
///   under it lie apart (a logistic regression, fitted on MNIST, sketches made from MNIST, and
///   random scribbles; see `Training/UnsureFit.swift`);
/// - the Mahalanobis distance of F6's output to the nearest class prototype (each class's average
///   F6 output), which also flags shapes unlike any the discriminants were shown.
///
/// Everything is per output class, so a network with K classes has K rows. The precision matrix
/// is shared by all classes, so a class taught from a few examples can take its prototype from
/// them; a class whose discriminant is all zeros is judged by the distance alone.
public struct UnsureStatistics: Equatable, Sendable {
    /// The layer values the discriminants read: S4's 16 maps of 5x5, C5's 120 units and F6's 84,
    /// in PyTorch's order, one after the other.
    public static let featureCount = 16 * 5 * 5 + 120 + 84
    /// F6's width: the prototypes' length.
    public static let prototypeLength = 84

    /// [K, 16 * 5 * 5 + 120 + 84]: each class's discriminant, on the raw layer values.
    public let weight: Tensor
    /// [K]: each discriminant's bias.
    public let bias: Tensor
    /// [K, 84]: each class's average F6 output over the digits it was fitted on.
    public let prototypes: Tensor
    /// [84, 84]: the inverse of F6's covariance within a class, shared by all classes.
    public let precision: Tensor
    /// [1]: how much the natural log of the squared Mahalanobis distance adds to the score.
    public let distanceWeight: Tensor
    /// [1]: a score above this is "not sure".
    public let threshold: Tensor

    // Derived once, so that judging a drawing allocates nothing: the precision times each
    // prototype, and each prototype's own squared length under the precision.
    private let projectedPrototypes: [Double]
    private let prototypeNorms: [Double]

    public var classCount: Int { bias.count }

    /// The tensors' names in a weights file, in the order they are written.
    public static let tensorNames = [
        "unsure.weight", "unsure.bias", "unsure.prototypes", "unsure.precision",
        "unsure.distance_weight", "unsure.threshold",
    ]

    /// The shapes that `tensorNames` must have for a network of `classes` classes.
    public static func shapes(classes: Int) -> [String: [Int]] {
        [
            "unsure.weight": [classes, featureCount], "unsure.bias": [classes],
            "unsure.prototypes": [classes, prototypeLength],
            "unsure.precision": [prototypeLength, prototypeLength],
            "unsure.distance_weight": [1], "unsure.threshold": [1],
        ]
    }

    /// How many floats the statistics of a network of `classes` classes hold.
    public static func scalarCount(classes: Int) -> Int {
        shapes(classes: classes).values.map { $0.reduce(1, *) }.reduce(0, +)
    }

    /// Checks and keeps the statistics for a network of `classes` classes.
    public init(
        weight: Tensor, bias: Tensor, prototypes: Tensor, precision: Tensor,
        distanceWeight: Tensor, threshold: Tensor, classes: Int
    ) throws(UnsureStatisticsError) {
        let named = [
            "unsure.weight": weight, "unsure.bias": bias, "unsure.prototypes": prototypes,
            "unsure.precision": precision, "unsure.distance_weight": distanceWeight,
            "unsure.threshold": threshold,
        ]
        let shapes = Self.shapes(classes: classes)
        for name in Self.tensorNames {
            guard let tensor = named[name], let shape = shapes[name] else { continue }
            guard tensor.shape == shape else {
                throw .wrongShape(name: name, found: tensor.shape, expected: shape)
            }
            if let bad = tensor.scalars.firstIndex(where: { !$0.isFinite }) {
                throw .notFinite(name: name, index: bad, isNaN: tensor.scalars[bad].isNaN)
            }
        }
        try Self.checkPrecision(precision)
        self.weight = weight
        self.bias = bias
        self.prototypes = prototypes
        self.precision = precision
        self.distanceWeight = distanceWeight
        self.threshold = threshold
        let d = Self.prototypeLength
        var projected = [Double](repeating: 0, count: classes * d)
        var norms = [Double](repeating: 0, count: classes)
        for k in 0..<classes {
            for i in 0..<d {
                var sum = 0.0
                for j in 0..<d {
                    sum +=
                        Double(precision.scalars[i * d + j]) * Double(prototypes.scalars[k * d + j])
                }
                projected[k * d + i] = sum
                norms[k] += sum * Double(prototypes.scalars[k * d + i])
            }
        }
        projectedPrototypes = projected
        prototypeNorms = norms
    }

    /// A precision matrix is symmetric with a positive diagonal; anything else is not one.
    private static func checkPrecision(_ precision: Tensor) throws(UnsureStatisticsError) {
        let d = prototypeLength
        let p = precision.scalars
        for i in 0..<d {
            guard p[i * d + i] > 0 else {
                throw .notAPrecision("its diagonal holds \(p[i * d + i]) at row \(i + 1)")
            }
            for j in (i + 1)..<d {
                let (a, b) = (p[i * d + j], p[j * d + i])
                guard abs(a - b) <= 1e-4 * max(1, abs(a), abs(b)) else {
                    throw .notAPrecision(
                        "it is not symmetric (row \(i + 1), column \(j + 1): \(a), but \(b) "
                            + "across the diagonal)")
                }
            }
        }
    }

    /// The statistics in `file`, nil if it has none, for a network of `classes` classes.
    /// A file with some of the tensors but not all, or with any of them malformed, is refused.
    public init?(from file: Safetensors, classes: Int) throws(UnsureStatisticsError) {
        let present = Self.tensorNames.filter { file.entries[$0] != nil }
        if present.isEmpty { return nil }
        if let missing = Self.tensorNames.first(where: { file.entries[$0] == nil }) {
            throw .missing(name: missing, present: present)
        }
        let shapes = Self.shapes(classes: classes)
        var tensors = [String: Tensor]()
        for name in Self.tensorNames {
            guard let entry = file.entries[name], let shape = shapes[name] else { continue }
            guard entry.dtype == "F32" else { throw .wrongType(name: name, dtype: entry.dtype) }
            guard entry.shape == shape else {
                throw .wrongShape(name: name, found: entry.shape, expected: shape)
            }
            do {
                tensors[name] = try file.floats(name)
            } catch {
                throw .unreadable(name: name, fault: error.fault)
            }
        }
        func tensor(_ name: String) -> Tensor { tensors[name] ?? Tensor(zeros: [0]) }
        try self.init(
            weight: tensor("unsure.weight"), bias: tensor("unsure.bias"),
            prototypes: tensor("unsure.prototypes"), precision: tensor("unsure.precision"),
            distanceWeight: tensor("unsure.distance_weight"),
            threshold: tensor("unsure.threshold"), classes: classes)
    }

    /// The tensors with their names, for writing.
    public var namedTensors: [(name: String, tensor: Tensor)] {
        [
            ("unsure.weight", weight), ("unsure.bias", bias), ("unsure.prototypes", prototypes),
            ("unsure.precision", precision), ("unsure.distance_weight", distanceWeight),
            ("unsure.threshold", threshold),
        ]
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.namedTensors.map(\.tensor) == b.namedTensors.map(\.tensor)
    }

    /// Copies the layer values the discriminants read (S4, C5, F6) from `trace` into `features`,
    /// which holds `featureCount` values.
    public static func features(
        _ trace: ForwardTrace, into features: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(features.count == featureCount)
        var i = 0
        let s4 = trace.maps(.s4)
        for c in 0..<s4.channels {
            for y in 0..<s4.height {
                for x in 0..<s4.width {
                    features[i] = s4[c, y, x]
                    i += 1
                }
            }
        }
        for layer in [TracedLayer.c5, .f6] {
            let units = trace.maps(layer)
            for u in 0..<units.count {
                features[i] = units[unit: u]
                i += 1
            }
        }
    }

    /// How unlike the digits the network was fitted on the drawing in `trace` is.
    public func judge(_ trace: ForwardTrace) -> UnsureJudgement {
        let probabilities = trace.maps(.probabilities)
        precondition(probabilities.count == classCount, "statistics for another network")
        var predicted = 0
        for k in 1..<classCount where probabilities[unit: k] > probabilities[unit: predicted] {
            predicted = k
        }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.featureCount) {
            Self.features(trace, into: $0)
            return judge(features: UnsafeBufferPointer($0), predicted: predicted)
        }
    }

    /// The verdict on layer values read by `features(_:into:)`, for the class the network picked.
    public func judge(features: UnsafeBufferPointer<Float>, predicted: Int) -> UnsureJudgement {
        let n = Self.featureCount
        precondition(features.count == n && (0..<classCount).contains(predicted))
        var discriminant = Double(bias.scalars[predicted])
        for i in 0..<n {
            discriminant += Double(weight.scalars[predicted * n + i]) * Double(features[i])
        }
        let distance = nearestDistance(
            UnsafeBufferPointer(rebasing: features[(n - Self.prototypeLength)...]))
        let score = discriminant + Double(distanceWeight.scalars[0]) * log(max(distance, 1e-12))
        return UnsureJudgement(
            score: Float(score), threshold: threshold.scalars[0], nearestDistance: Float(distance))
    }

    /// The squared Mahalanobis distance from F6's output `f` to the nearest prototype:
    /// (f - m)' P (f - m) = f'Pf - 2 m'Pf + m'Pm, with Pm and m'Pm computed once.
    func nearestDistance(_ f: UnsafeBufferPointer<Float>) -> Double {
        let d = Self.prototypeLength
        var own = 0.0
        for i in 0..<d {
            var row = 0.0
            for j in 0..<d { row += Double(precision.scalars[i * d + j]) * Double(f[j]) }
            own += row * Double(f[i])
        }
        var nearest = Double.infinity
        for k in 0..<classCount {
            var cross = 0.0
            for i in 0..<d { cross += projectedPrototypes[k * d + i] * Double(f[i]) }
            nearest = min(nearest, own - 2 * cross + prototypeNorms[k])
        }
        // Rounding can take a distance of nearly zero below it.
        return max(0, nearest)
    }
}

/// The verdict on one drawing.
public struct UnsureJudgement: Equatable, Sendable {
    /// Higher is less like the digits the network knows; above `threshold` it is "not sure".
    public let score: Float
    public let threshold: Float
    /// The squared Mahalanobis distance of F6's output to the nearest class prototype.
    public let nearestDistance: Float

    /// Whether the drawing looks like no class the network has seen: "not a digit?".
    public var isUnsure: Bool { score > threshold }
}

/// Why a weights file's "not sure" statistics cannot be used; the caller adds the file's name.
public enum UnsureStatisticsError: Error, Equatable, CustomStringConvertible {
    case missing(name: String, present: [String])
    case wrongType(name: String, dtype: String)
    case wrongShape(name: String, found: [Int], expected: [Int])
    case notFinite(name: String, index: Int, isNaN: Bool)
    case notAPrecision(String)
    case unreadable(name: String, fault: String)

    public var description: String {
        switch self {
        case .missing(let name, let present):
            "\"not sure\" statistics are incomplete: tensor \(name) is missing "
                + "(the file has \(present.joined(separator: ", ")))"
        case .wrongType(let name, let dtype): "tensor \(name) is \(dtype), expected F32"
        case .wrongShape(let name, let found, let expected):
            "tensor \(name) has shape \(found), expected \(expected)"
        case .notFinite(let name, let index, let isNaN):
            "tensor \(name) holds \(isNaN ? "NaN" : "infinity") at index \(index)"
        case .notAPrecision(let fault):
            "tensor unsure.precision is not a precision matrix: \(fault)"
        case .unreadable(let name, let fault): "tensor \(name): \(fault)"
        }
    }
}
