import Foundation
import LeNet5
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `lenet5 transfer` from outside: its JSON exactly as the issue spells it, a taught network of
/// other than ten classes through predict, summary, explain, trace and eval, every bad examples
/// folder refused with its message and nothing written, and an interrupted run leaving no file.
@Suite(.serialized) struct TransferCommandTests {
    static let sketches = Binary.fixtures + "/sketches/thin"

    /// An examples folder: for each (class, digit), the first `count` thin sketches of the digit,
    /// under the class's name.
    static func examples(_ classes: [(String, Int)], count: Int = 4) throws -> String {
        let directory = try Binary.temporaryDirectory() + "/examples"
        for (name, digit) in classes {
            let folder = directory + "/" + name
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
            for i in 0..<count {
                try FileManager.default.copyItem(
                    atPath: sketches + "/\(digit)_\(String(format: "%03d", i)).txt",
                    toPath: folder + "/\(i).txt")
            }
        }
        return directory
    }

    static let three = [("one", 1), ("seven", 7), ("zero", 0)]

    @Test func jsonHasTheIssuesKeysAndTheTaughtNetworkRoundTrips() throws {
        let examples = try Self.examples(Self.three)
        let out = examples + "/../taught.safetensors"
        let result = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "8", "--seed", "3",
            "--json",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.count == 1)
        let object = json(result.output)
        for key in [
            "classes", "examples", "freeze", "seconds", "train_accuracy", "heldout_accuracy",
            "scratch_heldout_accuracy",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["classes"] as? [String] == ["one", "seven", "zero"])
        #expect(object["examples"] as? Int == 12)
        #expect(object["freeze"] as? String == "c5")
        for key in ["train_accuracy", "heldout_accuracy", "scratch_heldout_accuracy"] {
            let value = try #require(object[key] as? Double)
            #expect((0...1).contains(value), "\(key) \(value)")
        }
        #expect((object["train_accuracy"] as? Double ?? 0) >= 0.9)

        // predict: the label beside the index, the name in the text.
        let seven = Binary.fixtures + "/sketches/thick/7_000.txt"
        let predicted = try Binary.run(["predict", "--json", "--weights", out, seven])
        let line = json(predicted.output)
        #expect(line["label"] as? String == "seven" && line["prediction"] as? Int == 1)
        #expect((line["probabilities"] as? [Double])?.count == 3)
        let text = try Binary.run(["predict", "--weights", out, seven])
        #expect(text.output.hasPrefix(seven + ": seven ("), "\(text.output)")
        // Two other classes exist: the text names both.
        #expect(text.output.contains("one ") && text.output.contains("zero "))
        // No "not sure" statistics for taught classes: said in words a person reads.
        #expect(text.error.contains("always names the closest of its classes"), "\(text.error)")

