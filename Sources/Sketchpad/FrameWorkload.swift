import LeNet5
import Screen

/// What the sketchpad does between a mouse report and writing to the terminal, for `lenet5 bench`
/// and the benchmark suite to time the same thing: an event that changes the drawing, the
/// preprocessing and forward pass it brings, and the whole 160x50 frame rendered into a buffer
/// with C1's maps in the panel. Events alternately paint and erase one cell beside a drawn 7, so
/// that each one changes the canvas. With `saliency`, the overlay of what drove the decision is
/// on, measured again for every changed drawing as the sketchpad does.
public struct FrameWorkload {
    private var state: SketchpadState
    private let derivations: Derivations
    private var count = 0

    public init(classifier: Classifier, saliency: SaliencyMethod? = nil) {
        var canvas = Canvas()
        canvas.line(from: Point(x: 8, y: 6), to: Point(x: 24, y: 6), brush: 2, ink: true)
        canvas.line(from: Point(x: 24, y: 6), to: Point(x: 14, y: 28), brush: 2, ink: true)
        state = SketchpadState(
            width: 160, height: 50, options: DisplayOptions(ascii: false, colors: .extended),
            canvas: canvas)
        state.classCount = classifier.classCount
        derivations = Derivations(classifier: classifier)
        _ = state.update(.key(.tab))
        _ = state.update(.key(.tab))
        if let saliency {
            state.saliencyShown = true
            state.saliencyMethod = saliency
        }
    }

    /// One event through to its frame: the part that is timed.
    public mutating func frame() -> CellBuffer {
        _ = state.update(.mouse(event(.press)))
        return state.render(derivations.derive(from: state))
    }

    /// Ends the stroke `frame()` began; not part of a frame's time.
    public mutating func release() {
        _ = state.update(.mouse(event(.release)))
        count += 1
    }

    private func event(_ action: MouseEvent.Action) -> MouseEvent {
        let area = state.layout.canvas
        return MouseEvent(
            button: count % 2 == 0 ? .left : .right, action: action, x: area.x + 40, y: area.y + 20)
    }
}
