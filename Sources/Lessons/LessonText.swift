/// What a step says: paragraphs of words with placeholders, `{best}`, for the numbers of the drawing
/// on the canvas, filled in each time it changes.
public struct LessonText: Equatable, Sendable {
    public enum Piece: Equatable, Sendable {
        case text(String)
        case fact(LessonFact)
    }

    /// Each paragraph's pieces, in order; neighbouring text is one piece.
    public let paragraphs: [[Piece]]

    public init(paragraphs: [[Piece]]) { self.paragraphs = paragraphs }

    /// The paragraphs with their facts filled in. A paragraph that names a fact `facts` does not
    /// hold (nothing is drawn, or the drawing gives no such thing) is left out whole, so that the
    /// text never shows a hole or a stale number: put a sentence with numbers in a paragraph of its
    /// own. (The sketchpad's explanation files work the same way.)
    public func paragraphs(filledWith facts: [LessonFact: String]) -> [String] {
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

    /// The paragraphs with the facts that `facts` holds filled in and the others left as the lesson
    /// writes them (`{best}`): the text of a step whose drawing is not known, for a printed copy.
    public func paragraphs(fillingWhatIsKnown facts: [LessonFact: String]) -> [String] {
        paragraphs.map { pieces in
            pieces.map { piece in
                switch piece {
                case .text(let text): text
                case .fact(let fact): facts[fact] ?? "{\(fact.rawValue)}"
                }
            }.joined()
        }
    }

    /// `paragraph` broken between words into lines of at most `columns` characters (a word longer
    /// than a line gets a line of its own).
    public static func wrap(_ paragraph: String, columns: Int) -> [String] {
        var lines = [String]()
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > columns {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Every fact the text names.
    public var facts: Set<LessonFact> {
        Set(
            paragraphs.joined().compactMap {
                if case .fact(let fact) = $0 { return fact }
                return nil
            })
    }

    /// How many lines of `columns` characters the text takes, wrapped between words, with a blank
    /// line between paragraphs, and each fact as wide as it can be.
    public func lineCount(columns: Int) -> Int {
        let widths = paragraphs.map { pieces in
            pieces.map { piece -> [Int] in
                switch piece {
                case .text(let text):
                    text.split(separator: " ", omittingEmptySubsequences: false)
                        .map(\.count)
                case .fact(let fact): [fact.widest]
                }
            }
        }
        var lines = 0
        for paragraph in widths {
            // A fact glued to text ("({best_percent})") makes one word with it: the pieces' first
            // and last words join their neighbours'.
            var words = [Int]()
            var glue = false
            for piece in paragraph {
                for (i, width) in piece.enumerated() {
                    if i == 0 && glue, let last = words.popLast() {
                        words.append(last + width)
                    } else {
                        words.append(width)
                    }
                }
                glue = true
            }
            var line = 0
            lines += 1
            for word in words where word > 0 {
                if line > 0 && line + 1 + word > columns {
                    lines += 1
                    line = word
                } else {
                    line += (line > 0 ? 1 : 0) + word
                }
            }
        }
        return lines + max(0, paragraphs.count - 1)
    }
}

/// A number or a few words about the drawing on the canvas that a step's text can name, written
/// `{name}` in the lesson. The names the sketchpad's explanation files share mean the same there.
public enum LessonFact: String, CaseIterable, Sendable, Comparable {
    // The network's answer, as the step reads the canvas (with or without the preprocessing).
    case best
    case bestPercent = "best_percent"
    case second
    case secondPercent = "second_percent"
    // The answer without and with the preprocessing, whatever the step's setting.
    case rawBest = "raw_best"
    case rawBestPercent = "raw_best_percent"
    case preprocessedBest = "preprocessed_best"
    case preprocessedBestPercent = "preprocessed_best_percent"

    // The drawing.
    case inkCells = "ink_cells"
    case boxWidth = "box_width"
    case boxHeight = "box_height"
    case scaled

    // The class a step asks for (`@draw`).
    case target
    case targetPercent = "target_percent"

    // What the step points at.
    case layer
    case map
    case row
    case column
    case strongest
    case value

    /// What the placeholder stands for, with an example, as the format's documentation lists it.
    public var meaning: String {
        switch self {
        case .best: "the class the network reads the drawing as (\"7\")"
        case .bestPercent: "its probability (\"99.8%\")"
        case .second: "the runner-up (\"9\")"
        case .secondPercent: "its probability (\"0.1%\")"
        case .rawBest: "the class the network reads without the preprocessing (\"4\")"
        case .rawBestPercent: "its probability (\"54.9%\")"
        case .preprocessedBest: "the class the network reads with the preprocessing (\"8\")"
        case .preprocessedBestPercent: "its probability (\"99.8%\")"
        case .inkCells: "how many cells of the canvas hold ink (\"57\")"
        case .boxWidth: "the width of the ink's box, in cells (\"14\")"
        case .boxHeight: "the height of the ink's box, in cells (\"23\")"
        case .scaled:
            "how the preprocessing resized the drawing (\"enlarged 1.3 times\", \"shrunk to 80% "
                + "of its size\", \"kept at its size\")"
        case .target: "the class the step asks the reader to draw (\"7\")"
        case .targetPercent: "the probability the network gives that class now (\"12.5%\")"
        case .layer: "the layer the step points at (\"C1\")"
        case .map: "the map it points at, counted from 1 (\"4\")"
        case .row: "the row of that map's strongest value, counted from 1 (\"7\")"
        case .column: "its column, counted from 1 (\"12\")"
        case .strongest: "that value (\"0.98\")"
        case .value: "the value of the unit the step points at (\"0.83\")"
        }
    }

    /// Where a step can use it: what it needs the step to point at or ask for.
    public var requirement: Requirement {
        switch self {
        case .target, .targetPercent: .awaitedClass
        case .layer: .layer
        case .map, .row, .column, .strongest: .map
        case .value: .unit
        default: .none
        }
    }

    public enum Requirement: Sendable {
        case none
        /// A step with `@draw`.
        case awaitedClass
        /// A step that points at a layer, a map or a unit.
        case layer
        /// A step that points at a map of Input, C1, S2, C3 or S4, or a unit of one.
        case map
        /// A step that points at one unit.
        case unit

        /// What the step must do, for a message: "point at a map".
        public var need: String {
            switch self {
            case .none: "nothing"
            case .awaitedClass: "ask for a class with @draw"
            case .layer: "point at a layer (@point C1)"
            case .map: "point at a map (@point C1 map 4)"
            case .unit: "point at a unit (@point C1 map 4 unit 12,7 or @point F6 unit 17)"
            }
        }
    }

    /// Whether its value depends on what is drawn (rather than only on what the step points at or
    /// asks for).
    public var readsTheDrawing: Bool {
        switch self {
        case .target, .layer, .map: false
        default: true
        }
    }

    /// The most characters it can fill, for fitting a step's text to the screen.
    var widest: Int {
        switch self {
        case .best, .second, .rawBest, .preprocessedBest, .target: 3
        case .bestPercent, .secondPercent, .rawBestPercent, .preprocessedBestPercent,
            .targetPercent:
            6
        case .inkCells: 4
        case .boxWidth, .boxHeight, .map, .row, .column: 3
        case .scaled: 26
        case .layer: 6
        case .strongest, .value: 5
        }
    }

    public static func < (a: LessonFact, b: LessonFact) -> Bool { a.rawValue < b.rawValue }
}
