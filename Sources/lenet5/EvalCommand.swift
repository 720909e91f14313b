import ArgumentParser
import LeNet5
import Training

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the accuracy on the 10,000 MNIST test digits.",
        discussion: """
            Each 28x28 digit is padded by 2 to 32x32, as LeCun did, and classified as it is (no \
            preprocessing). Prints the accuracy, each digit's accuracy and the confusion matrix.
            """)

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST IDX files, gzipped or not (default: LENET5_MNIST, else "
                + "the cache folder that `lenet5 mnist fetch` fills).", valueName: "dir"))
    var mnist: String?

    @OptionGroup var weights: WeightsOption

    @Option(help: "Threads running the forward passes.")
    var threads = 2

    @Flag(help: "Print {accuracy, correct, total, inference_seconds, ...} as JSON.")
    var json = false

    func validate() throws {
        guard (1...256).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 256")
        }
    }

    func run() throws {
        let file = try weights.load()
        guard ClassNames.areDigits(file.classes) else {
            Console.error(
                "\(weights.name): its classes are "
                    + file.classes.joined(separator: ", ")
                    + ", not the digits 0 to 9: MNIST cannot measure it (lenet5 transfer measures "
                    + "a taught network on its own examples)")
            throw ExitCode.failure
        }
        let test: MNISTDataset
        do {
            test = try MNIST.testSet(MNISTLocation(option: mnist))
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        let result = Evaluation.run(Classifier(file), on: test, threads: threads)
        guard result.nonFiniteOutputs == 0 else {
            let fault =
                "\(weights.name): the network's output is not a number for "
                + "\(result.nonFiniteOutputs) of the \(test.count) test digits "
                + "(\(WeightsOption.overflow))"
            Console.error(fault)
            if json { Console.json(["error": .string(fault)]) }
            throw ExitCode.failure
        }
        if json {
            Console.json([
                "accuracy": .of(result.accuracy), "correct": .of(result.correct),
                "total": .of(result.total), "inference_seconds": .of(result.inferenceSeconds),
                "class_accuracy": .array(
                    result.classAccuracy.map { $0.map { JSONValue.of($0) } ?? .null }),
                "confusion": .array(
                    result.confusion.map { JSONValue.array($0.map { JSONValue.of($0) }) }),
            ])
            return
        }
        Console.out(
            "MNIST test accuracy: \(percent(result.accuracy)) (\(result.correct) of \(result.total))"
        )
        Console.out(
            "inference: \(formatFixed(result.inferenceSeconds * 1000, digits: 1)) ms on \(threads) threads"
        )
        Console.out()
        Console.out("digit  accuracy   count")
        for digit in 0..<10 {
            let count = result.confusion[digit].reduce(0, +)
            let accuracy = result.classAccuracy[digit].map { percent($0) } ?? "-"
            Console.out(
                "  \(digit)    \(NumberText.right(accuracy, 7))  \(NumberText.right(String(count), 6))"
            )
        }
        Console.out()
        Console.out("confusion (rows: true digit, columns: predicted)")
        Console.out("     " + (0..<10).map { NumberText.right(String($0), 5) }.joined())
        for digit in 0..<10 {
            Console.out(
                "  \(digit)  "
                    + result.confusion[digit].map {
                        NumberText.right($0 == 0 ? "." : String($0), 5)
                    }.joined())
        }
    }
}
