import LeNet5
import Teaching

/// The lessons and sample drawings built into the binary (with the explanations, through
/// `BundledText`: Sources/BundledWeights/BundledTexts.c), as Assets held them at build time, so
/// that the installed `lenet5` has them in any folder.
public enum BundledAssets {
    /// Every built-in lesson's and sample's path under Assets: "lessons/reading.txt",
    /// "samples/seven.txt", ...
    public static let paths: [String] = BundledText.paths.filter {
        $0.hasPrefix(lessonFolder) || $0.hasPrefix(sampleFolder)
    }

    /// The bytes of the lesson or sample at `path` under Assets, if it is built in.
    public static func contents(of path: String) -> [UInt8]? {
        paths.contains(path) ? BundledText.contents(of: path) : nil
    }

    /// The names of the built-in lessons, in the order they were built in (the order of a course).
    public static var lessonNames: [String] {
        paths.filter { $0.hasPrefix(lessonFolder) }.map {
            String($0.dropFirst(lessonFolder.count).dropLast(lessonExtension.count))
        }
    }

    /// The file names of the sample drawings ("seven.txt"), sorted.
    public static var sampleNames: [String] {
        paths.filter { $0.hasPrefix(sampleFolder) }.map { String($0.dropFirst(sampleFolder.count)) }
            .sorted()
    }

    public static func sample(named name: String) -> [UInt8]? {
        contents(of: sampleFolder + name)
    }

    static let lessonFolder = "lessons/"
    static let sampleFolder = "samples/"
    static let lessonExtension = ".txt"
}

/// Where `@load` finds the drawings a lesson names: a name alone is one of lenet5's samples (built
/// in); a name with a `/` is a path, from the lesson file's folder (for a lesson read from a file).
public struct DrawingSource: Sendable {
    /// The folder of the lesson file; nil for a built-in lesson, which may load only samples.
    public let folder: String?

    public init(folder: String?) { self.folder = folder }

    /// The drawing called `name`, which must be the canvas's size.
    public func drawing(named name: String) throws(DrawingSourceError) -> Bitmap {
        let side = Preprocessing.inputSide
        let drawing: Bitmap
        if name.contains("/") {
            guard let folder else { throw .pathInBuiltInLesson }
            var relative = Substring(name)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            let path = name.hasPrefix("/") ? name : folder + "/" + relative
            do {
                drawing = try DrawingFile.read(path, requiredSide: side)
            } catch {
                switch error {
                case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
                case .malformed(let fault): throw .malformed(fault: fault.fault)
                case .wrongSize(let width, let height, _):
                    throw .wrongSize(width: width, height: height)
                }
            }
        } else {
            guard let bytes = BundledAssets.sample(named: name) else {
                throw .noSuchSample(name: name, samples: BundledAssets.sampleNames)
            }
            do {
                drawing = try DrawingFormats.drawing(from: bytes)
            } catch {
                throw .malformed(fault: error.fault)
            }
        }
        guard drawing.width == side && drawing.height == side else {
            throw .wrongSize(width: drawing.width, height: drawing.height)
        }
        return drawing
    }
}

/// Why a drawing a lesson names cannot be had.
public enum DrawingSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchSample(name: String, samples: [String])
    case pathInBuiltInLesson
    case unreadable(path: String, reason: String)
    /// The bytes are not a drawing.
    case malformed(fault: String)
    /// A drawing of another size than the canvas.
    case wrongSize(width: Int, height: Int)

    /// Whether the drawing is missing (rather than there but unusable).
    public var isMissing: Bool {
        switch self {
        case .noSuchSample, .pathInBuiltInLesson, .unreadable: true
        case .malformed, .wrongSize: false
        }
    }

    public var description: String {
        switch self {
        case .noSuchSample(let name, let samples):
            "there is no sample called \(name) (the samples are " + samples.joined(separator: ", ")
                + "); name a drawing of your own by its path, such as ./\(name)"
        case .pathInBuiltInLesson:
            "a built-in lesson can load only the samples, by name"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .malformed(let fault): fault
        case .wrongSize(let width, let height):
            "it is \(width)x\(height) and the canvas \(Preprocessing.inputSide)x"
                + "\(Preprocessing.inputSide)"
        }
    }
}
