import LeNet5
import Teaching

/// What a frame shows but the state does not hold, all computed from the state.
public struct Derived {
    /// The drawing of the state these were computed from (the network read the test digit on
    /// screen instead, when there is one).
    public let canvas: Canvas
    public let network: NetworkReading
    /// The facts of the drawing its explanations name (none without a reading).
    public let facts: FactSheet
    /// What drove the decision, when the overlay is on and there is a decision.
    public let saliency: Saliency?
    /// The words the sketchpad says.
    public let explanations: Explanations
}

/// Computes `Derived` from a state, outside `update`: the view is a function of the state (Elm),
/// and this is the part of that function worth keeping between frames. Each reading is recomputed
/// only when what it depends on differs from last time: the network's reading, its "not a digit?"
/// verdict and the drawing's facts when the drawing (or the test digit on screen) or the network
/// reading it does (the original network, or one taught in teach mode, which the state holds), the
/// drawing compared cell for cell rather than by a revision number, which two copies of a state
/// could share (comparing a canvas with itself costs nothing: arrays that share storage compare
/// equal at once); the saliency when the drawing, the network or its method does, and only while
/// the overlay is on, for it costs a few milliseconds.
public final class Derivations {
    /// The network the sketchpad started with.
    public let classifier: Classifier
    /// The original network's statistics behind "not a digit?", when its weights have them.
    public let unsure: UnsureStatistics?
    public let explanations: Explanations
    private let trace = ForwardTrace()
    private var last: (key: Key, network: NetworkReading, facts: FactSheet)?
    private var lastSaliency: (key: Key, method: SaliencyMethod, saliency: Saliency?)?

    /// What a reading depends on: the drawing (or test digit), and the network that reads it.
    private struct Key: Equatable {
        let subject: Subject
        let network: ObjectIdentifier
    }

    public init(
        classifier: Classifier, unsure: UnsureStatistics? = nil,
        explanations: Explanations = .bundled
    ) {
        // Statistics for another number of classes would describe another network.
        precondition(unsure.map { $0.classCount == classifier.classCount } ?? true)
        self.classifier = classifier
        self.unsure = unsure
        self.explanations = explanations
    }

    public func derive(from state: SketchpadState) -> Derived {
        let canvas = state.canvas
        let taught = state.teach.shownClassifier
        let classifier = taught ?? self.classifier
        let subject = state.subject
        let key = Key(subject: subject, network: ObjectIdentifier(classifier))
        let reading: (key: Key, network: NetworkReading, facts: FactSheet)
        if let last, last.key == key {
            reading = last
        } else {
            var network: NetworkReading
            switch subject {
            case .canvas(let canvas):
                network = NetworkReading.read(canvas, classifier: classifier, trace: trace)
            case .testDigit(let index):
                guard let digits = state.explorer?.digits else {
                    preconditionFailure("a test digit on screen without the test digits")
                }
                network = NetworkReading.read(
                    testDigit: digits.input(index), classifier: classifier, trace: trace)
            }
            var facts = FactSheet.network(classes: classifier.classes)
            if let prepared = network.prepared, let trace = network.trace, network.prediction != nil
            {
                // Read from the trace now: the next reading reuses it. A taught network has no
                // statistics: it claims nothing.
                if taught == nil { network.unsure = unsure?.judge(trace) }
                facts = FactSheet.drawing(
                    prepared, trace: trace, model: classifier.model, classes: classifier.classes)
            }
            reading = (key, network, facts)
            last = reading
        }
        return Derived(
            canvas: canvas, network: reading.network, facts: reading.facts,
            saliency: state.saliencyShown
                ? saliency(reading.network, key: key, classifier, state.saliencyMethod) : nil,
            explanations: explanations)
    }

    private func saliency(
        _ reading: NetworkReading, key: Key, _ classifier: Classifier, _ method: SaliencyMethod
    ) -> Saliency? {
        if let lastSaliency, lastSaliency.key == key, lastSaliency.method == method {
            return lastSaliency.saliency
        }
        // Only a drawing the network answered has something that drove the answer.
        var saliency: Saliency?
        if reading.prediction != nil, let prepared = reading.prepared {
            saliency = try? classifier.saliency(of: prepared, method: method)
        }
        lastSaliency = (key, method, saliency)
        return saliency
    }
}
