import ArgumentParser
import LeNet5
import Lessons
import Platform
import Sketchpad
import Teaching

struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "Take a guided tour in the sketchpad, list the lessons, or print a lesson.",
        discussion: """
            A lesson is a plain text file of steps, each saying something about the drawing on \
            the canvas and pointing at a part of the screen (the format is in README, Writing a \
            lesson). lenet5 has some built in; --file reads one you wrote. A lesson is checked \
            before anything else: every directive, layer, map, unit, class, drawing and \
            placeholder, and every fact it states (@expect) against the weights in use. A fault \
            is reported as PATH:LINE: what is wrong, with exit status 2, before the screen is \
            taken over. On a terminal the sketchpad opens at the lesson's first step: Space or \
            the right arrow goes to the next step, the left arrow or Backspace back, Esc leaves \
            the tour (and q quits); draw with the mouse, or with p and h j k l, at any step. With \
            standard output not a terminal (a pipe or a file), the lesson's steps are printed as \
            text instead, with the numbers of its own drawings.
            """)

    @Argument(help: ArgumentHelp("A built-in lesson (see --list).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("A lesson file of your own.", valueName: "path"))
    var file: String?

    @Flag(help: "List the lessons, one a line: its name, a tab, its title.")
    var list = false

    @OptionGroup var weights: WeightsOption

    @OptionGroup var sketchpad: SketchpadOptions

    @OptionGroup var gallery: GalleryOption

    @OptionGroup var teaching: TeachOptions

    func validate() throws {
        if name != nil && file != nil {
            throw ValidationError("give a lesson's name or --file, not both")
        }
        if list && name != nil {
            throw ValidationError("--list lists every lesson: leave out the name")
        }
    }

    func run() throws {
        if list || (name == nil && file == nil) {
            try listLessons()
            return
        }
        let loaded = try weights.load()
        let classifier = Classifier(loaded)
        // The network's own names: a lesson that names a digit a taught network lacks is refused
        // by its check, with the lesson's message.
        let classes = loaded.classes
        let lesson: Lesson
        do {
            if let file {
                lesson = try LessonLibrary.file(file, classes: classes)
            } else {
                lesson = try LessonLibrary.builtIn(named: name ?? "", classes: classes)
            }
            try lesson.check(with: classifier, classes: classes)
        } catch {
            throw Self.fail(error)
        }
        guard isatty(STDOUT_FILENO) != 0 else {
            printSteps(of: lesson, classifier: classifier, classes: classes)
            return
        }
        try openTour(lesson, classifier: classifier, unsure: loaded.unsure)
    }

    /// The sketchpad, open at the lesson's first step; the other lessons are a T away.
    func openTour(_ lesson: Lesson, classifier: Classifier, unsure: UnsureStatistics?) throws {
        try SketchpadOptions.requireTerminal()
        let derivations = Derivations(
            classifier: classifier, unsure: unsure,
            explanations: try sketchpad.loadExplanations())
        let gallery = try self.gallery.load()
        var lessons = SketchpadOptions.lessons(for: classifier)
        let index: Int
        if file != nil {
            lessons.append(LessonChoice(lesson))
            index = lessons.count - 1
        } else {
            index = lessons.firstIndex { $0.name == lesson.name } ?? 0
            lessons[index] = LessonChoice(lesson)
        }
        let session = try sketchpad.takeTerminal()
        defer { session.restore() }
        let size = session.size
        var state = SketchpadState(
            width: size.width, height: size.height, options: sketchpad.displayOptions(session),
            gallery: gallery, lessons: lessons)
        state.classCount = classifier.classCount
        _ = state.update(.startTour(lesson: index))
        SketchpadLoop(
            session: session, derivations: derivations,
            teach: teaching.runtime(weights: weights.weights, command: "lenet5 tour")
        ).run(&state)
    }

    func listLessons() throws {
        var lessons: [Lesson]
        do {
            lessons = try LessonLibrary.builtIn()
            if let file {
                lessons = try LessonLibrary.adding(LessonLibrary.file(file), to: lessons)
            }
        } catch {
            throw Self.fail(error)
        }
        for lesson in lessons { Console.out("\(lesson.name)\t\(lesson.title)") }
    }

    /// A broken lesson: its message as an editor reads it (`PATH:LINE: what is wrong`, with no
    /// prefix before the path), and exit status 2.
    static func fail(_ error: LessonError) -> ExitCode {
        if case .noSuchLesson = error {
            Console.error(error.description)
        } else {
            Console.note(error.description)
        }
        return ExitCode(2)
    }

    /// The lesson as text: each step's heading, what it does, and its words, filled in with the
    /// numbers of the lesson's own drawings (placeholders stay where the drawing is the reader's).
    func printSteps(of lesson: Lesson, classifier: Classifier, classes: [String]) {
        Console.out(lesson.title)
        Console.out("\(lesson.name): \(lesson.steps.count) steps, \(lesson.path)")
        let blank = Bitmap(width: Preprocessing.inputSide, height: Preprocessing.inputSide)
        for (index, (step, canvas)) in zip(lesson.steps, lesson.canvases).enumerated() {
            Console.out()
            Console.out(
                "step \(index + 1) of \(lesson.steps.count)" + (step.title.map { ": " + $0 } ?? ""))
            var doing = step.setup.map(\.description)
            if case .unit(let unit) = step.target, unit.layer == .output, unit.map < classes.count {
                doing.append("points at the output for \(classes[unit.map])")
            } else if let target = step.target {
                doing.append("points at \(target)")
            }
            if !step.preprocessing { doing.append("the preprocessing is off") }
            if let awaited = step.awaited {
                doing.append("waits until the network reads the drawing as \(awaited.name)")
            }
            if !doing.isEmpty { Console.out("(" + doing.joined(separator: "; ") + ")") }
            // The reader's drawing is not known: a blank canvas gives only what the step points
            // at and asks for.
            let facts = step.facts(of: canvas ?? blank, classifier: classifier, classes: classes)
            for (i, paragraph) in step.text.text(fillingWhatIsKnown: facts).enumerated() {
                if i > 0 { Console.out() }
                for line in paragraph.wrapped(width: LessonParser.textColumns) {
                    Console.out(line)
                }
            }
        }
    }
}
