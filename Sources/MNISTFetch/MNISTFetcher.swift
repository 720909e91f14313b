import Platform
import Training

/// Downloads the four MNIST files into a folder: each from the first mirror that has it, checked
/// against its published checksums, written atomically (see `PartialFile`). Files already there
/// with the right checksums are kept and not downloaded again.
public struct MNISTFetcher: Sendable {
    /// The usual public mirrors, in the order tried: PyTorch's (torchvision's first choice),
    /// Google's (TensorFlow's), and the original location.
    public static let standardMirrors = [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "https://yann.lecun.com/exdb/mnist/",
    ]

    /// Folders holding the four .gz files under their usual names, tried in turn.
    public var mirrors: [String]
    /// What to fetch and the checksums it must have; tests pass stand-ins.
    public var archives: [MNISTArchive]
    /// How long a connection may take to open.
    public var connectSeconds: Int
    /// How long a transfer may go without a single byte before it is given up.
    public var stallSeconds: Int

    public init(
        mirrors: [String] = standardMirrors, archives: [MNISTArchive] = MNISTArchive.standard,
        connectSeconds: Int = 30, stallSeconds: Int = 30
    ) {
        self.mirrors = mirrors
        self.archives = archives
        self.connectSeconds = connectSeconds
        self.stallSeconds = stallSeconds
    }

    /// What happens, as it happens, for a progress display.
    public enum Event: Sendable {
        /// Already in the folder with the right checksums: not downloaded.
        case present(MNISTArchive, MNISTArchive.Verdict)
        /// In the folder but not the published file: downloaded again, and replaced only when the
        /// new copy is good.
        case replacing(MNISTArchive, MNISTArchive.Verdict)
        case started(MNISTArchive, url: String)
        /// Bytes so far, and the size the server announced (0 if it did not).
        case progress(MNISTArchive, url: String, received: Int64, total: Int64)
        case downloaded(MNISTArchive, url: String, bytes: Int64, MNISTArchive.Verdict)
        /// This mirror failed for this file; the next one is tried.
        case failed(MNISTArchive, url: String, DownloadFault)
    }

    /// Fetches every archive into `directory` (created if need be). Throws when any is still
    /// missing at the end; the ones that arrived are kept.
    public func fetch(into directory: String, observe: (Event) -> Void = { _ in })
        throws(FetchError)
    {
        try Self.makeFolders(directory)
        var attempts = [FetchError.Attempt]()
        var missing = [String]()
        var unreachable = Set<String>()
        var noLibrary = false
        for archive in archives {
            let final = joined(directory, archive.name)
            if access(final, F_OK) == 0, let verdict = archive.check(final) {
                if verdict.isGood {
                    observe(.present(archive, verdict))
                    continue
                }
                observe(.replacing(archive, verdict))
            }
            var done = false
            for mirror in mirrors where !unreachable.contains(mirror) && !noLibrary && !done {
                let url = joined(mirror, archive.name)
                observe(.started(archive, url: url))
                do throws(DownloadFault) {
                    let (bytes, verdict) = try download(
                        archive, from: url, into: directory, as: final
                    ) {
                        observe(.progress(archive, url: url, received: $0, total: $1))
                    }
                    observe(.downloaded(archive, url: url, bytes: bytes, verdict))
                    done = true
                } catch {
                    if case .cannotWrite(let path, let code) = error {
                        throw .cannotWrite(path: path, errno: code)
                    }
                    attempts.append(
                        FetchError.Attempt(archive: archive.name, url: url, fault: error))
                    observe(.failed(archive, url: url, error))
                    if error.mirrorIsUnreachable { unreachable.insert(mirror) }
                    if case .noHTTPLibrary = error { noLibrary = true }
                }
            }
            if !done { missing.append(archive.name) }
        }
        guard missing.isEmpty else {
            throw .incomplete(
                directory: directory, missing: missing, attempts: attempts,
                unreachable: mirrors.filter { unreachable.contains($0) })
        }
    }

    /// One attempt: into a temporary file in `directory`, checked, then renamed to `final`.
    func download(
        _ archive: MNISTArchive, from url: String, into directory: String, as final: String,
        progress: (Int64, Int64) -> Void
    ) throws(DownloadFault) -> (Int64, MNISTArchive.Verdict) {
        let part = try PartialFile(directory: directory, name: archive.name)
        defer { part.discard() }
        var received: Int64 = 0
        try Download(url: url, connectSeconds: connectSeconds, stallSeconds: stallSeconds).run(
            into: part.fileDescriptor, path: part.path
        ) {
            received = $0
            progress($0, $1)
        }
        try part.finishWriting()
        let verdict = archive.check(part.path) ?? .differs(md5: "?", sha256: "?")
        guard verdict.isGood else { throw .checksumMismatch(verdict) }
        try part.commit(as: final)
        return (received, verdict)
    }

    /// mkdir -p.
    static func makeFolders(_ path: String) throws(FetchError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw .cannotCreateFolder(path: path, errno: errno)
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotCreateFolder(path: path, errno: ENOTDIR)
        }
    }
}

/// `name` in the folder `folder`, a path or a URL.
func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// Why `lenet5 mnist fetch` did not finish.
public enum FetchError: Error, Sendable, CustomStringConvertible {
    case cannotCreateFolder(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)
    /// Some files could not be had from any mirror.
    case incomplete(
        directory: String, missing: [String], attempts: [Attempt], unreachable: [String])

    public struct Attempt: Sendable, Equatable {
        public let archive: String
        public let url: String
        public let fault: DownloadFault
    }

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let code):
            return "\(path): cannot create the folder: \(errorText(code))"
        case .cannotWrite(let path, let code):
            return "\(path): cannot write: \(errorText(code))"
        case .incomplete(let directory, let missing, let attempts, let unreachable):
            var lines = [
                "could not download \(missing.joined(separator: ", ")) into \(directory)"
            ]
            lines += attempts.map { "  \($0.url): \($0.fault)" }
            let tried = Set(attempts.map { $0.archive })
            let untried = missing.filter { !tried.contains($0) }
            if !untried.isEmpty && !unreachable.isEmpty {
                lines.append(
                    "  \(untried.joined(separator: ", ")): not tried, no mirror left within reach")
            }
            let mirror = MNISTFetcher.standardMirrors[0]
            lines.append("To get MNIST without this command, download")
            lines += missing.map { "  \(mirror)\($0)" }
            lines.append(
                "(or the same names from another MNIST mirror) and put them in \(directory); "
                    + "run this again then, and it checks them and downloads nothing.")
            return lines.joined(separator: "\n")
        }
    }
}
