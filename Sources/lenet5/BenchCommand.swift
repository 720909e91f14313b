import ArgumentParser
import Dispatch
import LeNet5
import Platform
import Screen
import Sketchpad
import Training

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure the forward pass, a batch of 10,000 images, a sketchpad frame (also with the "
            + "saliency overlay), an explain, sweeps, explore's start and a transfer.",
        discussion: """
            forward: one image at a time on one thread, every layer kept in the trace, median and \
            99th percentile over many runs. batch: 10,000 random images on two threads. frame: a \
            mouse event through to a 160x50 frame; with the overlay, the saliency by occlusion \
            measured again for the changed drawing too. explain: the saliency of a thick 8 by \
            occlusion (every ink cell erased, the drawing preprocessed and classified again, as \
            one batch on two threads), median. sweep: each of lenet5 sweep's four sweeps of the \
            same 8 on two threads, median (sweep_ms is the slowest). explore: the MNIST test \
            set loaded, its 10,000 digits read on two threads and the first 120x36 frame \
            rendered, median of five (explore_start_ms, null without MNIST). transfer: `lenet5 transfer` \
            as it runs by default (C1 to C5 frozen, the held-out comparison with training from \
            scratch included) on 10 drawn examples each of 6 shapes, on two threads, median of \
            three.
            """)

    @OptionGroup var weights: WeightsOption

    @Option(
        help: ArgumentHelp(
            "Directory holding the MNIST test set, for explore's start (default: LENET5_MNIST, "
                + "else the cache folder that `lenet5 mnist fetch` fills).", valueName: "dir"))
    var mnist: String?

    @Option(help: "Single-image forward passes to time.")
    var runs = 20_000

    @Option(
        name: .customLong("isa"),
        help: "Instruction set: portable, on x86-64 also avx2, avx512 (default: the widest).")
    var instructionSet: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
        guard runs >= 100 else { throw ValidationError("--runs must be at least 100") }
        if let name = instructionSet {
            do throws(InstructionSetError) {
                _ = try InstructionSet.named(name)
            } catch {
                throw ValidationError("--isa: \(error)")
            }
        }
    }

    func run() throws {
        let file = try weights.load()
        let set = try instructionSet.map(InstructionSet.named) ?? .selected
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
        let overlay = frameMicroseconds(classifier, saliency: .occlusion)
        let explain = try explainMilliseconds(classifier)
        let teaching = try benchTeaching()
        let transfer = transferSeconds(teaching)
        let busy = frameWhileTeaching(classifier, teaching)
        let sweeps = sweepMilliseconds(classifier)
        let slowest = sweeps.max { $0.median < $1.median }
        let explore = exploreStartMilliseconds(classifier)
        if json {
            Console.json([
                "instruction_set": .string(set.rawValue),
                "forward_median_us": .of(median), "forward_p99_us": .of(p99),
                "batch10k_seconds": .of(batchSeconds),
                "frame_us": .of(frame.median), "frame_p99_us": .of(frame.p99),
                "frame_saliency_us": .of(overlay.median),
                "frame_saliency_p99_us": .of(overlay.p99),
                "explain_ms": .of(explain.median), "explain_ink_cells": .of(explain.inkCells),
                "transfer_seconds": .of(transfer),
                "frame_teaching_us": .of(busy.median), "frame_teaching_p99_us": .of(busy.p99),
                "sweep_ms": .of(slowest?.median ?? .nan),
                "explore_start_ms": explore.median.map { .of($0) } ?? .null,
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
        Console.out(
            "sketchpad frame with the saliency overlay (occlusion measured again): median "
                + "\(formatFixed(overlay.median / 1000, digits: 2)) ms, p99 "
                + "\(formatFixed(overlay.p99 / 1000, digits: 2)) ms (goal at most 16 ms)")
        Console.out(
            "explain by occlusion (\(explain.inkCells) ink cells, one batch, 2 threads): median "
                + "\(formatFixed(explain.median, digits: 2)) ms")
        Console.out(
            "sweeps of the 8, 2 threads, median: "
                + sweeps.map { "\($0.kind.rawValue) \(formatFixed($0.median, digits: 2)) ms" }
                .joined(separator: ", "))
        Console.out(
            "transfer (6 classes x 10 examples, C1-C5 frozen, with the held-out comparison, "
                + "2 threads): median \(formatFixed(transfer, digits: 2)) s")
        Console.out(
            "sketchpad frames while that transfer runs in the background (teach mode): median "
                + "\(formatFixed(busy.median, digits: 1)) us, p99 \(formatFixed(busy.p99, digits: 1)) us "
                + "over \(busy.frames) frames; the transfer took \(formatFixed(busy.seconds, digits: 2)) s"
        )
        if let median = explore.median {
            Console.out(
                "explore start (10,000 test digits loaded, read on 2 threads, first frame "
                    + "120x36): median \(formatFixed(median, digits: 1)) ms (goal under 1 s)")
        } else {
            Console.out("explore start: not measured, \(explore.absence ?? "no MNIST")")
        }
    }

    /// 10 examples each of 6 shapes drawn on the canvas (a plus, a minus, a ring, a V, a square,
    /// a slash), each jittered, and the weights to teach from.
    func benchTeaching() throws -> (examples: TeachingExamples, source: TransferSource) {
        var generator = SeededGenerator(seed: 11)
        func jittered(_ x: Double, _ y: Double) -> Point {
            let dx = Double(generator.uniform(-1.5...1.5))
            let dy = Double(generator.uniform(-1.5...1.5))
            return Point(x: Int((16 + 10 * x + dx).rounded()), y: Int((16 + 10 * y + dy).rounded()))
        }
        let ring = (0...12).map { k -> (Double, Double) in
            let angle = Double(k) / 12 * 2 * Double.pi
            return (cos(angle), sin(angle))
        }
        let shapes: [[(Double, Double)]] = [
            [(0, -1), (0, 1)], [(-1, 0), (1, 0)], ring, [(-1, -1), (0, 1), (1, -1)],
            [(-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)], [(1, -1), (-1, 1)],
        ]
        var examples = [TeachingExample]()
        for (label, shape) in shapes.enumerated() {
            for _ in 0..<10 {
                var canvas = Canvas()
                let points = shape.map { jittered($0.0, $0.1) }
                for (a, b) in zip(points, points.dropFirst()) {
                    canvas.line(from: a, to: b, brush: 1, ink: true)
                }
                // The plus is its two strokes: the second crosses the first.
                if label == 0 {
                    canvas.line(from: jittered(-1, 0), to: jittered(1, 0), brush: 1, ink: true)
                }
                examples.append(TeachingExample(label: label, drawing: canvas.bitmap))
            }
        }
        let taught = TeachingExamples(
            classes: ["plus", "minus", "ring", "vee", "square", "slash"], examples: examples)
        do {
            return (taught, try TransferSource.load(weights.weights))
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
    }

    /// `lenet5 transfer` with its defaults on the bench's examples: median seconds of three.
    func transferSeconds(_ teaching: (examples: TeachingExamples, source: TransferSource))
        -> Double
    {
        var samples = [Double]()
        for _ in 0..<3 {
            let start = monotonicSeconds()
            _ = try? TransferTraining(
                examples: teaching.examples, source: teaching.source, options: TransferOptions()
            ).run()
            samples.append(monotonicSeconds() - start)
        }
        return samples.sorted()[1]
    }

    /// Sketchpad frames (`FrameWorkload`) one after another on this thread while the same
    /// transfer runs on its two threads, as teach mode runs it: the frames' median and 99th
    /// percentile in microseconds, how many there were, and how long the transfer took. (The
    /// sketchpad draws a frame only for an event; here frames come back to back, the worst case
    /// for both.)
    func frameWhileTeaching(
        _ classifier: Classifier, _ teaching: (examples: TeachingExamples, source: TransferSource)
    ) -> (median: Double, p99: Double, frames: Int, seconds: Double) {
        let running = DispatchGroup()
        let training = TransferTraining(
            examples: teaching.examples, source: teaching.source, options: TransferOptions())
        let start = monotonicSeconds()
        running.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            _ = try? training.run()
            running.leave()
        }
        var workload = FrameWorkload(classifier: classifier)
        var samples = [Double]()
        while running.wait(timeout: .now()) == .timedOut {
            let begin = monotonicSeconds()
            let frame = workload.frame()
            samples.append(monotonicSeconds() - begin)
            precondition(frame.width == 160)
            workload.release()
        }
        let seconds = monotonicSeconds() - start
        samples.sort()
        guard !samples.isEmpty else { return (.nan, .nan, 0, seconds) }
        return (
            samples[samples.count / 2] * 1e6, samples[samples.count * 99 / 100] * 1e6,
            samples.count, seconds
        )
    }

    /// A thick 8, as drawn with a 3-cell brush: two rings, 3 cells thick.
    static let thickEight: Bitmap = {
        var drawing = Bitmap(width: 32, height: 32)
        for y in 0..<32 {
            for x in 0..<32 {
                func ring(_ cx: Double, _ cy: Double, _ r: Double) -> Bool {
                    let d =
                        ((Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx)
                        + (Double(y) + 0.5 - cy) * (Double(y) + 0.5 - cy)).squareRoot()
                    return abs(d - r) <= 1.5
                }
                if ring(16, 10, 5.5) || ring(16, 22.5, 7) { drawing[x, y] = 1 }
            }
        }
        return drawing
    }()

    /// `lenet5 explain --method occlusion` of the thick 8, without reading a file: median
    /// milliseconds, and how many cells it erases.
    func explainMilliseconds(_ classifier: Classifier) throws -> (median: Double, inkCells: Int) {
        let drawing = Self.thickEight
        guard let prepared = try PreparedDrawing(drawing) else {
            preconditionFailure("the bench drawing has ink")
        }
        var samples = [Double]()
        for _ in 0..<max(20, runs / 1000) {
            let start = monotonicSeconds()
            _ = try classifier.saliency(of: prepared, method: .occlusion)
            samples.append(monotonicSeconds() - start)
        }
        samples.sort()
        let inkCells = drawing.pixels.filter { $0 > 0 }.count
        return (samples[samples.count / 2] * 1000, inkCells)
    }

    /// A sketchpad frame (`FrameWorkload`), with the saliency overlay by `saliency` if given:
    /// median and 99th percentile in microseconds.
    func frameMicroseconds(_ classifier: Classifier, saliency: SaliencyMethod? = nil) -> (
        median: Double, p99: Double
    ) {
        var workload = FrameWorkload(classifier: classifier, saliency: saliency)
        var samples = [Double]()
        // Frames with the overlay take milliseconds: fewer of them give as good a median.
        for _ in 0..<max(saliency == nil ? 200 : 50, runs / (saliency == nil ? 10 : 200)) {
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
