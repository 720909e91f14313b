import ArgumentParser
import LeNet5

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify drawings: text grids (as the sketchpad saves them) or PGM images.",
        discussion: """
            A text grid is 32 lines of 32 characters, '.', ' ' or '0' for background and '#' or '1' \
            for ink. A PGM (P2 or P5) may be any size; light-on-dark and dark-on-light both work. \
            '-' reads standard input. Each drawing is scaled and centred as MNIST's digits were \
            (see README) unless --no-preprocess is given. A drawing without ink has no prediction. \
            A drawing that looks like no digit the network has seen is "not a digit?", with the \
            best guess still given; this needs weights with "not sure" statistics (the built-in \
            ones have them; `lenet5 unsure fit` adds them to others). A file that cannot be read \
            is reported and skipped; the exit status is then 1.
            """)

    @Argument(
        help: ArgumentHelp("Drawings to classify ('-' for standard input).", valueName: "file"))
    var files: [String]

    @OptionGroup var weights: WeightsOption

    @Flag(
        help: """
            One JSON object per line per file: {file, prediction, label, confidence, \
            probabilities, unsure, unsure_score, unsure_threshold}; prediction is the class's \
            index, label its name.
            """)
    var json = false

    @Flag(
        name: .customLong("no-preprocess"),
        help: "Feed a 32x32 drawing to the network as it is (ink 1.0, background 0.0).")
    var noPreprocess = false

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("name at least one file, or - for standard input")
        }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() throws {
        let file = try weights.load()
        let classifier = Classifier(file)
        let unsure = file.unsure
        if unsure == nil {
            let name = weights.weights ?? WeightsFile.bundledName
            // A taught network's classes have no such statistics to fit: it names the closest.
            Console.note(
                ClassNames.areDigits(file.classes)
                    ? "lenet5: note: \(name) has no \"not sure\" statistics, so it cannot say "
                        + "\"not a digit?\" (unsure is null); lenet5 unsure fit adds them"
                    : "lenet5: note: \(name) always names the closest of its classes: it has no "
                        + "\"not sure\" statistics to tell a drawing that is none of them "
                        + "(unsure is null)")
        }
        let trace = ForwardTrace()
        var failures = 0
        for file in files {
            let name = file == "-" ? "<stdin>" : file
            let fault: String
            do {
                guard let input = try prepare(file) else {
                    report(blank: name)
                    continue
                }
                classifier.forward(input, into: trace)
                guard !trace.hasFiniteOutput else {
                    report(
                        name, trace.probabilities, classes: classifier.classes,
                        judgement: unsure?.judge(trace))
                    continue
                }
                // No class is made up from NaN: the weights are at fault, and the message says so.
                fault = weights.nonFiniteOutputFault
            } catch .wrongSize(let width, let height, _) {
                fault = "is \(width)x\(height); --no-preprocess needs 32x32"
            } catch {
                fault = error.description
            }
            failures += 1
            Console.error("\(name): \(fault)")
            if json { Console.json(["file": .string(name), "error": .string(fault)]) }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The network input for a file, nil for a drawing without ink. With --no-preprocess, a PGM of
    /// another size than 32x32 is refused from its header, before its raster is read.
    func prepare(_ file: String) throws(DrawingFileError) -> [Float]? {
        let drawing = try DrawingFile.read(file, requiredSide: noPreprocess ? 32 : nil)
        if noPreprocess {
            guard let raw = Preprocessing.rawInput(from: drawing) else {
                throw .wrongSize(width: drawing.width, height: drawing.height, required: 32)
            }
            return raw.contains { $0 > 0 } ? raw : nil
        }
        return Preprocessing.networkInput(from: drawing)
    }

    func report(
        _ name: String, _ probabilities: [Float], classes: [String], judgement: UnsureJudgement?
    ) {
        if json {
            let best = PredictionText.ranked(probabilities)[0]
            Console.json([
                "file": .string(name), "prediction": .of(best), "label": .string(classes[best]),
                "confidence": .of(probabilities[best]),
                "probabilities": .array(probabilities.map { .of($0) }),
                "unsure": judgement.map { .bool($0.isUnsure) } ?? .null,
                "unsure_score": judgement.map { .of($0.score) } ?? .null,
                "unsure_threshold": judgement.map { .of($0.threshold) } ?? .null,
            ])
            return
        }
        Console.out(
            "\(name): "
                + PredictionText.line(
                    probabilities, classes: classes, unsure: judgement?.isUnsure == true))
    }

    func report(blank name: String) {
        if json {
            Console.json([
                "file": .string(name), "prediction": .null, "label": .null, "confidence": .null,
                "probabilities": .null, "unsure": .null, "unsure_score": .null,
                "unsure_threshold": .null,
            ])
        } else {
            Console.out("\(name): no ink, no prediction")
        }
    }
}
