/// What the plain-text files a teacher writes have in common, the explanation files and the
/// lessons alike: UTF-8 lines, paragraphs of lines, and placeholders in braces (`{best}`) for the
/// facts of the drawing on screen, each a `Fact`, with `{{` and `}}` for a brace itself. Each format
/// turns the faults found here into its own errors, `PATH:LINE: what is wrong`.
public enum TeacherText {
    /// The file as lines of text, tabs read as spaces. A byte-order mark, as some editors write
    /// one, is skipped; a final line break ends the last line rather than starting another. The
    /// first byte that is not UTF-8, or control character other than a tab or a line ending, is
    /// thrown.
    public static func lines(_ bytes: [UInt8]) throws(NotText) -> [String] {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines = [String]()
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            .enumerated()
        {
            var content = line
            if content.last == 0x0D { content = content.dropLast() }
            var text = ""
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = content.makeIterator()
            var column = 1
            decoding: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    let scalar = Unicode.UTF8.decode(encoded)
                    let control = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
                    if control && scalar != "\t" {
                        throw NotText(line: index + 1, column: column)
                    }
                    // Tabs separate words as spaces do.
                    text.unicodeScalars.append(scalar == "\t" ? " " : scalar)
                    column += 1
                case .error:
                    throw NotText(line: index + 1, column: column)
                case .emptyInput:
                    break decoding
                }
            }
            lines.append(text)
        }
        if lines.last == "" && bytes.last == 0x0A { lines.removeLast() }
        return lines
    }

    /// One line of text split into words and placeholders. Runs of blanks count as one, as
    /// between lines; columns in faults count from 1 in the line as given.
    public static func pieces(_ line: String) throws(PlaceholderFault) -> [Explanation.Piece] {
        var pieces = [Explanation.Piece]()
        var text = ""
        let characters = Array(line.trimmingBlanks)
        let indent = line.prefix { $0 == " " }.count
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let column = indent + i + 1
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            if c == "{" && next == "{" {
                text.append("{")
                i += 2
            } else if c == "}" && next == "}" {
                text.append("}")
                i += 2
            } else if c == "}" {
                throw .unopenedBrace(column: column)
            } else if c == "{" {
                guard
                    let close = characters[(i + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }
                    ),
                    characters[close] == "}"
                else { throw .unclosedBrace(column: column) }
                let name = String(characters[(i + 1)..<close]).trimmingBlanks
                guard !name.isEmpty else { throw .emptyPlaceholder(column: column) }
                guard let fact = Fact(rawValue: name) else {
                    throw .unknownPlaceholder(
                        name: name, suggestion: closest(name, Fact.allCases.map(\.rawValue)))
                }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.fact(fact))
                i = close + 1
            } else {
                if !(c == " " && text.last == " ") { text.append(c) }
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }
}

/// Bytes that are not text: the first byte that is not UTF-8, or the first control character,
/// at a line and a column counted from 1.
public struct NotText: Error, Equatable, Sendable {
    public let line: Int
    public let column: Int
}

/// What is wrong with the placeholders of a line; columns count from 1.
public enum PlaceholderFault: Error, Equatable, Sendable {
    /// A { with no } after it on its line.
    case unclosedBrace(column: Int)
    /// A } with no { before it.
    case unopenedBrace(column: Int)
    case emptyPlaceholder(column: Int)
    /// A name in braces that is no fact, and the one probably meant.
    case unknownPlaceholder(name: String, suggestion: String?)

    /// What a message says after "PATH:LINE: ", the same in lessons and explanation files;
    /// `listing` says where every placeholder is listed.
    public func message(listing: String) -> String {
        switch self {
        case .unclosedBrace(let column):
            "the { at column \(column) has no } on its line (write {{ for a brace itself)"
        case .unopenedBrace(let column):
            "the } at column \(column) closes no { (write }} for a brace itself)"
        case .emptyPlaceholder(let column): "empty placeholder {} at column \(column)"
        case .unknownPlaceholder(let name, let suggestion):
            "unknown placeholder {\(name)}" + (suggestion.map { "; did you mean {\($0)}?" } ?? "")
                + " (every placeholder is listed in \(listing))"
        }
    }
}

/// Paragraphs read a line at a time: the lines of a paragraph join with one space, as words do,
/// a blank line ends it, and neighbouring text is one piece.
public struct Paragraphs: Sendable {
    public private(set) var finished = [[Explanation.Piece]]()
    private var paragraph = [Explanation.Piece]()

    public init() {}

    public mutating func add(_ pieces: [Explanation.Piece]) {
        for piece in (paragraph.isEmpty ? [] : [.text(" ")]) + pieces {
            if case .text(let next) = piece, case .text(let previous)? = paragraph.last {
                paragraph[paragraph.count - 1] = .text(previous + next)
            } else {
                paragraph.append(piece)
            }
        }
    }

    public mutating func endParagraph() {
        guard !paragraph.isEmpty else { return }
        finished.append(paragraph)
        paragraph = []
    }

    /// Every paragraph, the one being read included.
    public var all: [[Explanation.Piece]] {
        paragraph.isEmpty ? finished : finished + [paragraph]
    }
}

/// The word of `words` within two typing slips of `word`, to suggest what was meant.
public func closest(_ word: String, _ words: [String]) -> String? {
    words.map { ($0, editDistance($0, word)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
}

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b`
/// (Levenshtein).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    /// Without spaces at either end.
    public var trimmingBlanks: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// Broken into lines of at most `width` characters, between words; a word longer than a line
    /// is cut. None for no words.
    public func wrapped(width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines = [String]()
        var line = ""
        for word in split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
            while line.count > width {
                lines.append(String(line.prefix(width)))
                line = String(line.dropFirst(width))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
