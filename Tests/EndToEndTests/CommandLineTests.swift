import Foundation
import LeNet5
import ReferenceFixtures
import Testing

/// The `lenet5` command as a script or a person uses it.
@Suite(.serialized) struct CommandLineTests {
    static let names = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ]

    @Test func summaryListsTheLayersAndTheTotal() throws {
        let result = try Binary.run(["summary"])
        #expect(result.status == 0)
        for layer in ["C1", "S2", "C3", "S4", "C5", "F6", "Output"] {
            #expect(result.lines.contains { $0.hasPrefix(layer + " ") }, "\(layer)")
        }
        #expect(
            result.lines.contains {
                $0.hasPrefix("C5") && $0.contains("120") && $0.hasSuffix("48,120")
            })
        #expect(result.lines.contains("Total params: 61,706"))
        #expect(result.output.contains("mnist_test_accuracy"))
    }

    @Test func predictClassifiesTheSampleDrawings() throws {
        let files = Self.names.map { Binary.samples + "/\($0).txt" }
        let result = try Binary.run(["predict", "--json"] + files)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.count == 10)
        for (digit, line) in result.lines.enumerated() {
            let object = json(line)
            #expect(object["file"] as? String == files[digit])
            #expect(object["prediction"] as? Int == digit, "\(line)")
            let probabilities = object["probabilities"] as? [Double] ?? []
            #expect(probabilities.count == 10 && abs(probabilities.reduce(0, +) - 1) < 1e-4)
            #expect(object["confidence"] as? Double == probabilities.max())
        }
        let people = try Binary.run(["predict", Binary.samples + "/seven.txt"])
        #expect(people.output.hasPrefix(Binary.samples + "/seven.txt: 7 ("))
        #expect(people.output.contains("next: "))
    }

    /// Every command that reads drawings reports each bad one and still answers the others.
    @Test(arguments: ["predict", "explain"])
    func badFilesAreReportedAndTheOthersStillAnswered(subcommand: String) throws {
        let dir = try Binary.temporaryDirectory()
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.txt"))
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: dir + "/garbage.txt"))
        try Data("P2 28 28 255\n".utf8 + Data(repeating: 0x30, count: 10)).write(
            to: URL(fileURLWithPath: dir + "/short.pgm"))
        let good = Binary.samples + "/three.txt"
        let files = [
            dir + "/missing.txt", dir + "/empty.txt", good, dir, dir + "/garbage.txt",
            dir + "/short.pgm",
        ]
        let result = try Binary.run([subcommand, "--json"] + files)
        #expect(result.status == 1)
        let objects = result.lines.map(json)
        #expect(objects.count == files.count)
        #expect(objects[2]["prediction"] as? Int == 3)
        for (index, object) in objects.enumerated() where index != 2 {
            #expect(object["file"] as? String == files[index])
            #expect((object["error"] as? String)?.isEmpty == false, "\(object)")
        }
        #expect(result.error.contains("lenet5: \(dir)/missing.txt: no such file or directory"))
        #expect(result.error.contains("lenet5: \(dir)/empty.txt: the file is empty"))
        #expect(result.error.contains("lenet5: \(dir): is a directory"))
        #expect(result.error.contains("garbage.txt: expected a text grid"))
        #expect(result.error.contains("short.pgm: PGM raster is truncated"))
    }

    @Test func standardInputBlankDrawingsAndNoPreprocess() throws {
        let seven = try Data(contentsOf: URL(fileURLWithPath: Binary.samples + "/seven.txt"))
        let piped = try Binary.run(["predict", "--json", "-"], input: seven)
        #expect(json(piped.lines.first ?? "")["prediction"] as? Int == 7)
        #expect(json(piped.lines.first ?? "")["file"] as? String == "<stdin>")
        let blank = Data(
            String(repeating: String(repeating: ".", count: 32) + "\n", count: 32).utf8)
        let empty = try Binary.run(["predict", "-"], input: blank)
        #expect(empty.status == 0 && empty.output == "<stdin>: no ink, no prediction\n")
        let raw = try Binary.run([
            "predict", "--no-preprocess", "--json", Binary.samples + "/seven.txt",
        ])
        #expect(raw.status == 0 && json(raw.output)["prediction"] is Int)
        let dir = try Binary.temporaryDirectory()
        try Data("P2 2 2 1 0 1 0 1".utf8).write(to: URL(fileURLWithPath: dir + "/tiny.pgm"))
        let wrongSize = try Binary.run(["predict", "--no-preprocess", dir + "/tiny.pgm"])
        #expect(
            wrongSize.status == 1
                && wrongSize.error.contains("tiny.pgm: is 2x2; --no-preprocess needs 32x32"))
    }

    @Test func badWeightsNameTheFileAndTheFault() throws {
        let dir = try Binary.temporaryDirectory()
        var bytes = try Data(
            contentsOf: URL(fileURLWithPath: Binary.packageRoot.path + "/Assets/lenet5.safetensors")
        )
        bytes = bytes.prefix(bytes.count - 100)
        try bytes.write(to: URL(fileURLWithPath: dir + "/cut.safetensors"))
        for command in [
            ["predict", Binary.samples + "/one.txt"], ["summary"], ["bench", "--runs", "100"],
        ] {
            let result = try Binary.run(command + ["--weights", dir + "/cut.safetensors"])
            #expect(result.status == 1)
            #expect(
                result.error.hasPrefix("lenet5: \(dir)/cut.safetensors: tensor "), "\(result.error)"
            )
        }
        let missing = try Binary.run(["summary", "--weights", dir + "/nope.safetensors"])
        #expect(
            missing.status == 1
                && missing.error.contains("nope.safetensors: no such file or directory"))
    }

    @Test func theSketchpadNeedsATerminal() throws {
        let result = try Binary.run([])
        #expect(result.status == 2)
        #expect(result.error.contains("the sketchpad needs an interactive terminal"))
        #expect(result.error.contains("lenet5 predict"))
        let draw = try Binary.run(["draw", "--load", "/nonexistent"])
        #expect(draw.status == 2)
    }

    @Test func usageErrorsAreClear() throws {
        let result = try Binary.run(["train", "--mnist", "x", "--out", "y", "--epochs", "0"])
        #expect(result.status != 0 && result.error.contains("--epochs must be at least 1"))
        let unknown = try Binary.run(["frobnicate"])
        #expect(unknown.status != 0)
    }

    @Test func benchReportsItsFigures() throws {
        // Explore's start is measured where MNIST is, and null where it is not.
        let empty = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let result = try Binary.run(
            ["bench", "--json", "--runs", "200", "--mnist", Binary.hasMNIST ? Binary.mnist : empty])
        #expect(result.status == 0)
        let object = json(result.output)
        if Binary.hasMNIST {
            #expect((object["explore_start_ms"] as? Double ?? 0) > 0)
        } else {
            #expect(object["explore_start_ms"] is NSNull)
        }
        for key in [
            "forward_median_us", "forward_p99_us", "batch10k_seconds", "frame_us", "explain_ms",
            "frame_saliency_us", "frame_saliency_p99_us", "sweep_ms",
        ] {
            #expect((object[key] as? Double ?? 0) > 0, "\(key)")
        }
        // A frame that also measures what drove the decision takes longer than one that does not.
        #expect(object["frame_saliency_us"] as? Double ?? 0 > object["frame_us"] as? Double ?? 0)
    }
}

