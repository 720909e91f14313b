import LeNet5
import Teaching

/// What a frame shows but the state does not hold, all computed from the state.
public struct Derived {
    /// The drawing these were computed from.
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
/// only when what it depends on differs from last time: the network's reading and the drawing's
/// facts when the drawing does, compared cell for cell rather than by a revision number, which two
/// copies of a state could share (comparing a canvas with itself costs nothing: arrays that share
/// storage compare equal at once); the saliency when the drawing or its method does, and only
/// while the overlay is on, for it costs a few milliseconds.
public final class Derivations {
    public let classifier: Classifier
    public let explanations: Explanations
    private let trace = ForwardTrace()
    private var last: (canvas: Canvas, network: NetworkReading, facts: FactSheet)?
    private var lastSaliency: (canvas: Canvas, method: SaliencyMethod, saliency: Saliency?)?

    public init(classifier: Classifier, explanations: Explanations = .bundled) {
        self.classifier = classifier
        self.explanations = explanations
    }

    public func derive(from state: SketchpadState) -> Derived {
        let canvas = state.canvas
        let reading: (canvas: Canvas, network: NetworkReading, facts: FactSheet)
        if let last, last.canvas == canvas {
            reading = last
        } else {
            let network = NetworkReading.read(canvas, classifier: classifier, trace: trace)
            var facts = FactSheet()
            if let prepared = network.prepared, let trace = network.trace, network.prediction != nil
            {
                facts = FactSheet.drawing(
                    prepared, trace: trace, model: classifier.model, classes: classifier.classes)
            }
            reading = (canvas, network, facts)
            last = reading
        }
        return Derived(
            canvas: canvas, network: reading.network, facts: reading.facts,
            saliency: state.saliencyShown ? saliency(reading.network, state.saliencyMethod) : nil,
            explanations: explanations)
    }

    private func saliency(_ reading: NetworkReading, _ method: SaliencyMethod) -> Saliency? {
        if let lastSaliency, lastSaliency.canvas == reading.canvas, lastSaliency.method == method {
            return lastSaliency.saliency
        }
        // Only a drawing the network answered has something that drove the answer.
        var saliency: Saliency?
        if reading.prediction != nil, let prepared = reading.prepared {
            saliency = try? classifier.saliency(of: prepared, method: method)
        }
        lastSaliency = (reading.canvas, method, saliency)
        return saliency
    }
}
