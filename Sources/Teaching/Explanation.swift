/// Paragraphs of words with placeholders for facts of the drawing on screen, filled in each time
/// it changes: a section of an explanation file, or what a step of a lesson says.
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

    /// The paragraphs with the facts that `facts` holds filled in and the others left as written
    /// (`{best}`): the text where the drawing is not known, for a printed copy.
    public func text(fillingWhatIsKnown facts: FactSheet) -> [String] {
        paragraphs.map { pieces in
            pieces.map { piece in
                switch piece {
                case .text(let text): text
                case .fact(let fact): facts[fact] ?? "{\(fact.rawValue)}"
                }
            }.joined()
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
        let lines: [String]
        do {
            lines = try TeacherText.lines(bytes)
        } catch {
            throw .notText(path: path, line: error.line, column: error.column)
        }
        var sections = [Topic: Explanation]()
        var starts = [Topic: Int]()
        // The section being read: its topic, the line of its header, its paragraphs so far.
        var current: (topic: Topic, line: Int, paragraphs: Paragraphs)?
        var sawText = false

        func endSection() throws(ExplanationError) {
            guard let section = current else { return }
            let paragraphs = section.paragraphs.all
            guard !paragraphs.isEmpty else {
                throw .emptySection(path: path, line: section.line, name: section.topic.name)
            }
            sections[section.topic] = Explanation(paragraphs: paragraphs)
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingBlanks
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                current?.paragraphs.endParagraph()
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
                current = (topic, number, Paragraphs())
                continue
            }
            guard let topic = current?.topic else {
                throw .textOutsideSection(path: path, line: number)
            }
            current?.paragraphs.add(try pieces(raw, line: number, topic: topic))
        }
        guard sawText else { throw .empty(path: path, line: max(1, lines.count)) }
        try endSection()
        for topic in file.topics where sections[topic] == nil {
            throw .missingSection(path: path, line: lines.count, name: topic.name)
        }
        return sections
    }

    /// One line of text split into words and placeholders, each a fact its section can know.
    func pieces(_ line: String, line number: Int, topic: Topic) throws(ExplanationError)
        -> [Explanation.Piece]
    {
        let pieces: [Explanation.Piece]
        do {
            pieces = try TeacherText.pieces(line)
        } catch {
            switch error {
            case .unclosedBrace(let column):
                throw .unclosedBrace(path: path, line: number, column: column)
            case .unopenedBrace(let column):
                throw .unopenedBrace(path: path, line: number, column: column)
            case .emptyPlaceholder(let column):
                throw .emptyPlaceholder(path: path, line: number, column: column)
            case .unknownPlaceholder(let name, let suggestion):
                throw .unknownPlaceholder(
                    path: path, line: number, name: name, suggestion: suggestion)
            }
        }
        for case .fact(let fact) in pieces where !topic.facts.contains(fact) {
            throw .placeholderNotHere(
                path: path, line: number, name: fact.rawValue, section: topic.name,
                known: topic.facts.sorted().map(\.rawValue))
        }
        return pieces
    }
}
