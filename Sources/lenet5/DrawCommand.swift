import ArgumentParser
import LeNet5
import Platform
import Screen
import Sketchpad
import Teaching
import Terminal
import Training

struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Open the sketchpad: draw a digit, watch LeNet-5 classify it layer by layer.",
        discussion: """
            Draw with the left mouse button (the right one erases) or with the keys: arrows or \
            h j k l move, Space paints, p puts the pen down, e toggles the eraser, [ and ] set the \
            brush, c clears, u undoes, s saves. Tab steps through the layers, Enter zooms a map \
            beside its kernels (the arrows then pick a value, and the canvas lights up where it \
            looks), w watches the picked value being computed (r sweeps it across the map), f \
            gives the network the whole screen, x shades the drawing by what made the answer, i \
            hides or shows the explanations. t opens teach mode: label drawings with a digit key or \
            = and a name of your own (each is saved at once under the examples folder), R teaches \
            the network from them in the background, O switches between the original and the \
            taught network, W saves the taught one. ? lists every key, q quits. Needs an interactive terminal of at least \(Layout.compactMinimum.width)x\
            \(Layout.compactMinimum.height) (\(Layout.fullMinimum.width)x\
            \(Layout.fullMinimum.height) for the full view).
            """)

    @Option(
        help: ArgumentHelp(
            "Start from a saved drawing (a text grid or a 32x32 PGM).", valueName: "file"))
    var load: String?

    @OptionGroup var weights: WeightsOption

    @Option(
        help: ArgumentHelp(
            "Read the explanations from this folder (its layers.txt and views.txt, as "
                + "`lenet5 explanations --out DIR` writes them) instead of the built-in ones.",
            valueName: "dir"))
    var explanations: String?

    @Option(
        help: ArgumentHelp(
            "Teach mode's examples folder (default: $XDG_DATA_HOME/lenet5/examples, else "
                + "~/.local/share/lenet5/examples), as `lenet5 transfer --examples` reads it.",
            valueName: "dir"))
    var examples: String?

    @Option(
        name: .customLong("teach-epochs"),
        help: "Passes over the examples when teach mode teaches (as `lenet5 transfer --epochs`).")
    var teachEpochs = TransferOptions().epochs

    @Flag(help: "Only ASCII characters: # for ink, +-| for frames.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        guard (1...10_000).contains(teachEpochs) else {
            throw ValidationError("--teach-epochs must be between 1 and 10000")
        }
    }

    func run() throws {
        guard TerminalSession.isInteractive else {
            Console.error(
                "the sketchpad needs an interactive terminal (standard input and output are not both "
                    + "terminals); to classify drawings from files or pipes, use `lenet5 predict FILE...`"
            )
            throw ExitCode(2)
        }
        // Everything that can fail on bad input fails here, before the screen is taken over.
        let file = try weights.load()
        let classifier = Classifier(file)
        let canvas = try loadCanvas()
        let derivations = Derivations(
            classifier: classifier, unsure: file.unsure, explanations: try loadExplanations())
        let teach = teachRuntime()
        let session: TerminalSession
        do {
            session = try TerminalSession(allowColor: !noColor)
        } catch {
            Console.error(
                "\(error); to classify drawings from files or pipes, use `lenet5 predict FILE...`")
            throw ExitCode(2)
        }
        defer { session.restore() }
        let size = session.size
        var state = SketchpadState(
            width: size.width, height: size.height,
            options: DisplayOptions(
                // A locale that cannot show the block characters (LANG=C) gets the ASCII ones.
                ascii: ascii || !session.canShow(Palette.nonASCIICharacters),
                colors: session.colors),
            canvas: canvas, loadedFrom: load)
        state.classCount = classifier.classCount
        _ = state.update(.teach(.folder(teach.listing())))
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
                session.draw(state.render(derivations.derive(from: state)))
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
            // What the teaching thread reported: its progress, then its network.
            for message in teach.collect() {
                _ = state.update(.teach(message))
                dirty = true
            }
            if dirty { continue }
            let wait = nextTick.map { max(1, Int((($0 - monotonicSeconds()) * 1000).rounded(.up))) }
            // While teaching runs, often enough that its progress line moves smoothly.
            let most = teach.isTraining ? 50 : 100
            guard let event = session.nextEvent(timeout: min(most, wait ?? most)) else { continue }
            dirty = true
            var effect = state.update(.input(event))
            while let current = effect {
                switch current {
                case .quit:
                    return
                case .save(let path, let contents, let overwrite):
                    effect = state.update(save(contents, to: path, overwrite: overwrite))
                case .teach(let work):
                    effect = teach.perform(work).flatMap { state.update(.teach($0)) }
                }
            }
        }
    }

    /// Teach mode's work: the examples folder, teaching from the sketchpad's own weights.
    func teachRuntime() -> TeachRuntime {
        var options = TransferOptions()
        options.epochs = teachEpochs
        let folder = ExampleFolder(option: examples)
        return TeachRuntime(
            folder: folder, sourcePath: weights.weights, options: options,
            command: "lenet5 draw, teach mode, from the examples in \(folder.path)",
            absolute: absolutePath)
    }

    func save(_ contents: String, to path: String, overwrite: Bool) -> Message {
        do {
            try writeFileContents(Array(contents.utf8), to: path, overwrite: overwrite)
            return .saved(path: absolutePath(path))
        } catch {
            return .saveFailed(
                path: path, reason: error.reason, exists: error.reason == "already exists")
        }
    }

    /// The path from the root, so that the message says where the file went.
    func absolutePath(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }

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

    func loadCanvas() throws -> Canvas {
        guard let load else { return Canvas() }
        do {
            // A PGM of another size is refused from its header, before its raster is read.
            let drawing = try DrawingFile.read(load, requiredSide: Canvas.side)
            guard let canvas = Canvas(drawing) else {
                throw DrawingFileError.wrongSize(
                    width: drawing.width, height: drawing.height, required: Canvas.side)
            }
            return canvas
        } catch let error as DrawingFileError {
            if case .wrongSize(let width, let height, _) = error {
                Console.error(
                    "\(load): is \(width)x\(height); the sketchpad loads 32x32 drawings "
                        + "(`lenet5 predict` takes any size)")
            } else {
                Console.error("\(load): \(error)")
            }
        }
        throw ExitCode.failure
    }
}
