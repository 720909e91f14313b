import LeNet5
import Screen
import Testing

@testable import Sketchpad

@Suite struct DrawingTests {
    @Test func spacePaintsAndTheEraserErases() {
        var state = makeState()
        state.press(.character(" "))
        #expect(state.canvas[16, 16])
        state.press(.character("e"), .character(" "))
        #expect(state.canvas.isEmpty)
    }

    @Test func penDownPaintsWhereTheCursorGoes() {
        var state = makeState()
        state.press(
            .character("p"), .right, .right, .character("l"), .down, .character("j"),
            .character("p"))
        #expect(state.canvas.inkCount == 6)
        for p in [(16, 16), (17, 16), (18, 16), (19, 16), (19, 17), (19, 18)] {
            #expect(state.canvas[p.0, p.1])
        }
        // Pen up: moving no longer paints.
        state.press(.right, .right)
        #expect(state.canvas.inkCount == 6)
    }

    @Test func theCursorStaysOnTheCanvas() {
        var state = makeState()
        for _ in 0..<40 { state.press(.left, .up) }
        #expect(state.cursor == Point(x: 0, y: 0))
        for _ in 0..<40 { state.press(.character("l"), .character("j")) }
        #expect(state.cursor == Point(x: 31, y: 31))
    }

    @Test func brushSizeStaysBetweenOneAndThree() {
        var state = makeState()
        state.press(.character("["), .character("["))
        #expect(state.brush == 1)
        state.press(.character("]"), .character("]"), .character("]"), .character("]"))
        #expect(state.brush == 3)
        state.press(.character(" "))
        #expect(state.canvas.inkCount == 9)
    }

    @Test func aStrokeIsOneUndoStepAndRedoBringsItBack() {
        var state = makeState()
        state.drawSevenWithKeys()
        let seven = state.canvas
        #expect(!seven.isEmpty)
        state.press(.character("u"))
        #expect(state.canvas.isEmpty)
        state.press(.character("U"))
        #expect(state.canvas == seven)
        state.press(.control("z"))
        #expect(state.canvas.isEmpty)
        state.press(.control("r"))
        #expect(state.canvas == seven)
        state.press(.character("c"))
        #expect(state.canvas.isEmpty)
        state.press(.character("u"))
        #expect(state.canvas == seven)
    }

    @Test func undoWithNothingToUndoSaysSo() {
        var state = makeState()
        state.press(.character("u"))
        #expect(state.notice == "Nothing to undo")
    }

