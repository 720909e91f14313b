import ArgumentParser
import LeNet5
import Lessons

extension SweepKind: EnumerableFlag {
    public static func help(for value: SweepKind) -> ArgumentHelp? {
        switch value {
        case .rotate: "Turn the drawing from -60 to +60 degrees, 5 at a time."
        case .shift: "Move it from 10 cells left to 10 right, a cell at a time."
        case .scale: "Resize it from half to twice its size, in 16 equal ratios."
        case .stroke: "Thin its strokes 3 times to thicken them 3 times."
        }
    }
}

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Change a drawing step by step and chart what the network reads at each step.",
        discussion: """
            One change, made a little more at each step: the drawing turned about its ink's \
            centre, moved, resized about its ink's centre, or its strokes thinned and thickened. \
            At each step the network reads the changed drawing; the chart shades each class's \
            probability along the sweep, so that one sees where the answer holds and where it \
            gives way. Through the preprocessing (the default) a shift or a resize is undone \
            before the network reads the drawing, and the answer holds: --no-preprocess shows \
            what the network itself makes of a moved or resized 32x32 drawing. --json gives one \
            object: {file, sweep, preprocessed, values, predictions, probabilities, steady}, \
            where steady is the range of values around the drawing as given that keep its \
            answer (null without ink).
            """)

    @Argument(help: ArgumentHelp("A drawing ('-' for standard input).", valueName: "file"))
    var file: String

    @Flag(help: "The change to sweep.")
    var kind: SweepKind

    @OptionGroup var weights: WeightsOption

    @Flag(
        name: .customLong("no-preprocess"),
        help: "Feed each changed 32x32 drawing to the network as it is.")
    var noPreprocess = false

    @Flag(help: "One JSON object: {file, sweep, preprocessed, values, predictions, ...}.")
    var json = false

    func run() throws {
        let classifier = Classifier(try weights.load())
        let input = DrawingInput(file: file)
        let drawing: Bitmap
        do {
            drawing = try input.read(preprocess: !noPreprocess).drawing
        } catch {
            Console.error("\(input.name): \(error)")
            if json { Console.json(["file": .string(input.name), "error": .string("\(error)")]) }
            throw ExitCode.failure
        }
        let sweep = classifier.sweep(drawing, kind, preprocess: !noPreprocess)
        // The network's own names: a taught network's classes are not the digits.
        let classes = classifier.classes
        if json {
            Console.json([
                "file": .string(input.name), "sweep": .string(kind.rawValue),
                "preprocessed": .bool(!noPreprocess),
                "values": .array(sweep.values.map { .of($0) }),
                "predictions": .array(sweep.predictions.map { $0.map { .of($0) } ?? .null }),
                "probabilities": .array(
                    sweep.probabilities.map { p in p.map { .array($0.map { .of($0) }) } ?? .null }
                ),
                "steady": sweep.steadyRange.map {
                    .array([.of($0.lowerBound), .of($0.upperBound)])
                } ?? .null,
            ])
            return
        }
        Console.out(
            "\(input.name), " + (noPreprocess ? "without the preprocessing" : "preprocessed"))
        for line in SweepChart.lines(sweep, classes: classes) { Console.out(line) }
    }
}
