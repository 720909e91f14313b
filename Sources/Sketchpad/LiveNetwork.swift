import LeNet5

/// The network as the sketchpad runs it: the canvas preprocessed and classified after every change,
/// every layer kept in one reused trace.
public final class LiveNetwork {
    public let classifier: Classifier
    public let trace = ForwardTrace()
    /// False while the canvas is empty: there is nothing to classify and no layer to show.
    public private(set) var hasPrediction = false
    private var input = [Float](repeating: 0, count: 1024)

    public init(_ classifier: Classifier) { self.classifier = classifier }

    public var model: LeNet5 { classifier.model }

    public func classify(_ canvas: Canvas) {
        hasPrediction = Preprocessing.prepare(canvas.bitmap, into: &input)
        if hasPrediction { classifier.forward(input, into: trace) }
    }

    /// The digit and its probability, nil for an empty canvas.
    public var prediction: (digit: Int, confidence: Float)? {
        hasPrediction ? trace.prediction : nil
    }
}