    @Test func aFastMouseStrokeHasNoGaps() {
        var state = makeState()
        // Three motion reports far apart, as a quick flick gives.
        state.mouse(.left, .press, 2, 2)
        state.mouse(.left, .drag, 20, 9)
        state.mouse(.left, .drag, 25, 30)
        state.mouse(.left, .release, 25, 30)
        let expected = Set(
            Canvas.cellsOnLine(from: Point(x: 2, y: 2), to: Point(x: 20, y: 9))
                + Canvas.cellsOnLine(from: Point(x: 20, y: 9), to: Point(x: 25, y: 30)))
        #expect(state.canvas.inkCount == expected.count)
        for p in expected { #expect(state.canvas[p.x, p.y]) }
        // The stroke is one undo step.
        state.press(.character("u"))
        #expect(state.canvas.isEmpty)
    }

    @Test func theRightButtonErases() {
        var state = makeState()
        state.press(.character("]"), .character("]"), .character(" "))
        #expect(state.canvas.inkCount == 9)
        state.press(.character("["), .character("["))
        state.mouse(.right, .press, 16, 16)
        state.mouse(.right, .release, 16, 16)
        #expect(state.canvas.inkCount == 8 && !state.canvas[16, 16])
    }

    @Test func dragsWithoutAPressDoNothing() {
        var state = makeState()
        state.mouse(.left, .drag, 5, 5)
        state.mouse(.none, .move, 6, 6)
        #expect(state.canvas.isEmpty)
    }

    @Test func aStrokeLeavingTheCanvasStopsAtTheEdgeAndRestartsWhereItComesBack() {
        var state = makeState()
        state.mouse(.left, .press, 28, 5)
        // Out to the right, over the network panel, then down, outside all the while.
        _ = state.update(
            .mouse(MouseEvent(button: .left, action: .drag, x: 120, y: state.screen(0, 5).y)))
        _ = state.update(
            .mouse(MouseEvent(button: .left, action: .drag, x: 120, y: state.screen(0, 20).y)))
        #expect(state.canvas.inkCount == 4)
        for x in 28...31 { #expect(state.canvas[x, 5]) }
        // Back in at (28, 20): a fresh start there, no line across from where it left.
        state.mouse(.left, .drag, 28, 20)
        state.mouse(.left, .drag, 26, 20)
        state.mouse(.left, .release, 26, 20)
        #expect(state.canvas.inkCount == 4 + 3)
        for x in 26...28 { #expect(state.canvas[x, 20]) }
    }

    @Test func aDotIsTooSmallToClassify() {
        var state = makeState(model: randomModel)
        state.press(.character(" "))
        #expect(state.reading.outcome == .tooSmall && state.reading.prediction == nil)
        #expect(state.render().lines.joined().contains("too small: draw bigger"))
        state.press(.character("p"))
        for _ in 0..<4 { state.press(.down) }
        #expect(state.reading.prediction != nil)
    }

    @Test func theCompactCanvasPaintsBothRowsOfAScreenRow() {
        var state = makeState(width: 80, height: 24)
        #expect(state.layout.mode == .compact)
        state.mouse(.left, .press, 10, 8)
        state.mouse(.left, .release, 10, 8)
        #expect(state.canvas.inkCount == 2 && state.canvas[10, 8] && state.canvas[10, 9])
    }

    @Test func everyChangeIsClassifiedAndAnEmptyCanvasIsNot() {
        var state = makeState(model: randomModel)
        #expect(state.reading.prediction == nil)
        state.drawSevenWithKeys()
        #expect(state.reading.prediction != nil)
        let first = state.reading.probabilities
        let ink = state.canvas.inkCount
        state.cursor = Point(x: 28, y: 28)
        state.press(.character(" "))
        #expect(state.canvas.inkCount == ink + 1)
        #expect(state.reading.probabilities != first)
        state.press(.character("c"))
        #expect(state.reading.prediction == nil)
    }
}

@Suite struct CommandTests {
    @Test func qAndCtrlCQuit() {
        var state = makeState()
        #expect(state.update(.key(.character("q"))) == .quit)
        #expect(state.update(.key(.control("c"))) == .quit)
    }

    @Test func qAsksBeforeLosingAnUnsavedDrawing() {
        var state = makeState()
        state.drawSevenWithKeys()
        #expect(state.update(.key(.character("q"))) == nil)
        #expect(state.prompt == .confirmQuit)
        state.press(.character("n"))
        #expect(state.prompt == nil && !state.canvas.isEmpty)
        state.press(.character("q"), .character("s"))
        #expect(state.prompt == .saveName("digit.txt"))
        state.press(.enter)
        state.send(.saved(path: "/tmp/digit.txt"))
        #expect(state.update(.key(.character("q"))) == .quit)
        // Changed again: asks again, and y quits. Ctrl-C never asks.
        state.press(.character("c"), .character(" "))
        #expect(state.update(.key(.character("q"))) == nil)
        #expect(state.update(.key(.character("y"))) == .quit)
        #expect(state.update(.key(.control("c"))) == .quit)
    }

    @Test func keysDoNothingWhileTheTerminalIsTooSmall() {
        var state = makeState()
        state.drawSevenWithKeys()
        let drawing = state.canvas
        state.send(.resize(width: 50, height: 12))
        state.press(.character("c"), .character("?"), .tab, .character(" "))
        #expect(state.canvas == drawing && !state.showHelp && state.focus == .canvas)
        state.mouse(.left, .press, 3, 3)
        #expect(state.canvas == drawing)
        #expect(state.update(.key(.control("c"))) == .quit)
    }

    @Test func aOnlyActsOnLayersWithAnActivation() {
        var state = makeState()
        state.press(.tab, .tab)
        #expect(state.selectedLayer.name == "S2")
        state.press(.character("a"))
        #expect(!state.showPreActivation && state.notice?.contains("S2 has no activation") == true)
        state.press(.tab)
        state.press(.character("a"))
        #expect(state.showPreActivation)
    }

    @Test func clickingATabPicksItsLayer() {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        let panel = PanelLayout(area: state.layout.network)
        let c3 = panel.tabs[3].columns.lowerBound + 1
        _ = state.update(
            .mouse(MouseEvent(button: .left, action: .press, x: c3, y: panel.inner.y)))
        #expect(state.selectedLayer.name == "C3" && state.focus == .network)
    }

    @Test func savingAsksForANameAndNeverOverwritesSilently() {
        var state = makeState()
        state.press(.character("s"))
        #expect(state.prompt == nil && state.notice?.contains("empty") == true)
        state.drawSevenWithKeys()
        state.press(.character("s"))
        #expect(state.prompt == .saveName("digit.txt"))
        for _ in 0..<9 { state.press(.backspace) }
        state.type("seven.txt")
        let effect = state.update(.key(.enter))
        let grid = DrawingFormats.textGrid(state.canvas.bitmap)
        #expect(effect == .save(path: "seven.txt", contents: grid, overwrite: false))
        // The file exists: ask, and only "y" overwrites.
        state.send(.saveFailed(path: "seven.txt", reason: "already exists", exists: true))
        #expect(state.prompt == .confirmOverwrite(path: "seven.txt"))
        #expect(state.update(.key(.character("x"))) == nil)
        #expect(state.update(.key(.character("n"))) == nil)
        #expect(state.prompt == .saveName("seven.txt"))
        _ = state.update(.key(.enter))
        state.send(.saveFailed(path: "seven.txt", reason: "already exists", exists: true))
        #expect(
            state.update(.key(.character("y")))
                == .save(path: "seven.txt", contents: grid, overwrite: true))
        state.send(.saved(path: "seven.txt"))
        #expect(state.prompt == nil && state.notice == "Saved seven.txt")
    }

    @Test func keysTypedIntoThePromptDoNotDraw() {
        var state = makeState()
        state.drawSevenWithKeys()
        let before = state.canvas
        state.press(.character("s"))
        state.type("c q p")
        #expect(state.canvas == before && state.prompt == .saveName("digit.txtc q p"))
        state.press(.escape)
        #expect(state.prompt == nil && state.notice == "Not saved")
    }

    @Test func aFailedSaveSaysWhy() {
        var state = makeState()
        state.drawSevenWithKeys()
        state.press(.character("s"))
        state.send(
            .saveFailed(path: "/nope/seven.txt", reason: "no such file or directory", exists: false)
        )
        #expect(state.notice == "Cannot save /nope/seven.txt: no such file or directory")
        #expect(state.prompt == .saveName("/nope/seven.txt"))
    }

    /// Space, Enter and the arrows turn the help's pages (forward from the last closes it); any
    /// other key closes it without doing what it does elsewhere.
    @Test func helpTurnsItsPagesAndAnyOtherKeyClosesIt() {
        var state = makeState(width: 80, height: 24)
        state.press(.character("?"))
        #expect(state.showHelp && state.helpPage == 0)
        let pages = HelpOverlay.pages(KeyMap.help, in: state.layout.screen).count
        #expect(pages >= 3)
        let forward: [Key] = [.character(" "), .right, .down, .enter]
        for page in 1..<pages {
            state.press(forward[page % forward.count])
            #expect(state.showHelp && state.helpPage == page)
        }
        state.press(.left, .up)
        #expect(state.helpPage == pages - 3)
        for _ in 0..<(pages - 3) { state.press(.up) }
        #expect(state.helpPage == 0)
        // Back from the first page stays there.
        state.press(.up)
        #expect(state.showHelp && state.helpPage == 0)
        // Forward from the last page closes it.
        for _ in 0..<pages { state.press(.enter) }
        #expect(!state.showHelp && state.canvas.isEmpty)
        state.press(.character("?"), .character(" "), .character("c"))
        #expect(!state.showHelp && state.notice == nil)
        state.press(.character("?"), .character(" "))
        #expect(state.helpPage == 1)
        // Opened again, it starts at the first page.
        state.press(.escape, .character("?"))
        #expect(state.showHelp && state.helpPage == 0)
    }

    @Test func tabStepsThroughTheLayersAndTheArrowsPickMaps() {
        var state = makeState()
        // The panel shows the input while drawing; Tab moves to the next layer, C1.
        #expect(state.focus == .canvas && state.selectedLayer.name == "Input")
        state.press(.tab)
        #expect(state.focus == .network && state.selectedLayer.name == "C1" && state.mapCount == 6)
        state.press(.right, .right)
        #expect(state.mapIndex == 2)
        state.press(.left, .left, .left)
        #expect(state.mapIndex == 5)
        state.press(.enter)
        #expect(state.zoomed)
        state.press(.escape)
        #expect(!state.zoomed && state.focus == .network)
        state.press(.escape)
        #expect(state.focus == .canvas)
        // The arrows move the cursor again; n and N step layers as Tab does.
        state.press(.right)
        #expect(state.cursor == Point(x: 17, y: 16))
        state.press(.character("n"))
        #expect(state.selectedLayer.name == "S2" && state.focus == .network)
        state.press(.backTab, .backTab, .backTab)
        #expect(state.selectedLayer.name == "Output")
        #expect(state.mapIndex <= 9)
        state.press(.down)
        #expect(state.selectedLayer.name == "Input")
    }

    @Test func resizingChangesTheLayout() {
        var state = makeState()
        #expect(state.layout.mode == .full)
        state.send(.resize(width: 80, height: 24))
        #expect(state.layout.mode == .compact)
        state.send(.resize(width: 40, height: 10))
        #expect(state.layout.mode == .tooSmall)
        state.send(.resize(width: 160, height: 50))
        #expect(state.layout.mode == .full)
    }
}