/// Commands that need MNIST: they run when the tests have it (`TestMNIST`, ../shared/data/mnist
/// unless LENET5_MNIST says otherwise) and are skipped, saying why, when they do not.
@Suite(.serialized, .enabled(if: Binary.hasMNIST, Comment(rawValue: TestMNIST.absence)))
struct MNISTCommandTests {
    @Test func theShippedWeightsReachTheirMNISTAccuracy() throws {
        let result = try Binary.run(["eval", "--mnist", Binary.mnist, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = json(result.output)
        #expect(object["total"] as? Int == 10_000)
        let accuracy = object["accuracy"] as? Double ?? 0
        #expect(accuracy >= 0.993, "MNIST test accuracy \(accuracy)")
        #expect(object["correct"] as? Int == Int((accuracy * 10_000).rounded()))
        #expect((object["inference_seconds"] as? Double ?? 0) > 0)
        // The weights say what they measured.
        let file = try WeightsFile.bundled()
        #expect(file.metadata["mnist_test_accuracy"] == String(format: "%.4f", accuracy))
        let people = try Binary.run(["eval", "--mnist", Binary.mnist])
        #expect(people.output.contains("confusion (rows: true digit, columns: predicted)"))
    }

    @Test func trainingWritesLoadableWeightsDeterministically() throws {
        let dir = try Binary.temporaryDirectory()
        func train(_ name: String) throws -> Binary.Result {
            try Binary.run([
                "train", "--mnist", Binary.mnist, "--out", dir + "/" + name, "--epochs", "1",
                "--limit", "3000",
                "--batch-size", "32", "--seed", "9", "--json",
            ])
        }
        let first = try train("a.safetensors")
        #expect(first.status == 0, "\(first.error)")
        let summary = json(first.lines.last ?? "")
        #expect((summary["epoch_seconds"] as? [Double])?.count == 1)
        #expect((summary["test_accuracy"] as? Double ?? 0) > 0.8)
        #expect(first.error.contains("epoch 1/1"))
        let file = try WeightsFile(contentsOf: dir + "/a.safetensors")
        #expect(file.metadata["command"]?.hasPrefix("lenet5 train --mnist ") == true)
        #expect(file.metadata["seed"] == "9" && file.metadata["epochs"] == "1")
        #expect(file.metadata["augmentation"]?.contains("sketches") == true)
        // The final weights carry the statistics behind "not a digit?".
        #expect(file.unsure != nil && file.metadata["unsure"] != nil)
        _ = try train("b.safetensors")
        // The same seed gives the same weights (the metadata differ only in the --out path).
        #expect(try WeightsFile(contentsOf: dir + "/b.safetensors").model == file.model)
        let unwritable = try Binary.run([
            "train", "--mnist", Binary.mnist, "--out", "/nonexistent/w.safetensors",
        ])
        #expect(
            unwritable.status == 1
                && unwritable.error.contains("cannot write to directory /nonexistent"))
        let noData = try Binary.run(["train", "--mnist", dir, "--out", dir + "/c.safetensors"])
        #expect(
            noData.status == 1 && noData.error.contains("train-images-idx3-ubyte.gz: not found"))
    }
}

/// Held-out sketches drawn stroke by stroke the way the sketchpad draws them (by
/// Scripts/make-sketches.py, from its own stroke templates, nothing from MNIST), through `predict`.
@Suite struct SketchAccuracyTests {
    @Test(arguments: ["thin", "thick"])
    func heldOutSketchesAreRecognised(kind: String) throws {
        let directory = Binary.fixtures + "/sketches/" + kind
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        #expect(files.count == 200)
        let result = try Binary.run(["predict", "--json"] + files.map { directory + "/" + $0 })
        var correct = 0
        for line in result.lines {
            let object = json(line)
            let name = (object["file"] as? String ?? "").split(separator: "/").last ?? ""
            if object["prediction"] as? Int == Int(String(name.prefix(1))) { correct += 1 }
        }
        let accuracy = Double(correct) / Double(files.count)
        #expect(accuracy >= 0.97, "\(kind) sketches: \(correct) of \(files.count)")
    }
}
