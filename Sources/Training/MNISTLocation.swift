import LeNet5
import Platform

/// Where the MNIST files are looked for, decided in one place for every command: `--mnist DIR`
/// if given, else the environment variable `LENET5_MNIST`, else the cache folder that
/// `lenet5 mnist fetch` fills ($XDG_CACHE_HOME/lenet5/mnist or ~/.cache/lenet5/mnist on Linux,
/// ~/Library/Caches/lenet5/mnist on macOS).
public struct MNISTLocation: Sendable, Equatable, CustomStringConvertible {
    public enum Source: Sendable, Equatable {
        /// `--mnist DIR` (or `--dir DIR` of `lenet5 mnist fetch`).
        case option
        /// The environment variable `LENET5_MNIST`.
        case environment
        /// The per-user cache folder, when neither says otherwise.
        case cache
    }

    public enum Platform: Sendable { case linux, macOS }

    public static let environmentVariable = "LENET5_MNIST"
    /// `LENET5_MNIST=none`: no MNIST anywhere, as on a fresh clone; the tests read it too.
    public static let hidden = "none"

    #if os(macOS)
        public static let currentPlatform = Platform.macOS
    #else
        public static let currentPlatform = Platform.linux
    #endif

    public let directory: String
    public let source: Source

    public init(directory: String, source: Source) {
        self.directory = directory
        self.source = source
    }

    /// The folder for `option` (a command's `--mnist`), the environment and the platform.
    /// `environment` looks a variable up; tests pass their own, so they never touch the real
    /// cache folder.
    public init(
        option: String?, environment: (String) -> String? = Self.processEnvironment,
        platform: Platform = currentPlatform
    ) {
        if let option, !option.isEmpty {
            self.init(directory: option, source: .option)
        } else if let variable = environment(Self.environmentVariable), !variable.isEmpty {
            self.init(directory: variable, source: .environment)
        } else {
            self.init(
                directory: Self.cacheDirectory(environment: environment, platform: platform),
                source: .cache)
        }
    }

    /// The cache folder: on Linux $XDG_CACHE_HOME/lenet5/mnist when it is set to an absolute path
    /// (the XDG Base Directory rule: a relative one is ignored), else ~/.cache/lenet5/mnist; on
    /// macOS ~/Library/Caches/lenet5/mnist.
    public static func cacheDirectory(
        environment: (String) -> String? = processEnvironment, platform: Platform = currentPlatform
    ) -> String {
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? accountHome()
        switch platform {
        case .macOS:
            return joined(home, "Library/Caches/lenet5/mnist")
        case .linux:
            if let cache = environment("XDG_CACHE_HOME"), cache.hasPrefix("/") {
                return joined(cache, "lenet5/mnist")
            }
            return joined(home, ".cache/lenet5/mnist")
        }
    }

    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The home folder from the account database, for a process started without HOME.
    static func accountHome() -> String {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else {
            return "/"
        }
        return String(cString: directory)
    }

    static func joined(_ folder: String, _ path: String) -> String {
        folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// "DIR (from --mnist)" and so on, for messages.
    public var description: String {
        switch source {
        case .option: return "\(directory) (given by --mnist)"
        case .environment: return "\(directory) (given by \(Self.environmentVariable))"
        case .cache: return "\(directory) (the default folder)"
        }
    }

    /// The four IDX files' names, as MNIST is published (each gzipped).
    public static let trainingFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]
    public static let testFiles = ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// The path of the file `name` in this folder.
    public func path(of name: String) -> String { Self.joined(directory, name) }

    /// Which of `files` the folder lacks, gzipped or not.
    public func missing(_ files: [String]) -> [String] {
        files.filter { name in
            [".gz", ""].allSatisfy { access(Self.joined(directory, name + $0), R_OK) != 0 }
        }
    }
}

/// Why MNIST could not be loaded from a location.
public enum MNISTLoadError: Error, CustomStringConvertible, Equatable {
    /// Files are missing: the message says where it looked and how to get them.
    case missing(MNISTLocation, files: [String])
    /// The files are there but one of them is not good MNIST.
    case unreadable(MNISTError)

    public var description: String {
        switch self {
        case .unreadable(let error):
            return error.description
        case .missing(let location, _)
        where location.source == .environment && location.directory == MNISTLocation.hidden:
            let variable = MNISTLocation.environmentVariable
            return "MNIST is hidden: \(variable)=\(MNISTLocation.hidden) says to act as if there "
                + "were none (as on a fresh clone); unset it, or give --mnist DIR"
        case .missing(let location, let files):
            let first = MNISTLocation.joined(location.directory, (files.first ?? "") + ".gz")
            let others =
                files.count > 1
                ? ", nor \(files.dropFirst().map { $0 + ".gz" }.joined(separator: ", "))" : ""
            let fetch: String
            switch location.source {
            case .option:
                fetch = "lenet5 mnist fetch --dir \(shellQuoted(location.directory))"
            case .environment, .cache:
                fetch = "lenet5 mnist fetch"
            }
            return """
                \(first): not found (nor without .gz)\(others)
                  looked in \(location); --mnist DIR or \(MNISTLocation.environmentVariable) choose another folder
                  run `\(fetch)` to download MNIST there
                """
        }
    }
}

/// A word the shell reads back as it is.
func shellQuoted(_ word: String) -> String {
    let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:=@%,".contains($0) }
    return plain && !word.isEmpty ? word : "'" + word.replacing("'", with: "'\\''") + "'"
}

extension MNIST {
    /// Both sets from `location`, or a message that says where it looked and how to fetch them.
    public init(_ location: MNISTLocation) throws(MNISTLoadError) {
        let lacking = location.missing(MNISTLocation.trainingFiles + MNISTLocation.testFiles)
        guard lacking.isEmpty else { throw .missing(location, files: lacking) }
        do {
            self = try MNIST(directory: location.directory)
        } catch {
            throw .unreadable(error)
        }
    }

    /// Only the test set, for evaluation.
    public static func testSet(_ location: MNISTLocation) throws(MNISTLoadError) -> MNISTDataset {
        let lacking = location.missing(MNISTLocation.testFiles)
        guard lacking.isEmpty else { throw .missing(location, files: lacking) }
        do {
            return try testSet(directory: location.directory)
        } catch {
            throw .unreadable(error)
        }
    }

    /// The bytes of an IDX file, inflated if it is gzipped: what a checksum of the content is
    /// computed over, whichever way the file was compressed.
    /// Refuses more than `limit` bytes (the largest MNIST file inflates to 47 MB), so that a
    /// corrupt download cannot inflate without end.
    public static func uncompressedContents(ofFile path: String, limit: Int = 1 << 27)
        throws(MNISTError) -> [UInt8]
    {
        let (bytes, truncated) = try GzipReader(path: path).read(limit + 1)
        guard !truncated else {
            throw MNISTError(path: path, fault: "is truncated (its gzip stream ends early)")
        }
        guard bytes.count <= limit else {
            throw MNISTError(path: path, fault: "inflates to more than \(limit) bytes")
        }
        return bytes
    }
}
