import ArgumentParser
import LeNet5
import Platform
import Training

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train LeNet-5 on MNIST and write its weights.",
        discussion: """
            Backpropagation with Adam on mini-batches, the learning rate falling along a cosine, \
            the samples augmented to look like sketchpad drawings (see README). Deterministic for a \
            seed, a thread count and an instruction set. After every epoch the test accuracy is \
            measured and the weights are written to --out, so an interrupted run keeps its last \
            epoch. The weights record how they were made in their metadata.
            """)

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST IDX files, gzipped or not (default: LENET5_MNIST, else "
                + "the cache folder that `lenet5 mnist fetch` fills).", valueName: "dir"))
    var mnist: String?

    @Option(help: ArgumentHelp("Where to write the weights (safetensors).", valueName: "file"))
    var out: String

    @Option(help: "Passes over the 60,000 training digits.")
    var epochs = 30

    @Option(name: .customLong("batch-size"), help: "Digits per optimiser step.")
    var batchSize = 64

    @Option(help: "Seeds the initial weights, the shuffle and the augmentation.")
    var seed: UInt64 = 1

    @Option(name: .customLong("learning-rate"), help: "Adam's initial step size.")
    var learningRate: Float = 2e-3

    @Option(help: "Threads computing each batch's gradient.")
    var threads = 2

    @Flag(name: .customLong("no-augment"), help: "Train on the MNIST digits as they are.")
    var noAugment = false

    @Option(
        name: .customLong("sketch-share"),
        help: "Share of training digits redrawn as sketchpad sketches (the rest stay MNIST-like).")
    var sketchShare: Float = 0.6

    @Option(
        name: .customLong("limit"), help: "Use only the first N training digits (for quick trials)."
    )
    var limit: Int?

    @Flag(help: "A JSON line per epoch and a summary at the end, on standard output.")
    var json = false

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard (1...60_000).contains(batchSize) else {
            throw ValidationError("--batch-size must be between 1 and 60000")
        }
        guard (1...256).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 256")
        }
        guard learningRate.isFinite && learningRate > 0 else {
            throw ValidationError("--learning-rate must be a positive number")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
        guard (0...1).contains(sketchShare) else {
            throw ValidationError("--sketch-share must be between 0 and 1")
        }
    }

    func run() throws {
        do {
            try checkWritable(out)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        let outExisted = access(out, F_OK) == 0
        // From here on a weights file may be half written when a signal comes.
        Interruption.removeTemporaryFilesOnSignals()
        let data: MNIST
        do {
            data = try MNIST(MNISTLocation(option: mnist))
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        let training = limit.map { data.training.prefix($0) } ?? data.training
        var options = TrainingOptions()
        options.epochs = epochs
        options.batchSize = batchSize
        options.seed = seed
        options.learningRate = learningRate
        options.threads = threads
        options.augmentation = noAugment ? nil : augmentation
        var generator = SeededGenerator(seed: seed)
        let trainer = Trainer(model: LeNet5(using: &generator), options: options)
        let progress = ProgressBar(enabled: Console.standardErrorIsTerminal)
        Console.note(
            "training on \(training.count) digits, \(epochs) epochs of \((training.count + batchSize - 1) / batchSize) "
                + "batches of \(batchSize), \(threads) threads, \(options.instructionSet.rawValue) kernels"
        )
        var epochSeconds = [Double]()
        var testAccuracy = 0.0
        let started = monotonicSeconds()
        var saved: Int?
        for epoch in 1...epochs {
            let result: EpochResult
            do {
                result = try trainer.trainEpoch(epoch, on: training) { p in
                    let done = Double(epoch - 1) + Double(p.batch) / Double(p.batches)
                    let elapsed = monotonicSeconds() - started
                    progress.show(
                        fraction: Double(p.batch) / Double(p.batches),
                        label: "epoch \(epoch)/\(epochs)",
                        detail:
                            "batch \(p.batch)/\(p.batches)  loss \(formatFixed(p.loss, digits: 4))  "
                            + "acc \(percent(p.accuracy, digits: 1))  ETA "
                            + formatDuration(elapsed / done * Double(epochs) - elapsed))
                }
            } catch {
                progress.clear()
                try stop(error.description, saved: saved, outExisted: outExisted)
            }
            epochSeconds.append(result.seconds)
            let evaluation = Evaluation.run(
                Classifier(trainer.model), on: data.test, threads: threads)
            guard evaluation.nonFiniteOutputs == 0 else {
                progress.clear()
                let error = TrainingError.testOutputNotFinite(
                    epoch: epoch, digits: evaluation.nonFiniteOutputs, total: data.test.count)
                try stop(error.description, saved: saved, outExisted: outExisted)
            }
            testAccuracy = evaluation.accuracy
            progress.clear()
            let line =
                "epoch \(epoch)/\(epochs)  loss \(formatFixed(result.loss, digits: 4))  "
                + "train \(percent(result.trainingAccuracy))  test \(percent(testAccuracy))  "
                + formatDuration(result.seconds)
            Console.note(line)
            try save(trainer.model, epochsDone: epoch, testAccuracy: testAccuracy, options: options)
            saved = epoch
            if json {
                Console.json([
                    "epoch": .of(epoch), "loss": .of(result.loss),
                    "train_accuracy": .of(result.trainingAccuracy),
                    "test_accuracy": .of(testAccuracy),
                    "epoch_seconds": .of(result.seconds),
                ])
            }
        }
        // The statistics behind "not a digit?" depend on the final weights: fitted once, at the end.
        var fit = UnsureFit().scaled(toTrainingCount: training.count)
        fit.seed = seed
        fit.threads = threads
        Console.note("fitting the \"not sure\" statistics (as lenet5 unsure fit does)")
        let unsure = fit.fit(Classifier(trainer.model), training: training) { Console.note($0) }
        try save(
            trainer.model, epochsDone: epochs, testAccuracy: testAccuracy, options: options,
            unsure: (unsure, fit))
        Console.note(
            "wrote \(out) (MNIST test accuracy \(percent(testAccuracy)); \(unsure.measured))")
        if json {
            Console.json([
                "out": .string(out), "epochs": .of(epochs), "batch_size": .of(batchSize),
                "seed": .number(String(seed)), "threads": .of(threads),
                "epoch_seconds": .array(epochSeconds.map { .of($0) }),
                "mean_epoch_seconds": .of(epochSeconds.reduce(0, +) / Double(epochSeconds.count)),
                "test_accuracy": .of(testAccuracy),
                "augmentation": noAugment ? .null : .string(augmentation.summary),
            ])
        }
    }

    var augmentation: Augmentation {
        var augmentation = Augmentation()
        augmentation.mnistShare = 1 - sketchShare
        return augmentation
    }

    /// The command line as a person would type it again.
    var commandLine: String {
        (["lenet5"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
    }

    func save(
        _ model: LeNet5, epochsDone: Int, testAccuracy: Double, options: TrainingOptions,
        unsure: (result: UnsureFitResult, fit: UnsureFit)? = nil
    ) throws {
        let metadata = [
            "format":
                "LeNet-5 (LeCun et al. 1998) with PyTorch names and layout; see lenet5 summary",
            "command": commandLine,
            "epochs": String(epochs),
            "epochs_completed": String(epochsDone),
            "batch_size": String(batchSize),
            "seed": String(seed),
            "optimizer":
                "Adam, learning rate \(learningRate) falling along a cosine to \(options.finalLearningRate)",
            "augmentation": noAugment ? "none" : augmentation.summary,
            "training_digits": String(limit.map { min($0, 60_000) } ?? 60_000),
            "mnist_test_accuracy": formatFixed(testAccuracy, digits: 4),
        ]
        var file = WeightsFile(model: model, metadata: metadata)
        if let unsure { file.attach(unsure.result, fit: unsure.fit) }
        do {
            try file.write(to: out)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
    }

    /// Ends a run that went wrong, saying what --out holds: the weights of the last good epoch,
    /// or, if no epoch finished, whatever was there before (which is never replaced by weights
    /// that are not numbers).
    func stop(_ message: String, saved: Int?, outExisted: Bool) throws -> Never {
        let kept =
            saved.map { "\(out) holds the weights after epoch \($0)" }
            ?? (outExisted ? "\(out) is left as it was" : "nothing was written to \(out)")
        Console.error("\(message); \(kept)")
        if json {
            Console.json([
                "error": .string(message), "out": .string(out), "epochs_saved": .of(saved ?? 0),
            ])
        }
        throw ExitCode.failure
    }
}

func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A one-line progress bar on standard error, redrawn in place; silent when not a terminal.
/// Unchecked Sendable: its callers report one at a time (`lenet5 transfer`'s from whichever
/// thread did the work, never two at once).
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    private var lastDraw = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    func show(fraction: Double, label: String, detail: String) {
        guard enabled else { return }
        let now = monotonicSeconds()
        // A few redraws a second are plenty, and keep a slow terminal from slowing the work.
        guard now - lastDraw > 0.1 || fraction >= 1 else { return }
        lastDraw = now
        let width = Console.width
        let barWidth = max(10, min(30, width - label.count - detail.count - 6))
        let filled = Int((Double(barWidth) * min(1, max(0, fraction))).rounded(.down))
        var line =
            label + " [" + String(repeating: "#", count: filled)
            + String(repeating: ".", count: barWidth - filled) + "] " + detail
        if line.count > width - 1 { line = String(line.prefix(width - 1)) }
        Console.write("\r\u{1B}[K" + line, to: STDERR_FILENO)
    }

    func clear() {
        guard enabled else { return }
        Console.write("\r\u{1B}[K", to: STDERR_FILENO)
    }
}
