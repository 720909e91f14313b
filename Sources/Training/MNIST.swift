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

    /// The most digits a set may hold: MNIST has 70,000 and EMNIST's digits 280,000; a million
    /// leaves room and keeps a corrupt header from asking for more than 784 MB.
    public static let maximumDigits = 1_000_000

    /// Reads both files' headers first, so that a set whose sizes do not fit together, or are too
    /// large, is refused before any image is read.
    static func load(_ directory: String, _ prefix: String) throws(MNISTError) -> MNISTDataset {
        let imagesPath = try locate(directory, "\(prefix)-images-idx3-ubyte")
        let labelsPath = try locate(directory, "\(prefix)-labels-idx1-ubyte")
        let images = try IDXReader(path: imagesPath)
        let labels = try IDXReader(path: labelsPath)
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
        let count = images.dimensions[0]
        guard count == labels.dimensions[0] else {
            throw MNISTError(
                path: labelsPath,
                fault: "\(labels.dimensions[0]) labels for \(count) images in \(imagesPath)")
        }
        guard count > 0 else { throw MNISTError(path: imagesPath, fault: "holds no images") }
        guard count <= maximumDigits else {
            throw MNISTError(
                path: imagesPath,
                fault: "declares \(count) images; at most \(maximumDigits) are read")
        }
        let labelData = try labels.data()
        if let bad = labelData.firstIndex(where: { $0 > 9 }) {
            throw MNISTError(
                path: labelsPath, fault: "label \(labelData[bad]) at index \(bad) is not a digit")
        }
        return MNISTDataset(pixels: try images.data(), labels: labelData)
    }

    static func locate(_ directory: String, _ name: String) throws(MNISTError) -> String {
        for candidate in ["\(directory)/\(name).gz", "\(directory)/\(name)"]
        where access(candidate, R_OK) == 0 {
            return candidate
        }
        throw MNISTError(path: "\(directory)/\(name).gz", fault: "not found (nor without .gz)")
    }
}

/// A file read through zlib, which inflates a gzipped file and reads any other file unchanged.
final class GzipReader {
    let path: String
    private let file: gzFile

    init(path: String) throws(MNISTError) {
        self.path = path
        guard let file = gzopen(path, "rb") else {
            throw MNISTError(path: path, fault: "cannot be opened")
        }
        self.file = file
    }

    deinit { gzclose(file) }

    /// The next `count` bytes, or fewer at the end. zlib returns what it could inflate of a gzip
    /// stream that stops early and flags it only afterwards: `truncated` says whether it did.
    func read(_ count: Int) throws(MNISTError) -> (bytes: [UInt8], truncated: Bool) {
        var bytes = [UInt8]()
        while bytes.count < count {
            let want = min(count - bytes.count, 1 << 20)
            let start = bytes.count
            bytes += repeatElement(0, count: want)
            let got = bytes.withUnsafeMutableBytes {
                gzread(file, $0.baseAddress.map { $0 + start }, UInt32(want))
            }
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
            if got < 0 || (code != Z_OK && code != Z_BUF_ERROR) {
                throw MNISTError(
                    path: path,
                    fault: "cannot be decompressed: \(message.isEmpty ? "read error" : message)")
            }
            bytes.removeLast(want - Int(got))
            if code == Z_BUF_ERROR { return (bytes, true) }
            if got == 0 { break }
        }
        return (bytes, false)
    }
}

/// An IDX file: a big-endian magic number whose third byte is the element type (8 = unsigned
/// byte) and fourth the number of dimensions, the dimensions as big-endian 32-bit sizes, the data.
/// The header is read when the reader is made, the data only when asked for, so that a caller
/// can check the sizes first.
struct IDXReader {
    let path: String
    let dimensions: [Int]
    private let file: GzipReader

    init(path: String) throws(MNISTError) {
        self.path = path
        file = try GzipReader(path: path)
        let (magic, truncated) = try file.read(4)
        guard magic.count == 4 else {
            throw MNISTError(
                path: path,
                fault: truncated
                    ? "is truncated (its gzip stream ends early) before the end of its IDX header"
                    : "is \(magic.count) bytes, too short for an IDX header")
        }
        guard magic[0] == 0, magic[1] == 0 else {
            throw MNISTError(path: path, fault: "is not an IDX file (bad magic number)")
        }
        guard magic[2] == 0x08 else {
            throw MNISTError(
                path: path,
                fault:
                    "holds IDX type 0x\(String(magic[2], radix: 16)), expected unsigned bytes (0x08)"
            )
        }
        let rank = Int(magic[3])
        let (sizes, _) = try file.read(4 * rank)
        guard rank >= 1, sizes.count == 4 * rank else {
            throw MNISTError(path: path, fault: "has a truncated IDX header")
        }
        dimensions = (0..<rank).map { d in
            sizes[4 * d..<4 * d + 4].reduce(0) { $0 << 8 | Int($1) }
        }
    }

    /// The number of data bytes the dimensions declare, nil if it overflows.
    var declaredLength: Int? {
        var total = 1
        for size in dimensions {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            total = product
        }
        return total
    }

    /// The data, exactly as long as the dimensions declare, refusing a file that holds less or
    /// more. The caller has checked that the declared length is one it wants to read.
    func data() throws(MNISTError) -> [UInt8] {
        guard let total = declaredLength else {
            throw MNISTError(
                path: path, fault: "declares dimensions \(dimensions) too large to hold")
        }
        let (data, truncated) = try file.read(total)
        guard data.count == total else {
            throw MNISTError(
                path: path,
                fault: "is truncated\(truncated ? " (its gzip stream ends early)" : ""): "
                    + "dimensions \(dimensions) declare \(total) bytes of data, it holds \(data.count)"
            )
        }
        let (more, endsEarly) = try file.read(1)
        // All the data came, but the gzip stream's check sum did not: the bytes are unverified.
        guard !endsEarly else {
            throw MNISTError(path: path, fault: "is truncated (its gzip stream ends early)")
        }
        guard more.isEmpty else {
            throw MNISTError(
                path: path,
                fault: "holds more data than its dimensions \(dimensions) declare (\(total) bytes)")
        }
        return data
    }
}

public struct MNISTError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let fault: String
    public var description: String { "\(path): \(fault)" }
}
