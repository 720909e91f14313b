import LeNet5
import Lessons
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// A tour in the sketchpad, through `update`: each step sets the canvas up and points at what it
/// names, the words are the step's with the drawing's numbers, a step that asks for a drawing
/// waits for the network to read it, and the tour's keys come before the drawing keys.
@Suite struct TourKeyTests {
    static let lesson: Lesson = {
        let text = """
            @title A test tour
            @step Look
            @load seven.txt
            @point canvas
            It reads {best}, {best_percent} sure.
            @step Bars
            @point bars
            The bars.
            @step A layer
            @point C3
            Layer {layer}.
            @step A map
            @point C1 map 3
            Map {map} peaks at row {row}.
            @step A value
            @point C1 map 3 unit 14,5
            Here {value}.
            @step A unit
            @point F6 unit 17
            F6.
            @step Drove it
            @point saliency
            It looks at {top_cell}.
            @step Raw
            @preprocess off
            @point Input
            Raw, it reads {raw_best}.
            @step Your turn
            @clear
            @preprocess on
            @draw 1
            Draw a {target}.
            @step The end
            @point bars
            Done.
            """
        do {
            return try LessonParser(
                path: "test.txt", name: "test", classes: ClassNames.digits,
                drawings: DrawingSource(folder: nil)
            ).parse(Array(text.utf8))
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// A tour of the test lesson over a scribble, with the shipped weights.
    func touring(width: Int = 160, height: Int = 50) -> (Pad, Canvas) {
        var scribble = Canvas()
        scribble.line(from: Point(x: 3, y: 3), to: Point(x: 9, y: 9), brush: 1, ink: true)
        var pad = makeShippedState(
            width: width, height: height, canvas: scribble,
            lessons: [LessonChoice(Self.lesson), LessonChoice(name: "x", title: "X", fault: "no")])
        _ = pad.update(.startTour(lesson: 0))
        return (pad, scribble)
    }

    /// A 7 drawn with the pen and h j k l: in a tour the arrows are the tour's.
    func drawSevenWithLetters(_ pad: inout Pad) {
        pad.cursor = Point(x: 8, y: 6)
        pad.press(.character("p"))
        for _ in 0..<16 { pad.press(.character("l")) }
        for step in 0..<20 { pad.press(.character("j"), .character(step % 2 == 0 ? "h" : "j")) }
        pad.press(.character("p"))
    }

    func layerIndex(_ layer: NetworkLayer) -> Int {
        LeNet5.architecture.firstIndex { $0.id == layer } ?? -1
    }

    @Test func eachStepPointsAtWhatItNames() throws {
        var (pad, _) = touring()
        let classifier = pad.derivations.classifier
        #expect(pad.canvas == sample("seven.txt") && pad.tour?.tour.position == "step 1 of 10")
        #expect(pad.focus == .canvas && !pad.networkFullScreen)
        #expect(pad.render().lines.joined().contains(">> Canvas: seven.txt"))
        pad.press(.character(" "))
        #expect(pad.tour?.tour.index == 1)
        #expect(pad.render().lines.joined().contains(">> Prediction: 7"))
        pad.press(.right)
        #expect(pad.layerIndex == layerIndex(.c3) && pad.focus == .network && !pad.zoomed)
        pad.press(.character(" "))
        #expect(pad.layerIndex == layerIndex(.c1) && pad.mapIndex == 2 && !pad.zoomed)
        pad.press(.character(" "))
        #expect(pad.mapIndex == 2 && pad.unitPosition == Point(x: 13, y: 4) && pad.zoomed)
        pad.press(.character(" "))
        #expect(pad.layerIndex == layerIndex(.f6) && pad.mapIndex == 16 && !pad.zoomed)
        pad.press(.character(" "))
        #expect(pad.saliencyShown && pad.focus == .canvas)
        let drove = pad.derivations.derive(from: pad.state)
        #expect(
            drove.saliency != nil && drove.tourWords.first?.hasPrefix("It looks at row") == true)
        pad.press(.character(" "))
        #expect(!pad.preprocessing && !pad.saliencyShown && pad.layerIndex == 0)
        let raw = try #require(classifier.reading(of: pad.canvas.bitmap, preprocess: false))
        #expect(pad.derivations.derive(from: pad.state).tourWords == ["Raw, it reads \(raw.best)."])
    }

    /// The words are the step's text filled with the facts of the drawing on the canvas, as the
    /// lessons work them out, and change as the reader draws.
    @Test func theWordsSpeakOfTheDrawing() {
        var (pad, _) = touring()
        let classifier = pad.derivations.classifier
        func expected() -> [String] {
            let step = pad.tour?.step
            return step.map {
                $0.text.text(
                    $0.facts(
                        of: pad.canvas.bitmap, classifier: classifier, classes: ClassNames.digits))
            } ?? []
        }
        #expect(pad.derivations.derive(from: pad.state).tourWords == expected())
        #expect(expected().first?.hasPrefix("It reads 7, ") == true)
        pad.press(.character(" "), .character(" "), .character(" "))
        drawSevenWithLetters(&pad)
        #expect(pad.derivations.derive(from: pad.state).tourWords == expected())
        #expect(expected().first?.hasPrefix("Map 3 peaks at row ") == true)
    }

    @Test func aStepThatAsksForADrawingWaitsForIt() {
        var (pad, _) = touring()
        for _ in 0..<8 { pad.press(.character(" ")) }
        #expect(pad.tour?.step.awaited?.name == "1" && pad.canvas.isEmpty)
        #expect(pad.focus == .canvas && !pad.networkFullScreen)
        pad.press(.character(" "))
        #expect(pad.tour?.tour.index == 8)
        #expect(pad.notice == "Draw a 1 first: the tour goes on when the network reads one")
        // Space is the tour's: it paints nothing.
        #expect(pad.canvas.isEmpty)
        // A 7 is not a 1.
        drawSevenWithLetters(&pad)
        pad.press(.character(" "))
        #expect(pad.tour?.tour.index == 8)
        pad.press(.character("c"), .character(" "))
        #expect(pad.notice == "Draw a 1 first: the tour goes on when the network reads one")
        // A 1, drawn with the mouse: once the network reads it, the notice is out of date.
        pad.mouse(.left, .press, 16, 4)
        for y in 5...28 { pad.mouse(.left, .drag, 16, y) }
        pad.mouse(.left, .release, 16, 28)
        #expect(pad.reading.prediction?.digit == 1)
        #expect(pad.notice == nil)
        #expect(pad.render().lines.joined().contains("It reads 1: Space goes on."))
        let one = pad.canvas
        pad.press(.character(" "))
        #expect(pad.tour?.tour.isAtLastStep == true && pad.canvas == one)
        pad.press(.character(" "))
        #expect(pad.notice == "The last step: Esc leaves the tour")
        // Back: the canvas as the reader left each step.
        pad.press(.left)
        #expect(pad.tour?.tour.index == 8 && pad.canvas == one)
        pad.press(.backspace)
        #expect(pad.tour?.tour.index == 7 && pad.canvas == sample("seven.txt"))
        #expect(!pad.preprocessing)
    }

    @Test func escLeavesTheTourWithTheDrawingAndGivesThePreprocessingBack() {
        var (pad, scribble) = touring()
        for _ in 0..<7 { pad.press(.character(" ")) }
        #expect(!pad.preprocessing && pad.tour != nil)
        pad.focus = .network
        pad.zoomed = true
        pad.press(.escape)
        #expect(pad.tour == nil && pad.preprocessing && pad.canvas == sample("seven.txt"))
        #expect(pad.focus == .canvas && !pad.networkFullScreen && !pad.zoomed)
        // What was on the canvas before the tour is an undo away.
        pad.press(.character("u"))
        #expect(pad.canvas == scribble)
        // Without a tour, Space paints and the arrows move the cursor again.
        let cursor = pad.cursor
        pad.press(.right, .character(" "))
        #expect(pad.cursor.x == cursor.x + 1 && pad.canvas[cursor.x + 1, cursor.y])
    }

    /// In the network, zoomed on a map, the arrows left and right are still the tour's.
    @Test func theTourKeysComeFirstWhereverTheKeysGo() {
        var (pad, _) = touring()
        pad.press(.character(" "), .character(" "), .character(" "), .character(" "))
        #expect(pad.keyContext == .values && pad.tour?.tour.index == 4)
        let unit = pad.unitPosition
        pad.press(.right)
        #expect(pad.tour?.tour.index == 5)
        pad.press(.left, .left)
        #expect(pad.tour?.tour.index == 3 && pad.unitPosition.x <= unit.x)
        // Up and down still pick a value in the zoom.
        pad.press(.right)
        #expect(pad.tour?.tour.index == 4 && pad.zoomed)
        let before = pad.unitPosition
        pad.press(.down)
        #expect(pad.unitPosition == Point(x: before.x, y: before.y + 1))
    }

    /// At 80x24 and 120x36 the panel beside the canvas has no room for a layer under the tour's
    /// words: a step in the network gives the network the whole screen, and the words a band
    /// across it; a step on the canvas gives the canvas back.
    @Test(arguments: [(80, 24), (120, 36), (160, 50)])
    func theNetworkTakesTheScreenWhereItMust(width: Int, height: Int) {
        var (pad, _) = touring(width: width, height: height)
        var layout = pad.layout
        #expect(!layout.canvasHidden && !layout.tourIsBand)
        if width < 160 {
            #expect(layout.tour == Layout(width: width, height: height).network)
        } else {
            #expect(layout.tour.maxY == Layout(width: width, height: height).network.maxY)
            #expect(layout.network.height >= Layout.networkBesideTour)
        }
        pad.press(.character(" "), .character(" "))
        layout = pad.layout
        #expect(pad.networkFullScreen == (width < 160))
        if width < 160 {
            #expect(layout.tourIsBand && layout.tour.width == width)
            #expect(layout.tour.maxY == layout.status.y && layout.network.maxY == layout.tour.y)
        }
        for _ in 0..<6 { pad.press(.character(" ")) }
        #expect(!pad.networkFullScreen && pad.tour?.step.awaited != nil)
    }

    /// Every key of the tour does something during one, wherever the keys go, before the key's
    /// other use; outside a tour it keeps that use (KeyMapTests).
    @Test func everyTourKeyDoesSomethingDuringATour() {
        let tourKeys = KeyMap.bindings.filter { $0.place == .tour }
        #expect(
            Set(tourKeys.map(\.key)) == [.character(" "), .right, .left, .backspace, .escape])
        for binding in tourKeys {
            for focus in [Focus.canvas, .network] {
                var (pad, _) = touring()
                pad.press(.character(" "))
                pad.focus = focus
                let before = pad.state
                _ = pad.update(.key(binding.key))
                #expect(pad.state != before, "\(KeyMap.name(binding.key)) on the \(focus)")
                #expect(
                    KeyMap.command(for: binding.key, in: pad.keyContext, touring: true)
                        == binding.command)
            }
        }
    }

    /// i hides the tour's words as it hides the explanations, and the network has their place;
    /// the next step shows its words again.
    @Test func iHidesTheStepsWordsUntilTheNextStep() {
        var (pad, _) = touring(width: 80, height: 24)
        pad.press(.character(" "), .character(" "), .character("f"))
        #expect(!pad.networkFullScreen && pad.layout.network.isEmpty)
        #expect(pad.render().lines.joined().contains("i hides these words"))
        pad.press(.character("i"))
        #expect(pad.layout.tour.isEmpty)
        #expect(pad.layout.network == Layout(width: 80, height: 24).network)
        #expect(pad.render().lines.joined().contains("Tour, step 3 of 10 (i shows its words)"))
        pad.press(.character(" "))
        #expect(pad.showExplanations && !pad.layout.tour.isEmpty)
    }

    @Test func tOpensTheLessonsAndEnterOrANumberStartsOne() {
        var pad = makeShippedState(
            lessons: [LessonChoice(Self.lesson), LessonChoice(name: "x", title: "X", fault: "no")])
        pad.press(.character("T"))
        #expect(pad.lessonPicker == 0)
        #expect(pad.render().lines.joined().contains("1  test  A test tour (10 steps)"))
        pad.press(.down, .down, .up)
        #expect(pad.lessonPicker == 0)
        pad.press(.down, .enter)
        #expect(pad.lessonPicker == nil && pad.tour == nil)
        #expect(pad.notice == "x cannot be opened: no")
        pad.press(.character("T"), .character("1"))
        #expect(pad.tour?.tour.lesson == Self.lesson && pad.lessonPicker == nil)
        // Any other key closes the list; q quits from it.
        pad.press(.character("T"), .character("z"))
        #expect(pad.lessonPicker == nil && pad.tour?.tour.index == 0)
        pad.press(.character("T"))
        #expect(pad.update(.key(.character("q"))) == .quit)
        var none = makeShippedState()
        none.press(.character("T"))
        #expect(none.lessonPicker == nil && none.notice == "No lessons to open")
    }
}
