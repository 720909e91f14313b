import LeNet5
import Platform

/// Where lessons come from: the ones built into lenet5 (Assets/lessons), and files a teacher
/// writes.
public enum LessonLibrary {
    /// The classes of the built-in network, its ten digits, as lessons name them: "0" to "9".
    public static var digits: [String] {
        (0..<NetworkLayer.output.geometry.maps).map(String.init)
    }

    /// Every built-in lesson, read and checked against the network's `classes`.
    public static func builtIn(classes: [String] = digits) throws(LessonError) -> [Lesson] {
        var lessons = [Lesson]()
        for name in BundledAssets.lessonNames {
            lessons = try adding(builtIn(named: name, classes: classes), to: lessons)
        }
        return lessons
    }

    /// The built-in lesson called `name`.
    public static func builtIn(named name: String, classes: [String] = digits)
        throws(LessonError) -> Lesson
    {
        let file = BundledAssets.lessonFolder + name + BundledAssets.lessonExtension
        guard let bytes = BundledAssets.contents(of: file) else {
            throw .noSuchLesson(name: name, known: BundledAssets.lessonNames)
        }
        let parser = LessonParser(
            path: "Assets/" + file, name: name, classes: classes,
            drawings: DrawingSource(folder: nil))
        return try parser.parse(bytes)
    }

    /// The lesson in the file at `path`, named for the file without its extension.
    public static func file(_ path: String, classes: [String] = digits) throws(LessonError)
        -> Lesson
    {
        let bytes: [UInt8]
        do {
            bytes = try readFileContents(path, limit: sizeLimit)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let file = components.last.map(String.init) ?? path
        let folder = components.count > 1 ? components.dropLast().joined(separator: "/") : "."
        let name = String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)])
        let parser = LessonParser(
            path: path, name: name.isEmpty ? file : name, classes: classes,
            drawings: DrawingSource(folder: folder.isEmpty ? "/" : folder))
        return try parser.parse(bytes)
    }

    /// `lessons` with the lesson at `path` added, refused if its name is taken: lessons are
    /// looked up by name.
    public static func adding(_ lesson: Lesson, to lessons: [Lesson]) throws(LessonError)
        -> [Lesson]
    {
        if let other = lessons.first(where: { $0.name.lowercased() == lesson.name.lowercased() }) {
            throw .duplicateName(path: lesson.path, line: 1, name: lesson.name, other: other.path)
        }
        return lessons + [lesson]
    }

    /// A lesson is a few kilobytes of text; anything much larger is the wrong file.
    static let sizeLimit = 1 << 20
}
