import ArgumentParser
import LeNet5
import Sketchpad
import Training

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Browse the 10,000 MNIST test digits and the network's mistakes.",
        discussion: """
            Opens the sketchpad on the MNIST test digits, each with its label, what the network \
            reads (padded by 2 to 32x32 and fed as it is, as `lenet5 eval` does), the bars, every \
            layer and what drove the answer. The left and right arrows step through the list, up \
            and down ten at a time; A shows all the digits, W only those the network reads wrong, \
            C the confusion matrix (the arrows pick a cell, Enter browses its digits). d copies \
            the digit onto the canvas, ink where it is at least half ink, to edit and redraw; A, \
            W or C go back to the digits. The sketchpad's other keys work as in `lenet5 draw` (? \
            lists them).
            """)

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST IDX files, gzipped or not (default: LENET5_MNIST, else "
                + "the cache folder that `lenet5 mnist fetch` fills).", valueName: "dir"))
    var mnist: String?

    @OptionGroup var weights: WeightsOption

    @OptionGroup var sketchpad: SketchpadOptions

    @OptionGroup var teaching: TeachOptions

    func run() throws {
        // Everything that can fail on bad input fails here, before the screen is taken over.
        let file = try weights.load()
        guard ClassNames.areDigits(file.classes) else {
            Console.error(
                "\(weights.name): its classes are " + file.classes.joined(separator: ", ")
                    + ", not the digits 0 to 9: there are no MNIST digits of theirs to explore")
            throw ExitCode.failure
        }
        let classifier = Classifier(file)
        let digits = try Self.readTestDigits(mnist: mnist, classifier: classifier, weights: weights)
        let derivations = Derivations(
            classifier: classifier, explanations: try sketchpad.loadExplanations())
        try SketchpadOptions.requireTerminal()
        let session = try sketchpad.takeTerminal()
        defer { session.restore() }
        let size = session.size
        var state = SketchpadState(
            width: size.width, height: size.height, options: sketchpad.displayOptions(session),
            explorer: Explorer(digits: digits.digits))
        state.classCount = classifier.classCount
        state.notice = digits.summary
        SketchpadLoop(
            session: session, derivations: derivations,
            teach: teaching.runtime(weights: weights.weights, command: "lenet5 explore")
        ).run(&state)
    }

    /// The test set from the folder `--mnist` (or LENET5_MNIST, or the cache) names, each digit
    /// read by the network on two threads; and a line that says how many are wrong and how long
    /// reading them took. A missing or bad set is reported (where it looked, how to fetch it),
    /// exit status 1.
    static func readTestDigits(mnist: String?, classifier: Classifier, weights: WeightsOption)
        throws -> (digits: TestDigits, summary: String)
    {
        let started = monotonicSeconds()
        let test: MNISTDataset
        do {
            test = try MNIST.testSet(MNISTLocation(option: mnist))
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        let loaded = monotonicSeconds()
        let (digits, result) = read(test, classifier: classifier)
        guard result.nonFiniteOutputs == 0 else {
            Console.error(
                "\(weights.name): the network's output is not a number for "
                    + "\(result.nonFiniteOutputs) of the \(test.count) test digits "
                    + "(\(WeightsOption.overflow))")
            throw ExitCode.failure
        }
        let read = monotonicSeconds()
        let wrong = test.count - result.correct
        let summary =
            "\(NumberText.grouped(wrong)) of \(NumberText.grouped(test.count)) read wrong "
            + "(loaded in \(milliseconds(loaded - started)), read in "
            + "\(milliseconds(read - loaded)))"
        return (digits, summary)
    }

    /// Every digit of `test` read by `classifier`, on `threads` threads.
    static func read(_ test: MNISTDataset, classifier: Classifier) -> (
        digits: TestDigits, evaluation: Evaluation
    ) {
        let result = Evaluation.run(classifier, on: test, threads: threads)
        let digits = TestDigits(
            images: test.pixels, labels: test.labels.map(Int.init),
            predictions: result.predictions)
        return (digits, result)
    }

    /// The threads that read the test digits.
    static let threads = 2

    static func milliseconds(_ seconds: Double) -> String {
        NumberText.fixed(seconds * 1000, 0) + " ms"
    }
}
