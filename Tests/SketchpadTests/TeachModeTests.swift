import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// Teach mode through `update`: every key of its section, and what the runtime reports back. The
/// folder and the teaching run are the runtime's: here the messages it would send are sent by
/// hand, and the effects `update` asks for are checked as data.
@Suite struct TeachModeTests {
    /// The sketchpad in teach mode, a 7 drawn with the keys.
    func teaching(width: Int = 160, height: Int = 50, folder: TeachFolder? = nil) -> Pad {
        var state = makeState(width: width, height: height, model: randomModel)
        state.press(.character("t"))
        if let folder { state.send(.teach(.folder(folder))) }
        state.drawSevenWithKeys()
        return state
    }

    /// A folder of classes with `counts[name]` drawings each (blank bitmaps: the state does not
    /// look at them), in the order given.
    func folder(_ counts: KeyValuePairs<String, Int>) -> TeachFolder {
        TeachFolder(
            path: "/examples",
            classes: counts.map { name, count in
                TeachClass(
                    name: name,
                    examples: (0..<count).map {
                        TeachExample(
                            file: "/examples/\(name)/\($0 + 1).txt", drawing: Canvas().bitmap)
                    })
            })
    }

    /// A network of `classes` (random weights), as the runtime reports it after teaching.
    func taught(_ classes: [String], run: Int = 1, freeze: TeachFreeze = .c5) -> TaughtNetwork {
        var generator = SeededGenerator(seed: 5)
        let model = LeNet5(classes: classes.count, using: &generator)
        return TaughtNetwork(
            run: run, classifier: Classifier(model, classes: classes), freeze: freeze,
            examples: 6, trainAccuracy: 1, seconds: 0.5,
            comparison: TeachComparison(
                folds: 3, total: 6, transferCorrect: 5, scratchCorrect: 3, trainingExamples: 4))
    }

    @Test func tOpensTheTeachPanelAndClosesIt() {
        var state = makeState()
        #expect(!state.teachPanelShown && state.keyContext == .canvas)
        state.press(.character("t"))
        #expect(state.teach.open && state.teachPanelShown && state.keyContext == .teach)
        // Exploring the layers shows them; Esc comes back to the panel; t from the layers too.
        state.press(.tab)
        #expect(!state.teachPanelShown && state.keyContext == .maps && state.teach.open)
        state.press(.escape)
        #expect(state.teachPanelShown)
        state.press(.tab, .character("t"))
        #expect(state.teachPanelShown && state.focus == .canvas)
        state.press(.character("t"))
        #expect(!state.teach.open && state.keyContext == .canvas)
    }

    @Test func aDigitKeyWritesTheDrawingAsThatDigitsExampleAndClearsItOnceWritten() {
        var state = teaching()
        let seven = state.canvas
        #expect(state.update(.key(.character("7"))) == .teach(.add(seven.bitmap, to: "7")))
        // Nothing is lost until the file is written.
        #expect(state.canvas == seven)
        let written = folder(["7": 1])
        state.send(.teach(.added(file: "/examples/7/1.txt", name: "7", folder: written)))
        #expect(state.canvas.isEmpty && state.teach.folder == written)
        #expect(state.teach.picked?.name == "7" && state.teach.pickedExample == 0)
        #expect(state.notice == "Saved as \"7\" (1 drawing); u undoes the clearing")
        state.press(.character("u"))
        #expect(state.canvas == seven)
        // A write that failed keeps the drawing and says why.
        state.send(.teach(.notAdded(name: "7", reason: "/examples/7: not saved: no space left")))
        #expect(state.canvas == seven)
        #expect(state.notice == "Not saved as \"7\": /examples/7: not saved: no space left")
    }

    @Test func anEmptyOrTinyDrawingIsNotAnExample() {
        var state = makeState()
        state.press(.character("t"))
        #expect(state.update(.key(.character("3"))) == nil)
        #expect(state.notice == "Draw something first, then label it")
        state.press(.character(" "))
        #expect(state.update(.key(.character("="))) == nil)
        #expect(state.notice == "Too small to learn from: draw it bigger")
        #expect(state.teach.prompt == nil)
    }

