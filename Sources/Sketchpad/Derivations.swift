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
/// only when what it depends on differs from last time: the network's reading, its "not a digit?"
/// verdict and the drawing's facts when the drawing (or the test digit on screen), the
/// preprocessing or the network reading it does (the original network, or one taught in teach
/// mode, which the state holds), the drawing compared cell for cell rather than by a revision
/// number, which two copies of a state could share (comparing a canvas with itself costs nothing:
/// arrays that share storage compare equal at once); the saliency when the reading or its method
/// does, and only while the overlay is on, for it costs a few milliseconds; the sweep, while its
/// view is open, when the drawing, its kind, the preprocessing or the network does; a tour step's
/// words when the drawing, the step, the preprocessing or the network does.
public final class Derivations {
    /// The network the sketchpad started with.
    public let classifier: Classifier
    /// The original network's statistics behind "not a digit?", when its weights have them.
    public let unsure: UnsureStatistics?
    public let explanations: Explanations
    private let trace = ForwardTrace()
    /// What a reading depends on: the drawing (or test digit), the preprocessing, and the network
    /// that reads it.
    private struct Source: Equatable {
        let subject: Subject
        let preprocessing: Bool
        let network: ObjectIdentifier
    }
    private var last: (source: Source, network: NetworkReading, facts: FactSheet)?
    private var lastSaliency: (source: Source, method: SaliencyMethod, saliency: Saliency?)?
    private var lastSweep: (canvas: Canvas, kind: SweepKind, source: Source, sweep: Lessons.Sweep?)?
    private var lastTour: (canvas: Canvas, step: TourStepKey, source: Source, words: [String])?

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
        let preprocessing = state.preprocessing
        let taught = state.teach.shownClassifier
        let classifier = taught ?? self.classifier
        let source = Source(
            subject: state.subject, preprocessing: preprocessing,
            network: ObjectIdentifier(classifier))
        let reading: (source: Source, network: NetworkReading, facts: FactSheet)
        if let last, last.source == source {
            reading = last
        } else {
            var network: NetworkReading
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
            var facts = FactSheet.network(classes: classifier.classes)
            if let prepared = network.prepared, let trace = network.trace, network.prediction != nil
            {
                // Read from the trace now: the next reading reuses it. A taught network has no
                // statistics: it claims nothing.
                // The statistics describe drawings scaled and centred: the raw canvas is
                // judged by none (the preprocessing lesson is about the answer it gives).
                if taught == nil && preprocessing { network.unsure = unsure?.judge(trace) }
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
                ? saliency(reading.network, of: source, classifier, state.saliencyMethod) : nil,
            explanations: explanations, preprocessing: preprocessing,
            sweep: state.sweepKind.flatMap { sweep(canvas, $0, source, classifier) },
            tourWords: state.tour.map { tourWords(canvas, $0, source, classifier) } ?? [])
    }

    /// The step of a tour, to know when its words must be worked out again.
    private struct TourStepKey: Equatable {
        let lesson: String
        let step: Int
    }

    private func sweep(
        _ canvas: Canvas, _ kind: SweepKind, _ source: Source, _ classifier: Classifier
    ) -> Lessons.Sweep? {
        if let lastSweep, lastSweep.canvas == canvas, lastSweep.kind == kind,
            lastSweep.source.preprocessing == source.preprocessing,
            lastSweep.source.network == source.network
        {
            return lastSweep.sweep
        }
        let sweep =
            canvas.isEmpty
            ? nil : classifier.sweep(canvas.bitmap, kind, preprocess: source.preprocessing)
        lastSweep = (canvas, kind, source, sweep)
        return sweep
    }

    private func tourWords(
        _ canvas: Canvas, _ session: TourSession, _ source: Source, _ classifier: Classifier
    ) -> [String] {
        let key = TourStepKey(lesson: session.tour.lesson.path, step: session.tour.index)
        if let lastTour, lastTour.canvas == canvas, lastTour.step == key,
            lastTour.source.preprocessing == source.preprocessing,
            lastTour.source.network == source.network
        {
            return lastTour.words
        }
        let step = session.step
        let facts = step.facts(
            of: canvas.bitmap, classifier: classifier, classes: classifier.classes,
            preprocessing: source.preprocessing)
        let words = step.text.text(facts)
        lastTour = (canvas, key, source, words)
        return words
    }

    private func saliency(
        _ reading: NetworkReading, of source: Source, _ classifier: Classifier,
        _ method: SaliencyMethod
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
