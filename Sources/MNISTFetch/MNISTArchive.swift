import LeNet5
import Platform
import Training

/// One of the four files MNIST is published as, and the checksums that tell the real one.
public struct MNISTArchive: Sendable, Equatable {
    /// The file's name on every mirror and on disk.
    public let name: String
    /// MD5 of the .gz file, as torchvision publishes it (`torchvision.datasets.MNIST.resources`).
    public var md5: String?
    /// SHA-256 of the .gz file, as TensorFlow Datasets and others publish it.
    public var sha256: String?
    /// SHA-256 of the uncompressed IDX file. A copy gzipped again (other level, other header, as
    /// ../shared/data/mnist's training images are) holds the same digits under other archive
    /// checksums; this accepts it.
    public var contentSHA256: String?

    public init(name: String, md5: String?, sha256: String?, contentSHA256: String?) {
        self.name = name
        self.md5 = md5
        self.sha256 = sha256
        self.contentSHA256 = contentSHA256
    }

    /// The published files. The archive checksums are the published ones; three of them match the
    /// copies in ../shared/data/mnist byte for byte, and the fourth (training images) matches the
    /// original file's published size and checksums while the copy here was gzipped again. The
    /// content checksums were computed from those copies, whose uncompressed MD5s are the
    /// published ones (6bbc9ace..., a25bea73..., 2646ac64..., 27ae3e4e...).
    public static let standard: [MNISTArchive] = [
        MNISTArchive(
            name: "train-images-idx3-ubyte.gz", md5: "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            sha256: "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            contentSHA256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        MNISTArchive(
            name: "train-labels-idx1-ubyte.gz", md5: "d53e105ee54ea40749a09fcbcd1e9432",
            sha256: "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            contentSHA256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        MNISTArchive(
            name: "t10k-images-idx3-ubyte.gz", md5: "9fb629c4189551a2d022fa330f9573f3",
            sha256: "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            contentSHA256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        MNISTArchive(
            name: "t10k-labels-idx1-ubyte.gz", md5: "ec29112dd5afa0611ce80d1b7f02629c",
            sha256: "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            contentSHA256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
    ]

    /// Whether the file at `path` is this archive: its archive checksums match, or else its
    /// uncompressed content does. nil when it cannot be read.
    public func check(_ path: String) -> Verdict? {
        guard let (md5, sha256) = Self.digests(ofFile: path) else { return nil }
        let pinned = [(self.md5, md5), (self.sha256, sha256)].filter { $0.0 != nil }
        if !pinned.isEmpty && pinned.allSatisfy({ $0.0 == $0.1 }) { return .matches }
        if let contentSHA256, let content = try? MNIST.uncompressedContents(ofFile: path) {
            var digest = SHA256()
            digest.update(content)
            if digest.hexadecimal == contentSHA256 { return .matchesContent }
        }
        return .differs(md5: md5, sha256: sha256)
    }

    public enum Verdict: Sendable, Equatable {
        /// The published archive, byte for byte.
        case matches
        /// Compressed differently, the same IDX file inside.
        case matchesContent
        /// Neither: these are the checksums it has.
        case differs(md5: String, sha256: String)

        public var isGood: Bool {
            if case .differs = self { return false }
            return true
        }
    }

    /// The MD5 and SHA-256 of a file, read in blocks of 1 MB.
    static func digests(ofFile path: String) -> (md5: String, sha256: String)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var md5 = MD5()
        var sha256 = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { bytes in
                let piece = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
                md5.update(piece)
                sha256.update(piece)
            }
        }
        return (md5.hexadecimal, sha256.hexadecimal)
    }
}
