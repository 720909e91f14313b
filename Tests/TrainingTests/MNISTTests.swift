import CZlib
import Foundation
import LeNet5
import ReferenceFixtures
import Testing

@testable import Training

/// The IDX reader on files made here, and on the real MNIST when there is one (`TestMNIST`).
@Suite struct MNISTTests {
    static let directory = TestMNIST.directory ?? ""
    static let available = TestMNIST.isAvailable
    static let absence = Comment(rawValue: TestMNIST.absence)

    func temporaryDirectory() throws -> String {
        let path = Scratch.path("lenet5-mnist")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func idx(type: UInt8 = 8, dimensions: [Int], data: [UInt8]) -> Data {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for d in dimensions {
            bytes += [
                UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255),
            ]
        }
        return Data(bytes + data)
    }

    /// Writes a three-digit test set, plain.
    func writeSet(_ dir: String, images: Data, labels: Data) throws {
        try images.write(to: URL(fileURLWithPath: dir + "/t10k-images-idx3-ubyte"))
        try labels.write(to: URL(fileURLWithPath: dir + "/t10k-labels-idx1-ubyte"))
    }

    @Test func readsPlainFiles() throws {
        let dir = try temporaryDirectory()
        let pixels = (0..<(3 * 784)).map { UInt8($0 % 256) }
        try writeSet(
            dir, images: idx(dimensions: [3, 28, 28], data: pixels),
            labels: idx(dimensions: [3], data: [7, 0, 9]))
        let set = try MNIST.testSet(directory: dir)
        #expect(set.count == 3 && set.labels == [7, 0, 9] && set.pixels == pixels)
        let input = set.paddedInput(1)
        #expect(input[0] == 0 && input[2 * 32 + 2] == Float(pixels[784]) / 255)
    }

