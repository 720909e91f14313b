import Foundation
import Testing

/// `lenet5 sweep` from outside: the JSON's keys and amounts, the unchanged drawing's point equal
/// to what `predict` says, the chart, and the faults it refuses.
@Suite(.serialized) struct SweepCommandTests {
    static let seven = Binary.samples + "/seven.txt"

    @Test(arguments: ["rotate", "shift", "scale", "stroke"])
    func theUnchangedPointIsWhatPredictSays(kind: String) throws {
        for preprocess in [true, false] {
            let options = preprocess ? [] : ["--no-preprocess"]
            let result = try Binary.run(["sweep", Self.seven, "--" + kind, "--json"] + options)
            #expect(result.status == 0, "\(result.error)")
            #expect(result.lines.count == 1)
            let object = json(result.output)
            #expect(
                Set(object.keys) == [
                    "file", "sweep", "preprocessed", "values", "predictions", "probabilities",
                    "steady",
                ])
            #expect(object["sweep"] as? String == kind)
            #expect(object["preprocessed"] as? Bool == preprocess)
            let values = object["values"] as? [Double] ?? []
            let identity = kind == "scale" ? 1.0 : 0.0
            let index = try #require(values.firstIndex(of: identity))
            let predict = json(
                try Binary.run(["predict", Self.seven, "--json"] + options).output)
            let predictions = object["predictions"] as? [Int] ?? []
            let probabilities = object["probabilities"] as? [[Double]] ?? []
            #expect(predictions.count == values.count && probabilities.count == values.count)
            #expect(predictions[index] == predict["prediction"] as? Int)
            #expect(probabilities[index] == predict["probabilities"] as? [Double])
            let steady = object["steady"] as? [Double] ?? []
            #expect(steady.count == 2 && steady[0] <= identity && identity <= steady[1])
        }
    }

    @Test func theAmountsAreTheDocumentedOnes() throws {
        func values(_ kind: String) throws -> [Double] {
            json(try Binary.run(["sweep", Self.seven, "--" + kind, "--json"]).output)["values"]
                as? [Double] ?? []
        }
        #expect(try values("rotate") == stride(from: -60.0, through: 60, by: 5).map { $0 })
        #expect(try values("shift") == (-10...10).map(Double.init))
        #expect(try values("stroke") == (-3...3).map(Double.init))
        let scale = try values("scale")
        #expect(scale.count == 17 && scale.first == 0.5 && scale.last == 2 && scale[8] == 1)
    }

    @Test func theChartFitsAndShowsTheAnswer() throws {
        let result = try Binary.run(["sweep", Self.seven, "--rotate"])
        #expect(result.status == 0)
        #expect(result.lines.first == Self.seven + ", preprocessed")
        #expect(result.lines.allSatisfy { $0.count <= 76 })
        #expect(result.lines.contains { $0.hasPrefix("it reads 7 from ") })
        let row = try #require(result.lines.first { $0.hasPrefix("7 ") })
        #expect(row.contains("@@@@@@@@"))
        // From standard input too.
        let piped = try Binary.run(
            ["sweep", "-", "--rotate"], input: FileManager.default.contents(atPath: Self.seven))
        #expect(
            piped.status == 0 && Array(piped.lines.dropFirst()) == Array(result.lines.dropFirst()))
    }

    @Test func faultsAreRefused() throws {
        let none = try Binary.run(["sweep", Self.seven])
        #expect(none.status == 64 && none.error.contains("--rotate"))
        let two = try Binary.run(["sweep", Self.seven, "--rotate", "--scale"])
        #expect(two.status == 64)
        let missing = try Binary.run(["sweep", "/nonexistent/seven.txt", "--rotate"])
        #expect(missing.status == 1)
        #expect(missing.error == "lenet5: /nonexistent/seven.txt: no such file or directory\n")
        let directory = try Binary.temporaryDirectory()
        let pgm = directory + "/wide.pgm"
        try Data(("P2 40 10 1\n" + String(repeating: "0 ", count: 399) + "1\n").utf8)
            .write(to: URL(fileURLWithPath: pgm))
        let raw = try Binary.run(["sweep", pgm, "--shift", "--no-preprocess", "--json"])
        #expect(raw.status == 1 && raw.error.contains("40x10"))
        #expect(json(raw.output)["error"] != nil)
        // Through the preprocessing, any size will do.
        #expect(try Binary.run(["sweep", pgm, "--shift"]).status == 0)
    }
}
