import Foundation
import Kernels
import ReferenceFixtures
import Testing

@testable import LeNet5

/// Networks with other numbers of classes than ten: the kernels against an independent Double
/// forward pass on every instruction set, the input gradient against its finite differences, the
/// packed layout both ways, and weights files that name their classes.
@Suite struct ClassCountTests {
    static let supported = InstructionSet.allCases.filter(\.isSupported)
    /// The smallest and largest, one vector of 16 lanes and the first count that needs two.
    static let counts = [2, 6, 16, 17, 20]

    /// A network of `classes` classes whose C1 to F6 are the reference's and whose output layer is
    /// drawn at random, larger than initialisation makes it, so that the classes' probabilities
    /// differ visibly.
    static func model(classes: Int, seed: UInt64 = 3) -> LeNet5 {
        var generator = SeededGenerator(seed: seed)
        var model = Reference.weights.model
        model.output = Dense(
            weight: Tensor(uniform: [classes, 84], bound: 0.6, using: &generator),
            bias: Tensor(uniform: [classes], bound: 0.5, using: &generator))
        return model
    }

    static var inputs: [[Float]] { (0..<4).map { Reference.sample("input", $0) } }

    @Test(arguments: counts)
    func logitsAndProbabilitiesAreTheDoublePasses(classes: Int) {
        let model = Self.model(classes: classes)
        let double = DoubleLeNet5(model)
        let trace = ForwardTrace()
        for set in Self.supported {
            let classifier = Classifier(model, instructionSet: set)
            for (sample, input) in Self.inputs.enumerated() {
                classifier.forward(input, into: trace)
                let x = input.map(Double.init)
                let logits = double.logits(x)
                let probabilities = double.probabilities(x)
                #expect(trace.classes == classes)
                #expect(trace.maps(.logits).values.count == classes)
                #expect(trace.probabilities.count == classes)
                let worstLogit =
                    zip(trace.maps(.logits).values, logits)
                    .map { abs(Double($0) - $1) }.max() ?? .infinity
                let worstProbability =
                    zip(trace.probabilities, probabilities)
                    .map { abs(Double($0) - $1) }.max() ?? .infinity
                #expect(worstLogit <= 1e-4, "\(set) sample \(sample): logits off by \(worstLogit)")
                #expect(
                    worstProbability <= 1e-5,
                    "\(set) sample \(sample): probabilities off by \(worstProbability)")
                let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }
                #expect(trace.prediction.classIndex == best)
            }
        }
    }

    /// The lanes after the last class hold no probability: the K used sum to one.
    @Test(arguments: counts)
    func theProbabilitiesOfTheClassesSumToOne(classes: Int) {
        let trace = ForwardTrace()
        Classifier(Self.model(classes: classes)).forward(Self.inputs[3], into: trace)
        let total = trace.probabilities.reduce(0, +)
        #expect(abs(total - 1) <= 1e-5, "\(total)")
    }

    /// A ten-class network gives the same numbers whatever ran in the trace before it.
    @Test func aTraceMovesBetweenNetworksOfDifferentWidths() {
        let trace = ForwardTrace()
        let digits = Classifier(Reference.weights.model)
        let wide = Classifier(Self.model(classes: 20))
        digits.forward(Self.inputs[2], into: trace)
        let before = trace.probabilities
        wide.forward(Self.inputs[2], into: trace)
        #expect(trace.probabilities.count == 20)
        digits.forward(Self.inputs[2], into: trace)
        #expect(trace.probabilities == before && trace.classes == 10)
    }

    @Test(arguments: [3, 17])
    func theInputGradientIsTheDerivative(classes: Int) {
        let model = Self.model(classes: classes)
        let double = DoubleLeNet5(model)
        let input = Self.inputs[3]
        var generator = SeededGenerator(seed: 9)
        for target in [0, classes - 1] {
            let gradients = Self.supported.map {
                Classifier(model, instructionSet: $0).inputGradient(of: target, at: input)
            }
            let scale = gradients[0].map(abs).max() ?? 0
            #expect(scale > 1e-6, "the gradient is not all zero")
            for _ in 0..<12 {
                let pixel = Int.random(in: 0..<1024, using: &generator)
                let h = 1e-4
                var x = input.map(Double.init)
                x[pixel] += h
                let up = double.probabilities(x)[target]
                x[pixel] -= 2 * h
                let down = double.probabilities(x)[target]
                let numeric = (up - down) / (2 * h)
                for (set, gradient) in zip(Self.supported, gradients) {
                    #expect(
                        abs(numeric - Double(gradient[pixel])) <= 1e-4 * Double(scale) + 1e-7,
                        "\(set), \(classes) classes, class \(target), pixel \(pixel)")
                }
            }
        }
    }

    @Test(arguments: counts)
    func packingAndUnpackingKeepEveryNumber(classes: Int) {
        let model = Self.model(classes: classes)
        let packed = PackedParameters(model)
        #expect(packed.classes == classes)
        #expect(packed.unpacked() == model)
        // The output block past the last class is zero padding.
        let lanes = ParameterLayout.outputStride
        for j in 0..<84 {
            for k in classes..<lanes {
                #expect(packed.storage[ParameterLayout.outputWeight + j * lanes + k] == 0)
            }
        }
    }

    @Test(arguments: counts)
    func weightsFilesKeepTheClassesAndTheirNames(classes: Int) throws {
        let names = (0..<classes).map { "class \($0 + 1)" }
        let file = WeightsFile(
            model: Self.model(classes: classes), classes: names, metadata: ["note": "taught"])
        let read = try WeightsFile(bytes: file.bytes, path: "k.safetensors")
        #expect(read.model == file.model)
        #expect(read.classes == names)
        #expect(read.metadata == ["note": "taught"])
        #expect(read.model.architecture.last?.shape == [classes])
        #expect(
            read.model.parameterCount == 61_706 - 850 + 85 * classes,
            "84 weights and a bias per class")
    }

    @Test func aFileWithoutNamesCallsItsClassesByIndex() throws {
        let read = try WeightsFile(bytes: Reference.weights.bytes, path: "r")
        #expect(read.classes == ClassNames.digits)
        let six = WeightsFile(model: Self.model(classes: 6))
        var bytes = six.bytes
        // The same file without the metadata's list.
        bytes = Safetensors.encode(tensors: six.model.namedParameters, metadata: [:])
        #expect(try WeightsFile(bytes: bytes, path: "s").classes == ["0", "1", "2", "3", "4", "5"])
    }

    func fault(_ model: LeNet5, names: String?) -> String? {
        let metadata = names.map { [ClassNames.metadataKey: $0] } ?? [:]
        do {
            _ = try WeightsFile(
                bytes: Safetensors.encode(tensors: model.namedParameters, metadata: metadata),
                path: "w.safetensors")
            return nil
        } catch {
            return error.fault
        }
    }

    @Test func classListsThatDoNotFitAreRefused() {
        let model = Self.model(classes: 3)
        #expect(fault(model, names: #"["a","b","c"]"#) == nil)
        #expect(
            fault(model, names: #"["a","b"]"#)
                == "the metadata names 2 classes, but output.weight has 3")
        #expect(fault(model, names: #"["a","b","a"]"#) == "the class name \"a\" appears twice")
        #expect(
            fault(model, names: "a, b, c")
                == "the metadata's classes are not a JSON list of strings")
        #expect(
            fault(model, names: #"["a","b",3]"#)
                == "the metadata's classes are not a JSON list of strings")
        #expect(fault(model, names: #"["a","b/c","d"]"#)?.contains("b/c") == true)
        #expect(fault(model, names: #"["a","","d"]"#)?.contains("is empty") == true)
    }

    /// One class, and 21: shapes of an output layer, but outside what a network may have.
    @Test func classCountsOutsideTwoToTwentyAreRefused() {
        var tensors = Self.model(classes: 2).namedParameters
        for rows in [1, 21, 32] {
            var generator = SeededGenerator(seed: 1)
            tensors[8] = (
                "output.weight", Tensor(uniform: [rows, 84], bound: 1, using: &generator)
            )
            tensors[9] = ("output.bias", Tensor(zeros: [rows]))
            do {
                _ = try WeightsFile(
                    bytes: Safetensors.encode(tensors: tensors, metadata: [:]), path: "w")
                Issue.record("\(rows) classes accepted")
            } catch {
                #expect(
                    error.fault
                        == "tensor output.weight has \(rows) rows, one per class: a network has 2 "
                        + "to 20 classes")
            }
        }
        // An output layer over the wrong number of inputs is a shape fault like any other.
        tensors[8] = ("output.weight", Tensor(zeros: [4, 80]))
        tensors[9] = ("output.bias", Tensor(zeros: [4]))
        #expect(throws: WeightsError.self) {
            try WeightsFile(bytes: Safetensors.encode(tensors: tensors, metadata: [:]), path: "w")
        }
    }

    @Test func classNamesThatCannotBeFoldersAreNamedWhy() {
        #expect(ClassNames.fault("plus") == nil)
        #expect(ClassNames.fault("question mark") == nil)
        #expect(ClassNames.fault("α") == nil)
        #expect(ClassNames.fault("") == .empty)
        #expect(ClassNames.fault(".") == .startsWithDot)
        #expect(ClassNames.fault("..") == .startsWithDot)
        #expect(ClassNames.fault(".hidden") == .startsWithDot)
        #expect(ClassNames.fault(" plus") == .surroundingSpace)
        #expect(ClassNames.fault("a\tb") == .controlCharacter)
        #expect(ClassNames.fault("caf\u{FFFD}") == .notText)
        #expect(ClassNames.fault("a/b") == .forbiddenCharacter("/"))
        #expect(ClassNames.fault("what?") == .forbiddenCharacter("?"))
        #expect(ClassNames.fault(String(repeating: "x", count: 25)) == .tooLong(25))
    }
}
