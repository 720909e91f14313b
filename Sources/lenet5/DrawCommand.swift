import ArgumentParser
import LeNet5
import Screen
import Sketchpad
import Terminal

struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Open the sketchpad: draw a digit, watch LeNet-5 classify it layer by layer.",
        discussion: """
            Draw with the left mouse button (the right one erases) or with the keys: arrows or \
            h j k l move, Space paints, p puts the pen down, e toggles the eraser, [ and ] set the \
            brush, c clears, u undoes, s saves. Tab steps through the layers, Enter zooms a map \
            beside its kernels (the arrows then pick a value, and the canvas lights up where it \
            looks), w watches the picked value being computed (r sweeps it across the map), f \
            gives the network the whole screen, x shades the drawing by what made the answer, i \
            hides or shows the explanations. H J K L move the drawing, < > turn it, + - resize it, \
            b B thicken and thin its strokes; S sweeps a change across a range and charts what \
            the network reads; P turns the preprocessing off and on; g and G go through the \
            sample gallery (and --gallery DIR); T opens a guided tour. t opens teach mode: label \
            drawings with a digit key or = and a name of your own (each is saved at once under \
            the examples folder), R teaches the network from them in the background, O switches \
            between the original and the taught network, E saves (exports) the taught one. ? \
            lists every key, q quits. Needs an interactive terminal of at least \
            \(Layout.compactMinimum.width)x\
            \(Layout.compactMinimum.height) (\(Layout.fullMinimum.width)x\
            \(Layout.fullMinimum.height) for the full view).
            """)

    @Option(
        help: ArgumentHelp(
            "Start from a saved drawing (a text grid or a 32x32 PGM).", valueName: "file"))
    var load: String?

    @OptionGroup var weights: WeightsOption

    @OptionGroup var sketchpad: SketchpadOptions

    @OptionGroup var gallery: GalleryOption

    @OptionGroup var teaching: TeachOptions

    func run() throws {
        try SketchpadOptions.requireTerminal()
        // Everything that can fail on bad input fails here, before the screen is taken over.
        let file = try weights.load()
        let classifier = Classifier(file)
        let canvas = try loadCanvas()
        let derivations = Derivations(
            classifier: classifier, unsure: file.unsure,
            explanations: try sketchpad.loadExplanations())
        let gallery = try self.gallery.load()
        let lessons = SketchpadOptions.lessons(for: classifier)
        let session = try sketchpad.takeTerminal()
        defer { session.restore() }
        let size = session.size
        var state = SketchpadState(
            width: size.width, height: size.height, options: sketchpad.displayOptions(session),
            canvas: canvas, loadedFrom: load, gallery: gallery, lessons: lessons)
        state.classCount = classifier.classCount
        SketchpadLoop(
            session: session, derivations: derivations,
            teach: teaching.runtime(weights: weights.weights)
        ).run(&state)
    }

    func loadCanvas() throws -> Canvas {
        guard let load else { return Canvas() }
        return try Self.readCanvas(load)
    }

    /// The drawing in the file at `path`, as the sketchpad loads it (32x32, ink where at least
    /// half ink); a fault is reported naming the file, exit status 1.
    static func readCanvas(_ path: String) throws -> Canvas {
        do {
            // A PGM of another size is refused from its header, before its raster is read.
            let drawing = try DrawingFile.read(path, requiredSide: Canvas.side)
            guard let canvas = Canvas(drawing) else {
                throw DrawingFileError.wrongSize(
                    width: drawing.width, height: drawing.height, required: Canvas.side)
            }
            return canvas
        } catch let error as DrawingFileError {
            if case .wrongSize(let width, let height, _) = error {
                Console.error(
                    "\(path): is \(width)x\(height); the sketchpad loads 32x32 drawings "
                        + "(`lenet5 predict` takes any size)")
            } else {
                Console.error("\(path): \(error)")
            }
        }
        throw ExitCode.failure
    }
}
