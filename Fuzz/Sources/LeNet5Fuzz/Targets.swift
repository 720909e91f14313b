import LeNet5
import Lessons
import Teaching
import Training

/// Every loader of untrusted files, by the name Scripts/fuzz.sh and Fuzz/Corpus/NAME use. Adding
/// a loader is one line here, and a folder of a few small seed files under Fuzz/Corpus.
///
/// Each target feeds the bytes to the same entry point the command line uses, through a file
/// where the loader reads files (so that header-first reading is fuzzed too), and goes on with
/// what a command would do next with a drawing that loads: preprocess it and run the network.
/// A fuzz target only has to run without crashing: a refusal is a fine outcome.
let targets: [String: @Sendable ([UInt8]) -> Void] = [
    "weights": { bytes in
        _ = try? WeightsFile(bytes: bytes, path: "fuzz")
        _ = try? WeightsFile(contentsOf: Scratch.file(bytes, named: "weights.safetensors"))
        // The bytes as the header of a file whose data are the shipped weights': a valid file
        // is 247 KB, too large to find by mutation, and this reaches the checks past the header.
        let length = (0..<8).map { UInt8(truncatingIfNeeded: bytes.count >> (8 * $0)) }
        _ = try? WeightsFile(bytes: length + bytes + shippedData, path: "fuzz")
    },
    "pgm": { bytes in
        _ = try? DrawingFormats.pgm(bytes)
        classify(Scratch.file(bytes, named: "drawing.pgm"))
    },
    "text-grid": { bytes in
        _ = try? DrawingFormats.textGrid(bytes)
        classify(Scratch.file(bytes, named: "drawing.txt"))
    },
    "idx": { bytes in mnistTestSet(images: bytes) },
    "lesson": { bytes in lesson(Scratch.file(bytes, named: "lesson.txt")) },
    "explanations": { bytes in explanations(bytes) },
]

/// What `lenet5 draw --explanations DIR` does with a teacher's files: the bytes as each file in
/// turn, beside the built-in other one; and what the sketchpad then does with texts that load:
/// fill every topic's placeholders with a drawing's facts (and teaching's) and wrap them.
func explanations(_ bytes: [UInt8]) {
    let directory = Scratch.directory + "/explanations"
    Scratch.makeDirectory(directory)
    for file in ExplanationFile.allCases {
        for other in ExplanationFile.allCases {
            let contents =
                other == file
                ? bytes : BundledText.contents(of: "explanations/" + other.rawValue) ?? []
            Scratch.put(contents, at: directory + "/" + other.rawValue)
        }
        guard let loaded = try? Explanations(directory: directory) else { continue }
        for topic in ExplanationFile.allCases.flatMap(\.topics) {
            for paragraph in loaded[topic].text(drawingFacts) {
                _ = paragraph.wrapped(width: 40)
            }
        }
    }
}

/// The facts of the sample seven and of a teaching run, for the explanations' placeholders.
let drawingFacts: FactSheet = {
    var sheet = FactSheet.comparison(
        folds: 3, total: 12, transferCorrect: 10, scratchCorrect: 6, learnedFrom: 8, kept: "c5")
    guard let classifier,
        let bytes = BundledText.contents(of: "samples/seven.txt"),
        let drawing = try? DrawingFormats.textGrid(bytes),
        let prepared = try? PreparedDrawing(drawing)
    else { return sheet }
    classifier.forward(prepared.input, into: trace)
    sheet = sheet.merging(FactSheet.network(classes: LessonLibrary.digits))
    return sheet.merging(FactSheet.drawing(prepared, trace: trace, model: classifier.model))
}()

/// What `lenet5 tour --file` does with a lesson, and what the tour will do with one that loads:
/// check its claims against the network, fill in every step's numbers, and walk it forward to the
/// end and back. Its `@load ./NAME` reads files beside it, in the scratch folder.
func lesson(_ path: String) {
    guard let lesson = try? LessonLibrary.file(path), let classifier else { return }
    _ = try? lesson.check(with: classifier, classes: LessonLibrary.digits)
    for (step, canvas) in zip(lesson.steps, lesson.canvases) {
        let facts = step.facts(
            of: canvas ?? Bitmap(width: 32, height: 32), classifier: classifier,
            classes: LessonLibrary.digits)
        for paragraph in step.text.text(facts) {
            _ = paragraph.wrapped(width: LessonParser.textColumns)
        }
    }
    var canvas = Bitmap(width: 32, height: 32)
    var tour = Tour(lesson: lesson, canvas: &canvas)
    while tour.next(canvas: &canvas, readingAs: tour.step.awaited?.index) {}
    while tour.previous(canvas: &canvas) {}
}

/// The data part of the shipped weights, after its header.
let shippedData: [UInt8] = {
    let bytes = WeightsFile.bundledBytes
    let length = bytes.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
    return Array(bytes[(8 + length)...])
}()

/// One classifier and trace for the whole run: made once, they keep each input's cost down.
let classifier = try? Classifier(WeightsFile.bundled().model)
nonisolated(unsafe) let trace = ForwardTrace()

/// What `lenet5 predict` does with a file: read it, prepare it, classify it, both ways.
func classify(_ path: String) {
    guard let drawing = try? DrawingFile.read(path), let classifier else { return }
    if let input = Preprocessing.networkInput(from: drawing) {
        classifier.forward(input, into: trace)
        _ = trace.hasFiniteOutput
    }
    if let raw = try? DrawingFile.read(path, requiredSide: 32),
        let input = Preprocessing.rawInput(from: raw)
    {
        classifier.forward(input, into: trace)
    }
}

/// The bytes as the test set's images (gzipped or not), with labels that agree with the count
/// the images' header declares when it can be read: so that the fuzzer reaches the images' data,
/// not only the check that the two counts agree.
func mnistTestSet(images: [UInt8]) {
    let directory = Scratch.directory + "/mnist"
    Scratch.makeDirectory(directory)
    var count = 0
    if images.count >= 8 && images[0] == 0 && images[1] == 0 {
        count = images[4..<8].reduce(0) { $0 << 8 | Int($1) }
    }
    count = min(count, 10_000)
    var labels: [UInt8] = [0, 0, 8, 1] + (0..<4).map { UInt8(count >> (24 - 8 * $0) & 255) }
    labels += (0..<count).map { UInt8($0 % 10) }
    Scratch.put(labels, at: directory + "/t10k-labels-idx1-ubyte")
    // gzip's magic number decides which name it gets, as a person would name it.
    let gzipped = images.count >= 2 && images[0] == 0x1F && images[1] == 0x8B
    Scratch.remove(directory + "/t10k-images-idx3-ubyte.gz")
    Scratch.remove(directory + "/t10k-images-idx3-ubyte")
    Scratch.put(images, at: directory + "/t10k-images-idx3-ubyte" + (gzipped ? ".gz" : ""))
    _ = try? MNIST.testSet(directory: directory)
}
