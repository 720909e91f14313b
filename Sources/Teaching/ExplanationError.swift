/// What is wrong with an explanation file, said as `PATH:LINE: what is wrong` (lines count from
/// 1), the way compilers point at a fault, so that a teacher's editor can jump to it.
public enum ExplanationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read (missing, a directory, no permission).
    case unreadable(path: String, reason: String)
    /// Nothing in it but blanks and comments.
    case empty(path: String, line: Int)
    /// A byte that is not UTF-8 text, or a control character: a binary file, or the wrong file.
    case notText(path: String, line: Int, column: Int)
    /// Text before the first [section] line.
    case textOutsideSection(path: String, line: Int)
    /// A line that starts with [ but does not end with ].
    case malformedHeader(path: String, line: Int)
    case unknownSection(path: String, line: Int, name: String, known: [String])
    case repeatedSection(path: String, line: Int, name: String, first: Int)
    /// A section with no text before the next one or the end.
    case emptySection(path: String, line: Int, name: String)
    /// The file ends (at `line`) without a section it needs.
    case missingSection(path: String, line: Int, name: String)
    /// A { with no } after it on its line.
    case unclosedBrace(path: String, line: Int, column: Int)
    /// A } with no { before it.
    case unopenedBrace(path: String, line: Int, column: Int)
    case emptyPlaceholder(path: String, line: Int, column: Int)
    /// A name in braces that is no fact at all.
    case unknownPlaceholder(path: String, line: Int, name: String, suggestion: String?)
    /// A fact that cannot be known where this section shows.
    case placeholderNotHere(path: String, line: Int, name: String, section: String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .empty(let path, let line):
            return "\(path):\(line): the file has no text: it needs a [section] for each of "
                + ExplanationFile.expectedList(path)
        case .notText(let path, let line, let column):
            return "\(path):\(line): column \(column) is not text (a binary file, or not UTF-8?)"
        case .textOutsideSection(let path, let line):
            return "\(path):\(line): text before the first section: start with a line such as "
                + "[Input]"
        case .malformedHeader(let path, let line):
            return "\(path):\(line): a section line must end with ], as in [C1]"
        case .unknownSection(let path, let line, let name, let known):
            return "\(path):\(line): unknown section [\(name)]; the sections are "
                + known.map { "[\($0)]" }.joined(separator: ", ")
        case .repeatedSection(let path, let line, let name, let first):
            return "\(path):\(line): [\(name)] again (it began at line \(first))"
        case .emptySection(let path, let line, let name):
            return "\(path):\(line): [\(name)] has no text"
        case .missingSection(let path, let line, let name):
            return "\(path):\(line): the file ends without a section [\(name)]"
        case .unclosedBrace(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.unclosedBrace(column: column))
        case .unopenedBrace(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.unopenedBrace(column: column))
        case .emptyPlaceholder(let path, let line, let column):
            return "\(path):\(line): " + Self.fault(.emptyPlaceholder(column: column))
        case .unknownPlaceholder(let path, let line, let name, let suggestion):
            return "\(path):\(line): "
                + Self.fault(.unknownPlaceholder(name: name, suggestion: suggestion))
        case .placeholderNotHere(let path, let line, let name, let section, let known):
            return "\(path):\(line): {\(name)} cannot be known in [\(section)]; it can use "
                + known.map { "{\($0)}" }.joined(separator: ", ")
        }
    }

    /// A placeholder's fault, as a message after "PATH:LINE: ".
    static func fault(_ fault: PlaceholderFault) -> String {
        fault.message(listing: "the README beside these files")
    }
}

extension ExplanationFile {
    /// "[Input], [C1], ..." for the file at `path`, or both files' sections if its name is not
    /// one of theirs.
    static func expectedList(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let files = ExplanationFile(rawValue: name).map { [$0] } ?? allCases
        return files.flatMap(\.topics).map(\.description).joined(separator: ", ")
    }
}