    @Test func badFilesNameTheFileAndTheFault() throws {
        let dir = try temporaryDirectory()
        let images = idx(dimensions: [2, 28, 28], data: [UInt8](repeating: 0, count: 2 * 784))
        let cases: [(Data, Data, String)] = [
            (
                idx(dimensions: [2, 28, 27], data: [UInt8](repeating: 0, count: 2 * 784 - 56)),
                idx(dimensions: [2], data: [1, 2]), "28x28"
            ),
            (images, idx(dimensions: [3], data: [1, 2, 3]), "3 labels for 2 images"),
            (images, idx(dimensions: [2], data: [1, 12]), "label 12 at index 1"),
            (images, idx(dimensions: [2], data: [1]), "holds 1"),
            (
                images.prefix(100), idx(dimensions: [2], data: [1, 2]),
                "is truncated: dimensions [2, 28, 28] declare 1568 bytes of data, it holds 84"
            ),
            (
                images + Data([1]), idx(dimensions: [2], data: [1, 2]),
                "holds more data than its dimensions [2, 28, 28] declare (1568 bytes)"
            ),
            (
                idx(dimensions: [0, 28, 28], data: []), idx(dimensions: [0], data: []),
                "holds no images"
            ),
            (Data(), idx(dimensions: [2], data: [1, 2]), "is 0 bytes, too short"),
            (
                Data([0, 0, 8, 3, 0, 0]), idx(dimensions: [2], data: [1, 2]), "truncated IDX header"
            ),
            (Data([1, 2, 3]), idx(dimensions: [2], data: [1, 2]), "too short"),
            (
                idx(
                    type: 0x0D, dimensions: [2, 28, 28],
                    data: [UInt8](repeating: 0, count: 2 * 784 * 4)),
                idx(dimensions: [2], data: [1, 2]), "unsigned bytes"
            ),
        ]
        for (imageData, labelData, expected) in cases {
            try writeSet(dir, images: imageData, labels: labelData)
            do {
                _ = try MNIST.testSet(directory: dir)
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.description.contains(expected), "\(error)")
                #expect(error.path.hasPrefix(dir))
            }
        }
        #expect(throws: MNISTError.self) { try MNIST.testSet(directory: dir + "/missing") }
    }

    /// A gzip stream cut short is reported as truncated (issue 11: it was reported as dimensions
    /// larger than the file), whether it stops in the data or in the check sum after it.
    @Test func aTruncatedGzipIsReportedAsTruncated() throws {
        let dir = try temporaryDirectory()
        let labels = idx(dimensions: [3], data: [7, 0, 9])
        let images = idx(dimensions: [3, 28, 28], data: (0..<(3 * 784)).map { UInt8($0 % 251) })
        let imagesPath = dir + "/t10k-images-idx3-ubyte.gz"
        try gzip(labels, to: dir + "/t10k-labels-idx1-ubyte.gz")
        try gzip(images, to: imagesPath)
        #expect(try MNIST.testSet(directory: dir).count == 3)
        let whole = try Data(contentsOf: URL(fileURLWithPath: imagesPath))
        // Cut in the deflate stream, then in the 8-byte trailer (CRC-32 and length).
        for (cut, expected) in [
            (whole.count / 2, "is truncated (its gzip stream ends early): dimensions [3, 28, 28]"),
            (whole.count - 3, "is truncated (its gzip stream ends early)"),
        ] {
            try whole.prefix(cut).write(to: URL(fileURLWithPath: imagesPath))
            let error = #expect(throws: MNISTError.self) { try MNIST.testSet(directory: dir) }
            #expect(error?.path == imagesPath)
            #expect(error?.fault.hasPrefix(expected) == true, "\(String(describing: error))")
            #expect(error?.fault.contains("larger than the file") == false)
        }
    }

    /// Sizes come from the headers, and a set too large is refused before its body is read: a
    /// header claiming ten million images in a file of a few bytes fails at once.
    @Test func sizesAreCheckedFromTheHeadersFirst() throws {
        let dir = try temporaryDirectory()
        try writeSet(
            dir, images: idx(dimensions: [10_000_000, 28, 28], data: [1, 2, 3]),
            labels: idx(dimensions: [10_000_000], data: [1]))
        let error = #expect(throws: MNISTError.self) { try MNIST.testSet(directory: dir) }
        #expect(error?.fault == "declares 10000000 images; at most 1000000 are read")
        try writeSet(
            dir, images: idx(dimensions: [2, 28, 28], data: []),
            labels: idx(dimensions: [3], data: [1, 2, 3]))
        let mismatch = #expect(throws: MNISTError.self) { try MNIST.testSet(directory: dir) }
        #expect(mismatch?.fault.hasPrefix("3 labels for 2 images") == true)
    }

    /// A gzip file written with zlib's own writer.
    func gzip(_ data: Data, to path: String) throws {
        let file = try #require(gzopen(path, "wb"))
        let written = data.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        #expect(gzclose(file) == Z_OK && written == Int32(data.count))
    }

    @Test(.enabled(if: available, absence))
    func aTruncatedGzipIsAnError() throws {
        let dir = try temporaryDirectory()
        let whole = try Data(
            contentsOf: URL(fileURLWithPath: Self.directory + "/t10k-labels-idx1-ubyte.gz"))
        try whole.prefix(whole.count / 2).write(
            to: URL(fileURLWithPath: dir + "/t10k-labels-idx1-ubyte.gz"))
        try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/t10k-images-idx3-ubyte.gz"))
            .write(to: URL(fileURLWithPath: dir + "/t10k-images-idx3-ubyte.gz"))
        #expect(throws: MNISTError.self) { try MNIST.testSet(directory: dir) }
    }

    @Test(.enabled(if: available, absence))
    func readsTheRealMNIST() throws {
        let mnist = try MNIST(directory: Self.directory)
        #expect(mnist.training.count == 60_000 && mnist.test.count == 10_000)
        // The label counts of the test set, as published.
        var counts = [Int](repeating: 0, count: 10)
        for label in mnist.test.labels { counts[Int(label)] += 1 }
        #expect(counts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }
}

@Suite struct AugmentationTests {
    static let digits: MNISTDataset = {
        // Ten synthetic digits are enough to check properties; real ones when available.
        if MNISTTests.available, let set = try? MNIST.testSet(directory: MNISTTests.directory) {
            return set.prefix(200)
        }
        var pixels = [UInt8](repeating: 0, count: 10 * 784)
        for d in 0..<10 {
            for y in 5..<23 { for x in (8 + d)..<(12 + d) { pixels[d * 784 + y * 28 + x] = 255 } }
        }
        return MNISTDataset(pixels: pixels, labels: (0..<10).map { UInt8($0) })
    }()

