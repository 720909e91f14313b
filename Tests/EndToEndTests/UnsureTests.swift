import Foundation
import LeNet5
import ReferenceFixtures
import Testing

/// "Not a digit?" as `predict` and `unsure` show it. The committed drawings: the sketches of digits
/// (Fixtures/sketches, from Scripts/make-sketches.py) and the non-digits (Fixtures/nondigits, from
/// `Scripts/make-nondigits.py Fixtures/nondigits --split held-out --per-family 5 --seed 4`).
@Suite(.serialized) struct UnsureTests {
    static let nondigits = Binary.fixtures + "/nondigits/nondigit"
    static let lookalikes = Binary.fixtures + "/nondigits/lookalike"

    static func files(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".txt")
        }.sorted().map { directory + "/" + $0 }
    }

    /// `predict --json` over `files`, one object each.
    static func predict(_ files: [String], weights: String? = nil) throws -> [[String: Any]] {
        let result = try Binary.run(
            ["predict", "--json"] + (weights.map { ["--weights", $0] } ?? []) + files)
        #expect(result.status == 0, "\(result.error)")
        return result.lines.map(json)
    }

    /// The samples that are drawings of digits (the gallery also holds strokes and a smiley).
    static let digitSamples =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "thin-one", "continental-seven", "eight-in-a-corner", "four-like-nine", "tiny-six",
        ].map { Binary.samples + "/\($0).txt" }

    @Test func predictJSONSaysWhetherItIsSureAndKeepsItsKeys() throws {
        for object in try Self.predict(Self.digitSamples) {
            for key in ["file", "prediction", "confidence", "probabilities"] {
                #expect(object[key] != nil, "\(key) missing")
            }
            #expect(object["unsure"] as? Bool == false, "\(object)")
            let score = try #require(object["unsure_score"] as? Double)
            let threshold = try #require(object["unsure_threshold"] as? Double)
            #expect(score <= threshold)
        }
    }

    /// The targets, as properties of the committed sets: at most 5% of the sketches of
    /// digits flagged, at least 80% of the non-digits caught, none of the sample digits flagged.
    @Test func nonDigitsAreCaughtAndDigitsPass() throws {
        let sketches =
            try Self.files(Binary.fixtures + "/sketches/thin")
            + Self.files(Binary.fixtures + "/sketches/thick")
        let flagged = try Self.predict(sketches).filter { $0["unsure"] as? Bool == true }
        #expect(sketches.count == 400)
        #expect(
            Double(flagged.count) <= 0.05 * Double(sketches.count),
            "\(flagged.count) of \(sketches.count) sketches of digits flagged")

        let nondigits = try Self.files(Self.nondigits)
        #expect(nondigits.count == 200)
        let caught = try Self.predict(nondigits).filter { $0["unsure"] as? Bool == true }
        #expect(
            Double(caught.count) >= 0.8 * Double(nondigits.count),
            "\(caught.count) of \(nondigits.count) non-digits caught")

        let samples = try Self.predict(Self.digitSamples)
        #expect(samples.allSatisfy { $0["unsure"] as? Bool == false })
        let smiley = try Self.predict([Binary.samples + "/smiley.txt"])
        #expect(smiley.first?["unsure"] as? Bool == true, "the gallery's smiley is no digit")
    }

    @Test func textSaysNotADigitAndKeepsTheBestGuess() throws {
        let objects = try Self.predict(Self.files(Self.nondigits))
        let unsure = try #require(objects.first { $0["unsure"] as? Bool == true })
        let file = try #require(unsure["file"] as? String)
        let digit = try #require(unsure["prediction"] as? Int)
        let result = try Binary.run(["predict", file])
        #expect(result.status == 0)
        #expect(
            result.output.hasPrefix("\(file): not a digit? (best guess \(digit), "),
            "\(result.output)")
        #expect(result.output.contains("%)  next: "))
        let sure = try Binary.run(["predict", Binary.samples + "/seven.txt"])
        #expect(sure.output.hasPrefix(Binary.samples + "/seven.txt: 7 ("))
        #expect(!sure.output.contains("not a digit?"))
    }

    @Test func weightsWithoutStatisticsSayItIsUnavailable() throws {
        let dir = try Binary.temporaryDirectory()
        var file = try WeightsFile.bundled()
        file.unsure = nil
        try file.write(to: dir + "/plain.safetensors")
        let result = try Binary.run([
            "predict", "--json", "--weights", dir + "/plain.safetensors",
            Binary.samples + "/four.txt",
        ])
        #expect(result.status == 0)
        let object = json(result.lines.first ?? "")
        #expect(object["prediction"] as? Int == 4)
        #expect(object["unsure"] is NSNull && object["unsure_score"] is NSNull)
        #expect(result.error.contains("has no \"not sure\" statistics"))
        let rates = try Binary.run([
            "unsure", "rates", "--weights", dir + "/plain.safetensors", Self.nondigits,
        ])
        #expect(rates.status == 1)
        #expect(
            rates.error.contains(
                "\(dir)/plain.safetensors: these weights have no \"not sure\" statistics"))
    }

    @Test func malformedStatisticsNameTheFileAndTheFault() throws {
        let dir = try Binary.temporaryDirectory()
        let file = try WeightsFile.bundled()
        let statistics = try #require(file.unsure)
        var tensors = file.model.namedParameters + statistics.namedTensors
        tensors.removeAll { $0.name == "unsure.threshold" }
        try Data(Safetensors.encode(tensors: tensors, metadata: [:])).write(
            to: URL(fileURLWithPath: dir + "/partial.safetensors"))
        let result = try Binary.run([
            "predict", "--weights", dir + "/partial.safetensors", Binary.samples + "/four.txt",
        ])
        #expect(result.status == 1)
        #expect(
            result.error.hasPrefix(
                "lenet5: \(dir)/partial.safetensors: \"not sure\" statistics are incomplete: "
                    + "tensor unsure.threshold is missing"), "\(result.error)")
    }

    @Test func ratesCountEachFolder() throws {
        let result = try Binary.run([
            "unsure", "rates", "--json", Self.nondigits, Binary.fixtures + "/sketches",
        ])
        #expect(result.status == 0, "\(result.error)")
        let rows = result.lines.map(json)
        #expect(rows.count == 2)
        #expect(rows[0]["set"] as? String == Self.nondigits)
        #expect(rows[0]["drawings"] as? Int == (try Self.files(Self.nondigits)).count)
        #expect(rows[1]["drawings"] as? Int == 400)
        // The same counts as predict gives, drawing by drawing.
        let caught = try Self.predict(Self.files(Self.nondigits)).filter {
            $0["unsure"] as? Bool == true
        }
        #expect(rows[0]["flagged"] as? Int == caught.count)
        let missing = try Binary.run(["unsure", "rates", "/nonexistent"])
        #expect(missing.status == 1 && missing.error.contains("/nonexistent"))
    }
}

@Suite(
    .serialized,
    .enabled(if: Binary.hasMNIST, Comment(rawValue: TestMNIST.absence)))
struct UnsureFitCommandTests {
    /// `unsure fit` adds statistics and changes none of the network's tensors, bit for bit.
    @Test func fitAddsStatisticsAndKeepsTheTensors() throws {
        let dir = try Binary.temporaryDirectory()
        var plain = try WeightsFile.bundled()
        plain.unsure = nil
        try plain.write(to: dir + "/plain.safetensors")
        let result = try Binary.run([
            "unsure", "fit", "--mnist", Binary.mnist, "--weights", dir + "/plain.safetensors",
            "--out", dir + "/fitted.safetensors", "--digits", "300", "--scribbles", "400",
            "--json",
        ])
        #expect(result.status == 0, "\(result.error)")
        let summary = json(result.lines.last ?? "")
        #expect((summary["caught_scribbles"] as? Double ?? 0) > 0.5)
        let before = try Safetensors(bytes: readFileContents(dir + "/plain.safetensors"))
        let after = try Safetensors(bytes: readFileContents(dir + "/fitted.safetensors"))
        for (name, _) in LeNet5.parameterShapes {
            #expect(
                try before.floats(name).scalars.map(\.bitPattern)
                    == after.floats(name).scalars.map(\.bitPattern), "\(name)")
        }
        let fitted = try WeightsFile(contentsOf: dir + "/fitted.safetensors")
        #expect(fitted.unsure != nil)
        #expect(fitted.metadata["command"] == plain.metadata["command"])
        #expect(fitted.metadata["unsure_command"]?.hasPrefix("lenet5 unsure fit --mnist ") == true)
        let rates = try Binary.run([
            "unsure", "rates", "--json", "--mnist", Binary.mnist, "--weights",
            dir + "/fitted.safetensors",
        ])
        #expect(rates.status == 0, "\(rates.error)")
        #expect(json(rates.lines.last ?? "")["drawings"] as? Int == 10_000)
    }
}
