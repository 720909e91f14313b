import Platform

/// A file that could not be read, with the reason the system gave.
public struct FileReadError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The bytes of a file, or of standard input for `-`. Refuses directories and files larger than
/// `limit` (so a wrong path to a huge file fails at once instead of filling the memory).
public func readFileContents(_ path: String, limit: Int = 1 << 30) throws(FileReadError) -> [UInt8]
{
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
    guard descriptor >= 0 else { throw FileReadError(path: path, reason: systemReason()) }
    defer { if path != "-" { close(descriptor) } }
    var status = stat()
    if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        throw FileReadError(path: path, reason: "is a directory")
    }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileReadError(path: path, reason: systemReason())
        }
        if count == 0 { break }
        bytes += chunk[0..<count]
        if bytes.count > limit {
            throw FileReadError(path: path, reason: "is larger than \(limit) bytes")
        }
    }
    return bytes
}

/// Writes `bytes` to `path` through a temporary file and a rename, so that an interrupted write
/// never leaves half a file behind. With `overwrite` false, refuses to replace an existing file.
public func writeFileContents(_ bytes: [UInt8], to path: String, overwrite: Bool = true)
    throws(FileReadError)
{
    var status = stat()
    if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        throw FileReadError(path: path, reason: "is a directory")
    }
    if !overwrite && access(path, F_OK) == 0 {
        throw FileReadError(path: path, reason: "already exists")
    }
    let temporary = path + ".partial-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw FileReadError(path: path, reason: systemReason()) }
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return write(descriptor, base + written, buffer.count - written)
        }
        if count < 0 {
            if errno == EINTR { continue }
            let reason = systemReason()
            close(descriptor)
            unlink(temporary)
            throw FileReadError(path: path, reason: reason)
        }
        written += count
    }
    guard close(descriptor) == 0 else {
        let reason = systemReason()
        unlink(temporary)
        throw FileReadError(path: path, reason: reason)
    }
    if !overwrite {
        // link() fails if the target appeared meanwhile, where rename() would replace it.
        guard link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? "already exists" : systemReason()
            unlink(temporary)
            throw FileReadError(path: path, reason: reason)
        }
        unlink(temporary)
    } else if rename(temporary, path) != 0 {
        let reason = systemReason()
        unlink(temporary)
        throw FileReadError(path: path, reason: reason)
    }
}

func systemReason() -> String {
    let code = errno
    return String(cString: strerror(code)).lowercased()
}
