import LeNet5
import Sketchpad

/// A sketchpad over `model`, ASCII and without colour unless asked, so frames read as plain text.
func makeState(
    width: Int = 160, height: Int = 50, model: LeNet5 = zeroModel,
    options: DisplayOptions = DisplayOptions(ascii: true, colors: .none)
) -> SketchpadState {
    SketchpadState(
        network: LiveNetwork(Classifier(model)), width: width, height: height, options: options)
}

/// All weights zero: every activation is 0 and every class 10%, on any instruction set, so the
/// panel's frames are exact.
let zeroModel: LeNet5 = {
    var named = [String: Tensor]()
    for (name, shape) in LeNet5.parameterShapes { named[name] = Tensor(zeros: shape) }
    return LeNet5(named: named)
}()

/// Seeded random weights, for tests that need activations that vary.
let randomModel: LeNet5 = {
    var generator = SeededGenerator(seed: 3)
    return LeNet5(using: &generator)
}()

extension SketchpadState {
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
        cursor = Point(x: 8, y: 6)
        press(.character("p"))
        for _ in 0..<16 { press(.right) }
        for step in 0..<20 { press(.down, step % 2 == 0 ? .left : .down) }
        press(.character("p"))
    }

    /// The screen position of the middle of canvas cell (x, y) in the current layout.
    func screen(_ x: Int, _ y: Int) -> (x: Int, y: Int) {
        let canvas = layout.canvas
        return layout.mode == .full
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
