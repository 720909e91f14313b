import ArgumentParser
import Dispatch
import LeNet5
import Platform
import Sketchpad
import Training

/// The options of teach mode, in the commands that open the sketchpad.
struct TeachOptions: ParsableArguments {
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

    func validate() throws {
        guard (1...10_000).contains(teachEpochs) else {
            throw ValidationError("--teach-epochs must be between 1 and 10000")
        }
    }

    /// Teach mode's work in `command` (recorded in a saved network's metadata), teaching from
    /// the weights at `weights` (nil: the built-in ones).
    func runtime(weights: String?, command: String = "lenet5 draw") -> TeachRuntime {
        var options = TransferOptions()
        options.epochs = teachEpochs
        let folder = ExampleFolder(option: examples)
        return TeachRuntime(
            folder: folder, sourcePath: weights, options: options,
            command: "\(command), teach mode, from the examples in \(folder.path)",
            absolute: SketchpadLoop.absolutePath)
    }
}

/// Carries out teach mode's effects for the sketchpad's loop: the examples folder read and written
/// (at once, one file per example, through `ExampleFolder`), networks taught on a background
/// thread while the screen stays live, and taught networks saved. Its answers are messages for
/// `update`; what the background thread reports waits in a mailbox until the loop collects it.
final class TeachRuntime {
    let folder: ExampleFolder
    /// The weights teaching starts from: the sketchpad's own (nil: the built-in ones).
    let sourcePath: String?
    let options: TransferOptions
    /// Records how the network was made, in its metadata.
    let command: String
    /// A path as the messages show it (from the root).
    let absolute: (String) -> String

    private let mailbox = TeachMailbox()
    private var cancellation: TransferCancellation?
    private var runs = 0
    /// The last network taught, which the save key writes.
    private var latest: (run: Int, result: TransferResult)?

    init(
        folder: ExampleFolder, sourcePath: String?, options: TransferOptions, command: String,
        absolute: @escaping (String) -> String
    ) {
        self.folder = folder
        self.sourcePath = sourcePath
        self.options = options
        self.command = command
        self.absolute = absolute
    }

    var isTraining: Bool { cancellation != nil }

    /// The examples folder as it is on disk now, each example read for its thumbnail. A folder
    /// that does not exist yet is empty: the first example makes it.
    func listing() -> TeachFolder {
        var status = stat()
        if stat(folder.path, &status) != 0 && errno == ENOENT {
            return TeachFolder(path: folder.path)
        }
        do {
            let classes = try folder.classes().map { found in
                TeachClass(
                    name: found.name,
                    examples: found.files.map {
                        TeachExample(file: $0, drawing: try? ExampleFolder.drawing(at: $0))
                    })
            }
            return TeachFolder(path: folder.path, classes: classes)
        } catch {
            return TeachFolder(path: folder.path, fault: error.description)
        }
    }

    /// Does what `effect` asks; the message says how it went (nil: nothing to report yet).
    func perform(_ effect: TeachEffect) -> TeachMessage? {
        switch effect {
        case .add(let drawing, let name):
            do {
                let file = try folder.add(drawing, to: name)
                return .added(file: file, name: name, folder: listing())
            } catch {
                return .notAdded(name: name, reason: error.description)
            }
        case .remove(let file, let name):
            do {
                try folder.remove(file)
                folder.removeClassIfEmpty(name)
                return .removed(file: file, folder: listing())
            } catch {
                return .notRemoved(file: file, reason: error.description)
            }
        case .train(let freeze):
            return train(freeze)
        case .cancelTraining:
            cancellation?.cancel()
            return nil
        case .saveNetwork(let run, let path, let overwrite):
            guard let latest, latest.run == run else {
                return .networkNotSaved(
                    path: path, reason: "that network was replaced by a newer one", exists: false)
            }
            let file = latest.result.weightsFile(command: command)
            do {
                // Through a temporary file and a rename (or a link, not to replace): never
                // through a symbolic link, never half written.
                try writeFileContents(file.bytes, to: path, overwrite: overwrite)
                return .networkSaved(path: absolute(path))
            } catch {
                return .networkNotSaved(
                    path: path, reason: error.reason, exists: error.reason == "already exists")
            }
        }
    }

    /// Reads and checks every example, then teaches on a background thread.
    func train(_ freeze: TeachFreeze) -> TeachMessage? {
        guard cancellation == nil else { return nil }
        let examples: TeachingExamples
        let source: TransferSource
        do {
            examples = try folder.load()
            source = try TransferSource.load(sourcePath)
        } catch let error as ExampleFolderError {
            return .failed(reason: error.description, cancelled: false)
        } catch {
            return .failed(reason: "\(error)", cancelled: false)
        }
        var options = self.options
        options.freeze = FrozenLayers(rawValue: freeze.rawValue) ?? .standard
        runs += 1
        let run = runs
        let cancellation = TransferCancellation()
        self.cancellation = cancellation
        let mailbox = self.mailbox
        let training = TransferTraining(examples: examples, source: source, options: options)
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(TransferError) {
                let result = try training.run(
                    progress: { progress in
                        mailbox.post(
                            progress: TeachProgress(
                                fraction: progress.fraction, words: progress.words,
                                elapsed: progress.elapsed))
                    }, cancellation: cancellation)
                // Packed for the kernels here, off the screen's thread.
                let network = TaughtNetwork(
                    run: run, classifier: Classifier(result.model, classes: result.classes),
                    freeze: freeze, examples: result.examples, trainAccuracy: result.trainAccuracy,
                    seconds: result.seconds,
                    comparison: result.comparison.map {
                        TeachComparison(
                            folds: $0.folds, total: $0.total, transferCorrect: $0.transferCorrect,
                            scratchCorrect: $0.scratchCorrect,
                            trainingExamples: $0.trainingExamples)
                    })
                mailbox.finish(.trained(network), result: (run, result))
            } catch {
                mailbox.finish(
                    .failed(reason: error.description, cancelled: error == .cancelled),
                    result: nil)
            }
        }
        return .started(examples: examples.examples.count, classes: examples.classes.count)
    }

    /// What the background thread reported since the last call: the latest progress, then the
    /// outcome when the run ended.
    func collect() -> [TeachMessage] {
        let (progress, outcome) = mailbox.take()
        var messages = [TeachMessage]()
        if let progress { messages.append(.progress(progress)) }
        if let outcome {
            cancellation = nil
            if let result = outcome.result { latest = result }
            messages.append(outcome.message)
        }
        return messages
    }
}

/// Where the teaching thread leaves its reports for the screen's thread.
final class TeachMailbox: @unchecked Sendable {
    // Only touched on the queue: what makes the unchecked Sendable true.
    private let queue = DispatchQueue(label: "lenet5.teach.mailbox")
    private var progress: TeachProgress?
    private var outcome: (message: TeachMessage, result: (run: Int, result: TransferResult)?)?

    /// Only the latest progress matters: a report not yet shown is replaced.
    func post(progress: TeachProgress) { queue.sync { self.progress = progress } }

    func finish(_ message: TeachMessage, result: (run: Int, result: TransferResult)?) {
        queue.sync { outcome = (message, result) }
    }

    func take() -> (
        TeachProgress?, (message: TeachMessage, result: (run: Int, result: TransferResult)?)?
    ) {
        queue.sync {
            defer { (progress, outcome) = (nil, nil) }
            // The outcome makes the progress before it stale.
            return (outcome == nil ? progress : nil, outcome)
        }
    }
}
