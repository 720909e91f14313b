import Foundation
import Kernels
import LeNet5
import Testing

@testable import Training

/// Transfer training: what is frozen stays bit for bit the source's, the cached dense path computes
/// what the whole network's backward pass computes, runs are reproducible, can be cancelled, and
/// learn.
@Suite struct TransferTests {
    /// Simple shapes drawn with one-cell lines at jittered sizes and places: a plus, a slash, a
    /// ring and a V.
    static func drawing(_ shape: Int, variant: Int) -> Bitmap {
        var generator = SeededGenerator(seed: 77, stream: UInt64(shape), item: UInt64(variant))
        var bitmap = Bitmap(width: 32, height: 32)
        let size = generator.uniform(10...20)
        let centre = SIMD2<Float>(generator.uniform(12...20), generator.uniform(12...20))
        func point(_ x: Float, _ y: Float) -> SIMD2<Float> {
            centre + SIMD2(x, y) * size / 2
                + SIMD2(generator.uniform(-0.8...0.8), generator.uniform(-0.8...0.8))
        }
        func line(_ a: SIMD2<Float>, _ b: SIMD2<Float>) {
            Raster.line(on: &bitmap, from: a, to: b, width: 1.2)
        }
        switch shape {
        case 0:
            line(point(0, -1), point(0, 1))
            line(point(-1, 0), point(1, 0))
        case 1: line(point(0.6, -1), point(-0.6, 1))
        case 2:
            let corners = (0...16).map { k -> SIMD2<Float> in
                let angle = Float(k) / 16 * 2 * .pi
                return point(cosf(angle), sinf(angle))
            }
            for (a, b) in zip(corners, corners.dropFirst()) { line(a, b) }
        default:
            line(point(-1, -1), point(0, 1))
            line(point(0, 1), point(1, -1))
        }
        return Raster.binarize(bitmap, threshold: 0.5)
    }

    static func examples(classes: Int = 3, each: Int = 4) -> TeachingExamples {
        TeachingExamples(
            classes: ["plus", "slash", "ring", "vee"].prefix(classes).map { $0 },
            examples: (0..<classes).flatMap { shape in
                (0..<each).map {
                    TeachingExample(label: shape, drawing: drawing(shape, variant: $0))
                }
            })
    }

    static let source: TransferSource = {
        do {
            return try TransferSource.load(nil)
        } catch {
            fatalError("the built-in weights load: \(error)")
        }
    }()

    static func options(_ freeze: FrozenLayers, epochs: Int = 6, compare: Bool = false)
        -> TransferOptions
    {
        var options = TransferOptions()
        options.freeze = freeze
        options.epochs = epochs
        options.variants = 4
        options.compare = compare
        return options
    }

