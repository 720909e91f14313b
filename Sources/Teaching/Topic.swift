import LeNet5

/// What the sketchpad explains in words besides the layers: the views a teacher opens.
public enum View: String, CaseIterable, Sendable {
    /// A unit picked with the cursor, in the zoom.
    case unit
    /// A convolution unit computed before the class's eyes (C1, C3, C5).
    case convolution
    /// A pooling unit: the mean of a 2x2 block (S2, S4).
    case pooling
    /// An F6 unit: a weighted sum of C5's units.
    case dense
    /// An output unit: the score of a digit from F6's units.
    case output
    /// The saliency overlay, measured by erasing each cell.
    case occlusion
    /// The saliency overlay, estimated from the gradient.
    case gradient
    /// A layer whose values pile up at -1 and +1.
    case saturated
    /// The input with the preprocessing off: the canvas as it is.
    case raw
    /// After teaching: how the taught network and one trained from scratch were tested.
    case comparison
    /// Why transfer did better, when it did.
    case transferAhead = "transfer_ahead"
    /// Why training from scratch did as well, when it did.
    case scratchAsGood = "scratch_as_good"
}

/// One section of an explanation file: a layer, or a view.
public enum Topic: Hashable, Sendable, CustomStringConvertible {
    case layer(NetworkLayer)
    case view(View)

    /// As written between brackets in the file: [C1], [convolution].
    public var name: String {
        switch self {
        case .layer(let layer): layer.name
        case .view(let view): view.rawValue
        }
    }

    public var description: String { "[\(name)]" }

    /// The facts its text may name: those that can be known where the text shows.
    public var facts: Set<Fact> {
        let drawing: Set<Fact> = [
            .inkCells, .boxWidth, .boxHeight, .scaled, .best, .bestPercent, .second,
            .secondPercent, .class, .classes,
        ]
        let comparison: Set<Fact> = [
            .heldOut, .folds, .transferRight, .transferPercent, .scratchRight, .scratchPercent,
            .kept, .learnedFrom, .aheadBy, .scratchDid,
        ]
        let deep: Set<Fact> = [.c5Top, .f6Top, .pushUp, .pushDown]
        let pickedMap: Set<Fact> = [.layer, .map, .maps, .row, .column, .strongest, .stroke]
        let pickedUnit: Set<Fact> = [.layer, .unit, .value, .before, .field, .cells]
        switch self {
        case .layer(let layer):
            switch layer {
            case .input: return drawing
            case .c1, .s2, .c3, .s4: return drawing.union(pickedMap)
            case .c5, .f6, .output: return drawing.union(deep)
            }
        case .view(let view):
            switch view {
            case .unit: return drawing.union(pickedUnit)
            case .convolution, .dense:
                return drawing.union(pickedUnit).union([.products, .inputs, .sum, .bias])
            case .pooling: return drawing.union(pickedUnit).union([.block, .mean])
            case .output:
                return drawing.union(pickedUnit).union(deep).union([.inputs, .sum, .bias])
            case .occlusion, .gradient: return drawing.union([.method, .topCell, .topDrop])
            case .saturated: return [.layer, .saturatedPercent, .low, .high]
            case .raw:
                return drawing.union([
                    .rawBest, .rawBestPercent, .preprocessedBest, .preprocessedBestPercent,
                ])
            case .comparison, .transferAhead, .scratchAsGood: return comparison
            }
        }
    }
}

/// The files a set of explanations is made of, each with its sections.
public enum ExplanationFile: String, CaseIterable, Sendable {
    /// A few sentences on each layer, Input to Output.
    case layers = "layers.txt"
    /// The views: a picked unit, a computation, the saliency overlay, a saturated layer, the
    /// input with the preprocessing off, what teaching measured.
    case views = "views.txt"

    /// Every section the file must have, in the order the documentation lists them.
    public var topics: [Topic] {
        switch self {
        case .layers: NetworkLayer.allCases.map(Topic.layer)
        case .views: View.allCases.map(Topic.view)
        }
    }

    /// The section called `name` (any case), if the file has one.
    func topic(named name: String) -> Topic? {
        topics.first { $0.name.lowercased() == name.lowercased() }
    }
}