    func sample(_ index: Int, seed: UInt64, _ augmentation: Augmentation = Augmentation())
        -> [Float]
    {
        var generator = SeededGenerator(seed: seed, stream: 2, item: UInt64(index))
        var input = [Float](repeating: -1, count: 1024)
        input.withUnsafeMutableBufferPointer {
            augmentation.input(Self.digits, index, using: &generator, into: $0.baseAddress!)
        }
        return input
    }

    @Test func sameSeedSameSampleOtherSeedOtherSample() {
        for index in 0..<20 {
            #expect(
                sample(index % Self.digits.count, seed: 5)
                    == sample(index % Self.digits.count, seed: 5))
        }
        let differing = (0..<20).filter {
            sample($0 % Self.digits.count, seed: 5) != sample($0 % Self.digits.count, seed: 6)
        }
        #expect(differing.count >= 18)
    }

    @Test func everySampleIsAValidNonBlankInput() {
        for index in 0..<Self.digits.count {
            for seed in 0..<3 {
                let input = sample(index, seed: UInt64(seed))
                #expect(input.allSatisfy { (0...1).contains($0) })
                #expect(input.reduce(0, +) > 3)
            }
        }
    }

    @Test func sketchesAreHardInkPreprocessed() throws {
        var augmentation = Augmentation()
        augmentation.mnistShare = 0
        augmentation.continentalShare = 0
        // Every digit of the set, up to 20 (the stand-in for MNIST has ten).
        for index in 0..<min(20, Self.digits.count) {
            let input = sample(index, seed: 9, augmentation)
            // Preprocessed: the centre of mass in the middle, to within the box filter's rounding.
            var mass: Float = 0, sx: Float = 0, sy: Float = 0
            for y in 0..<32 {
                for x in 0..<32 {
                    let v = input[y * 32 + x]; mass += v; sx += v * (Float(x) + 0.5);
                    sy += v * (Float(y) + 0.5)
                }
            }
            #expect(
                abs(sx / mass - 16) < 0.05 && abs(sy / mass - 16) < 0.05,
                "centre \(sx / mass), \(sy / mass)")
        }
    }

    @Test func thinningLeavesOnePixelStrokes() {
        var bar = Bitmap(width: 32, height: 32)
        for y in 4..<28 { for x in 10..<16 { bar[x, y] = 1 } }
        let thin = Raster.thin(bar)
        // One pixel wide everywhere, and still connected from top to bottom.
        for y in 0..<32 { #expect((0..<32).filter { thin[$0, y] > 0 }.count <= 1) }
        #expect((0..<32).filter { y in (0..<32).contains { thin[$0, y] > 0 } }.count >= 18)
    }

    @Test func continentalStrokesAddInk() {
        var generator = SeededGenerator(seed: 1)
        var one = Bitmap(width: 28, height: 28)
        for y in 4..<24 { one[14, y] = 1; one[15, y] = 1 }
        let before = one.pixels.reduce(0, +)
        Augmentation.addContinentalStrokes(to: &one, label: 1, using: &generator)
        #expect(one.pixels.reduce(0, +) > before + 5)
        // The flag goes down to the left of the stem's top.
        #expect((4..<14).contains { y in (0..<13).contains { one[$0, y] > 0.5 } })
    }
}

@Suite struct TrainerTests {
    static let small: MNISTDataset = AugmentationTests.digits

    func train(seed: UInt64, threads: Int, epochs: Int = 2) throws -> LeNet5 {
        var options = TrainingOptions()
        options.seed = seed
        options.threads = threads
        options.epochs = epochs
        options.batchSize = 16
        var generator = SeededGenerator(seed: seed)
        let trainer = Trainer(model: LeNet5(using: &generator), options: options)
        for epoch in 1...epochs { _ = try trainer.trainEpoch(epoch, on: Self.small) }
        return trainer.model
    }

    @Test func trainingIsDeterministicForASeedAndAThreadCount() throws {
        #expect(try train(seed: 4, threads: 2) == train(seed: 4, threads: 2))
        #expect(try train(seed: 4, threads: 1) == train(seed: 4, threads: 1))
        #expect(try train(seed: 4, threads: 2) != train(seed: 5, threads: 2))
    }