        // summary: the classes, what was frozen and where it came from.
        let summary = try Binary.run(["summary", "--weights", out])
        #expect(summary.status == 0)
        #expect(summary.output.contains("classes (3, in output order): one, seven, zero"))
        #expect(summary.output.contains("Output  dense 3, softmax"))
        #expect(
            summary.output.contains(
                "taught by transfer: C1, S2, C3, S4, C5 kept as in Assets/lenet5.safetensors (built in)"
            ))
        let rows = summary.lines
        #expect(rows.contains { $0.hasPrefix("C5 ") && $0.hasSuffix("frozen") })
        #expect(rows.contains { $0.hasPrefix("F6 ") && $0.hasSuffix("taught") })
        #expect(summary.output.contains("command: lenet5 transfer --examples \(examples)"))
        let shipped = try Binary.run(["summary"])
        let digest = try #require(
            shipped.status == 0
                ? sha256(of: Binary.packageRoot.path + "/Assets/lenet5.safetensors") : nil)
        #expect(summary.output.contains("SHA-256 \(digest)"))

        // explain: the prediction by name, a map over the drawing.
        let explained = try Binary.run(["explain", "--json", "--weights", out, seven])
        #expect(explained.status == 0, "\(explained.error)")
        #expect(json(explained.output)["label"] as? String == "seven")
        let explainedText = try Binary.run(["explain", "--weights", out, seven])
        #expect(explainedText.output.contains("What made it \"seven\""))

        // trace: Output has three units; the fourth does not exist.
        let traced = try Binary.run([
            "trace", "--json", "--weights", out, "--layer", "Output", "--unit", "3", seven,
        ])
        #expect(traced.status == 0, "\(traced.error)")
        let unit = json(traced.output)
        #expect(unit["label"] as? String == "zero" && unit["class"] as? Int == 2)
        #expect(unit["digit"] == nil, "a taught network's units are not digits")
        let tracedText = try Binary.run([
            "trace", "--weights", out, "--layer", "Output", "--unit", "2", seven,
        ])
        #expect(tracedText.output.contains("Output unit 2 of 3 (class \"seven\")"))
        let outOfRange = try Binary.run([
            "trace", "--weights", out, "--layer", "Output", "--unit", "4", seven,
        ])
        #expect(outOfRange.status == 2)
        #expect(outOfRange.error.contains("N from 1 to 3"), "\(outOfRange.error)")

        // eval: MNIST's digits are not this network's classes.
        let evaluated = try Binary.run([
            "eval", "--weights", out, "--mnist", "/nonexistent",
        ])
        #expect(evaluated.status == 1)
        #expect(evaluated.error.contains("not the digits 0 to 9"), "\(evaluated.error)")
    }

    @Test func theDigitsStartFromTheShippedNetworkAndEvalAcceptsThem() throws {
        let examples = try Self.examples((0..<10).map { ("\($0)", $0) }, count: 2)
        let out = examples + "/../digits.safetensors"
        let result = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "2", "--json",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(json(result.output)["classes"] as? [String] == (0..<10).map(String.init))
        // Every class is the source's: the decay keeps the taught weights near the source's.
        #expect(json(result.output)["decay_toward"] as? String == "source")
        let predicted = try Binary.run([
            "predict", "--json", "--weights", out, Binary.samples + "/three.txt",
        ])
        #expect(json(predicted.output)["label"] as? String == "3")
        if Binary.hasMNIST {
            let evaluated = try Binary.run([
                "eval", "--json", "--weights", out, "--mnist", Binary.mnist,
            ])
            #expect(evaluated.status == 0)
            #expect((json(evaluated.output)["accuracy"] as? Double ?? 0) > 0.9)
        }
    }

    /// --no-compare leaves the held-out accuracies out (null); the settings of both sides are in
    /// the JSON, and the taught side's in the weights' metadata.
    @Test func noCompareSkipsTheComparisonAndTheSettingsAreRecorded() throws {
        let examples = try Self.examples(Self.three)
        let out = examples + "/../quick.safetensors"
        let result = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "3", "--no-compare",
            "--weight-decay", "0.5", "--variants", "3", "--output-start", "means", "--json",
        ])
        #expect(result.status == 0, "\(result.error)")
        let object = json(result.output)
        #expect(
            object["heldout_accuracy"] is NSNull && object["scratch_heldout_accuracy"] is NSNull)
        #expect(object["weight_decay"] as? Double == 0.5)
        #expect(object["variants"] as? Int == 3 && object["output_start"] as? String == "means")
        #expect(object["scratch_epochs"] as? Int == 3)
        // New classes: the decay pulls toward zero unless told otherwise.
        #expect(object["decay_toward"] as? String == "zero")
        let file = try WeightsFile(bytes: WeightsFile.contents(of: out), path: out)
        #expect(file.metadata["optimizer"]?.hasSuffix("weight decay 0.5 toward zero") == true)
        #expect(file.metadata["output_start"] == "means" && file.metadata["variants"] == "3")
        #expect(file.metadata["heldout_accuracy"] == nil)
        let text = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "2", "--no-compare",
        ])
        #expect(text.status == 0 && !text.output.contains("held out"), "\(text.output)")

        let toSource = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "2", "--no-compare",
            "--decay-toward", "source", "--json",
        ])
        #expect(json(toSource.output)["decay_toward"] as? String == "source")
        let sourceFile = try WeightsFile(bytes: WeightsFile.contents(of: out), path: out)
        #expect(
            sourceFile.metadata["optimizer"]?.hasSuffix("toward the source's weights") == true)
        let wrong = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--decay-toward", "up",
        ])
        #expect(wrong.status != 0 && wrong.error.contains("--decay-toward"), "\(wrong.error)")
    }

    /// The same drawing filed under two classes is taught (it is not malformed) but said.
    @Test func theSameDrawingInTwoClassesIsPointedOut() throws {
        let examples = try Self.examples([("one", 1), ("seven", 7)], count: 2)
        try FileManager.default.copyItem(
            atPath: examples + "/one/0.txt", toPath: examples + "/seven/9.txt")
        let out = examples + "/../shared.safetensors"
        let result = try Binary.run([
            "transfer", "--examples", examples, "--out", out, "--epochs", "2", "--no-compare",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.error.contains(
                "\(examples)/one/0.txt and \(examples)/seven/9.txt are the same drawing in two "
                    + "classes"), "\(result.error)")
        let plain = try Self.examples(Self.three)
        let clean = try Binary.run([
            "transfer", "--examples", plain, "--out", out, "--epochs", "2", "--no-compare",
        ])
        #expect(!clean.error.contains("same drawing"), "\(clean.error)")
    }

    /// Every fault: a message naming the folder or file, exit status 1, no weights written.
    @Test func badExamplesAreRefusedAndNothingIsWritten() throws {
        func refused(_ examples: String, naming: String, _ says: String) throws {
            let out = examples + "-out.safetensors"
            let result = try Binary.run(["transfer", "--examples", examples, "--out", out])
            #expect(result.status == 1, "\(examples): \(result.error)")
            #expect(result.error.contains(naming), "\(result.error)")
            #expect(result.error.contains(says), "\(result.error)")
            #expect(!FileManager.default.fileExists(atPath: out))
            let left = try FileManager.default.contentsOfDirectory(
                atPath: (out as NSString).deletingLastPathComponent)
            #expect(!left.contains { $0.contains("partial") }, "\(left)")
        }
        let one = try Self.examples([("one", 1), ("seven", 7)])
        try FileManager.default.removeItem(atPath: one + "/seven/1.txt")
        try FileManager.default.removeItem(atPath: one + "/seven/2.txt")
        try FileManager.default.removeItem(atPath: one + "/seven/3.txt")
        try refused(one, naming: one + "/seven", "each class needs at least 2")

        let single = try Self.examples([("one", 1)])
        try refused(single, naming: single + "/one", "at least 2 classes")

        let many = try Self.examples((0..<21).map { ("c\($0)", $0 % 10) }, count: 2)
        try refused(many, naming: many, "21 class folders; at most 20")

        let unreadable = try Self.examples(Self.three)
        try ("#x#\n" + String(repeating: ".\n", count: 31)).write(
            toFile: unreadable + "/seven/bad.txt", atomically: true, encoding: .utf8)
        try refused(unreadable, naming: unreadable + "/seven/bad.txt", "unexpected character 'x'")

        let dangling = try Self.examples(Self.three)
        try FileManager.default.createSymbolicLink(
            atPath: dangling + "/zero/gone.pgm", withDestinationPath: dangling + "/nowhere")
        try refused(dangling, naming: dangling + "/zero/gone.pgm", "no such file")

        let empty = try Self.examples(Self.three)
        try FileManager.default.createDirectory(
            atPath: empty + "/star", withIntermediateDirectories: false)
        try "notes".write(toFile: empty + "/star/README", atomically: true, encoding: .utf8)
        try refused(empty, naming: empty + "/star", "holds no drawings")

        let badName = try Self.examples(Self.three + [("what?", 4)])
        try refused(badName, naming: badName + "/what?", "cannot be a folder's name")

        let blank = try Self.examples(Self.three)
        try String(repeating: String(repeating: ".", count: 32) + "\n", count: 32).write(
            toFile: blank + "/one/blank.txt", atomically: true, encoding: .utf8)
        try refused(blank, naming: blank + "/one/blank.txt", "no ink")

        let missing = try Binary.temporaryDirectory() + "/none"
        try refused(missing, naming: missing, "no such file")

        // Bad options say so before anything runs.
        let good = try Self.examples(Self.three)
        for arguments in [
            ["--freeze", "c7"], ["--epochs", "0"], ["--scratch-epochs", "0"], ["--variants", "0"],
            ["--weight-decay", "-1"], ["--weight-decay", "100"],
            ["--scratch-weight-decay", "nan"], ["--output-start", "zero"],
        ] {
            let result = try Binary.run(
                ["transfer", "--examples", good, "--out", good + "/../x.safetensors"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.error)")
            #expect(!FileManager.default.fileExists(atPath: good + "/../x.safetensors"))
        }
        let weights = try Binary.run([
            "transfer", "--examples", good, "--out", good + "/../x.safetensors", "--from",
            good + "/one/0.txt",
        ])
        #expect(weights.status == 1 && weights.error.contains(good + "/one/0.txt"))
        #expect(!FileManager.default.fileExists(atPath: good + "/../x.safetensors"))
    }

    /// SIGINT or SIGTERM while teaching: the process dies of it, and neither the weights nor a
    /// temporary file of them is left.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRunLeavesNoFile(signal: Int32) throws {
        let examples = try Self.examples(Self.three)
        let directory = (examples as NSString).deletingLastPathComponent
        let out = directory + "/interrupted.safetensors"
        let pid = try #require(
            startAsAShellWould([
                Binary.path, "transfer", "--examples", examples, "--out", out, "--epochs", "5000",
                "--freeze", "none",
            ]))
        Thread.sleep(forTimeInterval: 1.5)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == 0, "still teaching")
        kill(pid, signal)
        waitpid(pid, &status, 0)
        // Killed by the signal: WIFSIGNALED, WTERMSIG.
        #expect(status & 0x7f == signal, "wait status \(status)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(left == ["examples"], "\(left)")
    }
}

/// The SHA-256 of a file, from the system's sha256sum: an implementation independent of lenet5's.
func sha256(of path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}

/// Starts a program as a shell would (no signal blocked or ignored, whatever this test thread
/// blocks), its output thrown away; returns its process id.
func startAsAShellWould(_ arguments: [String]) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ) == 0 else {
        return nil
    }
    return pid
}
