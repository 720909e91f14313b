import LeNet5

/// What the network makes of a drawing: the probability of each class, read through the
/// preprocessing or from the raw canvas.
public struct Reading: Equatable, Sendable {
    /// One per class, in the order of the network's outputs.
    public let probabilities: [Float]
    /// Whether the drawing went through the preprocessing.
    public let preprocessed: Bool
    /// The 32x32 network input it came from, row by row.
    public let input: [Float]

    /// The most probable class (the first of equals).
    public var best: Int {
        var best = 0
        for k in probabilities.indices where probabilities[k] > probabilities[best] { best = k }
        return best
    }

    /// The classes from the most probable down.
    public var ranked: [Int] {
        probabilities.indices.sorted {
            probabilities[$0] > probabilities[$1]
                || (probabilities[$0] == probabilities[$1] && $0 < $1)
        }
    }
}

extension Classifier {
    /// The network's reading of `drawing`, through the preprocessing or (with `preprocess`
    /// false) of the drawing as it is, which must then be 32x32; nil without ink or of another
    /// size. `trace` keeps every layer of the pass.
    public func reading(
        of drawing: Bitmap, preprocess: Bool, trace: ForwardTrace = ForwardTrace()
    ) -> Reading? {
        guard let prepared = try? PreparedDrawing(drawing, preprocess: preprocess) else {
            return nil
        }
        forward(prepared.input, into: trace)
        return Reading(
            probabilities: trace.probabilities, preprocessed: preprocess, input: prepared.input)
    }
}

/// The preprocessing on and off, side by side: the network's reading of the drawing scaled and
/// centred as MNIST's digits were, and of the raw canvas. The lesson of the eight that becomes a
/// 4 without the preprocessing.
public struct PreprocessingComparison: Equatable, Sendable {
    /// Through the preprocessing; nil without ink.
    public let preprocessed: Reading?
    /// The canvas as it is; nil without ink, or for a drawing that is not 32x32.
    public let raw: Reading?

    public init(_ drawing: Bitmap, classifier: Classifier) {
        preprocessed = classifier.reading(of: drawing, preprocess: true)
        raw = classifier.reading(of: drawing, preprocess: false)
    }

    /// Whether the two readings name different classes.
    public var disagree: Bool {
        guard let preprocessed, let raw else { return false }
        return preprocessed.best != raw.best
    }
}
