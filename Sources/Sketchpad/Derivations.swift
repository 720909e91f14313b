import LeNet5

/// What a frame shows but the state does not hold, all computed from the state.
public struct Derived {
    /// The drawing these were computed from.
    public let canvas: Canvas
    public let network: NetworkReading
}

/// Computes `Derived` from a state, outside `update`: the view is a function of the state (Elm),
/// and this is the part of that function worth keeping between frames. The network's reading is
/// recomputed only when the drawing differs from the one last read, compared cell for cell
/// rather than by a revision number, which two copies of a state could share; comparing a canvas
/// with itself costs nothing (arrays that share storage compare equal at once). More readings can
/// join the same way (saliency, a second network), each keyed by what it depends on.
public final class Derivations {
    public let classifier: Classifier
    private let trace = ForwardTrace()
    private var input = [Float](repeating: 0, count: 32 * 32)
    private var last: Derived?

    public init(classifier: Classifier) { self.classifier = classifier }

    public func derive(from state: SketchpadState) -> Derived {
        if let last, last.canvas == state.canvas { return last }
        let network = NetworkReading.read(
            state.canvas, classifier: classifier, trace: trace, input: &input)
        let derived = Derived(canvas: state.canvas, network: network)
        last = derived
        return derived
    }
}
