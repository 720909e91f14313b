import Foundation
import LocalHTTPServer
import ReferenceFixtures
import Testing

/// `lenet5 mnist fetch` and where `train` and `eval` look for MNIST, through the real binary. Each
/// test gives the binary its own HOME (and no LENET5_MNIST or XDG_CACHE_HOME), so that nothing
/// reads or writes the real cache folder; the server is on 127.0.0.1.
@Suite struct FetchCommandTests {
    /// This process's environment with a home of its own and nothing that chooses MNIST.
    static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var variables = ProcessInfo.processInfo.environment
        for name in ["LENET5_MNIST", "XDG_CACHE_HOME"] { variables[name] = nil }
        variables["HOME"] = home
        return variables.merging(extra) { $1 }
    }

    static let names = [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz",
    ]

    @Test func withoutMNISTCommandsSayWhereTheyLookedAndToFetch() throws {
        let home = try Binary.temporaryDirectory()
        let cache = home + "/.cache/lenet5/mnist"
        let eval = try Binary.run(["eval"], environment: Self.environment(home: home))
        #expect(eval.status == 1)
        #expect(
            eval.error.contains("\(cache)/t10k-images-idx3-ubyte.gz: not found"), "\(eval.error)")
        #expect(eval.error.contains("run `lenet5 mnist fetch` to download MNIST there"))

        let xdg = try Binary.run(
            ["train", "--out", home + "/w.safetensors"],
            environment: Self.environment(home: home, ["XDG_CACHE_HOME": home + "/xdg"]))
        #expect(xdg.status == 1)
        #expect(xdg.error.contains("looked in \(home)/xdg/lenet5/mnist (the default folder)"))

        let variable = try Binary.run(
            ["eval"], environment: Self.environment(home: home, ["LENET5_MNIST": home + "/env"]))
        #expect(variable.error.contains("looked in \(home)/env (given by LENET5_MNIST)"))

        // --mnist beats the variable, and its message names the folder to fetch into.
        let option = try Binary.run(
            ["eval", "--mnist", home + "/opt"],
            environment: Self.environment(home: home, ["LENET5_MNIST": home + "/env"]))
        #expect(option.error.contains("lenet5 mnist fetch --dir \(home)/opt"), "\(option.error)")
        #expect(!FileManager.default.fileExists(atPath: cache))
    }

    @Test func withoutNetworkTheMessageSaysWhatToDownloadAndWhere() throws {
        let home = try Binary.temporaryDirectory()
        // Nothing listens on port 1: the connection is refused, as with no network.
        let result = try Binary.run(
            ["mnist", "fetch", "--mirror", "http://127.0.0.1:1/mnist/"],
            environment: Self.environment(home: home))
        #expect(result.status == 1)
        let cache = home + "/.cache/lenet5/mnist"
        for name in Self.names {
            #expect(result.error.contains("https://ossci-datasets.s3.amazonaws.com/mnist/" + name))
        }
        #expect(result.error.contains("put them in \(cache)"), "\(result.error)")
        #expect(
            result.error.contains(
                "http://127.0.0.1:1/mnist/train-images-idx3-ubyte.gz: unreachable"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)
    }

    @Test func mirrorsMustBeURLs() throws {
        let result = try Binary.run(["mnist", "fetch", "--mirror", "ftp://example.org/mnist/"])
        #expect(result.status != 0)
        #expect(result.error.contains("--mirror ftp://example.org/mnist/: not an http://"))
    }

    /// Ctrl-C or SIGTERM in the middle of a file: the process ends by that signal and leaves no
    /// temporary file and nothing under the final name.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedFetchLeavesNothingBehind(signal: Int32) throws {
        let bytes = [UInt8](repeating: 7, count: 500_000)
        let server = try LocalHTTPServer(
            routes: ["/m/train-images-idx3-ubyte.gz": .stall(bytes, sent: 100_000)])
        defer { server.stopServing() }
        let home = try Binary.temporaryDirectory()
        let directory = home + "/mnist"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["mnist", "fetch", "--dir", directory, "--mirror", server.url + "/m/"]
        process.environment = Self.environment(home: home)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Wait (at most 20 s) for the temporary file to hold the bytes sent so far.
        var partial: String?
        for _ in 0..<400 where partial == nil {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            partial = names.first { $0.hasPrefix(".train-images-idx3-ubyte.gz.part-") }
            if let name = partial,
                let size = try? FileManager.default.attributesOfItem(
                    atPath: directory + "/" + name)[.size] as? Int, size < 100_000
            {
                partial = nil
            }
            if partial == nil { usleep(50_000) }
        }
        #expect(partial != nil)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let said = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "\(said)")
        #expect(process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

/// The whole way, with the real files served from 127.0.0.1: fetch into the default folder, then
/// `eval` with no --mnist finds them there.
@Suite(.enabled(if: Binary.hasMNIST, Comment(rawValue: TestMNIST.absence)))
struct FetchThenEvalTests {
    @Test func evalFindsWhatFetchDownloaded() throws {
        var routes = [String: LocalHTTPServer.Reply]()
        for name in FetchCommandTests.names {
            let data = try Data(contentsOf: URL(fileURLWithPath: Binary.mnist + "/" + name))
            routes["/mnist/" + name] = .file(Array(data))
        }
        let server = try LocalHTTPServer(routes: routes)
        let home = try Binary.temporaryDirectory()
        let environment = FetchCommandTests.environment(
            home: home, ["XDG_CACHE_HOME": home + "/xdg"])
        let fetch = try Binary.run(
            ["mnist", "fetch", "--mirror", server.url + "/mnist/"], environment: environment)
        #expect(fetch.status == 0, "\(fetch.error)")
        let cache = home + "/xdg/lenet5/mnist"
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
                == FetchCommandTests.names.sorted())
        // Not a terminal: one line per file, then where it is.
        let lines = fetch.error.split(separator: "\n")
        #expect(lines.count == 5, "\(fetch.error)")
        #expect(
            lines.last
                == "MNIST is in \(cache), where lenet5 train and lenet5 eval look by default.")
        for (line, name) in zip(lines, FetchCommandTests.names) {
            #expect(
                line.hasPrefix("\(name): ") && line.contains(" from 127.0.0.1:\(server.port), "))
            #expect(line.hasSuffix("checksums ok") || line.hasSuffix("(gzipped differently)"))
        }

        let eval = try Binary.run(["eval", "--json"], environment: environment)
        #expect(eval.status == 0, "\(eval.error)")
        #expect(json(eval.output)["total"] as? Int == 10_000)
        #expect((json(eval.output)["accuracy"] as? Double ?? 0) >= 0.993)

        // Run again: everything is there and checked, nothing is asked of the server.
        let before = server.requests.count
        let again = try Binary.run(
            ["mnist", "fetch", "--mirror", server.url + "/mnist/"], environment: environment)
        #expect(again.status == 0 && server.requests.count == before)
        #expect(again.error.contains("t10k-labels-idx1-ubyte.gz: already there, checksums ok"))
    }
}
