import LeNet5
import Sketchpad

/// A sketchpad state over the reference weights (any weights do for layout and behaviour).
func makeState(width: Int = 160, height: Int = 50, options: DisplayOptions = DisplayOptions(ascii: true, colors: .none)) -> SketchpadState {
    SketchpadState(network: LiveNetwork(Classifier(testModel)), width: width, height: height, options: options)
}

let testModel: LeNet5 = {
    var generator = SeededGenerator(seed: 3)
    return LeNet5(using: &generator)
}()

/// Draws a 7 with keys: a bar across the top and a stroke down to the left.
func drawSeven(_ state: inout SketchpadState) {
    _ = state.update(.key(.character("c")))
    state.cursor = Point(x: 8, y: 6)
    _ = state.update(.key(.character("p")))
    for _ in 0..<16 { _ = state.update(.key(.right)) }
    for _ in 0..<20 {
        _ = state.update(.key(.down))
        if Bool.random() || true { _ = state.update(.key(.character("h"))) }
        _ = state.update(.key(.character("l")))
        _ = state.update(.key(.character("h")))
    }
    _ = state.update(.key(.character("p")))
}

func dump(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }
