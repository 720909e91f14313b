import LeNet5
import Testing

@testable import Lessons

/// What the sample gallery teaches, as facts of the shipped weights: a class that opens a sample
/// to make a point finds the point true. Retrained weights that break one fail here. Each is
/// checked with a forward pass of its own (not through the lessons' code).
@Suite struct SampleFactsTests {
    struct Fact: Sendable, CustomStringConvertible {
        let file: String
        let preprocess: Bool
        let reads: Int
        let atLeast: Float
        let why: String
        var description: String { "\(file)\(preprocess ? "" : " without preprocessing")" }
    }

    static let facts: [Fact] =
        [
            Fact(file: "thin-one.txt", preprocess: true, reads: 1, atLeast: 0.9, why: "a thin 1"),
            Fact(
                file: "continental-seven.txt", preprocess: true, reads: 7, atLeast: 0.9,
                why: "a 7 with a bar across"),
            Fact(
                file: "four-like-nine.txt", preprocess: true, reads: 9, atLeast: 0.6,
                why: "a 4 closed at the top reads as 9"),
            Fact(
                file: "tiny-six.txt", preprocess: true, reads: 5, atLeast: 0.6,
                why: "a 6 five cells high reads as 5"),
            Fact(
                file: "smiley.txt", preprocess: true, reads: 0, atLeast: 0.8,
                why: "a face is still given a digit"),
            Fact(
                file: "eight-in-a-corner.txt", preprocess: true, reads: 8, atLeast: 0.9, why: "an 8"
            ),
            Fact(
                file: "eight-in-a-corner.txt", preprocess: false, reads: 4, atLeast: 0.5,
                why: "the same 8, not scaled nor centred, reads as 4"),
            Fact(file: "eight.txt", preprocess: true, reads: 8, atLeast: 0.9, why: "an 8"),
            Fact(
                file: "eight.txt", preprocess: false, reads: 4, atLeast: 0.4,
                why: "an 8 left of the centre, not centred, reads as 4"),
        ]
        + ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        .enumerated().map {
            Fact(
                file: "\($0.element).txt", preprocess: true, reads: $0.offset, atLeast: 0.8, why: ""
            )
        }

    @Test(arguments: facts)
    func aSampleTeachesWhatItShould(fact: Fact) throws {
        let drawing = try #require(Samples.drawing(fact.file))
        let input = try #require(
            fact.preprocess
                ? Preprocessing.networkInput(from: drawing) : Preprocessing.rawInput(from: drawing))
        let trace = ForwardTrace()
        Samples.classifier.forward(input, into: trace)
        #expect(trace.prediction.classIndex == fact.reads, "\(fact): \(fact.why)")
        #expect(trace.prediction.confidence >= fact.atLeast, "\(fact): \(fact.why)")
    }

    /// The 4 that reads as 9 still has 4 as its runner-up, and the too-small 6 is small: five
    /// cells high.
    @Test func theNearMissesAreNearMisses() throws {
        let four = try #require(Samples.drawing("four-like-nine.txt"))
        let trace = ForwardTrace()
        Samples.classifier.forward(
            try #require(Preprocessing.networkInput(from: four)), into: trace)
        let p = trace.probabilities
        #expect(p.indices.sorted { p[$0] > p[$1] }.prefix(2) == [9, 4])
        let six = try #require(Samples.drawing("tiny-six.txt"))
        #expect(six.inkBounds.map { $0.height <= 5 && $0.width <= 3 } == true)
    }

    /// The preprocessing comparison says the same, as data.
    @Test func theComparisonShowsTheEightBecomingAFour() throws {
        let eight = try #require(Samples.drawing("eight-in-a-corner.txt"))
        let comparison = PreprocessingComparison(eight, classifier: Samples.classifier)
        #expect(comparison.preprocessed?.best == 8 && comparison.raw?.best == 4)
        #expect(comparison.disagree)
        #expect(comparison.raw?.input == eight.pixels)
        #expect(comparison.preprocessed?.input == Preprocessing.networkInput(from: eight))
        let blank = PreprocessingComparison(
            Bitmap(width: 32, height: 32), classifier: Samples.classifier)
        #expect(blank.raw == nil && blank.preprocessed == nil && !blank.disagree)
        let scan = PreprocessingComparison(
            Bitmap(width: 40, height: 40, pixels: [Float](repeating: 1, count: 1600)),
            classifier: Samples.classifier)
        #expect(scan.raw == nil && scan.preprocessed != nil)
    }
}
