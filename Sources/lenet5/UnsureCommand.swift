import ArgumentParser
import LeNet5
import Platform
import Training

struct UnsureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsure",
        abstract: "Fit and measure \"not a digit?\", the network's honest \"not sure\".",
        discussion: """
            LeNet-5 always names a digit, even for a smiley or a letter. "Not a digit?" needs \
            statistics of the network's layers that depend on the weights; `fit` stores them in \
            a weights file, `rates` measures how often they flag digits and catch non-digits. \
            See README, "Not a digit?".
            """,
        subcommands: [UnsureFitCommand.self, UnsureRatesCommand.self])
}

struct UnsureFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Add \"not a digit?\" statistics to a weights file, keeping its tensors.",
        discussion: """
            Reads the weights (--weights, default the built-in ones), fits the statistics on the \
            MNIST training digits, sketches made from them and random scribbles, and writes the \
            same tensors with the statistics (unsure.* tensors) and how they were made (metadata) \
            to --out, which may be the file read. Deterministic for a seed and an instruction set.
            """)

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST IDX files, gzipped or not.", valueName: "dir"))
    var mnist: String

    @OptionGroup var weights: WeightsOption

    @Option(help: ArgumentHelp("Where to write the weights with statistics.", valueName: "file"))
    var out: String

    @Option(help: "Seeds the choice of digits, the sketches and the scribbles.")
    var seed: UInt64 = 1

    @Option(help: "Threads computing the layer values and the fits.")
    var threads = 2

    @Option(
        help: """
            MNIST training digits, and as many sketches of others, to fit on (two thirds as many \
            of each are kept apart for the threshold).
            """)
    var digits = UnsureFit().digits

    @Option(help: "Random scribbles the discriminants learn to tell from digits.")
    var scribbles = UnsureFit().scribbles

    @Option(help: "The L2 penalty on each discriminant's weights.")
    var penalty = UnsureFit().penalty

    @Option(
        name: .customLong("distance-share"),
        help: "How much the distance to the prototypes weighs beside the discriminant.")
    var distanceShare = UnsureFit().distanceShare

    @Option(
        name: .customLong("flagged-sketch-share"),
        help: "The share of held-out augmentation sketches the threshold flags.")
    var flaggedSketchShare = UnsureFit().flaggedSketchShare

    @Flag(help: "Print what the fit measured as JSON.")
    var json = false

    func validate() throws {
        guard (1...256).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 256")
        }
        guard digits >= 100 else { throw ValidationError("--digits must be at least 100") }
        guard scribbles >= 100 else { throw ValidationError("--scribbles must be at least 100") }
        guard penalty.isFinite && penalty > 0 else {
            throw ValidationError("--penalty must be a positive number")
        }
        guard distanceShare.isFinite && distanceShare >= 0 else {
            throw ValidationError("--distance-share must be zero or more")
        }
        guard flaggedSketchShare > 0 && flaggedSketchShare < 1 else {
            throw ValidationError("--flagged-sketch-share must lie between 0 and 1")
        }
    }

    func run() throws {
        var file = try weights.load()
        let training: MNISTDataset
        do {
            training = try MNIST(directory: mnist).training
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        var fit = UnsureFit()
        fit.seed = seed
        fit.threads = threads
        fit.digits = digits
        fit.heldOut = digits * 2 / 3
        fit.scribbles = scribbles
        fit.penalty = penalty
        fit.distanceShare = distanceShare
        fit.flaggedSketchShare = flaggedSketchShare
        let started = monotonicSeconds()
        let result = fit.fit(Classifier(file.model), training: training) { Console.note($0) }
        let seconds = monotonicSeconds() - started
        file.attach(result, fit: fit)
        do {
            try file.write(to: out)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
        Console.note("wrote \(out) (\(result.measured); \(formatDuration(seconds)))")
        if json {
            Console.json([
                "out": .string(out), "seed": .number(String(seed)),
                "threshold": .of(result.statistics.threshold.scalars[0]),
                "flagged_digits": .of(result.flaggedDigits),
                "flagged_sketches": .of(result.flaggedSketches),
                "caught_scribbles": .of(result.caughtScribbles), "seconds": .of(seconds),
            ])
        }
    }
}

struct UnsureRatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "How often \"not a digit?\" flags MNIST test digits and drawings in folders.",
        discussion: """
            With --mnist, the 10,000 MNIST test digits (padded to 32x32 as `eval` does), in two \
            halves and in all. Each folder's drawings (text grids and PGM files, searched \
            recursively) are preprocessed as `predict` does; drawings without ink are left out. \
            Scripts/unsure-rates.sh makes the sets README reports and runs this.
            """)

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST IDX files, gzipped or not.", valueName: "dir"))
    var mnist: String?

    @OptionGroup var weights: WeightsOption

    @Argument(help: ArgumentHelp("Folders (or files) of drawings.", valueName: "folder"))
    var folders: [String] = []

    @Flag(help: "One JSON object per set: {set, drawings, flagged, share}.")
    var json = false

    func validate() throws {
        guard mnist != nil || !folders.isEmpty else {
            throw ValidationError("give --mnist DIR, folders of drawings, or both")
        }
    }

    func run() throws {
        let file = try weights.load()
        guard let statistics = file.unsure else {
            Console.error(
                "\(weights.weights ?? WeightsFile.bundledName): these weights have no \"not sure\" "
                    + "statistics; add them with lenet5 unsure fit")
            throw ExitCode.failure
        }
        let classifier = Classifier(file.model)
        let trace = ForwardTrace()
        var rows = [(name: String, drawings: Int, flagged: Int)]()
        if let mnist {
            let test: MNISTDataset
            do {
                test = try MNIST.testSet(directory: mnist)
            } catch {
                Console.error(error.description)
                throw ExitCode.failure
            }
            var flagged = [Bool]()
            for i in 0..<test.count {
                classifier.forward(test.paddedInput(i), into: trace)
                flagged.append(statistics.judge(trace).isUnsure)
            }
            let half = test.count / 2
            for (name, range) in [
                ("MNIST test digits 1-\(half)", 0..<half),
                ("MNIST test digits \(half + 1)-\(test.count)", half..<test.count),
                ("MNIST test digits, all", 0..<test.count),
            ] {
                rows.append((name, range.count, flagged[range].filter { $0 }.count))
            }
        }
        var failures = 0
        for folder in folders {
            var drawings = 0
            var flagged = 0
            for path in DrawingFolder.files(in: folder) {
                do {
                    let bytes = try readFileContents(path, limit: 64 << 20)
                    let drawing = try DrawingFormats.drawing(from: bytes)
                    guard let input = Preprocessing.networkInput(from: drawing) else { continue }
                    classifier.forward(input, into: trace)
                    drawings += 1
                    if statistics.judge(trace).isUnsure { flagged += 1 }
                } catch let error as FileReadError {
                    failures += 1
                    Console.error(error.description)
                } catch {
                    failures += 1
                    Console.error("\(path): \(error)")
                }
            }
            if drawings == 0 { Console.error("\(folder): no drawings found") }
            rows.append((folder, drawings, flagged))
        }
        report(rows)
        if failures > 0 || rows.contains(where: { $0.drawings == 0 }) { throw ExitCode.failure }
    }

    func report(_ rows: [(name: String, drawings: Int, flagged: Int)]) {
        func share(_ row: (name: String, drawings: Int, flagged: Int)) -> Double {
            row.drawings == 0 ? 0 : Double(row.flagged) / Double(row.drawings)
        }
        if json {
            for row in rows {
                Console.json([
                    "set": .string(row.name), "drawings": .of(row.drawings),
                    "flagged": .of(row.flagged),
                    "share": row.drawings == 0 ? .null : .of(share(row)),
                ])
            }
            return
        }
        let width = max(24, rows.map(\.name.count).max() ?? 0)
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        Console.out(padded("set") + "  drawings  flagged    share")
        for row in rows {
            Console.out(
                padded(row.name) + "  " + NumberText.right(String(row.drawings), 8) + "  "
                    + NumberText.right(String(row.flagged), 7) + "  "
                    + NumberText.right(percent(share(row), digits: 1), 7))
        }
    }
}

extension UnsureFitResult {
    /// What the fit measured on the drawings it kept apart, in a sentence.
    var measured: String {
        "held out: \(percent(flaggedDigits)) of MNIST training digits and "
            + "\(percent(flaggedSketches)) of augmentation sketches flagged, "
            + "\(percent(caughtScribbles)) of scribbles caught"
    }
}

extension WeightsFile {
    /// Adds fitted "not sure" statistics, and how they were made to the metadata.
    mutating func attach(_ result: UnsureFitResult, fit: UnsureFit) {
        unsure = result.statistics
        metadata["unsure"] = fit.summary
        metadata["unsure_command"] =
            (["lenet5"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        metadata["unsure_fit_rates"] = result.measured
    }
}

/// The drawing files under a folder: text grids and PGM images, in a stable order.
enum DrawingFolder {
    static func files(in path: String) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            Console.error("\(path): no such file or directory")
            return []
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var found = [String]()
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childStatus = stat()
            guard stat(child, &childStatus) == 0 else { continue }
            if (childStatus.st_mode & S_IFMT) == S_IFDIR {
                found += files(in: child)
            } else if name.hasSuffix(".txt") || name.hasSuffix(".pgm") {
                found.append(child)
            }
        }
        return found.sorted()
    }
}
