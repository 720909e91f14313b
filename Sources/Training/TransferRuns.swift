import Dispatch
import Kernels
import KernelsPortable
import LeNet5

/// Which part of the network a run trains, and so what it computes per step.
enum RunMode: Equatable, Sendable {
    /// Every layer runs forward and back each step (nothing frozen, or only C1 to S4).
    case whole
    /// Only the dense layers run each step, on features computed once per version of an example:
    /// C5's (F6 and Output learn) or F6's (only Output learns).
    case dense(fromC5: Bool)

    init(freeze: FrozenLayers) {
        switch freeze {
        case .c5: self = .dense(fromC5: true)
        case .f6: self = .dense(fromC5: false)
        case .none, .c1, .s2, .c3, .s4: self = .whole
        }
    }

    var isWhole: Bool { self == .whole }
}

/// One network to train.
struct RunJob: Sendable {
    enum Role: Equatable, Sendable {
        /// The network that is kept, taught from every example.
        case kept
        /// For the comparison: taught by transfer, or trained from scratch, on every fold but one.
        case transfer(fold: Int)
        case scratch(fold: Int)

        /// Seeds the order of the examples: the transfer and scratch runs of a fold see them in
        /// the same order.
        var stream: UInt64 {
            switch self {
            case .kept: 50
            case .transfer(let fold), .scratch(let fold): 51 + UInt64(fold)
            }
        }
    }

    let role: Role
    let start: LeNet5
    let mode: RunMode
    /// Parameters before this index (`ParameterLayout`) are frozen.
    let firstTrained: Int
    /// Indices into the examples.
    let examples: [Int]

    /// Its passes over its examples: the scratch runs may have their own.
    func epochs(_ options: TransferOptions) -> Int {
        if case .scratch = role { return options.scratchEpochs ?? options.epochs }
        return options.epochs
    }
}

/// Runs training jobs on `options.threads` threads, each job on one thread from start to end, so
/// that its result does not depend on which thread ran it or when.
struct RunContext: Sendable {
    let pool: ExamplePool
    let features: DenseFeatures?
    /// The source's F6 values of every version, for the class-means start; nil without it.
    let f6Values: DenseFeatures?
    /// The classes whose output units are new (the source has no class of their name).
    let fresh: [Bool]
    /// What the transfer runs' weight decay pulls toward, packed: nil for zero.
    var anchor: [Float]? = nil
    let options: TransferOptions
    let classes: Int
    let meter: ProgressMeter
    let cancellation: TransferCancellation?

