import LeNet5
import Teaching

/// The directives of the lesson format: a line that begins with `@` and one of these words.
public enum LessonDirective: String, CaseIterable, Sendable {
    case title, step, point, load, clear, preprocess, shift, rotate, scale, thicken, thin, draw
    case expect

    /// How the directive is written, for messages.
    var usage: String {
        switch self {
        case .title: "@title How LeNet-5 reads your digit"
        case .step: "@step, or @step and a heading"
        case .point:
            "@point canvas, saliency, bars, a layer (@point C1), a map (@point C1 map 4), a "
                + "unit of a map (@point C1 map 4 unit 12,7), of a list (@point F6 unit 17), or "
                + "a class (@point Output class 7)"
        case .load: "@load seven.txt (a sample) or @load ./my-seven.txt (beside the lesson)"
        case .clear: "@clear"
        case .preprocess: "@preprocess on or @preprocess off"
        case .shift: "@shift 3,-2 (cells right, then down; negative for left, up)"
        case .rotate: "@rotate 30 (degrees, anticlockwise; negative for clockwise)"
        case .scale: "@scale 1.5 (1.5 times as large) or @scale 0.5"
        case .thicken: "@thicken, or @thicken 2 (times)"
        case .thin: "@thin, @thin 2 (times), or @thin all (down to one cell)"
        case .draw: "@draw 7 (the step waits until the network reads the drawing as a 7)"
        case .expect:
            "@expect 9, @expect 9 at least 90%, @expect C1 map 3 unit 14,14 below -0.9, or "
                + "@expect C1 map 4 above 0.9 (some value of the map)"
        }
    }
}

/// Reads a lesson (the format is in README, "Writing a lesson") and checks everything that can be
/// checked without running the network: every directive and its words, every layer, map, unit and
/// class a step names, every drawing it loads, every placeholder, and that each step's text fits
/// the screen. The first fault found is thrown, naming its line.
public struct LessonParser {
    /// Where the lesson comes from, for messages.
    public let path: String
    /// The lesson's name (its file's name without the extension).
    public let name: String
    /// The network's classes, in the order of its outputs.
    public let classes: [String]
    /// Where `@load` finds drawings.
    public let drawings: DrawingSource

    /// A step's text must fit this many lines of `textColumns` characters: what the tour's band
    /// across an 80x24 screen holds (under the network, which then has the rest).
    public static let textLines = 5
    public static let textColumns = 76
    /// The longest title, or step heading, that fits a line beside "step K of N".
    public static let titleLength = 60

    public init(path: String, name: String, classes: [String], drawings: DrawingSource) {
        self.path = path
        self.name = name
        self.classes = classes
        self.drawings = drawings
    }

    /// A step as it is being read.
    struct Draft {
        let line: Int
        let title: String?
        var paragraphs = Paragraphs()
        var facts = [(fact: Fact, line: Int)]()
        var target: (target: LessonTarget, line: Int)?
        var setup = [CanvasAction]()
        var awaited: (awaited: LessonClass, line: Int)?
        var expectations = [Expectation]()
        var preprocessing: Bool
        /// Where each once-only directive first appeared.
        var seen = [LessonDirective: Int]()
    }

