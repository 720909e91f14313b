/// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian
/// header length N, N bytes of JSON naming each tensor's dtype, shape and byte range, then the data,
/// little-endian. This reader trusts nothing in the file: every length and offset is checked
/// before it is used.
public struct Safetensors: Sendable {
    public struct Entry: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        /// Byte range within the data that follows the header.
        public let range: Range<Int>
    }

    /// Free-form strings under `__metadata__`.
    public let metadata: [String: String]
    public let entries: [String: Entry]
    let data: [UInt8]

    /// The format's own limit on the header; beyond it a length is taken to be garbage.
    public static let maximumHeaderLength = 100_000_000

    static let elementSizes = [
        "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1,
        "BOOL": 1, "U16": 2, "U32": 4, "U64": 8,
    ]

    public init(bytes: [UInt8]) throws(SafetensorsError) {
        guard !bytes.isEmpty else { throw .init("the file is empty") }
        guard bytes.count >= 8 else {
            throw .init("the file is \(bytes.count) bytes, too short for the 8-byte header length")
        }
        var length: UInt64 = 0
        for i in (0..<8).reversed() { length = length << 8 | UInt64(bytes[i]) }
        guard length <= UInt64(Self.maximumHeaderLength) else {
            throw .init(
                "the header length \(length) is absurd (the format allows 100 MB): "
                    + "not a safetensors file?")
        }
        let headerEnd = 8 + Int(length)
        guard headerEnd <= bytes.count else {
            throw .init(
                "the header length \(length) runs past the end of the file (\(bytes.count) bytes): "
                    + "truncated?")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes[8..<headerEnd])
        } catch {
            throw .init("the header is not valid JSON (\(error))")
        }
        guard case .object(let header) = json else {
            throw .init("the header is not a JSON object")
        }
        data = Array(bytes[headerEnd...])
        var metadata = [String: String]()
        var entries = [String: Entry]()
        for (name, value) in header {
            if name == "__metadata__" {
                guard case .object(let pairs) = value else {
                    throw .init("__metadata__ is not an object of strings")
                }
                for (key, entry) in pairs {
                    guard case .string(let text) = entry else {
                        throw .init("__metadata__ entry \(key) is not a string")
                    }
                    metadata[key] = text
                }
                continue
            }
            entries[name] = try Self.entry(name, value, dataLength: data.count)
        }
        try Self.checkCoverage(entries, dataLength: data.count)
        self.metadata = metadata
        self.entries = entries
    }

    /// The reference loader's rule (safetensors `Metadata::validate`): taken in order of their
    /// offsets, the tensors follow one another without gap or overlap from the first byte of the
    /// data to the last. Overlapping tensors would let one file's bytes be two tensors at once,
    /// and bytes no tensor owns are a file that is not what it says.
    private static func checkCoverage(_ entries: [String: Entry], dataLength: Int)
        throws(SafetensorsError)
    {
        let ordered = entries.sorted {
            ($0.value.range.lowerBound, $0.value.range.upperBound, $0.key)
                < ($1.value.range.lowerBound, $1.value.range.upperBound, $1.key)
        }
        var end = 0
        var previous: (name: String, range: Range<Int>)?
        for (name, entry) in ordered {
            let range = entry.range
            if range.lowerBound < end, let previous {
                throw .init(
                    "tensor \(name): data offsets [\(range.lowerBound), \(range.upperBound)] overlap "
                        + "those of tensor \(previous.name) [\(previous.range.lowerBound), "
                        + "\(previous.range.upperBound)]")
            }
            if range.lowerBound > end {
                throw .init(
                    "tensor \(name): data offsets [\(range.lowerBound), \(range.upperBound)] leave "
                        + "bytes \(end)..<\(range.lowerBound) of the data to no tensor")
            }
            end = range.upperBound
            previous = (name, range)
        }
        guard end == dataLength else {
            throw .init(
                "the data holds \(dataLength - end) bytes after the last tensor (it should end at "
                    + "byte \(end)): not a safetensors file, or two run together?")
        }
    }

    private static func entry(_ name: String, _ value: JSONValue, dataLength: Int)
        throws(SafetensorsError) -> Entry
    {
        guard case .object(let fields) = value else {
            throw .init("tensor \(name): its description is not an object")
        }
        guard case .string(let dtype) = fields["dtype"] else {
            throw .init("tensor \(name): no dtype")
        }
        guard let size = elementSizes[dtype] else {
            throw .init("tensor \(name): unknown dtype \(dtype)")
        }
        guard case .array(let shapeValues) = fields["shape"],
            let shape = integers(shapeValues), shape.allSatisfy({ $0 >= 0 })
        else {
            throw .init("tensor \(name): shape is not a list of non-negative integers")
        }
        guard case .array(let offsetValues) = fields["data_offsets"],
            let offsets = integers(offsetValues), offsets.count == 2
        else {
            throw .init("tensor \(name): data_offsets is not a pair of integers")
        }
        let (begin, end) = (offsets[0], offsets[1])
        guard 0 <= begin, begin <= end, end <= dataLength else {
            throw .init(
                "tensor \(name): data offsets [\(begin), \(end)] lie outside the data "
                    + "(\(dataLength) bytes)")
        }
        var elements = 1
        for dimension in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= dataLength else {
                throw .init("tensor \(name): shape \(shape) is larger than the file")
            }
            elements = product
        }
        guard elements * size == end - begin else {
            throw .init(
                "tensor \(name): shape \(shape) of \(dtype) needs \(elements * size) bytes, "
                    + "data offsets give \(end - begin)")
        }
        return Entry(dtype: dtype, shape: shape, range: begin..<end)
    }

    /// The values as integers, or nil if one is not an integer.
    private static func integers(_ values: [JSONValue]) -> [Int]? {
        var result = [Int]()
        for value in values {
            guard let integer = value.integer else { return nil }
            result.append(integer)
        }
        return result
    }

    /// The F32 tensor `name`.
    public func floats(_ name: String) throws(SafetensorsError) -> Tensor {
        guard let entry = entries[name] else { throw .init("no tensor \(name)") }
        guard entry.dtype == "F32" else {
            throw .init("tensor \(name) is \(entry.dtype), expected F32")
        }
        let count = entry.range.count / 4
        var scalars = [Float](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            for i in 0..<count {
                let bits = raw.loadUnaligned(
                    fromByteOffset: entry.range.lowerBound + 4 * i, as: UInt32.self)
                scalars[i] = Float(bitPattern: UInt32(littleEndian: bits))
            }
        }
        return Tensor(shape: entry.shape, scalars: scalars)
    }

    /// The I64 tensor `name`, as plain integers.
    public func integers(_ name: String) throws(SafetensorsError) -> [Int] {
        guard let entry = entries[name] else { throw .init("no tensor \(name)") }
        guard entry.dtype == "I64" else {
            throw .init("tensor \(name) is \(entry.dtype), expected I64")
        }
        return data.withUnsafeBytes { raw in
            (0..<entry.range.count / 8).map { i in
                Int(
                    Int64(
                        littleEndian: raw.loadUnaligned(
                            fromByteOffset: entry.range.lowerBound + 8 * i, as: Int64.self)))
            }
        }
    }

    /// A file holding `tensors` as F32, in the given order, and `metadata`.
    public static func encode(tensors: [(name: String, tensor: Tensor)], metadata: [String: String])
        -> [UInt8]
    {
        var header = [String: JSONValue]()
        var offset = 0
        for (name, tensor) in tensors {
            let bytes = tensor.count * 4
            header[name] = .object([
                "dtype": .string("F32"),
                "shape": .array(tensor.shape.map { .number(String($0)) }),
                "data_offsets": .array([.number(String(offset)), .number(String(offset + bytes))]),
            ])
            offset += bytes
        }
        if !metadata.isEmpty {
            header["__metadata__"] = .object(metadata.mapValues { .string($0) })
        }
        var json = Array(JSONValue.object(header).serialized.utf8)
        // Pad with spaces to a multiple of 8, as the reference implementation does, so that the
        // data starts aligned.
        while json.count % 8 != 0 { json.append(0x20) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + json.count + offset)
        for i in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: UInt64(json.count) >> (8 * UInt64(i))))
        }
        bytes += json
        for (_, tensor) in tensors {
            for scalar in tensor.scalars {
                let bits = scalar.bitPattern.littleEndian
                for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt32(i)))) }
            }
        }
        return bytes
    }
}

/// What is wrong with a safetensors file; the caller adds the file's name.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable {
    public let fault: String
    init(_ fault: String) { self.fault = fault }
    public var description: String { fault }
}
