import Dispatch
import LeNet5
import Platform

/// A what-if experiment: one change to a drawing (`DrawingTransform`) made a little more at each
/// step over a range, and the network's reading at each step, so that a class sees how far the
/// network's answer holds: where its invariance ends.
public enum SweepKind: String, CaseIterable, Sendable {
    /// Turned from 60 degrees clockwise to 60 anticlockwise, 5 degrees at a time.
    case rotate
    /// Moved from 10 cells left to 10 right, a cell at a time.
    case shift
    /// Resized from half to twice its size, in 16 equal ratios (each 2^(1/8) times the last).
    case scale
    /// Thinned 3 times to thickened 3 times, a cell on each side of every stroke at a time.
    case stroke

    /// The amounts along the sweep, in order; one of them leaves the drawing as it is.
    public var values: [Double] {
        switch self {
        case .rotate: stride(from: -60, through: 60, by: 5).map(Double.init)
        case .shift: (-10...10).map(Double.init)
        case .scale: (-8...8).map { pow(2, Double($0) / 8) }
        case .stroke: (-3...3).map(Double.init)
        }
    }

    /// The amount that leaves the drawing unchanged.
    public var identity: Double { self == .scale ? 1 : 0 }

    /// The change at `value`.
    public func transform(at value: Double) -> DrawingTransform {
        switch self {
        case .rotate: .rotate(degrees: value)
        case .shift: .shift(x: Int(value.rounded()), y: 0)
        case .scale: .scale(factor: value)
        case .stroke:
            value < 0 ? .thin(steps: Int(-value.rounded())) : .thicken(steps: Int(value.rounded()))
        }
    }

    /// What the amounts measure, for a chart's title: "each class's probability " and this.
    public var axis: String {
        switch self {
        case .rotate: "by the angle turned (degrees, + anticlockwise)"
        case .shift: "by the distance moved (cells, + right)"
        case .scale: "by the size (times the drawing's own)"
        case .stroke: "by the strokes thinned (-) or thickened (+)"
        }
    }

    /// `value` as the axis shows it: "-60", "+5", "0.71", "1".
    public func label(_ value: Double) -> String {
        switch self {
        case .scale: value == 1 ? "1" : NumberText.fixed(value, 2)
        default:
            (value > 0 ? "+" : "") + NumberText.fixed(value, 0)
        }
    }

    /// How many characters a chart gives each point: a sweep of 25 points fits in 52 columns, and
    /// one of 7 still has room for its labels.
    public var columnsPerPoint: Int {
        switch self {
        case .rotate, .shift: 2
        case .scale: 3
        case .stroke: 6
        }
    }

    /// Every how many points the axis shows a label.
    var tickEvery: Int {
        switch self {
        case .rotate: 6
        case .shift: 5
        case .scale: 4
        case .stroke: 1
        }
    }
}

/// The readings along a sweep.
public struct Sweep: Equatable, Sendable {
    public let kind: SweepKind
    /// The amounts, in order.
    public let values: [Double]
    /// Whether the network read each changed drawing through the preprocessing.
    public let preprocessed: Bool
    /// The probabilities of the classes at each amount; nil where the change left no ink (moved
    /// off the canvas).
    public let probabilities: [[Float]?]

    /// The class read at each amount (the first of equals); nil where there is no ink.
    public var predictions: [Int?] {
        probabilities.map { p in
            p.map { p in
                var best = 0
                for k in p.indices where p[k] > p[best] { best = k }
                return best
            }
        }
    }

    /// Where the drawing is as given.
    public var identityIndex: Int {
        values.indices.min { abs(values[$0] - kind.identity) < abs(values[$1] - kind.identity) }
            ?? 0
    }

    /// The amounts around the drawing as given over which the network keeps its answer: the
    /// first and last of the unbroken run of points that read as the unchanged drawing does. Nil
    /// when the unchanged drawing has no ink.
    public var steadyRange: ClosedRange<Double>? {
        let predictions = self.predictions
        let start = identityIndex
        guard let answer = predictions[start] else { return nil }
        var low = start
        var high = start
        while low > 0 && predictions[low - 1] == answer { low -= 1 }
        while high < values.count - 1 && predictions[high + 1] == answer { high += 1 }
        return values[low]...values[high]
    }
}

extension Classifier {
    /// `drawing` changed by each amount of `kind` in turn and read by the network, through the
    /// preprocessing or (with `preprocess` false; the drawing must then be 32x32) as it is. The
    /// points are shared among `threads` threads.
    public func sweep(
        _ drawing: Bitmap, _ kind: SweepKind, preprocess: Bool = true, threads: Int = 2
    ) -> Sweep {
        let values = kind.values
        let results = ReadingSlots(count: values.count)
        let shares = max(1, min(threads, values.count))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let trace = ForwardTrace()
            for i in (values.count * share / shares)..<(values.count * (share + 1) / shares) {
                let changed = kind.transform(at: values[i]).applied(to: drawing)
                results[i] =
                    reading(of: changed, preprocess: preprocess, trace: trace)?
                    .probabilities
            }
        }
        return Sweep(
            kind: kind, values: values, preprocessed: preprocess, probabilities: results.values)
    }
}

/// One reading per point, written by whichever thread reads that point: disjoint indices, so no
/// two threads touch the same slot.
private final class ReadingSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[Float]?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> [Float]? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [[Float]?] { Array(slots) }
}
