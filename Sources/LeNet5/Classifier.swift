import Kernels

/// A trained model made ready to run: its parameters packed once for the kernels of the chosen
/// instruction set, and the names of its classes. Immutable, so one classifier serves any number of
/// threads, each with its own `ForwardTrace`.
public final class Classifier: @unchecked Sendable {
    public let model: LeNet5
    /// One name per output unit, in output order: "0" to "9" for the shipped network.
    public let classes: [String]
    public let instructionSet: InstructionSet
    /// How many classes: the output layer's units (kept, not recomputed on every pass).
    public let classCount: Int
    // Written once in init, only read afterwards: what makes the unchecked Sendable true.
    let parameters: AlignedBuffer

    /// `classes` names the outputs; without names they are called by their indices ("0" to "9"
    /// for ten classes).
    public init(
        _ model: LeNet5, classes: [String]? = nil, instructionSet: InstructionSet = .selected
    ) {
        precondition(instructionSet.isSupported, "\(instructionSet) is not supported here")
        let names = classes ?? ClassNames.indices(model.classCount)
        precondition(names.count == model.classCount, "one name per class")
        self.model = model
        self.classes = names
        self.instructionSet = instructionSet
        classCount = model.classCount
        parameters = AlignedBuffer(PackedParameters(model).storage)
    }

    /// The network of a weights file, with its class names.
    public convenience init(_ file: WeightsFile, instructionSet: InstructionSet = .selected) {
        self.init(file.model, classes: file.classes, instructionSet: instructionSet)
    }

    /// Runs the network on a 32x32 input (row by row, ink 1, background 0), keeping every layer in
    /// `trace`. Allocates nothing.
    public func forward(_ input: UnsafeBufferPointer<Float>, into trace: ForwardTrace) {
        let size = NetworkGeometry.input.count
        guard let source = input.baseAddress, input.count == size else {
            preconditionFailure("the input is 32x32, not \(input.count) values")
        }
        (trace.buffer + TraceLayout.input).update(from: source, count: size)
        run(trace)
    }

    public func forward(_ input: [Float], into trace: ForwardTrace) {
        input.withUnsafeBufferPointer { forward($0, into: trace) }
    }

    /// Runs the network on the input already in `trace.maps(.input)`.
    func run(_ trace: ForwardTrace) {
        trace.classes = classCount
        KernelDispatch.forward(
            instructionSet, parameters: parameters.pointer, trace: trace.buffer,
            classes: classCount)
    }
}
