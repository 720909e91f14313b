import ArgumentParser
import LeNet5
import Platform
import Teaching
import Training

struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Teach the network new classes (or your own digits) from a few drawings.",
        discussion: """
            Transfer learning: the layers of a trained network (--from, the built-in weights by \
            default) up to the one --freeze names stay as they are, and the rest learn from the \
            examples, each redrawn in many versions (moved, rotated, slanted, stretched, other \
            strokes). DIR holds one folder per class, named for the class, of drawings: text grids \
            (.txt, as the sketchpad saves them) or PGM images (.pgm). The classes' order is their \
            folders' names sorted; folders 0 to 9 teach the digits, starting from the network's \
            own output for each. At least 2 drawings per class, 2 to 20 classes. Without \
            --examples, the folder the sketchpad's teach mode fills \
            ($XDG_DATA_HOME/lenet5/examples or ~/.local/share/lenet5/examples). \
            Also measures, by stratified k-fold cross-validation over the examples (k = 5, or the \
            fewest examples of a class if fewer), the held-out accuracy of the taught network \
            beside that of the same network trained from scratch (random weights, nothing frozen) \
            on the same examples with the same budget: the same versions of them and the same \
            number of steps, each side with its own step size and weight decay (--no-compare \
            skips it). The weights record their classes, the frozen layers, the source weights \
            (path and SHA-256) and this command.
            """)

    @Option(
        help: ArgumentHelp(
            "The examples: one folder per class (default: the teach mode's folder).",
            valueName: "dir"))
    var examples: String?

    @Option(
        help: ArgumentHelp("Where to write the taught weights (safetensors).", valueName: "file"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "The weights to start from (default: the built-in Assets/lenet5.safetensors).",
            valueName: "file"))
    var from: String?

    @Option(
        help: ArgumentHelp(
            "Keep the layers up to this one as they are: c1, s2, c3, s4, c5, f6, or none to "
                + "fine-tune everything.", valueName: "layer"))
    var freeze = FrozenLayers.standard

    @Option(help: "Passes over the examples.")
    var epochs = TransferOptions().epochs

    @Option(help: "Seeds the new output units, the versions of the examples and their order.")
    var seed: UInt64 = 1

    @Option(name: .customLong("learning-rate"), help: "Adam's initial step size.")
    var learningRate = TransferOptions().learningRate

    @Option(
        name: .customLong("weight-decay"),
        help: ArgumentHelp(
            "Each step shrinks the learning weights by the step size times this (AdamW).",
            valueName: "decay"))
    var weightDecay = TransferOptions().weightDecay

    @Option(
        name: .customLong("decay-toward"),
        help: ArgumentHelp(
            "What the weight decay pulls the learning weights toward: zero; source (the "
                + "weights they started from; a new class's output unit: zero); or auto: source "
                + "when the source has every class (your own digits), zero otherwise.",
            valueName: "target"))
    var decayToward = TransferOptions().decayTarget

    @Option(
        name: .customLong("output-start"),
        help: ArgumentHelp(
            "How a new class's output unit starts: random, or means (from the mean of F6's "
                + "values over the class's examples).", valueName: "start"))
    var outputStart = TransferOptions().outputStart

    @Option(help: "Versions of each example: the drawing as drawn and redrawn ones.")
    var variants = TransferOptions().variants

    @Option(
        name: .customLong("scratch-learning-rate"),
        help: "The initial step size of the comparison's networks trained from scratch.")
    var scratchLearningRate = TransferOptions().scratchLearningRate

    @Option(
        name: .customLong("scratch-weight-decay"),
        help: ArgumentHelp(
            "The weight decay of the comparison's networks trained from scratch.",
            valueName: "decay"))
    var scratchWeightDecay = TransferOptions().scratchWeightDecay

    @Option(
        name: .customLong("scratch-epochs"),
        help: ArgumentHelp(
            "Passes over the examples of the comparison's networks trained from scratch "
                + "(default: --epochs, the same steps).", valueName: "n"))
    var scratchEpochs: Int?

    @Flag(
        name: .customLong("no-compare"),
        help: "Skip the held-out comparison with training from scratch (quicker).")
    var noCompare = false

    @Flag(
        help: """
            Print one JSON line: {classes, examples, freeze, seconds, train_accuracy, \
            heldout_accuracy, scratch_heldout_accuracy, ...}.
            """)
    var json = false

    func validate() throws {
        guard (1...10_000).contains(epochs) else {
            throw ValidationError("--epochs must be between 1 and 10000")
        }
        guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
        for (name, rate) in [
            ("--learning-rate", learningRate), ("--scratch-learning-rate", scratchLearningRate),
        ] where !(rate.isFinite && rate > 0 && rate < 1) {
            throw ValidationError("\(name) must be a number between 0 and 1")
        }
        if let scratchEpochs, !(1...10_000).contains(scratchEpochs) {
            throw ValidationError("--scratch-epochs must be between 1 and 10000")
        }
        guard (1...1_000).contains(variants) else {
            throw ValidationError("--variants must be between 1 and 1000")
        }
        // Each step shrinks the weights by the step size times the decay: below 1, or they would
        // change sign.
        for (name, decay, rate) in [
            ("--weight-decay", weightDecay, learningRate),
            ("--scratch-weight-decay", scratchWeightDecay, scratchLearningRate),
        ] where !(decay.isFinite && decay >= 0 && decay * rate < 1) {
            throw ValidationError(
                "\(name) must be at least 0 and, times the learning rate, below 1")
        }
    }

    func run() throws {
        do {
            try checkWritable(out)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        // From here on a weights file may be half written when a signal comes.
        Interruption.removeTemporaryFilesOnSignals()
        let folder = ExampleFolder(option: examples)
        let taught: TeachingExamples
        do {
            taught = try folder.load()
        } catch {
            // Where the default folder is and what fills it, which a person may not know.
            let hint =
                examples == nil
                ? " (the default examples folder, which the sketchpad's teach mode fills; "
                    + "--examples DIR names another)" : ""
            Console.error(error.description + hint)
            throw ExitCode.failure
        }
        // The same drawing in two classes teaches that one shape is both: said, not refused.
        let shared = taught.sharedAcrossClasses
        for (first, second) in shared.prefix(3) {
            Console.note(
                "lenet5: note: \(first) and \(second) are the same drawing in two classes: the "
                    + "network cannot tell them apart")
        }
        if shared.count > 3 {
            Console.note("lenet5: note: and \(shared.count - 3) more drawings in two classes")
        }
        let source: TransferSource
        do {
            source = try TransferSource.load(from)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        var options = TransferOptions()
        options.freeze = freeze
        options.epochs = epochs
        options.seed = seed
        options.learningRate = learningRate
        options.scratchLearningRate = scratchLearningRate
        options.scratchEpochs = scratchEpochs
        options.variants = variants
        options.weightDecay = weightDecay
        options.scratchWeightDecay = scratchWeightDecay
        options.outputStart = outputStart
        options.decayTarget = decayToward
        options.compare = !noCompare
        let bar = ProgressBar(enabled: Console.standardErrorIsTerminal)
        let counts = taught.counts
        if !json {
            Console.note(
                "teaching \(taught.classes.count) classes from \(taught.examples.count) drawings "
                    + "(\(counts.min() ?? 0) to \(counts.max() ?? 0) a class), frozen: \(freeze), "
                    + "from \(source.name)")
        }
        let result: TransferResult
        do {
            result = try TransferTraining(examples: taught, source: source, options: options).run(
                progress: { progress in
                    bar.show(
                        fraction: progress.fraction, label: progress.words,
                        detail: percent(progress.fraction, digits: 0) + "  "
                            + formatDuration(progress.elapsed))
                })
        } catch {
            bar.clear()
            Console.error(error.description)
            throw ExitCode.failure
        }
        bar.clear()
        let file = result.weightsFile(command: commandLine)
        do {
            try file.write(to: out)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        report(result)
    }

    func report(_ result: TransferResult) {
        let comparison = result.comparison
        if json {
            Console.json([
                "classes": .array(result.classes.map { .string($0) }),
                "examples": .of(result.examples), "freeze": .string(freeze.rawValue),
                "seconds": .of(result.seconds), "train_accuracy": .of(result.trainAccuracy),
                "heldout_accuracy": comparison.map { .of($0.transferAccuracy) } ?? .null,
                "scratch_heldout_accuracy": comparison.map { .of($0.scratchAccuracy) } ?? .null,
                "heldout_method": comparison.map { .string($0.method) } ?? .null,
                "epochs": .of(epochs), "seed": .number(String(seed)), "out": .string(out),
                "learning_rate": .of(learningRate),
                "scratch_learning_rate": .of(scratchLearningRate),
                "weight_decay": .of(weightDecay), "scratch_weight_decay": .of(scratchWeightDecay),
                "scratch_epochs": .of(scratchEpochs ?? epochs), "variants": .of(result.variants),
                "output_start": .string(outputStart.rawValue),
                "decay_toward": .string(result.decayTarget.rawValue),
                "source": .string(result.source.name),
                "source_sha256": .string(result.source.sha256),
            ])
            return
        }
        Console.out("classes: " + result.classes.joined(separator: ", "))
        Console.out(
            "taught in \(formatDuration(result.seconds)); the examples as drawn: "
                + "\(percent(result.trainAccuracy, digits: 1)) right")
        if let comparison {
            Console.out(
                "held out (\(comparison.method)): transfer \(percent(comparison.transferAccuracy, digits: 1)), "
                    + "from scratch \(percent(comparison.scratchAccuracy, digits: 1))")
            Console.out()
            let facts = FactSheet.comparison(
                folds: comparison.folds, total: comparison.total,
                transferCorrect: comparison.transferCorrect,
                scratchCorrect: comparison.scratchCorrect,
                learnedFrom: comparison.trainingExamples, kept: freeze.rawValue)
            for line in Explanations.bundled.comparison(facts) { Console.out(line) }
            Console.out()
        }
        Console.out("wrote \(out)")
    }

    /// The command line as a person would type it again.
    var commandLine: String {
        (["lenet5"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
    }
}

extension FrozenLayers: ExpressibleByArgument {}
extension OutputStart: ExpressibleByArgument {}
extension DecayTarget: ExpressibleByArgument {}
