/// The text of one section: paragraphs of words with facts to fill in.
public struct Explanation: Equatable, Sendable {
    public enum Piece: Equatable, Sendable {
        case text(String)
        case fact(Fact)
    }

    /// Each paragraph's pieces, in order; the words within a piece are separated by single spaces.
    public let paragraphs: [[Piece]]

    public init(paragraphs: [[Piece]]) { self.paragraphs = paragraphs }

    /// The paragraphs with their facts filled in. A paragraph that names a fact `facts` does not
    /// hold (nothing is drawn, or the drawing gives no such thing) is left out whole, so that a
    /// text never shows a hole or a stale number.
    public func text(_ facts: FactSheet) -> [String] {
        paragraphs.compactMap { pieces in
            var paragraph = ""
            for piece in pieces {
                switch piece {
                case .text(let text): paragraph += text
                case .fact(let fact):
                    guard let value = facts[fact] else { return nil }
                    paragraph += value
                }
            }
            return paragraph
        }
    }

    /// Every fact the text names.
    public var facts: Set<Fact> {
        Set(
            paragraphs.joined().compactMap {
                if case .fact(let fact) = $0 { return fact }
                return nil
            })
    }
}

/// Reads the format of an explanation file (see Assets/explanations/README.md):
///
///     # A comment.
///     [C1]
///     C1 slides six small patterns over the input. Map {map} answers most at
///     row {row}, column {column}.
///
///     A blank line begins a new paragraph. {{ and }} write a brace itself.
///
/// Every section of the file must be there, once, with some text; every placeholder must be a
/// fact its section can know. Faults are `ExplanationError`s naming the line.
struct ExplanationParser {
    let path: String
    let file: ExplanationFile

