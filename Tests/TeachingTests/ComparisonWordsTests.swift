import LeNet5
import Testing

@testable import Teaching

/// What teach mode (and `lenet5 transfer`) says about transfer beside training from scratch: the
/// facts from the numbers, and which section of the texts explains them.
@Suite struct ComparisonWordsTests {
    @Test func theFactsAreTheNumbersInWords() {
        let sheet = FactSheet.comparison(
            folds: 3, total: 12, transferCorrect: 10, scratchCorrect: 6, learnedFrom: 8, kept: "c5")
        #expect(sheet[.heldOut] == "12" && sheet[.folds] == "3" && sheet[.learnedFrom] == "8")
        #expect(sheet[.transferRight] == "10 of 12" && sheet[.transferPercent] == "83%")
        #expect(sheet[.scratchRight] == "6 of 12" && sheet[.scratchPercent] == "50%")
        // 83.3% less 50%.
        #expect(sheet[.aheadBy] == "33 points")
        #expect(sheet[.kept] == "kept C1 to C5 as they were and taught only F6 and the output")
        let f6 = FactSheet.comparison(
            folds: 2, total: 4, transferCorrect: 2, scratchCorrect: 2, learnedFrom: 2, kept: "f6")
        #expect(f6[.kept] == "kept C1 to F6 as they were and taught only the output")
        // A tie is no lead: the fact is unknown, and so is any paragraph that names it; scratch
        // did as well, and better when it read more right.
        #expect(f6[.aheadBy] == nil && f6[.scratchDid] == "as well")
        #expect(sheet[.scratchDid] == nil)
        let none = FactSheet.comparison(
            folds: 2, total: 4, transferCorrect: 1, scratchCorrect: 3, learnedFrom: 2, kept: "none")
        #expect(none[.kept] == "started every layer from there and only adjusted them")
        #expect(none[.aheadBy] == nil && none[.scratchDid] == "better")
    }

    @Test func transferAheadOrNotPicksTheSection() {
        let texts = Explanations.bundled
        let ahead = FactSheet.comparison(
            folds: 3, total: 12, transferCorrect: 10, scratchCorrect: 6, learnedFrom: 8, kept: "c5")
        let level = FactSheet.comparison(
            folds: 3, total: 12, transferCorrect: 9, scratchCorrect: 9, learnedFrom: 8, kept: "c5")
        #expect(
            texts.comparison(ahead)
                == texts[View.comparison].text(ahead) + texts[View.transferAhead].text(ahead))
        #expect(
            texts.comparison(level)
                == texts[View.comparison].text(level) + texts[View.scratchAsGood].text(level))
        // Every paragraph of the built-in texts shows: each fact they name is known.
        for (facts, view) in [(ahead, View.transferAhead), (level, .scratchAsGood)] {
            let words = texts.comparison(facts)
            #expect(
                words.count
                    == texts[View.comparison].paragraphs.count + texts[view].paragraphs.count)
            #expect(!words.joined().contains("{"))
        }
        #expect(texts.comparison(level).joined().contains("from random numbers did as well."))
    }

    @Test func theOutputNamesTheClassesOfTheNetwork() {
        #expect(FactSheet.network(classes: ClassNames.digits)[.class] == "digit")
        #expect(FactSheet.network(classes: ClassNames.digits)[.classes] == "ten")
        let symbols = FactSheet.network(classes: ["plus", "ring", "star"])
        #expect(symbols[.class] == "class" && symbols[.classes] == "three")
        #expect(FactSheet.network(classes: (0..<20).map { "c\($0)" })[.classes] == "twenty")
        // The output layer's text speaks of the network's own classes.
        let output = Explanations.bundled[NetworkLayer.output].text(symbols).joined()
        #expect(!output.contains("digit") && output.contains("three"))
    }
}
