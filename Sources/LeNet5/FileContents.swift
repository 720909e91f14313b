import Dispatch
import Platform

/// A file that could not be read or written, with the reason the system gave.
public struct FileReadError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// A file (or standard input, for `-`) read from its start a piece at a time, so that a reader can
/// look at a header before it decides how much more could be valid, and refuse the rest unread.
public final class FileReader {
    public let path: String
    private let descriptor: Int32
    /// The size of a regular file; nil for standard input, pipes, devices and the like, whose
    /// size is known only by reading them.
    public let regularFileSize: Int?

    /// Opens `path`, refusing a directory.
    public init(_ path: String) throws(FileReadError) {
        self.path = path
        descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: systemReason()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = systemReason()
            if path != "-" { close(descriptor) }
            throw FileReadError(path: path, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            if path != "-" { close(descriptor) }
            throw FileReadError(path: path, reason: "is a directory")
        }
        regularFileSize = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit { if path != "-" { close(descriptor) } }

    /// The next `count` bytes, or fewer at the end of the file. Memory grows with what is read,
    /// not with `count`, so a generous `count` costs nothing on a short file.
    public func read(upTo count: Int) throws(FileReadError) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: max(0, min(count, 1 << 16)))
        while bytes.count < count {
            let want = min(chunk.count, count - bytes.count)
            let got = chunk.withUnsafeMutableBytes {
                readDescriptor(descriptor, $0.baseAddress, want)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: systemReason())
            }
            if got == 0 { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }

    /// Everything up to the end, refusing a file of more than `limit` bytes: a regular file at
    /// once from its size, anything else as soon as more than `limit` bytes have come.
    public func readToEnd(limit: Int) throws(FileReadError) -> [UInt8] {
        if let size = regularFileSize, size > limit {
            throw FileReadError(path: path, reason: "is larger than \(limit) bytes")
        }
        let bytes = try read(upTo: limit + 1)
        guard bytes.count <= limit else {
            throw FileReadError(path: path, reason: "is larger than \(limit) bytes")
        }
        return bytes
    }
}

/// The bytes of a file, or of standard input for `-`. Refuses directories and files larger than
/// `limit` (so a wrong path to a huge file fails at once instead of filling the memory).
public func readFileContents(_ path: String, limit: Int = 1 << 30) throws(FileReadError) -> [UInt8]
{
    try FileReader(path).readToEnd(limit: limit)
}

/// Writes `bytes` to `path` so that a reader of `path` sees the old file or the new one, never
/// half of one, and nothing else on the disk is touched:
/// - the bytes go to a temporary file in the same folder, created exclusively under an
///   unpredictable name and never through a symbolic link (`O_CREAT | O_EXCL | O_NOFOLLOW`), so a
///   link planted where the temporary file will be cannot redirect the write;
/// - the temporary file is flushed to the disk before it is renamed over `path`, and the folder
///   after, so that a crash cannot leave an empty file where the old one was;
/// - only a regular file is ever replaced: a directory, a device, a FIFO, a socket or a symbolic
///   link at `path` is refused, so that a save over `/dev/full` cannot remove the device;
/// - with `overwrite` false, an existing `path` is refused ("already exists"), also when it
///   appears while the bytes are being written.
/// While the temporary file exists it is listed in `TemporaryFiles`, so that a program stopped by
/// a signal can remove it.
public func writeFileContents(_ bytes: [UInt8], to path: String, overwrite: Bool = true)
    throws(FileReadError)
{
    let existing = try replaceableTarget(path, overwrite: overwrite)
    let temporary = try TemporaryFile(beside: path)
    defer { temporary.remove() }
    try temporary.write(bytes, mode: existing.map { $0.st_mode & 0o777 })
    if !overwrite {
        // link() fails if the target appeared meanwhile, where rename() would replace it.
        guard link(temporary.path, path) == 0 else {
            let reason = errno == EEXIST ? "already exists" : systemReason()
            throw FileReadError(path: path, reason: reason)
        }
    } else {
        // Checked again just before the rename: something other than a regular file may have
        // taken the name while the bytes were written.
        _ = try replaceableTarget(path, overwrite: true)
        guard rename(temporary.path, path) == 0 else {
            throw FileReadError(path: path, reason: systemReason())
        }
        temporary.renamed = true
    }
    syncDirectory(of: path)
}

/// Fails now, with the reason `writeFileContents` would give later, if `path` cannot be written:
/// for a program that works for an hour before it writes its result.
public func checkWritable(_ path: String, overwrite: Bool = true) throws(FileReadError) {
    _ = try replaceableTarget(path, overwrite: overwrite)
    let trial = try TemporaryFile(beside: path)
    trial.remove()
}