    func parse(_ bytes: [UInt8]) throws(ExplanationError) -> [Topic: Explanation] {
        let lines = try textLines(bytes)
        var sections = [Topic: Explanation]()
        var starts = [Topic: Int]()
        // The section being read: its topic, the line of its header, its paragraphs so far.
        var current: (topic: Topic, line: Int, paragraphs: [[Explanation.Piece]])?
        var paragraph = [Explanation.Piece]()
        var sawText = false

        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            current?.paragraphs.append(paragraph)
            paragraph = []
        }
        func endSection() throws(ExplanationError) {
            endParagraph()
            guard let section = current else { return }
            guard !section.paragraphs.isEmpty else {
                throw .emptySection(path: path, line: section.line, name: section.topic.name)
            }
            sections[section.topic] = Explanation(paragraphs: section.paragraphs)
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingBlanks
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                endParagraph()
                continue
            }
            sawText = true
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") && line.count >= 2 else {
                    throw .malformedHeader(path: path, line: number)
                }
                let name = String(line.dropFirst().dropLast()).trimmingBlanks
                guard let topic = file.topic(named: name) else {
                    throw .unknownSection(
                        path: path, line: number, name: name, known: file.topics.map(\.name))
                }
                if let first = starts[topic] {
                    throw .repeatedSection(path: path, line: number, name: topic.name, first: first)
                }
                try endSection()
                starts[topic] = number
                current = (topic, number, [])
                continue
            }
            guard let topic = current?.topic else {
                throw .textOutsideSection(path: path, line: number)
            }
            let pieces = try self.pieces(raw, line: number, topic: topic)
            // Lines of a paragraph join with one space, as words do.
            if !paragraph.isEmpty { paragraph.append(.text(" ")) }
            paragraph += pieces
        }
        guard sawText else { throw .empty(path: path, line: max(1, lines.count)) }
        try endSection()
        for topic in file.topics where sections[topic] == nil {
            throw .missingSection(path: path, line: lines.count, name: topic.name)
        }
        return sections.mapValues(Self.merged)
    }

    /// The file as lines of text; a byte that is not UTF-8, or a control character other than a
    /// tab or a line ending, makes it not text.
    func textLines(_ bytes: [UInt8]) throws(ExplanationError) -> [String] {
        var bytes = bytes[...]
        // A byte-order mark, as some editors write one, is not text to show.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines = [String]()
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            .enumerated()
        {
            var content = line
            if content.last == 0x0D { content = content.dropLast() }
            guard let text = String(validating: content, as: UTF8.self) else {
                throw .notText(
                    path: path, line: index + 1,
                    column: Self.firstInvalidColumn(Array(content)))
            }
            for (column, scalar) in text.unicodeScalars.enumerated() {
                let control = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
                if control && scalar != "\t" {
                    throw .notText(path: path, line: index + 1, column: column + 1)
                }
            }
            lines.append(text.replacingTabs)
        }
        // A final line break ends the last line rather than starting another.
        if lines.last == "" && bytes.last == 0x0A { lines.removeLast() }
        return lines
    }

    /// The column (in characters, from 1) of the first byte that is not part of valid UTF-8.
    static func firstInvalidColumn(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var column = 1
        while case .valid = parser.parseScalar(from: &iterator) { column += 1 }
        return column
    }

    /// One line of text split into words and placeholders.
    func pieces(_ line: String, line number: Int, topic: Topic) throws(ExplanationError)
        -> [Explanation.Piece]
    {
        var pieces = [Explanation.Piece]()
        var text = ""
        let characters = Array(line.trimmingBlanks)
        // Columns as the editor counts them: from 1, in the untrimmed line.
        let indent = line.prefix { $0 == " " }.count
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let column = indent + i + 1
            if c == "{" && i + 1 < characters.count && characters[i + 1] == "{" {
                text.append("{")
                i += 2
            } else if c == "}" && i + 1 < characters.count && characters[i + 1] == "}" {
                text.append("}")
                i += 2
            } else if c == "}" {
                throw .unopenedBrace(path: path, line: number, column: column)
            } else if c == "{" {
                guard
                    let close = characters[(i + 1)...].firstIndex(where: { $0 == "}" || $0 == "{" }
                    ),
                    characters[close] == "}"
                else {
                    throw .unclosedBrace(path: path, line: number, column: column)
                }
                let name = String(characters[(i + 1)..<close]).trimmingBlanks
                guard !name.isEmpty else {
                    throw .emptyPlaceholder(path: path, line: number, column: column)
                }
                let fact = try self.fact(named: name, line: number, topic: topic)
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.fact(fact))
                i = close + 1
            } else {
                // Runs of blanks inside a line count as one, as between lines.
                if c == " " && text.last == " " {
                    i += 1
                    continue
                }
                text.append(c)
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    func fact(named name: String, line: Int, topic: Topic) throws(ExplanationError) -> Fact {
        guard let fact = Fact(rawValue: name) else {
            let suggestion = Fact.allCases.map(\.rawValue)
                .map { ($0, editDistance($0, name)) }
                .filter { $0.1 <= 2 }
                .min { $0.1 < $1.1 }?.0
            throw .unknownPlaceholder(path: path, line: line, name: name, suggestion: suggestion)
        }
        guard topic.facts.contains(fact) else {
            throw .placeholderNotHere(
                path: path, line: line, name: name, section: topic.name,
                known: topic.facts.sorted().map(\.rawValue))
        }
        return fact
    }

    /// Neighbouring text pieces joined into one.
    static func merged(_ explanation: Explanation) -> Explanation {
        Explanation(
            paragraphs: explanation.paragraphs.map { pieces in
                var merged = [Explanation.Piece]()
                for piece in pieces {
                    if case .text(let next) = piece, case .text(let previous)? = merged.last {
                        merged[merged.count - 1] = .text(previous + next)
                    } else {
                        merged.append(piece)
                    }
                }
                return merged
            })
    }
}

/// The number of single-character insertions, deletions and substitutions that turn `a` into `b`
/// (Levenshtein), to suggest the placeholder a typing slip meant.
func editDistance(_ a: String, _ b: String) -> Int {
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
    var trimmingBlanks: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// Tabs as single spaces: they separate words like spaces do.
    var replacingTabs: String { String(map { $0 == "\t" ? " " : $0 }) }
}
