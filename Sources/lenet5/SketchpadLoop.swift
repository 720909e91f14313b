import ArgumentParser
import LeNet5
import Platform
import Screen
import Sketchpad
import Teaching
import Terminal

/// The options of the commands that open the sketchpad (`draw`, `explore`): its words and how it
/// draws.
struct SketchpadOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read the explanations from this folder (its layers.txt and views.txt, as "
                + "`lenet5 explanations --out DIR` writes them) instead of the built-in ones.",
            valueName: "dir"))
    var explanations: String?

    @Flag(help: "Only ASCII characters: # for ink, +-| for frames.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    /// The explanations from `--explanations`, checked whole before the screen is taken over: a
    /// fault is `PATH:LINE: what is wrong` and exit status 2.
    func loadExplanations() throws -> Explanations {
        try Self.loadExplanations(from: explanations)
    }

    /// The explanations in `directory`, or the built-in ones without it; as `loadExplanations`.
    static func loadExplanations(from directory: String?) throws -> Explanations {
        guard let directory else { return .bundled }
        do {
            return try Explanations(directory: directory)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
    }

    /// How the sketchpad draws on `session`'s terminal.
    func displayOptions(_ session: TerminalSession) -> DisplayOptions {
        DisplayOptions(
            // A locale that cannot show the block characters (LANG=C) gets the ASCII ones.
            ascii: ascii || !session.canShow(Palette.nonASCIICharacters), colors: session.colors)
    }

    /// Refuses to go on unless standard input and output are a terminal (exit status 2).
    static func requireTerminal() throws {
        guard TerminalSession.isInteractive else {
            Console.error(
                "the sketchpad needs an interactive terminal (standard input and output are not both "
                    + "terminals); to classify drawings from files or pipes, use `lenet5 predict FILE...`"
            )
            throw ExitCode(2)
        }
    }

    /// The terminal, taken over; restore it when done.
    func takeTerminal() throws -> TerminalSession {
        do {
            return try TerminalSession(allowColor: !noColor)
        } catch {
            Console.error(
                "\(error); to classify drawings from files or pipes, use `lenet5 predict FILE...`")
            throw ExitCode(2)
        }
    }
}

/// The sketchpad's run loop: draws a frame whenever something changed, hands each event to
/// `update`, carries out the effects it returns (teach mode's through `teach`), collects what a
/// teaching run reports from its thread, and ticks while a sweep plays; until quit, or a signal
/// that stops the program (the terminal restored first).
struct SketchpadLoop {
    let session: TerminalSession
    let derivations: Derivations
    let teach: TeachRuntime

    func run(_ state: inout SketchpadState) {
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
                    effect = state.update(Self.save(contents, to: path, overwrite: overwrite))
                case .readGalleryFile(let index, let path):
                    effect = state.update(GalleryOption.read(index: index, path: path))
                case .teach(let work):
                    effect = teach.perform(work).flatMap { state.update(.teach($0)) }
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
}
