import LeNet5
import Teaching

/// What is wrong with a lesson, said as `PATH:LINE: what is wrong` (lines count from 1), the way
/// compilers point at a fault, so that a teacher's editor can jump to it.
public enum LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The lesson file could not be read (missing, a directory, no permission, too large).
    case unreadable(path: String, reason: String)
    /// Nothing in it but blank lines and comments.
    case empty(path: String, line: Int)
    /// A byte that is not UTF-8 text, or a control character: a binary file, or the wrong file.
    case notText(path: String, line: Int, column: Int)
    /// A line starting with @ whose word is no directive.
    case unknownDirective(path: String, line: Int, name: String, suggestion: String?)
    /// A directive given where it means nothing: @title inside a step, @point before any @step.
    case misplacedDirective(path: String, line: Int, name: String, reason: String)
    /// A directive whose words are missing, extra or malformed; `usage` shows how it is written.
    case malformedDirective(path: String, line: Int, name: String, problem: String, usage: String)
    /// A directive a step may give once, given again.
    case repeatedDirective(path: String, line: Int, name: String, first: Int)
    case missingTitle(path: String, line: Int)
    /// Text before the first @step.
    case textOutsideStep(path: String, line: Int)
    case noSteps(path: String, line: Int)
    /// A step with nothing to say.
    case stepWithoutText(path: String, line: Int)
    /// A step's text longer than the screen shows at 80x24.
    case stepTooLong(path: String, line: Int, lines: Int, limit: Int, columns: Int)
    /// A title longer than a line of the screen.
    case titleTooLong(path: String, line: Int, length: Int, limit: Int)
    /// A layer name that is not one of the screen's.
    case unknownLayer(path: String, line: Int, name: String)
    /// A map, unit or position out of the layer's range; `valid` says what there is.
    case notInLayer(path: String, line: Int, what: String, valid: String)
    /// A class the network does not have.
    case unknownClass(path: String, line: Int, name: String, classes: [String])
    /// A sample that does not exist, or a drawing file that cannot be read.
    case missingDrawing(path: String, line: Int, name: String, reason: String)
    /// A drawing file that is not a drawing, or not one the canvas can hold.
    case badDrawing(path: String, line: Int, name: String, fault: String)
    /// A { with no } after it on its line.
    case unclosedBrace(path: String, line: Int, column: Int)
    /// A } with no { before it.
    case unopenedBrace(path: String, line: Int, column: Int)
    case emptyPlaceholder(path: String, line: Int, column: Int)
    case unknownPlaceholder(path: String, line: Int, name: String, suggestion: String?)
    /// A placeholder the step cannot fill: {row} in a step that points at no map.
    case placeholderNotHere(path: String, line: Int, name: String, need: String)
    /// An @expect in a step whose drawing is the reader's, which nothing can check.
    case expectationOnReadersDrawing(path: String, line: Int)
    /// An @expect that the weights in use do not bear out.
    case expectationFailed(path: String, line: Int, expected: String, found: String)
    /// Two lessons with the same name where lessons are looked up by name.
    case duplicateName(path: String, line: Int, name: String, other: String)
    /// `lenet5 tour NAME` for a name no lesson has.
    case noSuchLesson(name: String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .empty(let path, let line):
            return "\(path):\(line): the lesson is empty: it needs an @title and at least one "
                + "@step with some text"
        case .notText(let path, let line, let column):
            return "\(path):\(line): column \(column) is not text (a binary file, or not UTF-8?)"
        case .unknownDirective(let path, let line, let name, let suggestion):
            return "\(path):\(line): unknown directive @\(name)"
                + (suggestion.map { "; did you mean @\($0)?" } ?? "")
                + " (the directives are "
                + LessonDirective.allCases.map { "@" + $0.rawValue }
                .joined(separator: ", ") + ")"
        case .misplacedDirective(let path, let line, let name, let reason):
            return "\(path):\(line): @\(name) \(reason)"
        case .malformedDirective(let path, let line, let name, let problem, let usage):
            return "\(path):\(line): @\(name): \(problem); write it as \(usage)"
        case .repeatedDirective(let path, let line, let name, let first):
            return "\(path):\(line): a second @\(name) in this step (the first is at line "
                + "\(first)); a step has one"
        case .missingTitle(let path, let line):
            return "\(path):\(line): the lesson has no @title: write one before the first @step"
        case .textOutsideStep(let path, let line):
            return "\(path):\(line): text before the first @step: begin each step with a line "
                + "@step"
        case .noSteps(let path, let line):
            return "\(path):\(line): the lesson has no steps: begin each with a line @step"
        case .stepWithoutText(let path, let line):
            return "\(path):\(line): the step has no text: say something to the reader under "
                + "@step"
        case .stepTooLong(let path, let line, let lines, let limit, let columns):
            return "\(path):\(line): the step's text takes \(lines) lines of \(columns) "
                + "characters, and the screen has room for \(limit) at 80x24: shorten it or "
                + "split it into two steps"
        case .titleTooLong(let path, let line, let length, let limit):
            return "\(path):\(line): the title is \(length) characters long; at most \(limit) "
                + "fit the screen"
        case .unknownLayer(let path, let line, let name):
            return "\(path):\(line): no layer called \(name): the layers are "
                + NetworkLayer.allCases.map(\.name).joined(separator: ", ")
                + ", and the step can also point at canvas, saliency or bars"
        case .notInLayer(let path, let line, let what, let valid):
            return "\(path):\(line): \(what) does not exist: \(valid)"
        case .unknownClass(let path, let line, let name, let classes):
            return "\(path):\(line): the network has no class \(name): its classes are "
                + classes.joined(separator: ", ")
        case .missingDrawing(let path, let line, let name, let reason):
            return "\(path):\(line): cannot load \(name): \(reason)"
        case .badDrawing(let path, let line, let name, let fault):
            return "\(path):\(line): \(name) is not a drawing the canvas can hold: \(fault)"
        case .unclosedBrace(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.unclosedBrace(column: column))
        case .unopenedBrace(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.unopenedBrace(column: column))
        case .emptyPlaceholder(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.emptyPlaceholder(column: column))
        case .unknownPlaceholder(let path, let line, let name, let suggestion):
            return "\(path):\(line): "
                + Self.fault(.unknownPlaceholder(name: name, suggestion: suggestion))
        case .placeholderNotHere(let path, let line, let name, let need):
            return "\(path):\(line): {\(name)} needs the step to \(need)"
        case .expectationOnReadersDrawing(let path, let line):
            return "\(path):\(line): @expect needs a drawing the lesson sets up (@load, then any "
                + "changes), but here the canvas holds what the reader drew"
        case .expectationFailed(let path, let line, let expected, let found):
            return "\(path):\(line): the lesson expects \(expected), but with these weights "
                + "\(found)"
        case .duplicateName(let path, let line, let name, let other):
            return "\(path):\(line): a lesson called \(name) already exists (\(other)); "
                + "rename this file"
        case .noSuchLesson(let name, let known):
            return "no lesson called \(name): the lessons are " + known.joined(separator: ", ")
                + " (or give one with --file PATH)"
        }
    }

    /// A placeholder's fault, as a message after "PATH:LINE: ".
    static func fault(_ fault: PlaceholderFault) -> String {
        fault.message(listing: "README, Writing a lesson")
    }
}
