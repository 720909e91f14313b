import LeNet5
import Teaching

/// What a step must point at or ask for to name a fact: {row} needs a map to find the row in,
/// {target} a class the step asks for. The facts and their placeholders are the sketchpad's own
/// (`Fact`, listed in README, Writing a lesson); this is where a lesson may use each.
public enum LessonRequirement: Sendable {
    case none
    /// A step with `@draw`.
    case awaitedClass
    /// A step that points at a layer, a map or a unit.
    case layer
    /// A step that points at C1, C3, C5 or F6 (the layers with tanh), or a map or unit of one.
    case activatedLayer
    /// A step that points at a map of Input, C1, S2, C3 or S4, or a unit of one.
    case map
    /// A step that points at one unit.
    case unit
    /// A step that points at a unit computed as a weighted sum: of C1, C3, C5, F6 or Output.
    case weightedSum
    /// A step that points at a unit of S2 or S4, the mean of a block.
    case pooledUnit
    /// A step that points at the saliency overlay.
    case saliency
    /// Only what teach mode measured says these: no lesson step can.
    case teachingResult

    /// What the step must do, for a message: "point at a map".
    public var need: String {
        switch self {
        case .none: "nothing"
        case .awaitedClass: "ask for a class with @draw"
        case .layer: "point at a layer (@point C1)"
        case .activatedLayer: "point at C1, C3, C5 or F6 (@point C3)"
        case .map: "point at a map (@point C1 map 4)"
        case .unit: "point at a unit (@point C1 map 4 unit 12,7 or @point F6 unit 17)"
        case .weightedSum:
            "point at a unit of C1, C3, C5, F6 or Output (@point C3 map 2 unit 5,5)"
        case .pooledUnit: "point at a unit of S2 or S4 (@point S2 map 1 unit 7,7)"
        case .saliency: "point at the saliency overlay (@point saliency)"
        case .teachingResult: "be what teach mode measured, which no lesson step is"
        }
    }

    /// Whether a step that points at `target` (and with `awaits`, asks for a class) meets it.
    func isMet(by target: LessonTarget?, awaits: Bool) -> Bool {
        let layer = target?.layer
        var unitLayer: NetworkLayer?
        if case .unit(let unit) = target { unitLayer = unit.layer }
        switch self {
        case .none: return true
        case .awaitedClass: return awaits
        case .layer: return layer != nil
        case .activatedLayer: return layer.map { [.c1, .c3, .c5, .f6].contains($0) } ?? false
        case .map: return target?.map != nil
        case .unit: return unitLayer != nil
        case .weightedSum:
            return unitLayer.map { [.c1, .c3, .c5, .f6, .output].contains($0) } ?? false
        case .pooledUnit: return unitLayer.map { [.s2, .s4].contains($0) } ?? false
        case .saliency: return target == .saliency
        case .teachingResult: return false
        }
    }
}

extension Fact {
    /// Where a lesson's step may name it.
    public var lessonRequirement: LessonRequirement {
        switch self {
        case .inkCells, .boxWidth, .boxHeight, .scaled, .best, .bestPercent, .second,
            .secondPercent, .rawBest, .rawBestPercent, .preprocessedBest,
            .preprocessedBestPercent, .c5Top, .f6Top, .pushUp, .pushDown, .class, .classes:
            .none
        case .target, .targetPercent: .awaitedClass
        case .layer, .maps: .layer
        case .saturatedPercent, .low, .high: .activatedLayer
        case .map, .row, .column, .strongest, .stroke: .map
        case .unit, .value, .before, .field, .cells: .unit
        case .products, .inputs, .sum, .bias: .weightedSum
        case .block, .mean: .pooledUnit
        case .method, .topCell, .topDrop: .saliency
        case .heldOut, .folds, .transferRight, .transferPercent, .scratchRight, .scratchPercent,
            .kept, .learnedFrom, .aheadBy, .scratchDid:
            .teachingResult
        }
    }

    /// The most characters it can fill, for fitting a step's text to the screen.
    var widest: Int {
        switch self {
        case .best, .second, .rawBest, .preprocessedBest, .target: 3
        case .bestPercent, .secondPercent, .rawBestPercent, .preprocessedBestPercent,
            .targetPercent, .value:
            6
        case .inkCells: 4
        // "digit", "class"; "twenty"
        case .class, .classes: 6
        case .heldOut, .folds, .learnedFrom: 3
        // "100 of 200", "100%", "100 points"
        case .transferRight, .scratchRight: 10
        case .transferPercent, .scratchPercent: 4
        case .aheadBy: 10
        // "as well"
        case .scratchDid: 7
        // "kept C1 to C5 as they were and taught only F6 and the output"
        case .kept: 70
        case .boxWidth, .boxHeight, .map, .maps, .row, .column, .products: 3
        case .scaled: 26
        case .layer: 6
        case .strongest, .saturatedPercent: 5
        case .before, .sum, .bias, .mean, .low, .high: 7
        // "unit 120 (-1.00), unit 119 (-1.00) and unit 118 (-1.00)"
        case .c5Top, .f6Top: 56
        // "units 84 (+12.34), 83 (-12.34) and 82 (+12.34)"
        case .pushUp, .pushDown: 46
        // "bends or meets another stroke"
        case .stroke: 29
        // "C3 map 16, row 10, column 10", "the input's row 32, column 32"
        case .unit: 29
        // "rows 28 to 32, columns 28 to 32"
        case .field, .cells: 31
        case .inputs: 17
        // "-1.00, -1.00, -1.00 and -1.00"
        case .block: 30
        case .method: 25
        case .topCell: 17
        // "about 100 points, from >99.9% to 100.0%"
        case .topDrop: 40
        }
    }
}

extension Explanation {
    /// How many lines of `columns` characters the text takes, wrapped between words, with a blank
    /// line between paragraphs, and each fact as wide as it can be.
    public func lineCount(columns: Int) -> Int {
        let widths = paragraphs.map { pieces in
            pieces.map { piece -> [Int] in
                switch piece {
                case .text(let text):
                    text.split(separator: " ", omittingEmptySubsequences: false).map(\.count)
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
