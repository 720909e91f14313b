import Benchmark
import LeNet5
import Sketchpad
import Training

/// The hot paths, so that a regression shows: one forward pass with its full trace, a batch of
/// 10,000 on two threads, one training step (64 augmented digits, forward, backward, Adam), and one
/// sketchpad frame (a mouse event through preprocessing and the forward pass to a rendered buffer).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 10,
        maxDuration: .seconds(3))

    let model: LeNet5 =
        (try? WeightsFile.bundled().model)
        ?? {
            var generator = SeededGenerator(seed: 1)
            return LeNet5(using: &generator)
        }()
    let classifier = Classifier(model)
    var generator = SeededGenerator(seed: 7)
    let images = (0..<64).map { _ in (0..<1024).map { _ in generator.uniform(0...1) } }

    Benchmark(
        "harness alone (no work): the baseline of the other figures",
        configuration: .init(maxIterations: 100_000)
    ) { benchmark in
        for i in benchmark.scaledIterations { blackHole(i) }
    }

    // Made once, outside the measured closure, which runs once per sample: the forward pass itself
    // must allocate nothing, and the malloc count shows whether it does.
    let trace = ForwardTrace()
    Benchmark("forward, one image, full trace", configuration: .init(maxIterations: 100_000)) {
        benchmark in
        for i in benchmark.scaledIterations {
            classifier.forward(images[i % 64], into: trace)
            blackHole(trace.prediction)
        }
    }

    let batch = (0..<10_000).map { images[$0 % 64] }
    let labels = [Int](repeating: 0, count: batch.count)
    Benchmark("10,000 images, two threads", configuration: .init(maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Evaluation.run(classifier, inputs: batch, labels: labels, threads: 2).correct)
        }
    }

    // 64 synthetic digits: one batch, so one optimiser step per epoch call.
    var pixels = [UInt8](repeating: 0, count: 64 * 784)
    for d in 0..<64 {
        for y in 5..<23 {
            for x in (8 + d % 10)..<(12 + d % 10) { pixels[d * 784 + y * 28 + x] = 255 }
        }
    }
    let digits = MNISTDataset(pixels: pixels, labels: (0..<64).map { UInt8($0 % 10) })
    Benchmark(
        "training step, 64 augmented digits, two threads",
        configuration: .init(maxIterations: 2_000)
    ) { benchmark in
        var options = TrainingOptions()
        options.epochs = 1_000_000
        let trainer = Trainer(model: model, options: options)
        for i in benchmark.scaledIterations {
            blackHole(trainer.trainEpoch(i + 1, on: digits).loss)
        }
    }

    Benchmark(
        "sketchpad frame: mouse event to rendered 160x50 buffer",
        configuration: .init(maxIterations: 20_000)
    ) { benchmark in
        var workload = FrameWorkload(classifier: classifier)
        for _ in benchmark.scaledIterations {
            blackHole(workload.frame())
            workload.release()
        }
    }
}
