import LeNet5

/// How `predict` and `explain` say a prediction: "7 (99.9%)  next: 3 0.0%, 9 0.0%", each class by
/// its name (the digits for the shipped network, a taught network's own names otherwise).
enum PredictionText {
    /// The classes from most to least probable.
    static func ranked(_ probabilities: [Float]) -> [Int] {
        probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    }

    /// `unsure`: the drawing looks like no digit the network has seen ("not a digit?"); the best
    /// guess stays visible, for the reader to judge.
    static func line(_ probabilities: [Float], classes: [String], unsure: Bool = false) -> String {
        let ranked = ranked(probabilities)
        func share(_ k: Int) -> String { NumberText.percent(Double(probabilities[k]), digits: 1) }
        let best = ranked[0]
        // A network of two classes has one runner-up.
        let others = ranked.dropFirst().prefix(2).map { "\(classes[$0]) \(share($0))" }
        let verdict =
            unsure
            ? "not a digit? (best guess \(classes[best]), \(share(best)))"
            : "\(classes[best]) (\(share(best)))"
        return verdict + "  next: " + others.joined(separator: ", ")
    }
}
