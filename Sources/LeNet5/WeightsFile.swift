import BundledWeights
import Kernels

/// LeNet-5 weights in a safetensors file: the tensors of `LeNet5.parameterShapes(classes:)` as
/// F32, with as many classes as `output.weight` has rows (2 to 20), and free-form metadata on how
/// they were made, which names the classes under `classes` (`ClassNames`).
public struct WeightsFile: Sendable {
    public var model: LeNet5
    /// One name per class, in output order. A file whose metadata names none has its classes
    /// called by their indices, "0" to "9" for the shipped network.
    public var classes: [String]
    /// Everything else the metadata records (the class names are `classes`).
    public var metadata: [String: String]

    public init(model: LeNet5, classes: [String]? = nil, metadata: [String: String] = [:]) {
        let names = classes ?? ClassNames.indices(model.classCount)
        precondition(names.count == model.classCount, "one name per class")
        self.model = model
        self.classes = names
        self.metadata = metadata.filter { $0.key != ClassNames.metadataKey }
    }

    /// Reads and checks a weights file. Every fault is reported with the file's path.
    public init(contentsOf path: String) throws(WeightsError) {
        try self.init(bytes: Self.contents(of: path), path: path)
    }

    /// The bytes of the file at `path`, unchecked (for a checksum of exactly what was loaded).
    public static func contents(of path: String) throws(WeightsError) -> [UInt8] {
        do {
            return try readFileContents(path)
        } catch {
            throw WeightsError(path: path, fault: error.reason)
        }
    }

    public init(bytes: [UInt8], path: String) throws(WeightsError) {
        let file: Safetensors
        do {
            file = try Safetensors(bytes: bytes)
        } catch {
            throw WeightsError(path: path, fault: error.fault)
        }
        let classCount = Self.classCount(file)
        var tensors = [String: Tensor]()
        for (name, shape) in LeNet5.parameterShapes(classes: classCount) {
            guard let entry = file.entries[name] else {
                throw WeightsError(path: path, fault: "missing tensor \(name)")
            }
            guard entry.dtype == "F32" else {
                throw WeightsError(
                    path: path, fault: "tensor \(name) is \(entry.dtype), expected F32")
            }
            if name == "output.weight", let fault = Self.classCountFault(entry.shape) {
                throw WeightsError(path: path, fault: fault)
            }
            guard entry.shape == shape else {
                throw WeightsError(
                    path: path,
                    fault: "tensor \(name) has shape \(entry.shape), expected \(shape)")
            }
            let tensor: Tensor
            do {
                tensor = try file.floats(name)
            } catch {
                throw WeightsError(path: path, fault: error.fault)
            }
            if let bad = tensor.scalars.firstIndex(where: { !$0.isFinite }) {
                let kind = tensor.scalars[bad].isNaN ? "NaN" : "infinity"
                throw WeightsError(
                    path: path, fault: "tensor \(name) holds \(kind) at index \(bad)")
            }
            tensors[name] = tensor
        }
        model = LeNet5(named: tensors)
        metadata = file.metadata.filter { $0.key != ClassNames.metadataKey }
        if let list = file.metadata[ClassNames.metadataKey] {
            do {
                classes = try ClassNames.decoded(list, count: classCount)
            } catch {
                throw WeightsError(path: path, fault: error.description)
            }
        } else {
            classes = ClassNames.indices(classCount)
        }
    }

    /// How many classes the file's network has: the rows of `output.weight`, when it has the
    /// shape of an output layer, else the shipped ten (and the tensors' check says what is wrong).
    static func classCount(_ file: Safetensors) -> Int {
        guard let shape = file.entries["output.weight"]?.shape, shape.count == 2,
            shape[1] == NetworkGeometry.f6.maps, NetworkGeometry.classLimits.contains(shape[0])
        else { return NetworkGeometry.digitClasses }
        return shape[0]
    }

    /// What is wrong with the shape of `output.weight`, in words about classes, when the shape is
    /// that of an output layer with too few or too many of them.
    static func classCountFault(_ shape: [Int]) -> String? {
        let limits = NetworkGeometry.classLimits
        guard shape.count == 2, shape[1] == NetworkGeometry.f6.maps, !limits.contains(shape[0])
        else { return nil }
        return "tensor output.weight has \(shape[0]) rows, one per class: a network has "
            + "\(limits.lowerBound) to \(limits.upperBound) classes"
    }

    /// The file's bytes: tensors in the order of `LeNet5.parameterShapes(classes:)`, the class
    /// names in the metadata.
    public var bytes: [UInt8] {
        var all = metadata
        all[ClassNames.metadataKey] = ClassNames.encoded(classes)
        return Safetensors.encode(tensors: model.namedParameters, metadata: all)
    }

    public func write(to path: String) throws(WeightsError) {
        do {
            try writeFileContents(bytes, to: path)
        } catch {
            throw WeightsError(path: path, fault: error.reason)
        }
    }
}

/// A weights file that cannot be used, and why.
public struct WeightsError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let fault: String
    public var description: String { "\(path): \(fault)" }
}

extension WeightsFile {
    /// The name under which the built-in weights are reported.
    public static let bundledName = "Assets/lenet5.safetensors (built in)"

    /// The bytes of Assets/lenet5.safetensors as they were when the binary was built.
    public static var bundledBytes: [UInt8] {
        var count = 0
        guard let start = lenet5_bundled_weights(&count) else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The weights that ship with lenet5.
    public static func bundled() throws(WeightsError) -> WeightsFile {
        try WeightsFile(bytes: bundledBytes, path: bundledName)
    }

    /// The weights at `path`, or the bundled ones for nil.
    public static func load(_ path: String?) throws(WeightsError) -> WeightsFile {
        guard let path else { return try bundled() }
        return try WeightsFile(contentsOf: path)
    }
}