    /// The trained networks in the order of `jobs`; nil for jobs a cancellation stopped.
    func run(_ jobs: [RunJob]) -> [LeNet5?] {
        let results = ModelSlots(count: jobs.count)
        let queue = JobQueue(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, jobs.count))) { _ in
            while let index = queue.next() { results[index] = train(jobs[index]) }
        }
        return results.values
    }

    func train(_ job: RunJob) -> LeNet5? {
        let learningRate: Float
        let decay: Float
        let epochs = job.epochs(options)
        var start = job.start
        var anchor: AlignedBuffer?
        if case .scratch = job.role {
            learningRate = options.scratchLearningRate
            decay = options.scratchWeightDecay
        } else {
            learningRate = options.learningRate
            decay = options.weightDecay
            if let f6Values { start = meansStart(job, f6Values) }
            anchor = self.anchor.map(AlignedBuffer.init)
        }
        let parameters = AlignedBuffer(PackedParameters(start).storage)
        var adam = Adam(count: ParameterLayout.count, learningRate: learningRate)
        let n = job.examples.count
        let batchSize = min(options.batchSize, n)
        let batches = (n + batchSize - 1) / batchSize
        let total = batches * epochs
        let dense = DenseStep(classes: classes)
        let whole = BatchGradient(
            threads: 1, instructionSet: options.instructionSet, classes: classes)
        let stage: TransferProgress.Stage = job.role == .kept ? .teaching : .comparing
        var step = 0
        for epoch in 0..<epochs {
            if cancellation?.isCancelled == true { return nil }
            var shuffler = SeededGenerator(
                seed: options.seed, stream: job.role.stream, item: UInt64(epoch))
            let order = job.examples.shuffled(using: &shuffler)
            let variant = epoch % pool.variants
            for batch in 0..<batches {
                let members = Array(order[batch * batchSize..<min(n, (batch + 1) * batchSize)])
                let gradient: UnsafeMutablePointer<Float>
                switch job.mode {
                case .whole:
                    whole.prepare(parameters: parameters.pointer)
                    _ = whole.run(parameters: parameters.pointer, count: members.count) {
                        [pool] i, input in
                        input.update(
                            from: pool.input(members[i], variant: variant), count: ExamplePool.size)
                        return pool.labels[members[i]]
                    }
                    gradient = whole.gradient
                case .dense(let fromC5):
                    guard let features else { preconditionFailure("dense runs need features") }
                    dense.run(
                        members.map {
                            (
                                features.features($0, variant: variant, variants: pool.variants),
                                pool.labels[$0]
                            )
                        }, parameters: parameters.pointer, fromC5: fromC5)
                    gradient = dense.gradient.pointer
                }
                adam.learningRate = Adam.cosine(
                    step: step, total: total, from: learningRate, to: options.finalLearningRate)
                adam.update(
                    parameters.pointer, gradient: gradient, from: job.firstTrained,
                    decay: decay, anchor: anchor.map { UnsafePointer($0.pointer) })
                step += 1
            }
            meter.add(n, stage)
        }
        return PackedParameters(storage: parameters.array, classes: classes).unpacked()
    }

    /// The job's starting network with the output unit of every new class set from the mean of
    /// the source's F6 values over the class's examples (every version): logits m . f - |m|^2 / 2,
    /// which rank the classes as the distance to their means does.
    func meansStart(_ job: RunJob, _ values: DenseFeatures) -> LeNet5 {
        let inputs = NetworkGeometry.f6.maps
        var sums = [Double](repeating: 0, count: classes * inputs)
        var counts = [Int](repeating: 0, count: classes)
        for example in job.examples {
            let label = pool.labels[example]
            for variant in 0..<pool.variants {
                let f = values.features(example, variant: variant, variants: pool.variants)
                for j in 0..<inputs { sums[label * inputs + j] += Double(f[j]) }
                counts[label] += 1
            }
        }
        var model = job.start
        for k in 0..<classes where fresh[k] && counts[k] > 0 {
            var norm: Float = 0
            for j in 0..<inputs {
                let mean = Float(sums[k * inputs + j] / Double(counts[k]))
                model.output.weight.scalars[k * inputs + j] = mean
                norm += mean * mean
            }
            model.output.bias.scalars[k] = -norm / 2
        }
        return model
    }
}

/// One batch's gradient of the dense layers on stored features (`Kernels.forwardDenseLayers`).
/// Portable vectors: the dense layers are a few percent of a whole pass, and this keeps every
/// instruction set's training on the same code.
final class DenseStep {
    let classes: Int
    let trace: ForwardTrace
    let scratch = AlignedBuffer(count: GradientScratchLayout.count)
    let transposed = AlignedBuffer(count: TransposedLayout.count)
    let gradient = AlignedBuffer(count: ParameterLayout.count)

    init(classes: Int) {
        self.classes = classes
        trace = ForwardTrace(classes: classes)
    }

    func run(
        _ samples: [(features: UnsafeMutablePointer<Float>, label: Int)],
        parameters: UnsafeMutablePointer<Float>, fromC5: Bool
    ) {
        PackedParameters.transposeOutput(parameters, classes: classes, into: transposed.pointer)
        gradient.zero()
        let buffer = trace.buffer
        let (offset, size) =
            fromC5
            ? (TraceLayout.c5, ParameterLayout.c5Stride)
            : (TraceLayout.f6, ParameterLayout.f6Stride)
        for (features, label) in samples {
            (buffer + offset).update(from: features, count: size)
            forwardDenseLayers(
                PortableUnit.self, parameters: parameters, trace: buffer, classes: classes,
                fromC5: fromC5)
            crossEntropyGradient(
                probabilities: buffer + TraceLayout.probabilities, label: label,
                batchSize: samples.count, classes: classes,
                into: scratch.pointer + GradientScratchLayout.output)
            backwardDenseLayers(
                PortableUnit.self, transposed: transposed.pointer, trace: buffer,
                scratch: scratch.pointer, gradient: gradient.pointer, classes: classes,
                fromC5: fromC5)
        }
    }
}
