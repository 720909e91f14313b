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
    /// The names of the model's classes, in output order ("0" to "9" for the shipped network).
    public let classes: [String]

    public init(
        outcome: Outcome, trace: ForwardTrace?, model: LeNet5, classes: [String]? = nil
    ) {
        self.outcome = outcome
        self.trace = trace
        self.model = model
        self.classes = classes ?? ClassNames.indices(model.classCount)
    }

    /// The digit and its probability, nil unless classified.
    public var prediction: (digit: Int, confidence: Float)? {
        if case .classified(let digit, let confidence) = outcome { return (digit, confidence) }
        return nil
    }

    /// One probability per class, nil unless classified.
    public var probabilities: [Float]? { prediction == nil ? nil : trace?.probabilities }

    /// Runs `classifier` on `canvas` through the preprocessing, keeping every layer in `trace`.
    static func read(
        _ canvas: Canvas, classifier: Classifier, trace: ForwardTrace, input: inout [Float]
    ) -> NetworkReading {
        let (model, classes) = (classifier.model, classifier.classes)
        switch canvas.readiness {
        case .empty:
            return NetworkReading(outcome: .empty, trace: nil, model: model, classes: classes)
        case .tooSmall:
            return NetworkReading(outcome: .tooSmall, trace: nil, model: model, classes: classes)
        case .ready: break
        }
        guard Preprocessing.prepare(canvas.bitmap, into: &input) else {
            return NetworkReading(outcome: .empty, trace: nil, model: model, classes: classes)
        }
        classifier.forward(input, into: trace)
        // Checked before picking a class: with a NaN among them, "the largest" is meaningless.
        guard trace.probabilities.allSatisfy(\.isFinite) else {
            return NetworkReading(outcome: .undefined, trace: trace, model: model, classes: classes)
        }
        let (digit, confidence) = trace.prediction
        return NetworkReading(
            outcome: .classified(digit: digit, confidence: confidence), trace: trace, model: model,
            classes: classes)
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
