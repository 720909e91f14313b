import LeNet5
import Lessons
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
    /// Whether the network read the canvas through the preprocessing.
    public let preprocessing: Bool
    /// The what-if sweep, while its view is open and there is ink to sweep.
    public let sweep: Lessons.Sweep?
    /// What the tour's step says now, with the drawing's numbers (none without a tour).
    public let tourWords: [String]
}

/// Computes `Derived` from a state, outside `update`: the view is a function of the state (Elm),
/// and this is the part of that function worth keeping between frames. Each reading is recomputed
/// only when what it depends on differs from last time: the network's reading and the drawing's
/// facts when the drawing (or the test digit on screen) or the preprocessing does, the drawing
/// compared cell for cell rather than by a revision number, which two copies of a state could
/// share (comparing a canvas with itself costs nothing: arrays that share
/// storage compare equal at once); the saliency when the reading or its method does, and only while the overlay is on, for it costs a few milliseconds; the sweep, while
/// its view is open, when the drawing, its kind or the preprocessing does; a tour step's words
/// when the drawing or the step does.
public final class Derivations {
    public let classifier: Classifier
    public let explanations: Explanations
    private let trace = ForwardTrace()
    /// What the network reads and how: the drawing (or test digit) and the preprocessing.
    private struct Source: Equatable {
        let subject: Subject
        let preprocessing: Bool
    }
    private var last: (source: Source, network: NetworkReading, facts: FactSheet)?
    private var lastSaliency: (source: Source, method: SaliencyMethod, saliency: Saliency?)?
    private var lastSweep:
        (canvas: Canvas, kind: SweepKind, preprocessing: Bool, sweep: Lessons.Sweep?)?
    private var lastTour: (canvas: Canvas, step: TourStepKey, preprocessing: Bool, words: [String])?

    public init(classifier: Classifier, explanations: Explanations = .bundled) {
        self.classifier = classifier
        self.explanations = explanations
    }

    public func derive(from state: SketchpadState) -> Derived {
        let canvas = state.canvas
        let preprocessing = state.preprocessing
        let source = Source(subject: state.subject, preprocessing: preprocessing)
        let reading: (source: Source, network: NetworkReading, facts: FactSheet)
        if let last, last.source == source {
            reading = last
        } else {
            let network: NetworkReading
            switch source.subject {
            case .canvas(let canvas):
                network = NetworkReading.read(
                    canvas, classifier: classifier, trace: trace, preprocess: preprocessing)
            case .testDigit(let index):
                guard let digits = state.explorer?.digits else {
                    preconditionFailure("a test digit on screen without the test digits")
                }
                network = NetworkReading.read(
                    testDigit: digits.input(index), classifier: classifier, trace: trace)
            }
            var facts = FactSheet()
            if let prepared = network.prepared, let trace = network.trace, network.prediction != nil
            {
                facts = FactSheet.drawing(
                    prepared, trace: trace, model: classifier.model, classes: classifier.classes)
                // With the preprocessing off, what it would have made of the drawing.
                if case .canvas(let canvas) = source.subject, !preprocessing {
                    let scaled = classifier.reading(of: canvas.bitmap, preprocess: true)
                    facts = facts.merging(
                        FactSheet.readings(
                            raw: trace.probabilities, preprocessed: scaled?.probabilities,
                            classes: classifier.classes))
                }
            }
            reading = (source, network, facts)
            last = reading
        }
        return Derived(
            canvas: canvas, network: reading.network, facts: reading.facts,
            saliency: state.saliencyShown
                ? saliency(reading.network, of: source, state.saliencyMethod) : nil,
            explanations: explanations, preprocessing: preprocessing,
            sweep: state.sweepKind.flatMap { sweep(canvas, $0, preprocessing: preprocessing) },
            tourWords: state.tour.map { tourWords(canvas, $0, preprocessing: preprocessing) } ?? [])
    }

    /// The step of a tour, to know when its words must be worked out again.
    private struct TourStepKey: Equatable {
        let lesson: String
        let step: Int
    }

    private func sweep(_ canvas: Canvas, _ kind: SweepKind, preprocessing: Bool) -> Lessons.Sweep? {
        if let lastSweep, lastSweep.canvas == canvas, lastSweep.kind == kind,
            lastSweep.preprocessing == preprocessing
        {
            return lastSweep.sweep
        }
        let sweep =
            canvas.isEmpty
            ? nil : classifier.sweep(canvas.bitmap, kind, preprocess: preprocessing)
        lastSweep = (canvas, kind, preprocessing, sweep)
        return sweep
    }

    private func tourWords(_ canvas: Canvas, _ session: TourSession, preprocessing: Bool)
        -> [String]
    {
        let key = TourStepKey(lesson: session.tour.lesson.path, step: session.tour.index)
        if let lastTour, lastTour.canvas == canvas, lastTour.step == key,
            lastTour.preprocessing == preprocessing
        {
            return lastTour.words
        }
        let step = session.step
        let facts = step.facts(
            of: canvas.bitmap, classifier: classifier, classes: classifier.classes,
            preprocessing: preprocessing)
        let words = step.text.text(facts)
        lastTour = (canvas, key, preprocessing, words)
        return words
    }

    private func saliency(
        _ reading: NetworkReading, of source: Source, _ method: SaliencyMethod
    ) -> Saliency? {
        if let lastSaliency, lastSaliency.source == source, lastSaliency.method == method {
            return lastSaliency.saliency
        }
        // Only a drawing the network answered has something that drove the answer.
        var saliency: Saliency?
        if reading.prediction != nil, let prepared = reading.prepared {
            saliency = try? classifier.saliency(of: prepared, method: method)
        }
        lastSaliency = (source, method, saliency)
        return saliency
    }
}