/// What is at `path` now (nil for nothing), if `writeFileContents` may put a file there.
private func replaceableTarget(_ path: String, overwrite: Bool) throws(FileReadError) -> stat? {
    guard !path.isEmpty else { throw FileReadError(path: path, reason: "the file name is empty") }
    if path.hasSuffix("/") { throw FileReadError(path: path, reason: "is a directory") }
    var status = stat()
    guard lstat(path, &status) == 0 else {
        guard errno == ENOENT else { throw FileReadError(path: path, reason: systemReason()) }
        return nil
    }
    let kind = status.st_mode & S_IFMT
    if kind == S_IFDIR { throw FileReadError(path: path, reason: "is a directory") }
    if !overwrite { throw FileReadError(path: path, reason: "already exists") }
    guard kind == S_IFREG else {
        throw FileReadError(path: path, reason: "is \(fileKind(kind, at: path)), not replaced")
    }
    return status
}

/// "a symbolic link (to /dev/null)", "a character device", ...
private func fileKind(_ kind: mode_t, at path: String) -> String {
    switch kind {
    case S_IFLNK:
        var target = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &target, 4096)
        guard count > 0 else { return "a symbolic link" }
        let name = String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "a symbolic link (to \(name))"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
}

/// The folder a path names a file in: "." for a bare name.
func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
}

/// Makes a rename in the folder of `path` durable. Some file systems cannot sync a folder; the
/// rename has happened all the same, so a failure here is not an error.
private func syncDirectory(of path: String) {
    let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
}

/// A file created exclusively beside a target, under the target's name, `.partial-` and random
/// letters: `O_EXCL` with `O_NOFOLLOW` fails on anything already at that name, a symbolic link
/// included, instead of opening it, and the random part keeps anyone from knowing the name in
/// advance. Removed by `remove()` (a no-op once it has been renamed) or by a signal handler
/// through `TemporaryFiles`.
final class TemporaryFile {
    let path: String
    private var descriptor: Int32
    /// Set once the file has become the target, whose name `remove()` must then leave alone.
    var renamed = false

    /// `letters` gives the random part of each name tried; tests pass names they have planted.
    init(beside target: String, letters: () -> String = { TemporaryFile.randomLetters(12) })
        throws(FileReadError)
    {
        // The target's name keeps a leftover recognisable; a name near the system's limit of 255
        // bytes would leave no room for the suffix, so a fixed stem stands in for it.
        let name = target[target.index(after: target.lastIndex(of: "/") ?? target.startIndex)...]
        let stem = name.utf8.count <= 200 ? target : folder(of: target) + "/.lenet5"
        var attempts = 0
        while true {
            let candidate = stem + ".partial-" + letters()
            // Listed before it exists, so that a signal arriving between the two removes it.
            TemporaryFiles.add(candidate)
            let opened = open(
                candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if opened >= 0 {
                path = candidate
                descriptor = opened
                return
            }
            let code = errno
            let reason = systemReason()
            TemporaryFiles.discard(candidate)
            attempts += 1
            // A name taken by chance (or planted): try another; anything else is final.
            guard code == EEXIST && attempts < 100 else {
                throw FileReadError(
                    path: target,
                    reason: [EACCES, EPERM, EROFS, ENOENT, ENOTDIR].contains(code)
                        ? "cannot write to directory \(folder(of: target)): \(reason)" : reason)
            }
        }
    }

    /// Writes `bytes`, gives the file `mode` (the mode of the file it will replace) and flushes
    /// it to the disk.
    func write(_ bytes: [UInt8], mode: mode_t?) throws(FileReadError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return writeDescriptor(descriptor, base + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: systemReason())
            }
            written += count
        }
        if let mode { fchmod(descriptor, mode) }
        guard fsync(descriptor) == 0 else {
            throw FileReadError(path: path, reason: systemReason())
        }
        let status = close(descriptor)
        descriptor = -1
        guard status == 0 else { throw FileReadError(path: path, reason: systemReason()) }
    }

    /// Closes and deletes the file if it is still there under its temporary name.
    func remove() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !renamed { unlink(path) }
        TemporaryFiles.discard(path)
    }

    static func randomLetters(_ count: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        // SystemRandomNumberGenerator reads the kernel's generator: not guessable.
        var generator = SystemRandomNumberGenerator()
        return String(
            (0..<count).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] })
    }
}

/// The temporary files being written right now, so that a program interrupted by a signal can
/// remove them before it dies (a signal handler cannot unwind the writer's `defer`).
public enum TemporaryFiles {
    private static let queue = DispatchQueue(label: "lenet5.temporary-files")
    nonisolated(unsafe) private static var paths = Set<String>()

    static func add(_ path: String) { queue.sync { _ = paths.insert(path) } }
    static func discard(_ path: String) { queue.sync { _ = paths.remove(path) } }

    /// The files now listed, for tests.
    public static var current: Set<String> { queue.sync { paths } }

    /// Deletes every temporary file being written (or those `selected`), then runs `then` before
    /// any other thread can list a new one: a signal handler passes the code that ends the process.
    public static func removeAll(
        where selected: (String) -> Bool = { _ in true }, then: () -> Void = {}
    ) {
        queue.sync {
            for path in paths where selected(path) {
                unlink(path)
                paths.remove(path)
            }
            then()
        }
    }
}

// The system's read and write, under names that the methods called read and write do not hide.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int)
    -> Int
{
    read(descriptor, buffer, count)
}

private func writeDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

func systemReason() -> String {
    let code = errno
    return String(cString: strerror(code)).lowercased()
}
