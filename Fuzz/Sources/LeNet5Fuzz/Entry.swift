#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The target named by LENET5_FUZZ_TARGET, chosen once when libFuzzer starts.
nonisolated(unsafe) var selected: @Sendable ([UInt8]) -> Void = { _ in }

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    let name = getenv("LENET5_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = targets[name] else {
        let known = targets.keys.sorted().joined(separator: ", ")
        writeAll(Array("LENET5_FUZZ_TARGET must name a target: \(known)\n".utf8), to: 2)
        exit(2)
    }
    selected = target
    Scratch.makeDirectory(Scratch.directory)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// Files the targets write their input to: in LENET5_FUZZ_SCRATCH (Scripts/fuzz.sh makes one in
/// /dev/shm, so that the disk is not worn by millions of writes, and removes it afterwards), or
/// else in a folder of this process's own.
enum Scratch {
    static let directory: String = {
        if let path = getenv("LENET5_FUZZ_SCRATCH") { return String(cString: path) }
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        return "\(base)/lenet5-fuzz-\(getpid())"
    }()

    static func makeDirectory(_ path: String) { mkdir(path, 0o700) }

    static func put(_ bytes: [UInt8], at path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write \(path)") }
        writeAll(bytes, to: descriptor)
        close(descriptor)
    }

    static func file(_ bytes: [UInt8], named name: String) -> String {
        let path = directory + "/" + name
        put(bytes, at: path)
        return path
    }

    static func remove(_ path: String) { unlink(path) }
}

func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes {
            write(descriptor, $0.baseAddress.map { $0 + written }, $0.count - written)
        }
        guard count > 0 else { fatalError("cannot write to descriptor \(descriptor)") }
        written += count
    }
}
