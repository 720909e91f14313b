import Foundation
import ReferenceFixtures

/// Runs the real `lenet5` binary, built beside this test bundle.
enum Binary {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let path: String = {
        // The tests live in the build products directory, where lenet5 was built too: on Linux in
        // the test runner itself, on macOS in a bundle that a runner from the toolchain loads.
        var directory = testImage.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("lenet5").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/lenet5").path
    }()

    /// The file that holds this code: the test executable, or on macOS the test bundle's binary.
    static var testImage: URL {
        #if canImport(Darwin)
            var image = Dl_info()
            if dladdr(#dsohandle, &image) != 0, let name = image.dli_fname {
                return URL(fileURLWithPath: String(cString: name)).resolvingSymlinksInPath()
            }
            return URL(fileURLWithPath: CommandLine.arguments[0])
        #else
            // glibc declares dladdr only for _GNU_SOURCE, which Swift's Glibc module lacks.
            return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #endif
    }

    static let mnist = TestMNIST.directory ?? ""
    static let hasMNIST = TestMNIST.isAvailable
    static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path
    static let samples = packageRoot.appendingPathComponent("Assets/samples").path

    struct Result {
        let status: Int32
        let output: String
        let error: String
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    @discardableResult
    static func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so that neither fills up and blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        let path = Scratch.path("lenet5-e2e")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

func json(_ line: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
}
