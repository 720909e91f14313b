import LeNet5

/// Held-out accuracy of a network taught by transfer beside the same network trained from scratch,
/// each tested on examples it never saw: the measure of what the pre-trained layers bring. (What
/// the numbers mean, in words a teacher can edit, is in Assets/explanations: `FactSheet.comparison`
/// and `Explanations.comparison`.)
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
}
