import Foundation

/// Where the tests find MNIST, decided once for every test target by the environment variable
/// `LENET5_MNIST`:
/// - `none` hides it, as on a fresh clone: the tests that need it skip, saying why;
/// - any other value is the folder that holds the four IDX files (relative to the current folder);
/// - unset (or empty), `../shared/data/mnist` beside the checkout, when it is there.
public enum TestMNIST {
    /// The four files a folder must hold, each gzipped or not (as `MNIST(directory:)` reads them).
    public static let files = [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte",
    ]

    /// The folder that holds MNIST, or nil when it is hidden or missing.
    public static let directory: String? = resolved.directory

    public static var isAvailable: Bool { directory != nil }

    /// Why the tests that need MNIST skip (when `directory` is nil), for `.enabled(if:_:)`.
    public static let absence: String = resolved.reason

    /// Set when `LENET5_MNIST` names a folder that does not hold MNIST: a mistake worth failing
    /// a test for, rather than quietly skipping everything that needs the data.
    public static let misconfiguration: String? = resolved.misconfiguration

    /// `../shared/data/mnist` from the root of the checkout.
    public static let shared: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/data/mnist").path
    }()

    /// The first of `files` missing from `folder`, if any.
    public static func missingFile(in folder: String) -> String? {
        files.first { name in
            !FileManager.default.fileExists(atPath: "\(folder)/\(name).gz")
                && !FileManager.default.fileExists(atPath: "\(folder)/\(name)")
        }
    }

    private static let resolved: (directory: String?, reason: String, misconfiguration: String?) = {
        let value = ProcessInfo.processInfo.environment["LENET5_MNIST"] ?? ""
        if value == "none" {
            return (nil, "needs MNIST, hidden by LENET5_MNIST=none", nil)
        }
        if value.isEmpty {
            if missingFile(in: shared) == nil { return (shared, "", nil) }
            return (
                nil,
                "needs MNIST: not in \(shared); set LENET5_MNIST to a folder that holds it",
                nil
            )
        }
        let folder = URL(fileURLWithPath: value).standardizedFileURL.path
        if let missing = missingFile(in: folder) {
            let fault = "LENET5_MNIST=\(value): \(folder) has no \(missing)(.gz)"
            return (nil, "needs MNIST; \(fault)", fault)
        }
        return (folder, "", nil)
    }()
}