    @Test func equalsAsksForTheClassAndRefusesNamesThatCannotBeFolders() {
        var state = teaching()
        state.press(.character("="))
        #expect(state.teach.prompt == .className(""))
        state.type("st/")
        #expect(state.teach.prompt == .className("st"))
        #expect(state.notice == "A class name cannot hold /: it is a folder's name")
        state.press(.backspace, .backspace)
        state.type(".")
        #expect(state.teach.prompt == .className(""))
        #expect(state.notice == "A class name cannot start with a dot")
        state.type(String(repeating: "a", count: 25))
        #expect(state.teach.prompt == .className(String(repeating: "a", count: 24)))
        #expect(state.notice == "A class name has at most 24 characters")
        state.press(.control("u"))
        // Spaces around the name are dropped; inside it they stay.
        state.type(" star shape ")
        #expect(state.update(.key(.enter)) == .teach(.add(state.canvas.bitmap, to: "star shape")))
        #expect(state.teach.prompt == nil)
        state.press(.character("="))
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.notice == "Type the class's name, or Esc to cancel")
        state.press(.escape)
        #expect(state.teach.prompt == nil && state.notice == "Not labelled")
        // A paste is part of the name.
        state.press(.character("="))
        state.send(.input(.paste("alpha")))
        #expect(state.teach.prompt == .className("alpha"))
    }

    @Test func enterLabelsWithThePickedClassAgain() {
        var state = teaching()
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.notice == "No class yet: label with a digit key, or = and a name")
        state.send(.teach(.folder(folder(["plus": 1, "ring": 2]))))
        state.teach.pickedClass = 1
        #expect(state.update(.key(.enter)) == .teach(.add(state.canvas.bitmap, to: "ring")))
    }

    @Test func aTwentyFirstClassIsRefused() {
        var counts = [(String, Int)]()
        for k in 0..<20 { counts.append(("c\(k)", 2)) }
        var state = teaching(
            folder: TeachFolder(
                path: "/examples",
                classes: counts.map { TeachClass(name: $0.0, examples: []) }))
        #expect(state.update(.key(.character("4"))) == nil)
        #expect(
            state.notice
                == "20 classes already, the most there can be: use one of them")
        // One of the twenty still takes drawings.
        state.press(.character("="))
        state.type("c7")
        #expect(state.update(.key(.enter)) == .teach(.add(state.canvas.bitmap, to: "c7")))
    }

    @Test func oGoesThroughTheExamplesToLookAtThemAndDeleteThem() {
        var state = teaching()
        state.press(.character("o"))
        #expect(!state.teach.browsing)
        #expect(
            state.notice == "No examples yet: draw, then label with a digit key or =")
        state.send(.teach(.folder(folder(["plus": 3, "ring": 2]))))
        state.press(.character("o"))
        #expect(state.teach.browsing && state.keyContext == .examples)
        let cursor = state.cursor
        // The arrows pick: down the classes (to the last drawing), across the drawings, round.
        state.press(.down)
        #expect(state.teach.pickedClass == 1 && state.teach.pickedExample == 1)
        state.press(.right)
        #expect(state.teach.pickedExample == 0)
        state.press(.up, .up)
        #expect(state.teach.pickedClass == 1 && state.teach.pickedExample == 1)
        // Arrows moved nothing on the canvas.
        #expect(state.cursor == cursor)
        state.press(.enter)
        #expect(state.teach.reviewing)
        state.press(.character("d"))
        #expect(
            state.teach.prompt
                == .confirmDelete(file: "/examples/ring/2.txt", name: "\"ring\", drawing 2 of 2"))
        state.press(.character("n"))
        #expect(state.teach.prompt == nil && state.notice == "Not deleted")
        state.press(.delete)
        #expect(
            state.update(.key(.character("y")))
                == .teach(.remove(file: "/examples/ring/2.txt", name: "ring")))
        state.send(.teach(.removed(file: "/examples/ring/2.txt", folder: folder(["plus": 3]))))
        // The class is gone: the pick falls back into the folder.
        #expect(state.teach.pickedClass == 0 && state.teach.pickedExample == 1)
        #expect(state.notice == "Deleted /examples/ring/2.txt")
        state.press(.escape)
        #expect(!state.teach.reviewing && state.teach.browsing)
        state.press(.escape)
        #expect(!state.teach.browsing && state.keyContext == .teach)
        // A click on the canvas also ends going through the list.
        state.press(.character("o"))
        state.mouse(.left, .press, 3, 3)
        #expect(!state.teach.browsing && state.canvas[3, 3])
    }

    @Test(
        arguments: [
            (
                [:],
                "Nothing to teach yet: label drawings of two classes first"
            ),
            (
                ["plus": 3],
                "Only \"plus\" so far: label drawings of a second class"
            ),
            (
                ["plus": 3, "ring": 1],
                "\"ring\" has one drawing: each class needs 2 or more"
            ),
        ] as [([String: Int], String)])
    func rSaysWhyTheExamplesCannotTeach(counts: [String: Int], message: String) {
        let classes = counts.keys.sorted().map { (name: String) -> (String, Int) in
            (name, counts[name] ?? 0)
        }
        var state = teaching(
            folder: TeachFolder(
                path: "/examples",
                classes: classes.map { name, count in
                    TeachClass(
                        name: name,
                        examples: (0..<count).map {
                            TeachExample(file: "\($0)", drawing: Canvas().bitmap)
                        })
                }))
        #expect(state.update(.key(.character("R"))) == nil)
        #expect(state.notice == message)
    }

    @Test func aFileThatIsNotADrawingStopsTeachingByName() {
        var examples = folder(["plus": 2, "ring": 2])
        examples.classes[1].examples[0] = TeachExample(file: "/examples/ring/1.txt", drawing: nil)
        var state = teaching(folder: examples)
        #expect(state.update(.key(.character("R"))) == nil)
        #expect(
            state.notice == "ring/1.txt is not a drawing: o, then d deletes it"
        )
    }

    @Test func rTeachesWithTheLayersFChoseAndStopsWithROrEsc() {
        var state = teaching(folder: folder(["plus": 2, "ring": 2]))
        #expect(state.teach.freeze == .c5)
        state.press(.character("F"))
        #expect(state.teach.freeze == .f6)
        #expect(state.notice == "Teaching keeps C1 to F6 as they are: only the output learns")
        state.press(.character("F"))
        #expect(state.notice == "Teaching keeps nothing as it is: every layer learns")
        state.press(.character("F"))
        #expect(state.teach.freeze == .c5)
        state.press(.character("F"))
        #expect(state.update(.key(.character("R"))) == .teach(.train(.f6)))
        state.send(.teach(.started(examples: 4, classes: 2)))
        #expect(state.teach.training == TeachProgress(fraction: 0, words: "starting", elapsed: 0))
        #expect(state.notice == "Teaching from 4 drawings of 2 classes; R or Esc stops")
        let halfway = TeachProgress(fraction: 0.5, words: "teaching", elapsed: 0.3)
        state.send(.teach(.progress(halfway)))
        #expect(state.teach.training == halfway)
        // Drawing and labelling go on while it runs.
        state.press(.character("c"), .character(" "), .character(" "))
        #expect(state.update(.key(.character("R"))) == .teach(.cancelTraining))
        #expect(state.update(.key(.escape)) == .teach(.cancelTraining))
        state.send(.teach(.failed(reason: "teaching was stopped", cancelled: true)))
        #expect(state.teach.training == nil && state.notice == "Teaching stopped; nothing changed")
        state.send(.teach(.failed(reason: "x.txt: the drawing has no ink", cancelled: false)))
        #expect(state.notice == "Not taught: x.txt: the drawing has no ink")
        // A progress report that arrives after the end is old news.
        state.send(.teach(.progress(halfway)))
        #expect(state.teach.training == nil)
    }

    @Test func theTaughtNetworkReadsTheDrawingAndOSwitchesBack() {
        var state = teaching(folder: folder(["plus": 2, "ring": 2]))
        state.press(.character("O"))
        #expect(state.notice == "Nothing taught yet: t opens teach mode, R teaches")
        // The output layer's last unit picked: the taught network has two.
        state.layerIndex = 7
        state.mapIndex = 9
        state.focus = .canvas
        state.send(.teach(.started(examples: 4, classes: 2)))
        let network = taught(["plus", "ring"])
        state.send(.teach(.trained(network)))
        #expect(state.teach.training == nil && state.teach.showsTaught)
        #expect(state.classCount == 2 && state.mapIndex == 1)
        #expect(state.reading.classes == ["plus", "ring"])
        #expect(state.reading.model == network.classifier.model)
        #expect(state.teach.page == .result)
        #expect(
            state.notice
                == "Taught in 0.5 s: the views use the taught network (O: original)")
        // Every frame reads it: the title and the bars name its classes.
        let frame = state.render().lines.joined(separator: "\n")
        #expect(frame.contains("(taught network)") && frame.contains(" plus "))
        state.press(.character("O"))
        #expect(!state.teach.showsTaught && state.classCount == 10)
        #expect(state.reading.classes == ClassNames.digits)
        #expect(state.notice == "The original network reads the drawing (O: the taught one)")
        state.press(.character("O"))
        #expect(state.reading.classes == ["plus", "ring"])
        #expect(
            state.notice == "The taught network reads the drawing (O: the original)")
        // A second run replaces the first; the original's class count is kept.
        state.send(.teach(.trained(taught(["a", "b", "c"], run: 2))))
        #expect(state.classCount == 3 && state.teach.originalClassCount == 10)
        state.press(.character("O"))
        #expect(state.classCount == 10)
    }

    @Test func eSavesTheTaughtNetworkAskingBeforeReplacingAFile() {
        var state = teaching()
        state.press(.character("E"))
        #expect(state.teach.prompt == nil)
        #expect(state.notice == "Nothing taught yet: t opens teach mode, R teaches")
        state.send(.teach(.trained(taught(["plus", "ring"], run: 4))))
        state.press(.character("E"))
        #expect(state.teach.prompt == .networkName("taught.safetensors"))
        state.press(.control("u"))
        state.type("symbols.safetensors")
        #expect(
            state.update(.key(.enter))
                == .teach(.saveNetwork(run: 4, path: "symbols.safetensors", overwrite: false)))
        state.send(
            .teach(
                .networkNotSaved(
                    path: "symbols.safetensors", reason: "already exists", exists: true)))
        #expect(state.teach.prompt == .confirmOverwriteNetwork(path: "symbols.safetensors"))
        #expect(
            state.update(.key(.character("y")))
                == .teach(.saveNetwork(run: 4, path: "symbols.safetensors", overwrite: true)))
        state.send(.teach(.networkSaved(path: "/home/a/symbols.safetensors")))
        #expect(state.teach.prompt == nil)
        #expect(state.notice == "Saved the taught network as /home/a/symbols.safetensors")
        // The prompt offers the last name; a failure keeps the prompt and says why.
        state.press(.character("E"))
        #expect(state.teach.prompt == .networkName("symbols.safetensors"))
        state.send(
            .teach(
                .networkNotSaved(
                    path: "/nope/x", reason: "no such file or directory", exists: false)
            ))
        #expect(state.teach.prompt == .networkName("/nope/x"))
        #expect(state.notice == "Cannot save /nope/x: no such file or directory")
        state.press(.escape)
        #expect(state.teach.prompt == nil && state.notice == "Not saved")
    }

    @Test func yShowsWhatTeachingMeasuredAndEscGoesBackToTheExamples() {
        var state = teaching(width: 80, height: 24)
        state.press(.character("y"))
        #expect(state.notice == "Nothing taught yet: t opens teach mode, R teaches")
        state.send(.teach(.trained(taught(["plus", "ring"]))))
        state.teach.page = .examples
        state.press(.tab)
        state.press(.character("y"))
        #expect(state.teach.page == .result && state.teachPanelShown)
        // Beside the compact canvas there is no room for it: it takes the screen.
        #expect(state.layout.canvasHidden && state.teachResultOnWholeScreen)
        let frame = state.render().lines
        #expect(frame[1].hasPrefix("+- Teach: what was learned -"))
        state.press(.escape)
        #expect(state.teach.page == .examples && !state.layout.canvasHidden)
        state.press(.escape)
        #expect(!state.teach.open)
    }

    @Test func clicksOnTheTeachPanelPickNoLayer() {
        var state = teaching(width: 120, height: 36)
        let panel = state.layout.network
        state.send(
            .input(
                .mouse(
                    MouseEvent(button: .left, action: .press, x: panel.x + 10, y: panel.maxY - 5))))
        #expect(state.layerIndex == 0 && state.focus == .canvas && state.teachPanelShown)
    }

    /// A tour speaks of the digits with the original network's numbers: with a taught network in
    /// use, the tour reads with the original one, O says why it does not switch, and leaving the
    /// tour gives the taught network back; one taught during a tour is used after it.
    @Test func aTourReadsWithTheOriginalNetwork() {
        var state = makeShippedState(
            width: 120, height: 36, lessons: [LessonChoice(TourKeyTests.lesson)])
        state.send(.teach(.trained(taught(["plus", "ring"]))))
        #expect(state.teach.showsTaught && state.classCount == 2)
        _ = state.update(.startTour(lesson: 0))
        #expect(state.tour != nil && !state.teach.showsTaught && state.classCount == 10)
        #expect(state.reading.classes == ClassNames.digits)
        #expect(state.notice == SketchpadState.tourReadsWithTheOriginal)
        // The title names the lesson, not the network (it is always the original in a tour).
        let title = state.render().lines[0]
        #expect(title.contains("Tour: A test tour") && !title.contains("network)"), "\(title)")
        state.press(.character("O"))
        #expect(!state.teach.showsTaught && state.notice == SketchpadState.tourReadsWithTheOriginal)
        state.press(.escape)
        #expect(state.tour == nil && state.teach.showsTaught && state.classCount == 2)
        #expect(state.reading.classes == ["plus", "ring"])

        // Taught while touring: after the tour.
        state.press(.character("O"))
        #expect(!state.teach.showsTaught)
        _ = state.update(.startTour(lesson: 0))
        #expect(state.notice == nil)
        state.send(.teach(.trained(taught(["a", "b", "c"], run: 2))))
        #expect(!state.teach.showsTaught && state.classCount == 10)
        #expect(
            state.notice == "Taught in 0.5 s: the taught network reads the drawing after the tour")
        state.press(.escape)
        #expect(state.teach.showsTaught && state.reading.classes == ["a", "b", "c"])
    }

    /// At 120x36 the result page takes the rows its words need and leaves the rest above it to
    /// the prediction's bars, so that O shows its effect there too.
    @Test func theResultLeavesTheBarsTheRowsItsWordsDoNotNeed() {
        var state = makeState(width: 120, height: 36)
        state.drawSevenWithKeys()
        state.press(.character("t"))
        state.send(.teach(.trained(taught(["plus", "ring"]))))
        #expect(state.teach.page == .result && state.teach.showsTaught)
        let lines = state.render().lines
        let top = lines.firstIndex { $0.contains("Teach: what was learned") } ?? 0
        // The bars above the panel: the heading and both classes.
        let above = lines[1..<top].joined(separator: "\n")
        #expect(
            above.contains("Prediction: ") && above.contains(" plus ") && above.contains(" ring "))
        // The words end whole above the status.
        let panel = lines[top...].joined(separator: "\n")
        #expect(panel.contains("new drawings fool it.") && panel.contains("Keeps C1 to C5 (F)"))
    }
}
