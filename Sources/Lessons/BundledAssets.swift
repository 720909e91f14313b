import BundledLessons
import LeNet5

/// The lessons and sample drawings built into the binary (Sources/BundledLessons), as Assets held
/// them at build time, so that the installed `lenet5` has them in any folder.
public enum BundledAssets {
    /// Every built-in file's path under Assets: "lessons/reading.txt", "samples/seven.txt", ...
    public static let paths: [String] = (0..<lenet5_lesson_asset_count()).compactMap { index in
        lenet5_lesson_asset_path(index).map { String(cString: $0) }
    }

    /// The bytes of the file at `path` under Assets, if it is built in.
    public static func contents(of path: String) -> [UInt8]? {
        guard let index = paths.firstIndex(of: path) else { return nil }
        var count = 0
        guard let bytes = lenet5_lesson_asset(index, &count) else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
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

    /// The bytes of the drawing called `name`.
    public func bytes(of name: String) throws(DrawingSourceError) -> [UInt8] {
        guard name.contains("/") else {
            guard let bytes = BundledAssets.sample(named: name) else {
                throw .noSuchSample(name: name, samples: BundledAssets.sampleNames)
            }
            return bytes
        }
        guard let folder else { throw .pathInBuiltInLesson }
        var relative = Substring(name)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let path = name.hasPrefix("/") ? name : folder + "/" + relative
        do {
            // A drawing is a few kilobytes; a limit keeps a wrong path from eating the memory.
            return try readFileContents(path, limit: 1 << 20)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }
}

/// Why a drawing a lesson names cannot be had.
public enum DrawingSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchSample(name: String, samples: [String])
    case pathInBuiltInLesson
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noSuchSample(let name, let samples):
            "there is no sample called \(name) (the samples are " + samples.joined(separator: ", ")
                + "); name a drawing of your own by its path, such as ./\(name)"
        case .pathInBuiltInLesson:
            "a built-in lesson can load only the samples, by name"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        }
    }
}
