import ArgumentParser
import LeNet5
import Platform
import Sketchpad
import Teaching

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write what the sketchpad shows for a drawing into one file to print or share.",
        discussion: """
            The drawing, what made the network's answer (each ink cell shaded as the sketchpad's \
            x shades it), the probability of each class, then every layer, Input (the drawing \
            after preprocessing) to Output: its maps or units in the sketchpad's shades, its \
            strongest units (C5, F6) or what pushed the answer's score (Output), and the \
            sketchpad's explanation of it with the drawing's own numbers. --html writes one \
            self-contained page (the maps as coloured cells, blue for negative and orange for \
            positive; no scripts, nothing fetched; it prints with a page break between layers \
            where needed); --markdown writes text, the maps in the characters the sketchpad \
            uses without colour. The drawing is one the sketchpad loads: a 32x32 text grid or \
            PGM. Written to standard output, or with --out to a file (replaced whole, never \
            half written).
            """)

    @Argument(help: ArgumentHelp("The drawing (a 32x32 text grid or PGM).", valueName: "file"))
    var file: String

    @OptionGroup var weights: WeightsOption

    @Flag(help: "Write Markdown: text heatmaps in code blocks.")
    var markdown = false

    @Flag(help: "Write one HTML page: the maps as coloured cells, inline CSS, no scripts.")
    var html = false

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Read the explanations from this folder (its layers.txt and views.txt, as "
                + "`lenet5 explanations --out DIR` writes them) instead of the built-in ones.",
            valueName: "dir"))
    var explanations: String?

    @Option(help: "How to measure what made the answer: occlusion or gradient.")
    var method: SaliencyMethod = .occlusion

    func validate() throws {
        guard markdown != html else {
            throw ValidationError(
                markdown
                    ? "--markdown and --html: give one of them, not both"
                    : "give --markdown or --html: which kind of file to write")
        }
    }

    func run() throws {
        // Every fault is found before anything is written.
        let file = try weights.load()
        let classifier = Classifier(file)
        let words = try SketchpadOptions.loadExplanations(from: explanations)
        let canvas = try DrawCommand.readCanvas(self.file)
        if let out {
            do throws(FileReadError) {
                try checkWritable(out)
            } catch {
                Console.error("\(out): \(error.reason)")
                throw ExitCode.failure
            }
        }
        let handout: Handout
        do {
            handout = try Handout(
                canvas: canvas, classifier: classifier, explanations: words, method: method)
        } catch .undefined {
            Console.error("\(self.file): \(weights.nonFiniteOutputFault)")
            throw ExitCode.failure
        } catch {
            Console.error("\(self.file): \(error)")
            throw ExitCode.failure
        }
        let name = self.file == "-" ? "standard input" : self.file
        let text =
            html
            ? HTMLReport(handout: handout, name: name).document
            : MarkdownReport(handout: handout, name: name).document
        guard let out else {
            Console.write(text, to: STDOUT_FILENO)
            return
        }
        do throws(FileReadError) {
            try writeFileContents(Array(text.utf8), to: out)
        } catch {
            Console.error("\(out): \(error.reason)")
            throw ExitCode.failure
        }
    }
}
