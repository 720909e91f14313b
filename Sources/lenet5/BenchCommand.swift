import ArgumentParser
import LeNet5
import Sketchpad
import Training

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the forward pass, a batch of 10,000 images, and a sketchpad frame.",
        discussion: """
            forward: one image at a time on one thread, every layer kept in the trace, median and \
            99th percentile over many runs. batch: 10,000 random images on two threads.
            """)

    @OptionGroup var weights: WeightsOption

    @Option(help: "Single-image forward passes to time.")
    var runs = 20_000

    @Option(
        name: .customLong("isa"),
        help: "Instruction set: portable, avx2 or avx512 (default: the widest this processor has).")
    var instructionSet: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
        guard runs >= 100 else { throw ValidationError("--runs must be at least 100") }
        if let name = instructionSet {
            guard let set = InstructionSet(rawValue: name) else {
                throw ValidationError("--isa must be portable, avx2 or avx512")
            }
            guard set.isSupported else { throw ValidationError("this processor lacks \(name)") }
        }
    }

    func run() throws {
        let file = try weights.load()
        let set = instructionSet.flatMap(InstructionSet.init(rawValue:)) ?? .selected
        let classifier = Classifier(file.model, instructionSet: set)
        var generator = SeededGenerator(seed: 7)
        let images = (0..<64).map { _ in (0..<1024).map { _ in generator.uniform(0...1) } }
        let trace = ForwardTrace()
        // Timing a network whose output is not a number would measure nothing worth knowing.
        for image in images {
            classifier.forward(image, into: trace)
            guard trace.hasFiniteOutput else {
                Console.error(
                    "\(weights.name): the network's output is not a number with these weights "
                        + "(\(WeightsOption.overflow))")
                throw ExitCode.failure
            }
        }
        // Warm up caches and branch predictors before timing.
        for i in 0..<2000 { classifier.forward(images[i % 64], into: trace) }
        var samples = [Double]()
        samples.reserveCapacity(runs)
        for i in 0..<runs {
            let start = monotonicSeconds()
            classifier.forward(images[i % 64], into: trace)
            samples.append(monotonicSeconds() - start)
        }
        samples.sort()
        let median = samples[samples.count / 2] * 1e6
        let p99 = samples[samples.count * 99 / 100] * 1e6

        let batch = (0..<10_000).map { images[$0 % 64] }
        let labels = [Int](repeating: 0, count: batch.count)
        var batchTimes = [Double]()
        for _ in 0..<5 {
            batchTimes.append(
                Evaluation.run(classifier, inputs: batch, labels: labels, threads: 2)
                    .inferenceSeconds)
        }
        let batchSeconds = batchTimes.sorted()[batchTimes.count / 2]
        let frame = frameMicroseconds(classifier)
        if json {
            Console.json([
                "instruction_set": .string(set.rawValue),
                "forward_median_us": .of(median), "forward_p99_us": .of(p99),
                "batch10k_seconds": .of(batchSeconds),
                "frame_us": .of(frame.median), "frame_p99_us": .of(frame.p99),
            ])
            return
        }
        Console.out("instruction set: \(set.rawValue)")
        Console.out(
            "forward, 1 image, 1 thread, full trace: median \(formatFixed(median, digits: 2)) us, p99 \(formatFixed(p99, digits: 2)) us"
        )
        Console.out("10,000 images, 2 threads: \(formatFixed(batchSeconds * 1000, digits: 1)) ms")
        Console.out(
            "sketchpad frame (mouse event, preprocessing, forward, render 160x50): median "
                + "\(formatFixed(frame.median, digits: 1)) us, p99 \(formatFixed(frame.p99, digits: 1)) us"
        )
    }

    /// A sketchpad frame (`FrameWorkload`): median and 99th percentile in microseconds.
    func frameMicroseconds(_ classifier: Classifier) -> (median: Double, p99: Double) {
        var workload = FrameWorkload(classifier: classifier)
        var samples = [Double]()
        for _ in 0..<max(200, runs / 10) {
            let start = monotonicSeconds()
            let frame = workload.frame()
            samples.append(monotonicSeconds() - start)
            precondition(frame.width == 160)
            workload.release()
        }
        samples.sort()
        return (samples[samples.count / 2] * 1e6, samples[samples.count * 99 / 100] * 1e6)
    }
}