    static func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }

    /// The layers up to the frozen one are the source's to the bit; the first layer after them
    /// has learned.
    @Test(arguments: FrozenLayers.allCases)
    func frozenLayersStayBitIdentical(freeze: FrozenLayers) throws {
        let result = try TransferTraining(
            examples: Self.examples(), source: Self.source, options: Self.options(freeze)
        ).run()
        let before = Self.source.weights.model.namedParameters
        let after = result.model.namedParameters
        let frozen: Set<String> = Set(
            freeze.layers.flatMap {
                ["\($0.name.lowercased()).weight", "\($0.name.lowercased()).bias"]
            })
        for ((name, old), (_, new)) in zip(before, after) where !name.hasPrefix("output") {
            if frozen.contains(name) {
                #expect(Self.bits(old) == Self.bits(new), "\(freeze): \(name) changed")
            }
        }
        if let first = freeze.trainedLayers.first(where: { $0.geometry.parameterCount > 0 }),
            first != .output
        {
            let name = first.name.lowercased() + ".weight"
            let old = try #require(before.first { $0.name == name }?.tensor)
            let new = try #require(after.first { $0.name == name }?.tensor)
            #expect(Self.bits(old) != Self.bits(new), "\(freeze): \(name) did not learn")
        }
        #expect(result.model.output.outputs == 3)
    }

    @Test func theSameSeedGivesTheSameNetworkAndAnotherSeedAnother() throws {
        var options = Self.options(.c5)
        let examples = Self.examples()
        let first = try TransferTraining(examples: examples, source: Self.source, options: options)
            .run().model
        let again = try TransferTraining(examples: examples, source: Self.source, options: options)
            .run().model
        options.seed = 2
        let other = try TransferTraining(examples: examples, source: Self.source, options: options)
            .run().model
        #expect(
            first.namedParameters.map { Self.bits($0.tensor) }
                == again.namedParameters.map { Self.bits($0.tensor) })
        #expect(Self.bits(first.output.weight) != Self.bits(other.output.weight))
    }

    /// The dense layers on stored C5 values (or F6 values) give the same gradient as the whole
    /// network's backward pass, which the PyTorch reference checks.
    @Test(arguments: [true, false])
    func theDenseShortcutIsTheWholeBackwardPass(fromC5: Bool) {
        let training = TransferTraining(
            examples: Self.examples(), source: Self.source, options: Self.options(.c5))
        let model = training.startingModel()
        let classes = model.classCount
        let inputs = (0..<6).compactMap {
            Preprocessing.networkInput(from: Self.drawing($0 % 3, variant: $0))
        }
        let labels = (0..<6).map { $0 % 3 }
        var options = TrainingOptions()
        options.threads = 1
        let whole = Trainer(model: model, options: options).gradient(inputs: inputs, labels: labels)
            .gradient
        let classifier = Classifier(model)
        let trace = ForwardTrace()
        let (offset, size) =
            fromC5
            ? (TraceLayout.c5, ParameterLayout.c5Stride)
            : (TraceLayout.f6, ParameterLayout.f6Stride)
        let features = inputs.map { input -> AlignedBuffer in
            classifier.forward(input, into: trace)
            let buffer = AlignedBuffer(count: size)
            buffer.pointer.update(from: trace.buffer + offset, count: size)
            return buffer
        }
        let parameters = AlignedBuffer(PackedParameters(model).storage)
        let step = DenseStep(classes: classes)
        step.run(
            zip(features, labels).map { ($0.pointer, $1) }, parameters: parameters.pointer,
            fromC5: fromC5)
        let dense = PackedParameters(storage: step.gradient.array, classes: classes).unpacked()
        var compared = [
            ("output.weight", whole.output.weight, dense.output.weight),
            ("output.bias", whole.output.bias, dense.output.bias),
        ]
        if fromC5 {
            compared += [
                ("f6.weight", whole.f6.weight, dense.f6.weight),
                ("f6.bias", whole.f6.bias, dense.f6.bias),
            ]
        } else {
            #expect(dense.f6.weight.scalars.allSatisfy { $0 == 0 }, "F6 is frozen: no gradient")
        }
        for (name, expected, actual) in compared {
            let worst =
                zip(expected.scalars, actual.scalars).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-6, "\(name): largest difference \(worst)")
            #expect(expected.scalars.contains { abs($0) > 1e-4 }, "\(name) is not all zero")
        }
        #expect(dense.c5.weight.scalars.allSatisfy { $0 == 0 }, "nothing below the dense layers")
    }

    /// Classes the source has by name start from the source's output units; others are new.
    @Test func aClassTheSourceHasStartsFromItsOutputUnit() {
        let examples = TeachingExamples(
            classes: ["7", "plus"],
            examples: [0, 0, 1, 1].enumerated().map {
                TeachingExample(label: $1, drawing: Self.drawing($1, variant: $0))
            })
        let model = TransferTraining(
            examples: examples, source: Self.source, options: Self.options(.c5)
        ).startingModel()
        let shipped = Self.source.weights.model.output
        #expect(
            Array(model.output.weight.scalars[0..<84])
                == Array(shipped.weight.scalars[7 * 84..<8 * 84]))
        #expect(model.output.bias.scalars[0] == shipped.bias.scalars[7])
        let plus = Array(model.output.weight.scalars[84..<168])
        #expect(
            !(0..<10).contains { Array(shipped.weight.scalars[$0 * 84..<($0 + 1) * 84]) == plus })
        #expect(model.c3 == Self.source.weights.model.c3)
    }

    /// AdamW's decay: with no gradient, a step multiplies every weight from `first` on by
    /// 1 - step size x decay and leaves the ones before it alone; without decay, a step is Adam's
    /// as Kingma and Ba write it.
    @Test func weightDecayShrinksOnlyTheTrainedWeights() {
        let count = ParameterLayout.count
        let first = ParameterLayout.f6Weight
        var generator = SeededGenerator(seed: 5)
        let start = (0..<count).map { _ in generator.uniform(-1...1) }
        let parameters = AlignedBuffer(start)
        let zero = AlignedBuffer(count: count)
        var adam = Adam(count: count, learningRate: 0.01)
        adam.update(parameters.pointer, gradient: zero.pointer, from: first, decay: 2)
        for i in 0..<count {
            let expected = i < first ? start[i] : (1 - 0.01 * 2) * start[i]
            #expect(parameters.pointer[i] == expected, "weight \(i)")
        }

        let gradient = AlignedBuffer((0..<count).map { _ in generator.uniform(-1...1) })
        let plain = AlignedBuffer(start)
        var again = Adam(count: count, learningRate: 0.01)
        again.update(plain.pointer, gradient: gradient.pointer, from: first)
        for i in [0, first - 1, first, first + 7, count - 1] {
            // First step: m = 0.1 g, v = 0.001 g^2, corrected m = g, corrected v = g^2.
            let g = gradient.pointer[i]
            let expected = i < first ? start[i] : start[i] - 0.01 * g / (abs(g) + 1e-8)
            #expect(abs(plain.pointer[i] - expected) <= 1e-6, "weight \(i)")
        }
    }

    /// Decay toward an anchor (L2-SP): with no gradient, a step moves every weight from `first` on
    /// that share of the way to the anchor's value, whatever side of it the weight is on.
    @Test func decayTowardTheSourcePullsToTheAnchor() {
        let count = ParameterLayout.count
        let first = ParameterLayout.f6Weight
        var generator = SeededGenerator(seed: 6)
        let start = (0..<count).map { _ in generator.uniform(-1...1) }
        let anchorValues = (0..<count).map { _ in generator.uniform(-1...1) }
        let parameters = AlignedBuffer(start)
        let anchor = AlignedBuffer(anchorValues)
        let zero = AlignedBuffer(count: count)
        var adam = Adam(count: count, learningRate: 0.01)
        adam.update(
            parameters.pointer, gradient: zero.pointer, from: first, decay: 5,
            anchor: UnsafePointer(anchor.pointer))
        for i in 0..<count {
            let expected = i < first ? start[i] : start[i] + 0.05 * (anchorValues[i] - start[i])
            #expect(abs(parameters.pointer[i] - expected) <= 1e-6, "weight \(i)")
        }
    }

    /// `auto` decays toward the source only when the source has every class taught: a writer's own
    /// digits keep close to the shipped network, new classes learn F6 afresh. Taught with a strong
    /// decay, F6 ends nearer the source's toward the source than toward zero, and the classes the
    /// source has keep their output units nearer the source's.
    @Test func autoDecaysTowardTheSourceOnlyForItsOwnClasses() throws {
        #expect(DecayTarget.auto.resolved(fresh: [false, false]) == .source)
        #expect(DecayTarget.auto.resolved(fresh: [false, true]) == .zero)
        #expect(DecayTarget.zero.resolved(fresh: [false]) == .zero)
        #expect(DecayTarget.source.resolved(fresh: [true]) == .source)

        let digits = TeachingExamples(
            classes: ["1", "7"],
            examples: [0, 0, 0, 1, 1, 1].enumerated().map {
                TeachingExample(label: $1, drawing: Self.drawing($1, variant: $0))
            })
        func taught(_ target: DecayTarget) throws -> TransferResult {
            var options = Self.options(.c5, epochs: 8)
            options.weightDecay = 20
            options.decayTarget = target
            return try TransferTraining(examples: digits, source: Self.source, options: options)
                .run()
        }
        let auto = try taught(.auto)
        let zero = try taught(.zero)
        #expect(auto.decayTarget == .source && zero.decayTarget == .zero)
        let shipped = Self.source.weights.model
        func distance(_ a: [Float], _ b: [Float]) -> Float {
            zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        }
        let f6Auto = distance(auto.model.f6.weight.scalars, shipped.f6.weight.scalars)
        let f6Zero = distance(zero.model.f6.weight.scalars, shipped.f6.weight.scalars)
        #expect(f6Auto * 4 < f6Zero, "F6 moved \(f6Auto) toward the source, \(f6Zero) toward zero")
        let sevenShipped = Array(shipped.output.weight.scalars[7 * 84..<8 * 84])
        #expect(
            distance(Array(auto.model.output.weight.scalars[84..<168]), sevenShipped)
                < distance(Array(zero.model.output.weight.scalars[84..<168]), sevenShipped))
        let symbols = try TransferTraining(
            examples: Self.examples(), source: Self.source, options: Self.options(.c5)
        ).run()
        #expect(symbols.decayTarget == .zero)
    }

    /// The comparison's settings from scratch change the networks trained from scratch only: the
    /// kept network and the transfer side of the comparison are the same bit for bit.
    @Test func theScratchSettingsLeaveTheTransferSideAlone() throws {
        var options = Self.options(.c5, epochs: 4, compare: true)
        let examples = Self.examples(classes: 3, each: 3)
        let first = try TransferTraining(examples: examples, source: Self.source, options: options)
            .run()
        options.scratchEpochs = 1
        options.scratchLearningRate = 0.05
        options.scratchWeightDecay = 3
        let second = try TransferTraining(examples: examples, source: Self.source, options: options)
            .run()
        #expect(
            first.model.namedParameters.map { Self.bits($0.tensor) }
                == second.model.namedParameters.map { Self.bits($0.tensor) })
        #expect(first.comparison?.transferCorrect == second.comparison?.transferCorrect)
    }

    /// The class-means start: each new class's output unit is the mean of the source's F6 values
    /// over its examples' versions (computed here by running the source network on each), with
    /// bias -|mean|^2 / 2, so each mean is classified as its own class; a class the source has
    /// keeps the source's unit.
    @Test func theMeansStartIsTheNearestClassMean() throws {
        let examples = TeachingExamples(
            classes: ["7", "plus", "ring"],
            examples: [(1, 0), (1, 1), (1, 2), (2, 3), (2, 4), (0, 5), (0, 6)].map {
                TeachingExample(
                    label: $0.0, drawing: Self.drawing($0.0 == 1 ? 0 : 2, variant: $0.1))
            })
        var options = Self.options(.c5)
        options.outputStart = .means
        let training = TransferTraining(examples: examples, source: Self.source, options: options)
        let meter = ProgressMeter(total: 1, clock: Stopwatch(), report: { _ in })
        let pool = ExamplePool(
            examples: examples, variants: options.variants, options: options, meter: meter,
            cancellation: nil)
        let source = Self.source.weights.model
        let values = DenseFeatures(
            pool: pool, source: source, fromC5: false, options: options, meter: meter)
        let context = RunContext(
            pool: pool, features: nil, f6Values: values, fresh: [false, true, true],
            options: options, classes: 3, meter: meter, cancellation: nil)
        let job = RunJob(
            role: .kept, start: training.startingModel(), mode: .dense(fromC5: true),
            firstTrained: FrozenLayers.c5.firstTrainedParameter, examples: [0, 1, 2, 3, 4])
        let model = context.meansStart(job, values)

        let classifier = Classifier(source)
        let trace = ForwardTrace()
        let inputs = NetworkGeometry.f6.maps
        var means = [[Double]](repeating: [Double](repeating: 0, count: inputs), count: 3)
        var counts = [0, 0, 0]
        for example in job.examples {
            let label = pool.labels[example]
            for variant in 0..<pool.variants {
                classifier.forward(
                    UnsafeBufferPointer(
                        start: pool.input(example, variant: variant), count: ExamplePool.size),
                    into: trace)
                for j in 0..<inputs {
                    means[label][j] += Double(trace.buffer[TraceLayout.f6 + j])
                }
                counts[label] += 1
            }
        }
        #expect(counts == [0, 3 * pool.variants, 2 * pool.variants])
        let weights = model.output.weight.scalars
        for k in [1, 2] {
            let mean = means[k].map { Float($0 / Double(counts[k])) }
            let row = Array(weights[k * inputs..<(k + 1) * inputs])
            let worst = zip(mean, row).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-5, "class \(k): largest difference \(worst)")
            let norm = mean.map { $0 * $0 }.reduce(0, +)
            #expect(abs(model.output.bias.scalars[k] + norm / 2) <= 1e-4)
            // Each mean scores highest on its own unit among the new classes.
            func logit(_ unit: Int) -> Float {
                (0..<inputs).map { weights[unit * inputs + $0] * mean[$0] }.reduce(0, +)
                    + model.output.bias.scalars[unit]
            }
            #expect(logit(k) > logit(3 - k))
        }
        let shipped = source.output
        #expect(
            Array(weights[0..<inputs]) == Array(shipped.weight.scalars[7 * inputs..<8 * inputs]))
        #expect(model.c5 == source.c5 && model.f6 == source.f6)
    }

    @Test func foldsHoldOutEveryExampleOnceAndEveryClassEvenly() {
        let labels = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
        let folds = TransferTraining.folds(labels: labels, classes: 3, count: 5)
        #expect(folds.allSatisfy { (0..<5).contains($0) })
        for label in 0..<3 {
            let counts = (0..<5).map { fold in
                zip(labels, folds).filter { $0.0 == label && $0.1 == fold }.count
            }
            #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "class \(label): \(counts)")
        }
    }

    @Test func itLearnsAndComparesWithScratch() throws {
        var progress = [Double]()
        let seen = ProgressLog()
        let result = try TransferTraining(
            examples: Self.examples(classes: 4, each: 5), source: Self.source,
            options: Self.options(.c5, epochs: 12, compare: true)
        ).run(progress: { seen.append($0) })
        progress = seen.fractions
        #expect(result.trainAccuracy >= 0.9, "\(result.trainAccuracy)")
        let comparison = try #require(result.comparison)
        #expect(comparison.folds == 5 && comparison.total == 20)
        #expect((0...20).contains(comparison.transferCorrect))
        #expect(comparison.trainingExamples == 16)
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(progress.last == 1)
        let file = result.weightsFile(command: "test")
        #expect(file.classes == ["plus", "slash", "ring", "vee"])
        #expect(TransferRecord(metadata: file.metadata)?.freeze == .c5)
        #expect(file.metadata[TransferRecord.Key.sourceSHA256] == Self.source.sha256)
        #expect(Self.source.sha256.count == 64)
    }

    @Test func tooFewClassesOrExamplesAreRefusedNotACrash() {
        let one = TeachingExamples(
            classes: ["plus"],
            examples: [0, 1].map {
                TeachingExample(label: 0, drawing: Self.drawing(0, variant: $0))
            })
        #expect(throws: TransferError.classCount(1)) {
            try TransferTraining(examples: one, source: Self.source, options: Self.options(.c5))
                .run()
        }
        let few = TeachingExamples(
            classes: ["plus", "ring"],
            examples: [TeachingExample(label: 0, drawing: Self.drawing(0, variant: 0))]
                + [0, 1].map { TeachingExample(label: 1, drawing: Self.drawing(2, variant: $0)) })
        #expect(throws: TransferError.tooFewExamples("plus", 1)) {
            try TransferTraining(examples: few, source: Self.source, options: Self.options(.c5))
                .run()
        }
    }

    @Test func aCancelledRunStopsAndSaysSo() {
        let cancellation = TransferCancellation()
        let training = TransferTraining(
            examples: Self.examples(), source: Self.source,
            options: Self.options(.none, epochs: 500, compare: true))
        #expect(throws: TransferError.cancelled) {
            try training.run(
                progress: { if $0.fraction > 0.05 { cancellation.cancel() } },
                cancellation: cancellation)
        }
        cancellation.cancel()
        #expect(throws: TransferError.cancelled) {
            try training.run(cancellation: cancellation)
        }
    }
}

/// Progress reports, as they arrive (one at a time).
final class ProgressLog: @unchecked Sendable {
    private(set) var fractions = [Double]()
    func append(_ progress: TransferProgress) { fractions.append(progress.fraction) }
}