    @Test func theLossFallsOnDigitsItTrainsOn() throws {
        var options = TrainingOptions()
        options.augmentation = nil
        options.batchSize = 10
        options.epochs = 30
        var generator = SeededGenerator(seed: 2)
        let trainer = Trainer(model: LeNet5(using: &generator), options: options)
        let data = Self.small.prefix(50)
        let first = try trainer.trainEpoch(1, on: data)
        var last = first
        for epoch in 2...30 { last = try trainer.trainEpoch(epoch, on: data) }
        #expect(last.loss < first.loss / 5)
        #expect(last.trainingAccuracy > 0.95)
    }

    /// A learning rate far too large makes the weights overflow within a few steps (issue 11:
    /// `--learning-rate 1e12` once wrote weights full of NaN). Training must stop at that batch,
    /// and say so, rather than carry on with weights that are not numbers. 3e38 overflows on
    /// every instruction set in the first step.
    @Test func aDivergingRunStopsWithAnError() {
        let trainer = Self.trainer(learningRate: 3e38)
        let error = #expect(throws: TrainingError.self) {
            for epoch in 1...3 { _ = try trainer.trainEpoch(epoch, on: Self.small) }
        }
        switch error {
        case .lossNotFinite(let epoch, let batch)?, .weightsNotFinite(let epoch, let batch)?:
            #expect(epoch == 1 && batch >= 1)
        case .testOutputNotFinite?:
            Issue.record("the trainer does not evaluate: \(String(describing: error))")
        case nil: break
        }
        #expect(error?.description.contains("training diverged: at epoch 1, batch ") == true)
    }

    /// Whether 1e12 or 1e30 overflows depends on how each instruction set rounds (the AVX kernels
    /// overflow in the first epochs, the portable ones may not): either way a run ends with
    /// finite weights or stops with the error, never with weights that are not numbers.
    @Test(arguments: [Float(1e12), 1e30])
    func aHugeRateNeverLeavesWeightsThatAreNotNumbers(learningRate: Float) {
        let trainer = Self.trainer(learningRate: learningRate)
        do {
            for epoch in 1...3 { _ = try trainer.trainEpoch(epoch, on: Self.small) }
            #expect(
                trainer.model.namedParameters.allSatisfy {
                    $0.tensor.scalars.allSatisfy(\.isFinite)
                })
        } catch {
            #expect(error.description.contains("training diverged: at epoch "))
        }
    }

    static func trainer(learningRate: Float) -> Trainer {
        var options = TrainingOptions()
        options.augmentation = nil
        options.batchSize = 5
        options.epochs = 3
        options.learningRate = learningRate
        var generator = SeededGenerator(seed: 3)
        return Trainer(model: LeNet5(using: &generator), options: options)
    }

    /// The check that stops a diverging run sees every kind of value that is not a number.
    @Test func allFiniteFindsNaNAndBothInfinities() {
        var values = [Float](repeating: 3e38, count: 100)
        #expect(values.withUnsafeBufferPointer { Trainer.allFinite($0.baseAddress!, count: 100) })
        for bad in [Float.nan, .infinity, -.infinity] {
            values[57] = bad
            #expect(
                !values.withUnsafeBufferPointer { Trainer.allFinite($0.baseAddress!, count: 100) })
        }
    }

    @Test func adamTakesTheFirstStepOfItsDefinition() {
        // With one step, m/(1-b1) = g and sqrt(v/(1-b2)) = |g|: every parameter moves by lr * sign(g).
        var adam = Adam(count: 4, learningRate: 0.01)
        var parameters: [Float] = [1, 2, 3, 4]
        let gradient: [Float] = [0.5, -2, 1e-3, 0]
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer {
                adam.update(p.baseAddress!, gradient: $0.baseAddress!)
            }
        }
        #expect(abs(parameters[0] - 0.99) < 1e-6 && abs(parameters[1] - 2.01) < 1e-6)
        #expect(abs(parameters[2] - 2.99) < 1e-4 && parameters[3] == 4)
    }
}
