import ArgumentParser
import LeNet5
import Lessons
import Platform
import Screen
import Sketchpad
import Teaching
import Terminal

/// The options of every command that opens the sketchpad (`draw`, `tour`).
struct SketchpadOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read the explanations from this folder (its layers.txt and views.txt, as "
                + "`lenet5 explanations --out DIR` writes them) instead of the built-in ones.",
            valueName: "dir"))
    var explanations: String?

    @Option(
        help: ArgumentHelp(
            "Add the drawings of this folder (its .txt and .pgm files, 32x32) to the samples that "
                + "g and G go through.",
            valueName: "dir"))
    var gallery: String?

    @Flag(help: "Only ASCII characters: # for ink, +-| for frames.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    /// The explanations from `--explanations`, checked whole before the screen is taken over: a
    /// fault is `PATH:LINE: what is wrong` and exit status 2.
    func loadExplanations() throws -> Explanations {
        guard let explanations else { return .bundled }
        do {
            return try Explanations(directory: explanations)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
    }

    /// The samples and the drawings of `--gallery`, listed before the screen is taken over: a
    /// folder that is not there is refused with status 2. Its files are read one at a time as
    /// the gallery comes to them; one that is not a drawing is reported then, on screen.
    func loadGallery() throws -> Gallery {
        guard let gallery else { return Gallery() }
        var status = stat()
        guard stat(gallery, &status) == 0 else {
            Console.error("\(gallery): no such folder")
            throw ExitCode(2)
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            Console.error("\(gallery): is not a folder (--gallery takes a folder of drawings)")
            throw ExitCode(2)
        }
        return Gallery(files: DrawingFolder.files(in: gallery))
    }

    /// The built-in lessons, each checked against `classifier` (one its weights contradict is
    /// offered with the reason it cannot be opened), and `extra` after them.
    static func lessons(for classifier: Classifier, adding extra: Lesson? = nil) -> [LessonChoice] {
        var choices = [LessonChoice]()
        for name in BundledAssets.lessonNames {
            do {
                let lesson = try LessonLibrary.builtIn(named: name, classes: classifier.classes)
                try lesson.check(with: classifier, classes: classifier.classes)
                choices.append(LessonChoice(lesson))
            } catch {
                choices.append(LessonChoice(name: name, title: name, fault: error.description))
            }
        }
        if let extra { choices.append(LessonChoice(extra)) }
        return choices
    }
}

/// The sketchpad in the terminal: takes the screen over, runs `update` on each event and the
/// outcome of each effect, draws every frame, and gives the terminal back.
enum SketchpadRunner {
    /// Fails (status 2) before anything is drawn when there is no interactive terminal.
    static func requireTerminal() throws {
        guard TerminalSession.isInteractive else {
            Console.error(
                "the sketchpad needs an interactive terminal (standard input and output are not both "
                    + "terminals); to classify drawings from files or pipes, use `lenet5 predict FILE...`"
            )
            throw ExitCode(2)
        }
    }

    /// Runs until the user quits. `makeState` builds the first state for the terminal's size and
    /// what it can show; `opening`, if any, is sent to it before the first frame.
    static func run(
        derivations: Derivations, options: SketchpadOptions, opening: Message? = nil,
        makeState: (_ width: Int, _ height: Int, _ display: DisplayOptions) -> SketchpadState
    ) throws {
        let session: TerminalSession
        do {
            session = try TerminalSession(allowColor: !options.noColor)
        } catch {
            Console.error(
                "\(error); to classify drawings from files or pipes, use `lenet5 predict FILE...`")
            throw ExitCode(2)
        }
        defer { session.restore() }
        let size = session.size
        var state = makeState(
            size.width, size.height,
            DisplayOptions(
                // A locale that cannot show the block characters (LANG=C) gets the ASCII ones.
                ascii: options.ascii || !session.canShow(Palette.nonASCIICharacters),
                colors: session.colors))
        state.classCount = derivations.classifier.classCount
        if let opening { _ = state.update(opening) }
        var dirty = true
        // When the next step of a sweep is due (monotonic seconds), while one plays.
        var nextTick: Double?
        while true {
            if let signal = session.stopSignal {
                // The terminal first, then the death the signal asked for, so that the shell sees
                // the program killed by it.
                session.restore()
                TerminalSession.die(of: signal)
            }
            if session.takeSuspendRequest() {
                session.suspend()
                dirty = true
            } else if session.takeContinued() {
                session.reenter()
                dirty = true
            }
            if dirty {
                let derived = derivations.derive(from: state)
                // What the network reads, for the state to know before the next key.
                if let answer = state.answerMessage(derived) {
                    _ = state.update(answer)
                    continue
                }
                session.draw(state.render(derived))
                dirty = false
            }
            // A sweep's steps come as ticks between the events, on time even while keys arrive.
            if let interval = state.tickInterval {
                let now = monotonicSeconds()
                let due = nextTick ?? now + Double(interval) / 1000
                if now >= due {
                    _ = state.update(.tick)
                    nextTick = state.tickInterval.map { now + Double($0) / 1000 }
                    dirty = true
                    continue
                }
                nextTick = due
            } else {
                nextTick = nil
            }
            let wait = nextTick.map { max(1, Int((($0 - monotonicSeconds()) * 1000).rounded(.up))) }
            guard let event = session.nextEvent(timeout: min(100, wait ?? 100)) else { continue }
            dirty = true
            var effect = state.update(.input(event))
            while let current = effect {
                switch current {
                case .quit:
                    return
                case .save(let path, let contents, let overwrite):
                    effect = state.update(save(contents, to: path, overwrite: overwrite))
                case .readGalleryFile(let index, let path):
                    effect = state.update(readGalleryFile(index: index, path: path))
                }
            }
        }
    }

    static func save(_ contents: String, to path: String, overwrite: Bool) -> Message {
        do {
            try writeFileContents(Array(contents.utf8), to: path, overwrite: overwrite)
            return .saved(path: absolutePath(path))
        } catch {
            return .saveFailed(
                path: path, reason: error.reason, exists: error.reason == "already exists")
        }
    }

    /// The path from the root, so that the message says where the file went.
    static func absolutePath(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }

    /// A drawing of the gallery's folder, read as `--load` reads one.
    static func readGalleryFile(index: Int, path: String) -> Message {
        do {
            let drawing = try DrawingFile.read(path, requiredSide: Canvas.side)
            guard let canvas = Canvas(drawing) else {
                return .galleryFailed(
                    index: index,
                    reason: "is \(drawing.width)x\(drawing.height); the canvas holds 32x32")
            }
            return .galleryLoaded(index: index, canvas: canvas)
        } catch {
            if case .wrongSize(let width, let height, _) = error {
                return .galleryFailed(
                    index: index, reason: "is \(width)x\(height); the canvas holds 32x32")
            }
            return .galleryFailed(index: index, reason: error.description)
        }
    }
}
