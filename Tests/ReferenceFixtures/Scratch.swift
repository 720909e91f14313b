import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where tests put their files: one folder per test process, removed when the process exits, so
/// that test runs do not fill the system's temporary folder (they left thousands of entries there
/// before).
public enum Scratch {
    public static let root: String = {
        let path = NSTemporaryDirectory() + "lenet5-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return path
    }()

    /// A new path under `root`: `prefix`, a UUID, then `suffix`. Nothing is created.
    public static func path(_ prefix: String, suffix: String = "") -> String {
        root + "/" + prefix + "-" + UUID().uuidString + suffix
    }
}
