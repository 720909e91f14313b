import BundledWeights

/// LeNet-5 weights in a safetensors file: the tensors of `LeNet5.parameterShapes` as F32, and
/// free-form metadata on how they were made; optionally the statistics behind "not a digit?"
/// (`UnsureStatistics.tensorNames`), which a loader that knows nothing of them can ignore.
public struct WeightsFile: Sendable {
    public var model: LeNet5
    public var metadata: [String: String]
    /// Nil for weights without them: "not sure" is then unavailable.
    public var unsure: UnsureStatistics?

    public init(model: LeNet5, metadata: [String: String] = [:], unsure: UnsureStatistics? = nil) {
        self.model = model
        self.metadata = metadata
        self.unsure = unsure
    }

    /// Reads and checks a weights file. Every fault is reported with the file's path.
    public init(contentsOf path: String) throws(WeightsError) {
        let bytes: [UInt8]
        do {
            bytes = try readFileContents(path)
        } catch {
            throw WeightsError(path: path, fault: error.reason)
        }
        try self.init(bytes: bytes, path: path)
    }

    public init(bytes: [UInt8], path: String) throws(WeightsError) {
        let file: Safetensors
        do {
            file = try Safetensors(bytes: bytes)
        } catch {
            throw WeightsError(path: path, fault: error.fault)
        }
        var tensors = [String: Tensor]()
        for (name, shape) in LeNet5.parameterShapes {
            guard let entry = file.entries[name] else {
                throw WeightsError(path: path, fault: "missing tensor \(name)")
            }
            guard entry.dtype == "F32" else {
                throw WeightsError(
                    path: path, fault: "tensor \(name) is \(entry.dtype), expected F32")
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
        metadata = file.metadata
        do {
            unsure = try UnsureStatistics(from: file, classes: model.output.bias.count)
        } catch {
            throw WeightsError(path: path, fault: error.description)
        }
    }

    /// The file's bytes: tensors in the order of `LeNet5.parameterShapes`, then the statistics.
    public var bytes: [UInt8] {
        Safetensors.encode(
            tensors: model.namedParameters + (unsure?.namedTensors ?? []), metadata: metadata)
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
