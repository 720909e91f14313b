/// A number or a few words about the drawing on screen that an explanation can name, written
/// `{name}` in its file: the vocabulary of the placeholders. Which section may use which fact is
/// `Topic.facts`; `FactSheet` computes them.
public enum Fact: String, CaseIterable, Sendable, Comparable {
    // The drawing and its preprocessing.
    case inkCells = "ink_cells"
    case boxWidth = "box_width"
    case boxHeight = "box_height"
    case scaled

    // The network's classes.
    /// "digit" for the digits, "class" for a taught network's own classes.
    case `class`
    /// How many classes, in words: "ten".
    case classes

    // The network's answer.
    case best
    case bestPercent = "best_percent"
    case second
    case secondPercent = "second_percent"
    // The answer without and with the preprocessing, whichever the screen shows.
    case rawBest = "raw_best"
    case rawBestPercent = "raw_best_percent"
    case preprocessedBest = "preprocessed_best"
    case preprocessedBestPercent = "preprocessed_best_percent"

    // The class a lesson asks the reader to draw.
    case target
    case targetPercent = "target_percent"

    // The map picked in a layer of maps (C1 to S4), and its strongest value.
    case layer
    case map
    case maps
    case row
    case column
    case strongest
    case stroke

    // The strongest units of the deep layers, and what pushed the answer.
    case c5Top = "c5_top"
    case f6Top = "f6_top"
    case pushUp = "push_up"
    case pushDown = "push_down"

    // The unit picked with the cursor.
    case unit
    case value
    case before
    case field
    case cells

    // How the picked unit was computed.
    case products
    case inputs
    case sum
    case bias
    case block
    case mean

    // What drove the decision (the saliency overlay).
    case method
    case topCell = "top_cell"
    case topDrop = "top_drop"

    // A layer whose values sit at the ends of tanh.
    case saturatedPercent = "saturated_percent"
    case low
    case high

    // What teaching measured: the taught network beside one trained from scratch.
    case heldOut = "held_out"
    case folds
    case transferRight = "transfer_right"
    case transferPercent = "transfer_percent"
    case scratchRight = "scratch_right"
    case scratchPercent = "scratch_percent"
    case kept
    case learnedFrom = "learned_from"
    case aheadBy = "ahead_by"
    case scratchDid = "scratch_did"

    /// What the placeholder stands for, with an example, as the file format's documentation
    /// lists it.
    public var meaning: String {
        switch self {
        case .inkCells: "how many cells of the canvas hold ink (\"57\")"
        case .boxWidth: "the width of the ink's box, in cells (\"14\")"
        case .boxHeight: "the height of the ink's box, in cells (\"23\")"
        case .scaled:
            "how preprocessing resized the drawing (\"enlarged 1.3 times\", \"shrunk to 80% of "
                + "its size\", \"kept at its size\")"
        case .class:
            "what a class is called: \"digit\" for the ten digits, \"class\" for a taught "
                + "network's own"
        case .classes: "how many classes the network has, in words (\"ten\")"
        case .best: "the digit the drawing reads as (\"3\")"
        case .bestPercent: "its probability (\"99.9%\")"
        case .second: "the runner-up digit (\"5\")"
        case .secondPercent: "its probability (\"0.1%\")"
        case .rawBest: "the digit the drawing reads as without the preprocessing (\"4\")"
        case .rawBestPercent: "its probability (\"54.9%\")"
        case .preprocessedBest: "the digit it reads as with the preprocessing (\"8\")"
        case .preprocessedBestPercent: "its probability (\"99.8%\")"
        case .target: "the digit a lesson asks the reader to draw (\"3\")"
        case .targetPercent: "the probability the network gives it now (\"12.5%\")"
        case .layer: "the layer's name (\"C1\")"
        case .map: "the picked map, counted from 1 (\"4\")"
        case .maps: "how many maps the layer has (\"6\")"
        case .row: "the row of the picked map's strongest value, from 1 (\"7\")"
        case .column: "its column, from 1 (\"12\")"
        case .strongest: "that value (\"0.98\")"
        case .stroke:
            "what the ink does where that value looks (\"runs down to the right\", \"runs "
                + "across\", \"bends or meets another stroke\")"
        case .c5Top: "C5's strongest units and their values (\"unit 17 (0.99), unit 3 (0.97)\")"
        case .f6Top: "F6's strongest units and their values"
        case .pushUp:
            "the F6 units that pushed the answer's score up most (\"units 12 (+1.21), 40 (+0.90)\")"
        case .pushDown: "the F6 units that pushed it down most"
        case .unit: "the picked unit (\"C1 map 4, row 7, column 12\")"
        case .value: "its value (\"0.83\")"
        case .before: "its value before tanh, or the score before softmax (\"1.19\")"
        case .field:
            "the squares of the network's input it looks at (\"rows 7 to 11, columns 12 to 16\")"
        case .cells:
            "the cells of the canvas those squares came from (\"rows 3 to 9, columns 6 to 13\")"
        case .products: "how many products its sum adds up (\"25\", \"150\", \"400\")"
        case .inputs: "what it reads (\"the input\", \"all six S2 maps\", \"the 120 C5 units\")"
        case .sum: "the sum of the products, before the bias (\"1.23\")"
        case .bias: "its bias (\"-0.11\")"
        case .block: "the four values a pooling unit averages (\"0.50, 0.25, 1.00 and 0.75\")"
        case .mean: "their mean (\"0.63\")"
        case .method: "how the overlay was measured (\"erasing each cell\", \"the gradient\")"
        case .topCell: "the cell that matters most (\"row 4, column 26\")"
        case .topDrop:
            "how much erasing it lowers the answer's probability (\"37 points, from 90% to 53%\")"
        case .saturatedPercent: "the share of values beyond -0.95 or +0.95 (\"62%\")"
        case .low: "the lowest value before tanh (\"-13.2\")"
        case .high: "the highest value before tanh (\"14.1\")"
        case .heldOut: "how many drawings were held out in all, each once (\"12\")"
        case .folds: "in how many groups they were held out (\"3\")"
        case .transferRight:
            "how many the network taught by transfer read right (\"10 of 12\")"
        case .transferPercent: "the same as a percentage (\"83%\")"
        case .scratchRight:
            "how many the network trained from random numbers read right (\"6 of 12\")"
        case .scratchPercent: "the same as a percentage (\"50%\")"
        case .kept:
            "what teaching kept and what it changed (\"kept C1 to C5 as they were and taught "
                + "only F6 and the output\")"
        case .learnedFrom: "about how many drawings each held-out test learned from (\"8\")"
        case .aheadBy:
            "by how much transfer did better (\"33 points\"); unknown when it did not"
        case .scratchDid:
            "how training from random numbers did beside transfer (\"as well\" or \"better\"); "
                + "unknown when transfer did better"
        }
    }

    public static func < (a: Fact, b: Fact) -> Bool { a.rawValue < b.rawValue }
}