    public func parse(_ bytes: [UInt8]) throws(LessonError) -> Lesson {
        let lines: [String]
        do {
            lines = try TeacherText.lines(bytes)
        } catch {
            throw .notText(path: path, line: error.line, column: error.column)
        }
        var title: (text: String, line: Int)?
        var steps = [LessonStep]()
        var draft: Draft?
        var preprocessing = true
        // Whether the canvas holds a drawing the lesson set up (rather than the reader's), so
        // that an @expect about it can be checked.
        var drawingIsKnown = false
        var sawAnything = false

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingBlanks
            if line.hasPrefix("#") { continue }
            if line.isEmpty {
                draft?.paragraphs.endParagraph()
                continue
            }
            sawAnything = true
            guard line.hasPrefix("@") else {
                guard var current = draft else {
                    throw .textOutsideStep(path: path, line: number)
                }
                let pieces = try self.pieces(raw, line: number)
                for case .fact(let fact) in pieces { current.facts.append((fact, number)) }
                current.paragraphs.add(pieces)
                draft = current
                continue
            }
            let word = String(line.dropFirst().prefix { $0 != " " })
            let arguments = String(line.dropFirst(1 + word.count)).trimmingBlanks
            guard let directive = LessonDirective(rawValue: word.lowercased()) else {
                throw .unknownDirective(
                    path: path, line: number, name: word,
                    suggestion: closest(word.lowercased(), LessonDirective.allCases.map(\.rawValue))
                )
            }
            switch directive {
            case .title:
                if let first = title {
                    throw .repeatedDirective(
                        path: path, line: number, name: "title", first: first.line)
                }
                guard draft == nil else {
                    throw .misplacedDirective(
                        path: path, line: number, name: "title",
                        reason: "belongs before the first @step")
                }
                guard !arguments.isEmpty else {
                    throw malformed(directive, number, "the title is missing")
                }
                guard arguments.count <= Self.titleLength else {
                    throw .titleTooLong(
                        path: path, line: number, length: arguments.count, limit: Self.titleLength)
                }
                title = (arguments, number)
            case .step:
                if let finished = draft {
                    steps.append(try step(finished, drawingIsKnown: &drawingIsKnown))
                } else if title == nil {
                    throw .missingTitle(path: path, line: number)
                }
                guard arguments.count <= Self.titleLength else {
                    throw .titleTooLong(
                        path: path, line: number, length: arguments.count, limit: Self.titleLength)
                }
                draft = Draft(
                    line: number, title: arguments.isEmpty ? nil : arguments,
                    preprocessing: preprocessing)
            default:
                guard var current = draft else {
                    throw .misplacedDirective(
                        path: path, line: number, name: directive.rawValue,
                        reason: "belongs in a step: put it after a line @step")
                }
                try apply(directive, arguments, line: number, to: &current)
                preprocessing = current.preprocessing
                draft = current
            }
        }
        guard sawAnything else { throw .empty(path: path, line: 1) }
        guard let last = draft, let title else {
            if let title { throw .noSteps(path: path, line: title.line) }
            throw .missingTitle(path: path, line: 1)
        }
        steps.append(try step(last, drawingIsKnown: &drawingIsKnown))
        return Lesson(name: name, title: title.text, path: path, steps: steps)
    }

    /// A directive inside a step.
    func apply(_ directive: LessonDirective, _ arguments: String, line: Int, to draft: inout Draft)
        throws(LessonError)
    {
        let words = arguments.split(separator: " ").map(String.init)
        switch directive {
        case .point, .draw, .preprocess:
            if let first = draft.seen[directive] {
                throw .repeatedDirective(
                    path: path, line: line, name: directive.rawValue, first: first)
            }
            draft.seen[directive] = line
        default: break
        }
        switch directive {
        case .title, .step:
            preconditionFailure("handled by parse")
        case .point:
            draft.target = (try target(words, line: line), line)
        case .load:
            guard !arguments.isEmpty else {
                throw malformed(directive, line, "the drawing's name is missing")
            }
            draft.setup.append(.load(name: arguments, drawing: try drawing(arguments, line: line)))
        case .clear:
            guard words.isEmpty else { throw malformed(directive, line, "it takes no words") }
            draft.setup.append(.clear)
        case .preprocess:
            switch words.map({ $0.lowercased() }) {
            case ["on"]: draft.preprocessing = true
            case ["off"]: draft.preprocessing = false
            default: throw malformed(directive, line, "say on or off")
            }
        case .shift:
            guard words.count == 1, let pair = integerPair(words[0]),
                pair.x != 0 || pair.y != 0
            else {
                throw malformed(directive, line, "give the cells across and down, as 3,-2")
            }
            let side = Preprocessing.inputSide
            guard abs(pair.x) < side && abs(pair.y) < side else {
                throw malformed(
                    directive, line, "a shift of \(side) cells or more leaves the canvas empty")
            }
            draft.setup.append(.transform(.shift(x: pair.x, y: pair.y)))
        case .rotate:
            guard words.count == 1, let degrees = Double(words[0]), degrees.isFinite,
                (-180...180).contains(degrees)
            else {
                throw malformed(directive, line, "give an angle in degrees, from -180 to 180")
            }
            draft.setup.append(.transform(.rotate(degrees: degrees)))
        case .scale:
            guard words.count == 1, let factor = Double(words[0]), factor.isFinite,
                (0.25...4).contains(factor)
            else {
                throw malformed(directive, line, "give a factor from 0.25 to 4")
            }
            draft.setup.append(.transform(.scale(factor: factor)))
        case .thicken:
            guard let steps = count(words) else {
                throw malformed(directive, line, "give how many times, from 1 to 5")
            }
            draft.setup.append(.transform(.thicken(steps: steps)))
        case .thin:
            if words.map({ $0.lowercased() }) == ["all"] {
                draft.setup.append(.transform(.thin(steps: nil)))
            } else {
                guard let steps = count(words) else {
                    throw malformed(directive, line, "give how many times, from 1 to 5, or all")
                }
                draft.setup.append(.transform(.thin(steps: steps)))
            }
        case .draw:
            guard words.count == 1 else {
                throw malformed(directive, line, "name one class")
            }
            draft.awaited = (try lessonClass(words[0], line: line), line)
        case .expect:
            draft.expectations.append(Expectation(line: line, claim: try claim(words, line: line)))
        }
    }

    /// A finished step, checked whole: it has text that fits, its placeholders can be filled, and
    /// its expectations can be checked.
    func step(_ draft: Draft, drawingIsKnown: inout Bool) throws(LessonError) -> LessonStep {
        let paragraphs = draft.paragraphs.all
        guard !paragraphs.isEmpty else {
            throw .stepWithoutText(path: path, line: draft.line)
        }
        for (fact, line) in draft.facts {
            let requirement = fact.lessonRequirement
            guard requirement.isMet(by: draft.target?.target, awaits: draft.awaited != nil) else {
                throw .placeholderNotHere(
                    path: path, line: line, name: fact.rawValue, need: requirement.need)
            }
        }
        let text = Explanation(paragraphs: paragraphs)
        let lines = text.lineCount(columns: Self.textColumns)
        guard lines <= Self.textLines else {
            throw .stepTooLong(
                path: path, line: draft.line, lines: lines, limit: Self.textLines,
                columns: Self.textColumns)
        }
        if draft.setup.contains(where: {
            if case .transform = $0 { return false }
            return true
        }) {
            // A step that loads or clears the canvas sets up the drawing; the last such action
            // counts, and the transforms after it keep it the lesson's own.
            drawingIsKnown = true
        }
        if draft.awaited != nil { drawingIsKnown = false }
        if let first = draft.expectations.first, !drawingIsKnown {
            throw .expectationOnReadersDrawing(path: path, line: first.line)
        }
        return LessonStep(
            line: draft.line, title: draft.title, text: text, target: draft.target?.target,
            setup: draft.setup, preprocessing: draft.preprocessing,
            awaited: draft.awaited?.awaited, expectations: draft.expectations,
            canvasIsReaders: !drawingIsKnown)
    }

    // MARK: The words of directives

    func malformed(_ directive: LessonDirective, _ line: Int, _ problem: String) -> LessonError {
        .malformedDirective(
            path: path, line: line, name: directive.rawValue, problem: problem,
            usage: directive.usage)
    }

    /// The N of @thicken N and @thin N, 1 without one; nil when it is not a count from 1 to 5.
    func count(_ words: [String]) -> Int? {
        guard !words.isEmpty else { return 1 }
        guard words.count == 1, let n = Int(words[0]), (1...5).contains(n) else { return nil }
        return n
    }

    /// "3,-2" as (3, -2).
    func integerPair(_ word: String) -> (x: Int, y: Int)? {
        let parts = word.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]) else { return nil }
        return (x, y)
    }

    func lessonClass(_ name: String, line: Int) throws(LessonError) -> LessonClass {
        guard let index = classes.firstIndex(of: name) else {
            throw .unknownClass(path: path, line: line, name: name, classes: classes)
        }
        return LessonClass(index: index, name: name)
    }

    func layer(_ name: String, line: Int) throws(LessonError) -> NetworkLayer {
        guard let layer = NetworkLayer(name: name) else {
            throw .unknownLayer(path: path, line: line, name: name)
        }
        return layer
    }

    /// How many units a layer has: Output has one per class of this network.
    func unitCount(_ layer: NetworkLayer) -> Int {
        layer == .output ? classes.count : layer.geometry.maps
    }

    /// The target of @point.
    func target(_ words: [String], line: Int) throws(LessonError) -> LessonTarget {
        guard let first = words.first else {
            throw malformed(.point, line, "say what to point at")
        }
        let lowered = words.map { $0.lowercased() }
        switch lowered {
        case ["canvas"]: return .canvas
        case ["saliency"]: return .saliency
        case ["bars"]: return .bars
        default: break
        }
        let layer = try self.layer(first, line: line)
        let g = layer.geometry
        let rest = Array(lowered.dropFirst())
        if rest.isEmpty { return .layer(layer) }
        if layer.isUnitList {
            if rest.count == 2 && rest[0] == "unit" {
                guard let n = Int(rest[1]) else {
                    throw malformed(.point, line, "give the unit as a number")
                }
                guard (1...unitCount(layer)).contains(n),
                    let unit = NetworkUnit(layer: layer, unit: n - 1)
                else {
                    throw .notInLayer(
                        path: path, line: line, what: "\(layer.name) unit \(n)",
                        valid: "\(layer.name) has units 1 to \(unitCount(layer))")
                }
                return .unit(unit)
            }
            if layer == .output && rest.count == 2 && rest[0] == "class" {
                let chosen = try lessonClass(words[2], line: line)
                guard let unit = NetworkUnit(layer: .output, unit: chosen.index) else {
                    throw .unknownClass(path: path, line: line, name: words[2], classes: classes)
                }
                return .unit(unit)
            }
            if rest.first == "map" {
                throw .notInLayer(
                    path: path, line: line, what: "\(layer.name) " + rest.joined(separator: " "),
                    valid: "\(layer.name) is a list of \(unitCount(layer)) units, not maps: "
                        + "point at \(layer.name) unit N, N from 1 to \(unitCount(layer))")
            }
            throw malformed(.point, line, "\(words.joined(separator: " ")) is not a target")
        }
        guard rest.count >= 2, rest[0] == "map" else {
            if rest.first == "unit" {
                throw .notInLayer(
                    path: path, line: line, what: "\(layer.name) " + rest.joined(separator: " "),
                    valid: "\(layer.name) is made of maps: point at \(layer.name) map M unit X,Y")
            }
            throw malformed(.point, line, "\(words.joined(separator: " ")) is not a target")
        }
        guard let m = Int(rest[1]) else {
            throw malformed(.point, line, "give the map as a number")
        }
        guard (1...g.maps).contains(m) else {
            throw .notInLayer(
                path: path, line: line, what: "\(layer.name) map \(m)",
                valid: g.maps == 1
                    ? "\(layer.name) has one map, map 1"
                    : "\(layer.name) has maps 1 to \(g.maps)")
        }
        if rest.count == 2 { return .map(layer, map: m - 1) }
        guard rest.count == 4, rest[2] == "unit", let position = integerPair(rest[3]) else {
            throw malformed(.point, line, "\(words.joined(separator: " ")) is not a target")
        }
        guard let unit = NetworkUnit(layer: layer, map: m - 1, x: position.x - 1, y: position.y - 1)
        else {
            throw .notInLayer(
                path: path, line: line,
                what: "\(layer.name) map \(m) unit \(position.x),\(position.y)",
                valid: "\(layer.name)'s maps are \(g.side)x\(g.side), columns and rows 1 to "
                    + "\(g.side)")
        }
        return .unit(unit)
    }

    /// The claim of @expect.
    func claim(_ words: [String], line: Int) throws(LessonError) -> Expectation.Claim {
        let lowered = words.map { $0.lowercased() }
        if let side = lowered.firstIndex(where: { $0 == "above" || $0 == "below" }) {
            guard side > 0, side == words.count - 2, let value = Float(words[side + 1]),
                value.isFinite
            else {
                throw malformed(.expect, line, "give one number after above or below")
            }
            let target = try self.target(Array(words[..<side]), line: line)
            switch target {
            case .map, .unit: break
            default:
                throw malformed(.expect, line, "name a map or a unit to compare with a value")
            }
            return .value(target, above: lowered[side] == "above", value: value)
        }
        guard let name = words.first else {
            throw malformed(.expect, line, "say what the network reads")
        }
        let reading = try lessonClass(name, line: line)
        switch lowered.count {
        case 1: return .reads(reading, atLeast: nil)
        case 4 where lowered[1] == "at" && lowered[2] == "least" && lowered[3].hasSuffix("%"):
            guard let percent = Float(lowered[3].dropLast()), (0...100).contains(percent) else {
                throw malformed(.expect, line, "give a percentage from 0% to 100%")
            }
            return .reads(reading, atLeast: percent / 100)
        default:
            throw malformed(.expect, line, "\(words.joined(separator: " ")) is not a claim")
        }
    }

    /// The drawing @load names, read and checked.
    func drawing(_ name: String, line: Int) throws(LessonError) -> Bitmap {
        do {
            return try drawings.drawing(named: name)
        } catch {
            if error.isMissing {
                throw .missingDrawing(path: path, line: line, name: name, reason: error.description)
            }
            throw .badDrawing(path: path, line: line, name: name, fault: error.description)
        }
    }

    // MARK: Text

    /// One line of text split into words and placeholders.
    func pieces(_ line: String, line number: Int) throws(LessonError) -> [Explanation.Piece] {
        do {
            return try TeacherText.pieces(line)
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
    }
}
