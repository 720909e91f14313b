import ArgumentParser
import LeNet5

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which cells of a drawing made the network's answer.",
        discussion: """
            For each drawing: the prediction, and for every cell of the drawing as given how much \
            the probability of the predicted digit falls when that cell is erased (set to \
            background). --method occlusion (the default) erases each ink cell in turn and \
            classifies the drawing again, preprocessing included; --method gradient estimates the \
            same fall from one backward pass (the gradient times the cell's value). Background \
            cells get 0. The map covers the drawing's own grid, whatever its size: 32 rows of 32 \
            for the sketchpad's drawings, H rows of W for a WxH PGM. Columns and rows in the text \
            count from 1; in the JSON, saliency[y][x] is cell (x, y) counted from 0. Files that \
            cannot be read are reported and skipped; the exit status is then 1.
            """)

    @Argument(
        help: ArgumentHelp("Drawings to explain ('-' for standard input).", valueName: "file"))
    var files: [String]

    @OptionGroup var weights: WeightsOption

    @Option(help: "How to measure each cell's part: occlusion or gradient.")
    var method: SaliencyMethod = .occlusion

    @Flag(
        name: .customLong("no-preprocess"),
        help: "Feed a 32x32 drawing to the network as it is (ink 1.0, background 0.0).")
    var noPreprocess = false

    @Flag(
        help:
            """
            One JSON object per line per file: {file, prediction, label, probabilities, method, \
            saliency}; prediction is the class's index, label its name.
            """
    )
    var json = false

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("name at least one file, or - for standard input")
        }
        guard files.filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func run() throws {
        let classifier = Classifier(try weights.load())
        var failures = 0
        for file in files {
            let input = DrawingInput(file: file)
            do {
                let (drawing, prepared) = try input.read(preprocess: !noPreprocess)
                guard let prepared else {
                    report(blank: input.name, drawing)
                    continue
                }
                let saliency: Saliency
                do {
                    saliency = try classifier.saliency(of: prepared, method: method)
                } catch {
                    throw DrawingInputError.unexplained(error)
                }
                report(input.name, saliency, classes: classifier.classes)
            } catch {
                failures += 1
                Console.error("\(input.name): \(error)")
                if json {
                    Console.json(["file": .string(input.name), "error": .string("\(error)")])
                }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    func report(_ name: String, _ saliency: Saliency, classes: [String]) {
        if json {
            Console.json([
                "file": .string(name), "prediction": .of(saliency.predicted),
                "label": .string(classes[saliency.predicted]),
                "probabilities": .array(saliency.probabilities.map { .of($0) }),
                "method": .string(method.rawValue),
                "saliency": SaliencyText.rows(saliency.width, saliency.height) {
                    saliency[$0, $1]
                },
            ])
            return
        }
        Console.out(
            name + ": " + PredictionText.line(saliency.probabilities, classes: classes))
        for line in SaliencyText(saliency, classes: classes).lines { Console.out(line) }
    }

    func report(blank name: String, _ drawing: Bitmap) {
        if json {
            // Nothing to explain: every cell is background, so every cell gets 0.
            Console.json([
                "file": .string(name), "prediction": .null, "label": .null,
                "probabilities": .null,
                "method": .string(method.rawValue),
                "saliency": SaliencyText.rows(drawing.width, drawing.height) { _, _ in 0 },
            ])
        } else {
            Console.out("\(name): no ink, no prediction, nothing to explain")
        }
    }
}

extension SaliencyMethod: ExpressibleByArgument {}
