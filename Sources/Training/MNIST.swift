import CZlib
import LeNet5
import Platform

/// A set of MNIST digits as the IDX files hold them: 28x28 bytes each, ink 255, and a label each.
public struct MNISTDataset: Sendable {
    public static let side = 28
    /// All images, one after another, row by row.
    public let pixels: [UInt8]
    public let labels: [UInt8]

    public var count: Int { labels.count }

    public init(pixels: [UInt8], labels: [UInt8]) {
        precondition(pixels.count == labels.count * 784)
        self.pixels = pixels
        self.labels = labels
    }

    /// Image `index` as the network's 32x32 input: the 28x28 digit padded by 2 on every side, as
    /// LeCun did, ink 1.
    public func paddedInput(_ index: Int, into input: UnsafeMutablePointer<Float>) {
        input.update(repeating: 0, count: 1024)
        let base = index * 784
        pixels.withUnsafeBufferPointer { p in
            for y in 0..<28 {
                for x in 0..<28 { input[(y + 2) * 32 + x + 2] = Float(p[base + y * 28 + x]) / 255 }
            }
        }
    }

    public func paddedInput(_ index: Int) -> [Float] {
        var input = [Float](repeating: 0, count: 1024)
        input.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { paddedInput(index, into: base) }
        }
        return input
    }

    /// Image `index` as a 28x28 bitmap.
    public func bitmap(_ index: Int) -> Bitmap {
        Bitmap(
            width: 28, height: 28,
            pixels: pixels[index * 784..<(index + 1) * 784].map { Float($0) / 255 })
    }

    /// The first `count` digits.
    public func prefix(_ count: Int) -> MNISTDataset {
        let n = min(count, self.count)
        return MNISTDataset(pixels: Array(pixels[0..<n * 784]), labels: Array(labels[0..<n]))
    }
}

/// The training and test sets of a directory holding the four standard IDX files, each gzipped or
/// not (`train-images-idx3-ubyte.gz` or `train-images-idx3-ubyte`, and so on).
public struct MNIST: Sendable {
    public let training: MNISTDataset
    public let test: MNISTDataset

    public init(directory: String) throws(MNISTError) {
        training = try Self.load(directory, "train")
        test = try Self.load(directory, "t10k")
    }

    /// Only the test set, for evaluation.
    public static func testSet(directory: String) throws(MNISTError) -> MNISTDataset {
        try load(directory, "t10k")
    }

    static func load(_ directory: String, _ prefix: String) throws(MNISTError) -> MNISTDataset {
        let imagesPath = try locate(directory, "\(prefix)-images-idx3-ubyte")
        let labelsPath = try locate(directory, "\(prefix)-labels-idx1-ubyte")
        let images = try IDXFile(path: imagesPath, bytes: decompress(imagesPath))
        let labels = try IDXFile(path: labelsPath, bytes: decompress(labelsPath))
        guard images.dimensions.count == 3, images.dimensions[1] == 28, images.dimensions[2] == 28
        else {
            throw MNISTError(
                path: imagesPath,
                fault: "expected images of 28x28, found dimensions \(images.dimensions)")
        }
        guard labels.dimensions.count == 1 else {
            throw MNISTError(
                path: labelsPath,
                fault: "expected a list of labels, found dimensions \(labels.dimensions)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw MNISTError(
                path: labelsPath,
                fault:
                    "\(labels.dimensions[0]) labels for \(images.dimensions[0]) images in \(imagesPath)"
            )
        }
        if let bad = labels.data.firstIndex(where: { $0 > 9 }) {
            throw MNISTError(
                path: labelsPath, fault: "label \(labels.data[bad]) at index \(bad) is not a digit")
        }
        return MNISTDataset(pixels: images.data, labels: labels.data)
    }

    static func locate(_ directory: String, _ name: String) throws(MNISTError) -> String {
        for candidate in ["\(directory)/\(name).gz", "\(directory)/\(name)"]
        where access(candidate, R_OK) == 0 {
            return candidate
        }
        throw MNISTError(path: "\(directory)/\(name).gz", fault: "not found (nor without .gz)")
    }

    /// The file's bytes, inflated if it is gzipped (zlib reads plain files unchanged).
    static func decompress(_ path: String) throws(MNISTError) -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw MNISTError(path: path, fault: "cannot be opened")
        }
        defer { gzclose(file) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                gzread(file, $0.baseAddress, UInt32($0.count))
            }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                throw MNISTError(path: path, fault: "cannot be decompressed: \(message)")
            }
            if count == 0 { break }
            bytes += chunk[0..<Int(count)]
            guard bytes.count <= 1 << 30 else {
                throw MNISTError(path: path, fault: "is larger than 1 GB uncompressed")
            }
        }
        return bytes
    }
}

/// An IDX file: a big-endian magic number whose third byte is the element type (8 = unsigned
/// byte) and fourth the number of dimensions, the dimensions as big-endian 32-bit sizes, the data.
struct IDXFile {
    let dimensions: [Int]
    let data: [UInt8]

    init(path: String, bytes: [UInt8]) throws(MNISTError) {
        guard bytes.count >= 4 else {
            throw MNISTError(
                path: path, fault: "is \(bytes.count) bytes, too short for an IDX header")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw MNISTError(path: path, fault: "is not an IDX file (bad magic number)")
        }
        guard bytes[2] == 0x08 else {
            throw MNISTError(
                path: path,
                fault:
                    "holds IDX type 0x\(String(bytes[2], radix: 16)), expected unsigned bytes (0x08)"
            )
        }
        let rank = Int(bytes[3])
        guard rank >= 1, bytes.count >= 4 + 4 * rank else {
            throw MNISTError(path: path, fault: "has a truncated IDX header")
        }
        var dimensions = [Int]()
        var total = 1
        for d in 0..<rank {
            let at = 4 + 4 * d
            let size =
                Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8
                | Int(bytes[at + 3])
            dimensions.append(size)
            total *= size
            guard total <= bytes.count else {
                throw MNISTError(
                    path: path, fault: "declares dimensions \(dimensions) larger than the file")
            }
        }
        let start = 4 + 4 * rank
        guard bytes.count - start == total else {
            throw MNISTError(
                path: path,
                fault:
                    "declares \(total) bytes of data for dimensions \(dimensions), holds \(bytes.count - start)"
            )
        }
        self.dimensions = dimensions
        data = Array(bytes[start...])
    }
}

public struct MNISTError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let fault: String
    public var description: String { "\(path): \(fault)" }
}
