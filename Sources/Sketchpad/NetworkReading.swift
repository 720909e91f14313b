import LeNet5

/// What the network makes of one drawing: its answer, and every layer's values when it ran.
public struct NetworkReading {
    public enum Outcome: Equatable, Sendable {
        /// Nothing drawn: nothing to classify.
        case empty
        /// Ink that spans fewer than `Canvas.minimumSpan` cells either way: a dot or a dash,
        /// which preprocessing would blow up to fill the 20x20 box. No prediction, rather than a
        /// confident-looking guess.
        case tooSmall
        case classified(digit: Int, confidence: Float)
        /// The network ran, but its probabilities are not numbers (NaN or infinite): weights
        /// that are finite but absurd overflow on the way. No class is made up.
        case undefined
    }

    public let outcome: Outcome
    /// Every layer's values, when the network ran (classified or undefined). The trace is reused
    /// by the next reading: read it before asking `Derivations` for another.
    public let trace: ForwardTrace?
    public let model: LeNet5
    /// The drawing read (empty for a test digit, which `prepared` holds).
    public let canvas: Canvas
    /// The drawing as the network received it, with where preprocessing put it; nil when the
    /// network did not run.
    public let prepared: PreparedDrawing?
    /// The names of the model's classes, in output order ("0" to "9" for the shipped network).
    public let classes: [String]
    /// Whether the drawing looks like none of the classes the network was fitted on ("not a
    /// digit?"), when the weights have the statistics to say so and the network answered.
    public var unsure: UnsureJudgement?

    init(
        outcome: Outcome, trace: ForwardTrace?, model: LeNet5, canvas: Canvas = Canvas(),
        prepared: PreparedDrawing? = nil, classes: [String]? = nil, unsure: UnsureJudgement? = nil
    ) {
        self.outcome = outcome
        self.trace = trace
        self.model = model
        self.canvas = canvas
        self.prepared = prepared
        self.classes = classes ?? ClassNames.indices(model.classCount)
        self.unsure = unsure
    }

    /// The network answered, but the drawing looks like none of its classes.
    public var isUnsure: Bool { prediction != nil && unsure?.isUnsure == true }

    /// The digit and its probability, nil unless classified.
    public var prediction: (digit: Int, confidence: Float)? {
        if case .classified(let digit, let confidence) = outcome { return (digit, confidence) }
        return nil
    }

    /// One probability per class, nil unless classified.
    public var probabilities: [Float]? { prediction == nil ? nil : trace?.probabilities }

    /// Runs `classifier` on `canvas` through the preprocessing (or with `preprocess` false on the
    /// canvas as it is), keeping every layer in `trace`.
    static func read(
        _ canvas: Canvas, classifier: Classifier, trace: ForwardTrace, preprocess: Bool = true
    ) -> NetworkReading {
        let model = classifier.model
        func reading(_ outcome: Outcome, _ prepared: PreparedDrawing? = nil) -> NetworkReading {
            NetworkReading(
                outcome: outcome, trace: prepared == nil ? nil : trace, model: model,
                canvas: canvas, prepared: prepared, classes: classifier.classes)
        }
        switch canvas.readiness {
        case .empty: return reading(.empty)
        case .tooSmall: return reading(.tooSmall)
        case .ready: break
        }
        // A 32x32 canvas is always the network's size: only a blank one has nothing to prepare.
        guard let prepared = try? PreparedDrawing(canvas.bitmap, preprocess: preprocess) else {
            return reading(.empty)
        }
        classifier.forward(prepared.input, into: trace)
        // Checked before picking a class: with a NaN among them, "the largest" is meaningless.
        guard trace.probabilities.allSatisfy(\.isFinite) else {
            return reading(.undefined, prepared)
        }
        let (digit, confidence) = trace.prediction
        return reading(.classified(digit: digit, confidence: confidence), prepared)
    }

    /// Runs `classifier` on a test digit of `lenet5 explore` (32x32 grey) as it is, without the
    /// preprocessing: as the network was trained on such digits and `lenet5 eval` reads them.
    static func read(testDigit input: Bitmap, classifier: Classifier, trace: ForwardTrace)
        -> NetworkReading
    {
        let model = classifier.model
        let classes = classifier.classes
        guard let prepared = try? PreparedDrawing(input, preprocess: false) else {
            return NetworkReading(outcome: .empty, trace: nil, model: model, classes: classes)
        }
        classifier.forward(prepared.input, into: trace)
        guard trace.probabilities.allSatisfy(\.isFinite) else {
            return NetworkReading(
                outcome: .undefined, trace: trace, model: model, prepared: prepared,
                classes: classes)
        }
        let (digit, confidence) = trace.prediction
        return NetworkReading(
            outcome: .classified(digit: digit, confidence: confidence), trace: trace, model: model,
            prepared: prepared, classes: classes)
    }
}

extension Canvas {
    public enum Readiness: Equatable, Sendable { case empty, tooSmall, ready }

    /// The smallest span of ink, across or down, that is classified.
    public static let minimumSpan = 4

    /// Whether the drawing can be classified: a pure function of the cells, so that `update`
    /// knows whether the panel shows maps without running the network.
    public var readiness: Readiness {
        guard let span = inkSpan else { return .empty }
        return max(span.width, span.height) >= Self.minimumSpan ? .ready : .tooSmall
    }
}
