import LeNet5
import Teaching
import Testing

@testable import Lessons

/// Going through a lesson as the sketchpad will: steps forward and back, the canvas set up and
/// given back, a step that waits for a drawing, and the numbers each step's text names.
@Suite struct TourTests {
    static let lesson: Lesson = {
        let text = """
            @title A tour
            @step
            @load seven.txt
            @point Input
            It reads {best} at {best_percent}; then {second}.
            @step
            @rotate 20
            @point C1 map 3
            Strongest at row {row}, column {column}: {strongest}.
            @step
            @clear
            @draw 1
            Draw a {target}.

            So far {target_percent}.
            @step
            @preprocess off
            @point Output class 1
            Raw {raw_best}, prepared {preprocessed_best}: {value}.
            """
        do {
            return try LessonParser(
                path: "tour.txt", name: "tour", classes: LessonLibrary.digits,
                drawings: DrawingSource(folder: nil)
            ).parse(Array(text.utf8))
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    static let blank = Bitmap(width: 32, height: 32)

    @Test func stepsGoForwardAndBack() throws {
        let seven = try #require(Samples.drawing("seven.txt"))
        var scribble = Self.blank
        scribble[3, 3] = 1
        var canvas = scribble
        var tour = Tour(lesson: Self.lesson, canvas: &canvas)
        #expect(tour.position == "step 1 of 4" && canvas == seven)
        #expect(!tour.previous(canvas: &canvas) && canvas == seven)
        #expect(tour.next(canvas: &canvas, readingAs: 7))
        #expect(tour.position == "step 2 of 4")
        #expect(canvas == seven.rotated(degrees: 20))
        // The reader draws on the rotated 7, then goes on: the canvas is cleared for the next step.
        canvas[0, 0] = 1
        let drawnOn = canvas
        #expect(tour.next(canvas: &canvas, readingAs: 7))
        #expect(canvas == Self.blank && tour.step.awaited?.name == "1")
        // The step waits for a 1.
        #expect(!tour.mayGoOn(readingAs: nil) && !tour.mayGoOn(readingAs: 7))
        #expect(!tour.next(canvas: &canvas, readingAs: 7) && tour.position == "step 3 of 4")
        let one = try #require(Samples.drawing("thin-one.txt"))
        canvas = one
        #expect(tour.next(canvas: &canvas, readingAs: 1) && canvas == one && tour.isAtLastStep)
        #expect(!tour.next(canvas: &canvas, readingAs: 1))
        // Back: each step's canvas as the reader left it.
        #expect(tour.previous(canvas: &canvas) && canvas == one)
        #expect(tour.previous(canvas: &canvas) && canvas == drawnOn)
        #expect(tour.previous(canvas: &canvas) && canvas == seven)
        #expect(tour.position == "step 1 of 4" && tour.canvasBeforeTour == scribble)
    }

    /// The facts are the network's own numbers: checked against a forward pass run here.
    @Test func theTextSpeaksOfTheDrawing() throws {
        let seven = try #require(Samples.drawing("seven.txt"))
        let classifier = Samples.classifier
        let trace = ForwardTrace()
        classifier.forward(try #require(Preprocessing.networkInput(from: seven)), into: trace)
        let p = trace.probabilities
        let ranked = p.indices.sorted { p[$0] > p[$1] }
        let steps = Self.lesson.steps
        let first = steps[0].facts(of: seven, classifier: classifier, classes: LessonLibrary.digits)
        #expect(first[.best] == "\(ranked[0])" && first[.second] == "\(ranked[1])")
        #expect(first[.bestPercent] == NumberText.percent(Double(p[ranked[0]]), digits: 1))
        #expect(
            steps[0].text.text(first) == [
                "It reads 7 at \(first[.bestPercent] ?? "?"); then \(ranked[1])."
            ])

        // The strongest value of the map pointed at, counted from 1 as on screen.
        let turned = seven.rotated(degrees: 20)
        classifier.forward(try #require(Preprocessing.networkInput(from: turned)), into: trace)
        let maps = trace.maps(.c1)
        var best = (x: 0, y: 0)
        for y in 0..<28 {
            for x in 0..<28 where maps[2, y, x] > maps[2, best.y, best.x] { best = (x, y) }
        }
        let second = steps[1].facts(
            of: turned, classifier: classifier, classes: LessonLibrary.digits)
        #expect(second[.row] == "\(best.y + 1)" && second[.column] == "\(best.x + 1)")
        #expect(second[.strongest] == NumberText.fixed(Double(maps[2, best.y, best.x]), 2))
        #expect(second[.map] == "3" && second[.layer] == "C1")

        // Nothing drawn: the paragraph with a reading is left out, the one without stays.
        let third = steps[2].facts(
            of: Self.blank, classifier: classifier, classes: LessonLibrary.digits)
        #expect(steps[2].text.text(third) == ["Draw a 1."])
        #expect(
            steps[2].text.text(fillingWhatIsKnown: third)
                == ["Draw a 1.", "So far {target_percent}."])

        // With the preprocessing off: the raw reading is the step's, the other one is prepared.
        let fourth = steps[3].facts(
            of: seven, classifier: classifier, classes: LessonLibrary.digits)
        classifier.forward(seven.pixels, into: trace)
        #expect(fourth[.rawBest] == "\(trace.prediction.classIndex)")
        #expect(fourth[.best] == fourth[.rawBest] && fourth[.preprocessedBest] == "7")
        // An output's value is its probability, said as everywhere else on screen.
        #expect(fourth[.value] == FactSheet.percent(trace.probabilities[1]))
    }

    @Test func theScaleIsSaidInWords() throws {
        let step = Self.lesson.steps[0]
        func scaled(_ drawing: Bitmap) -> String? {
            step.facts(of: drawing, classifier: Samples.classifier, classes: LessonLibrary.digits)[
                .scaled]
        }
        var small = Self.blank
        for y in 10..<20 { small[12, y] = 1 }  // 10 high: 20 / 10
        #expect(scaled(small) == "enlarged 2.0 times")
        var large = Self.blank
        for y in 0..<25 { large[12, y] = 1 }  // 25 high: 20 / 25
        #expect(scaled(large) == "shrunk to 80% of its size")
        var exact = Self.blank
        for y in 5..<25 { exact[12, y] = 1 }
        #expect(scaled(exact) == "kept at its size")
        #expect(scaled(Self.blank) == nil)
    }
}
