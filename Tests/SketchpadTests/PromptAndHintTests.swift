import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Questions that must be seen to be answered, and hints that say the way back.
@Suite struct PromptAndHintTests {
    @Test func theQuitQuestionShowsAndIsAnsweredInATooSmallTerminal() {
        var state = makeState()
        state.drawSevenWithKeys()
        state.send(.resize(width: 50, height: 12))
        #expect(state.update(.key(.character("q"))) == nil)
        #expect(state.prompt == .confirmQuit)
        let lines = state.render().lines
        #expect(lines[11] == "The drawing is not saved. Quit anyway? y/n  (s to ")
        #expect(lines.contains { $0.contains("The terminal is 50x12.") })
        state.press(.character("n"))
        #expect(state.prompt == nil && state.render().lines[11].allSatisfy { $0 == " " })
        state.press(.character("q"))
        #expect(state.update(.key(.character("y"))) == .quit)
    }

    @Test func theFooterSaysHowToGoBackFromValuesBeforeTheActivation() {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        state.press(.tab)
        let footer = state.layout.network.maxY - 2
        #expect(state.render().lines[footer].contains("a before tanh"))
        state.press(.character("a"))
        #expect(state.render().lines[footer].contains("a after tanh"))
        #expect(!state.render().lines[footer].contains("before tanh"))
        state.press(.backTab, .backTab)
        #expect(state.selectedLayer.name == "Output")
        #expect(state.render().lines[footer].contains("a probabilities"))
        state.press(.character("a"))
        #expect(state.render().lines[footer].contains("a logits"))
    }

    @Test func theSavePromptOffersTheFileTheDrawingCameFrom() {
        var canvas = Canvas()
        canvas.line(from: Point(x: 4, y: 4), to: Point(x: 4, y: 20), brush: 2, ink: true)
        let options = DisplayOptions(ascii: true, colors: .none)
        var state = SketchpadState(
            width: 160, height: 50, options: options, canvas: canvas,
            loadedFrom: "Assets/samples/one.txt")
        _ = state.update(.key(.character("s")))
        #expect(state.prompt == .saveName("Assets/samples/one.txt"))
        // Unchanged since loading: q quits without asking.
        state = SketchpadState(
            width: 160, height: 50, options: options, canvas: canvas, loadedFrom: "one.txt")
        #expect(state.update(.key(.character("q"))) == .quit)
        // A name the prompt would refuse is not offered.
        state = SketchpadState(
            width: 160, height: 50, options: options, canvas: canvas, loadedFrom: "a\nb.txt")
        _ = state.update(.key(.character("s")))
        #expect(state.prompt == .saveName("digit.txt"))
    }
}
