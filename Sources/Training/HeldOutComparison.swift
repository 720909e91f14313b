import LeNet5

/// Held-out accuracy of a network taught by transfer beside the same network trained from scratch,
/// each tested on examples it never saw: the measure of what the pre-trained layers bring.
public struct HeldOutComparison: Sendable, Equatable {
    /// Stratified k-fold: each example held out once.
    public let folds: Int
    /// Examples held out in all (each exactly once).
    public let total: Int
    public let transferCorrect: Int
    public let scratchCorrect: Int
    public let freeze: FrozenLayers
    /// About how many examples each fold's networks learned from.
    public let trainingExamples: Int

    public var transferAccuracy: Double { Double(transferCorrect) / Double(max(1, total)) }
    public var scratchAccuracy: Double { Double(scratchCorrect) / Double(max(1, total)) }

    /// How it was measured, for the metadata and `--json` readers.
    public var method: String {
        "stratified \(folds)-fold cross-validation over the \(total) examples"
    }

    /// What the two numbers mean and why they differ, for someone who has never seen a neural
    /// network: short sentences with the run's own numbers.
    public var explanation: [String] {
        func score(_ correct: Int) -> String {
            "\(correct) of \(total) right (\(NumberText.percent(Double(correct) / Double(max(1, total)), digits: 0)))"
        }
        var lines = [
            "To test fairly, your examples were split into \(folds) groups. Each group was hidden "
                + "in turn, a network learned from the other \(folds - 1), and then it was asked "
                + "about the hidden drawings.",
            "Starting from the trained network: \(score(transferCorrect)).",
            "Starting from random numbers, with the same drawings and the same practice: "
                + "\(score(scratchCorrect)).",
        ]
        let kept: String
        switch freeze {
        case .none:
            kept =
                "It starts from the layers that already find strokes and shapes and only adjusts them."
        case .f6:
            kept =
                "It keeps every layer that finds strokes and shapes, and only learns how they add up to each of your classes."
        default:
            kept =
                "It keeps the layers that find strokes and shapes (\(freeze)) and only learns how they add up to each of your classes."
        }
        lines.append(
            "The trained network learned to see strokes, curves and corners from 60,000 "
                + "handwritten digits. " + kept)
        if transferCorrect > scratchCorrect {
            lines.append(
                "From random numbers, the network must learn what a stroke is from about "
                    + "\(trainingExamples) drawings. That is far too few, so it guesses from "
                    + "where the ink lies, and the hidden drawings fool it.")
        } else {
            lines.append(
                "This time starting from random numbers did as well: these classes may be easy "
                    + "to tell apart from where the ink lies alone.")
        }
        return lines
    }
}
