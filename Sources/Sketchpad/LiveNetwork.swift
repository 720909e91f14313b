import LeNet5

/// The network as the sketchpad runs it: the canvas preprocessed and classified after every change,
/// every layer kept in one reused trace.
public final class LiveNetwork {
    public enum Status: Equatable, Sendable {
        /// Nothing drawn: nothing to classify.
        case empty
        /// Ink that spans fewer than `minimumSpan` cells either way: a dot or a dash, which
        /// preprocessing would blow up to fill the 20x20 box. No prediction, rather than a
        /// confident-looking guess.
        case tooSmall
        case classified
    }

    public static let minimumSpan = 4

    public let classifier: Classifier
    public let trace = ForwardTrace()
    public private(set) var status = Status.empty
    private var input = [Float](repeating: 0, count: 1024)

    public init(_ classifier: Classifier) { self.classifier = classifier }

    public var model: LeNet5 { classifier.model }

    /// Whether the trace holds a classification of the current drawing.
    public var hasPrediction: Bool { status == .classified }

    public func classify(_ canvas: Canvas) {
        guard let span = canvas.inkSpan else {
            status = .empty
            return
        }
        guard max(span.width, span.height) >= Self.minimumSpan else {
            status = .tooSmall
            return
        }
        status = Preprocessing.prepare(canvas.bitmap, into: &input) ? .classified : .empty
        if status == .classified { classifier.forward(input, into: trace) }
    }

    /// The digit and its probability, nil unless classified.
    public var prediction: (digit: Int, confidence: Float)? {
        hasPrediction ? trace.prediction : nil
    }
}
