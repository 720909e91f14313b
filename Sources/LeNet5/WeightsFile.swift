import BundledWeights
import Kernels

/// LeNet-5 weights in a safetensors file: the tensors of `LeNet5.parameterShapes(classes:)` as
/// F32, with as many classes as `output.weight` has rows (2 to 20), and free-form metadata on how
/// they were made, which names the classes under `classes` (`ClassNames`); optionally the
/// statistics behind "not a digit?" (`UnsureStatistics.tensorNames`), which a loader that knows
/// nothing of them can ignore.
public struct WeightsFile: Sendable {
    public var model: LeNet5
    /// One name per class, in output order. A file whose metadata names none has its classes
    /// called by their indices, "0" to "9" for the shipped network.
    public var classes: [String]
    /// Everything else the metadata records (the class names are `classes`).
    public var metadata: [String: String]
    /// Nil for weights without them: "not sure" is then unavailable.
    public var unsure: UnsureStatistics?

    public init(
        model: LeNet5, classes: [String]? = nil, metadata: [String: String] = [:],
        unsure: UnsureStatistics? = nil
    ) {
        let names = classes ?? ClassNames.indices(model.classCount)
        precondition(names.count == model.classCount, "one name per class")
        self.model = model
        self.classes = names
        self.metadata = metadata.filter { $0.key != ClassNames.metadataKey }
        self.unsure = unsure
    }

    /// The most classes an output layer may have (`NetworkGeometry.classLimits`).
    public static let maximumClassCount = NetworkGeometry.classLimits.upperBound

    /// The largest header a weights file may have: the tensors' descriptions take about a
    /// kilobyte, and metadata (how the weights were made) a few more. Far more is not a weights
    /// file, and is refused before it is read.
    public static let maximumHeaderLength = 1 << 20

    /// The largest data a weights file may have: LeNet-5's parameters as F32, with an output
    /// layer of `maximumClassCount` classes, and the statistics behind "not a digit?" for them.
    public static let maximumDataLength =
        4
        * ((6 * (1 * 5 * 5) + 6) + (16 * (6 * 5 * 5) + 16) + (120 * (16 * 5 * 5) + 120)
            + (84 * 120 + 84) + (maximumClassCount * 84 + maximumClassCount)
            + UnsureStatistics.scalarCount(classes: maximumClassCount))

    /// The largest file that can be a weights file: the 8-byte header length, the header, the data.
    public static let maximumFileLength = 8 + maximumHeaderLength + maximumDataLength

    /// Reads and checks a weights file. Every fault is reported with the file's path.
    /// The header length is read first, and no more is read than a weights file with that header
    /// could hold: a wrong path to a huge file, or to /dev/zero, is refused at once.
    public init(contentsOf path: String) throws(WeightsError) {
        try self.init(bytes: Self.contents(of: path), path: path)
    }

    /// The bytes of the weights file at `path`, unchecked but for its size (for a checksum of
    /// exactly what is loaded). The header length is read first, and no more is read than a
    /// weights file with that header could hold.
    public static func contents(of path: String) throws(WeightsError) -> [UInt8] {
        func reading<T>(_ body: () throws(FileReadError) -> T) throws(WeightsError) -> T {
            do { return try body() } catch { throw WeightsError(path: path, fault: error.reason) }
        }
        let reader = try reading { () throws(FileReadError) in try FileReader(path) }
        if let size = reader.regularFileSize, size > Self.maximumFileLength {
            throw WeightsError(path: path, fault: Self.tooLarge("is \(size) bytes"))
        }
        var bytes = try reading { () throws(FileReadError) in try reader.read(upTo: 8) }
        if bytes.count == 8 {
            var length = 0
            for i in (0..<8).reversed() { length = length << 8 | Int(bytes[i]) }
            guard (0...Self.maximumHeaderLength).contains(length) else {
                throw WeightsError(
                    path: path,
                    fault: "the header length \(UInt64(bitPattern: Int64(length))) is larger than "
                        + "a weights file's header can be (\(Self.maximumHeaderLength) bytes): "
                        + "not a weights file?")
            }
            let most = length + Self.maximumDataLength
            bytes += try reading { () throws(FileReadError) in try reader.read(upTo: most + 1) }
            guard bytes.count <= 8 + most else {
                throw WeightsError(
                    path: path, fault: Self.tooLarge("holds more than \(8 + most) bytes"))
            }
        }
        return bytes
    }

    /// "tensor c1.weight holds NaN at index 3", for the first value that is not finite.
    static func nonFiniteFault(_ name: String, _ tensor: Tensor) -> String? {
        guard let bad = tensor.scalars.firstIndex(where: { !$0.isFinite }) else { return nil }
        return
            "tensor \(name) holds \(tensor.scalars[bad].isNaN ? "NaN" : "infinity") at index \(bad)"
    }

    private static func tooLarge(_ size: String) -> String {
        "\(size); a LeNet-5 weights file is at most \(maximumFileLength) bytes "
            + "(\(maximumDataLength) of data): not a weights file?"
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
            if let fault = Self.nonFiniteFault(name, tensor) {
                throw WeightsError(path: path, fault: fault)
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
        do {
            unsure = try UnsureStatistics(from: file, classes: model.output.bias.count)
        } catch {
            throw WeightsError(path: path, fault: error.description)
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

    /// The file's bytes: tensors in the order of `LeNet5.parameterShapes(classes:)`, then the
    /// statistics; the class names in the metadata.
    public var bytes: [UInt8] {
        var all = metadata
        all[ClassNames.metadataKey] = ClassNames.encoded(classes)
        return Safetensors.encode(
            tensors: model.namedParameters + (unsure?.namedTensors ?? []), metadata: all)
    }

    /// Writes the file, unless a tensor holds NaN or infinity: such a file could not be read back
    /// (the loader refuses it), and writing it could replace good weights with useless ones.
    public func write(to path: String) throws(WeightsError) {
        for (name, tensor) in model.namedParameters {
            if let fault = Self.nonFiniteFault(name, tensor) {
                throw WeightsError(path: path, fault: fault + "; not written")
            }
        }
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
