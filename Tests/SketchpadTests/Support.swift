import LeNet5
import Screen

@testable import Sketchpad

/// A sketchpad as the runtime drives it: the state, and beside it the derivations that read the
/// drawing with a model. Reads and writes of the state's properties pass straight through.
@dynamicMemberLookup
struct Pad {
    var state: SketchpadState
    let derivations: Derivations

    subscript<T>(dynamicMember path: WritableKeyPath<SketchpadState, T>) -> T {
        get { state[keyPath: path] }
        set { state[keyPath: path] = newValue }
    }

    subscript<T>(dynamicMember path: KeyPath<SketchpadState, T>) -> T { state[keyPath: path] }

    /// What the network makes of the drawing now.
    var reading: NetworkReading { derivations.derive(from: state).network }

    func render() -> CellBuffer { state.render(derivations.derive(from: state)) }

    /// Where the network panel draws the selected layer's view (maps, zoom, computation).
    var viewArea: Rect {
        let panel = PanelLayout(
            area: state.layout.network, framed: !state.networkFullScreen,
            zoomed: state.zoomed)
        return state.panelSelection.parts(panel, palette: Palette(state.options)).view
    }

    /// As the runtime does: the message, then what the network reads the drawing as now, when
    /// the state does not know it yet.
    mutating func update(_ message: Message) -> Effect? {
        let effect = state.update(message)
        if let answer = state.answerMessage(derivations.derive(from: state)) {
            _ = state.update(answer)
        }
        return effect
    }

    mutating func update(_ event: Event) -> Effect? { update(.input(event)) }
}

/// A sketchpad over `model`, ASCII and without colour unless asked, so frames read as plain text.
func makeState(
    width: Int = 160, height: Int = 50, model: LeNet5 = zeroModel,
    options: DisplayOptions = DisplayOptions(ascii: true, colors: .none)
) -> Pad {
    Pad(
        state: SketchpadState(width: width, height: height, options: options),
        derivations: Derivations(classifier: Classifier(model)))
}

/// All weights zero: every activation is 0 and every class 10%, on any instruction set, so the
/// panel's frames are exact.
let zeroModel: LeNet5 = {
    var named = [String: Tensor]()
    for (name, shape) in LeNet5.parameterShapes { named[name] = Tensor(zeros: shape) }
    return LeNet5(named: named)
}()

/// The weights lenet5 ships, for tests of what the network reads.
let shippedModel: WeightsFile = {
    guard let file = try? WeightsFile.bundled() else { preconditionFailure("no weights") }
    return file
}()

/// A sketchpad reading with the shipped weights.
func makeShippedState(
    width: Int = 160, height: Int = 50, canvas: Canvas = Canvas(), gallery: Gallery = Gallery(),
    lessons: [LessonChoice] = []
) -> Pad {
    Pad(
        state: SketchpadState(
            width: width, height: height, options: DisplayOptions(ascii: true, colors: .none),
            canvas: canvas, gallery: gallery, lessons: lessons),
        derivations: Derivations(classifier: Classifier(shippedModel)))
}

/// A sample of Assets/samples as a canvas.
func sample(_ name: String) -> Canvas {
    let path = Support.assets + "/samples/" + name
    guard let drawing = try? DrawingFile.read(path), let canvas = Canvas(drawing) else {
        preconditionFailure("\(path) is not a 32x32 drawing")
    }
    return canvas
}

enum Support {
    /// Assets, in the source tree.
    static let assets: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Assets"
    }()
}

/// Seeded random weights, for tests that need activations that vary.
let randomModel: LeNet5 = {
    var generator = SeededGenerator(seed: 3)
    return LeNet5(using: &generator)
}()

extension Pad {
    mutating func send(_ messages: Message...) {
        for message in messages { _ = update(message) }
    }

    mutating func send(_ events: Event...) {
        for event in events { _ = update(event) }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = update(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { _ = update(.key(.character(character))) }
    }

    /// Draws a 7 with the keys: pen down, a bar along the top, a diagonal down to the left.
    mutating func drawSevenWithKeys() {
        self.cursor = Point(x: 8, y: 6)
        press(.character("p"))
        for _ in 0..<16 { press(.right) }
        for step in 0..<20 { press(.down, step % 2 == 0 ? .left : .down) }
        press(.character("p"))
    }

    /// The screen position of the middle of canvas cell (x, y) in the current layout.
    func screen(_ x: Int, _ y: Int) -> (x: Int, y: Int) {
        let canvas = state.layout.canvas
        return state.layout.mode == .full
            ? (canvas.x + 2 * x, canvas.y + y) : (canvas.x + x, canvas.y + y / 2)
    }

    mutating func mouse(
        _ button: MouseEvent.Button, _ action: MouseEvent.Action, _ x: Int, _ y: Int
    ) {
        let p = screen(x, y)
        _ = update(.mouse(MouseEvent(button: button, action: action, x: p.x, y: p.y)))
    }
}

/// The canvas as rows of # and . for comparisons.
func rows(_ canvas: Canvas) -> [String] {
    (0..<Canvas.side).map { y in String((0..<Canvas.side).map { canvas[$0, y] ? "#" : "." }) }
}
