import Foundation
import LeNet5
import LocalHTTPServer
import ReferenceFixtures
import Testing

@testable import MNISTFetch

/// `MNISTFetcher` against a server on 127.0.0.1 (never the internet), serving stand-ins for the
/// four files whose checksums the tests pass in.
@Suite struct FetchTests {
    /// The four names, each with its own made-up bytes (the first one over a megabyte, so that it
    /// arrives in many pieces).
    static let files: [(name: String, bytes: [UInt8])] = MNISTArchive.standard.enumerated().map {
        index, archive in
        let count = index == 0 ? 1_300_000 : 5_000 + 999 * index
        return (archive.name, (0..<count).map { UInt8(truncatingIfNeeded: $0 * 31 + index * 7) })
    }

    /// The stand-ins' archive checksums; no content checksum, as they are not gzipped IDX files.
    static let archives: [MNISTArchive] = files.map { file in
        var md5 = MD5()
        var sha256 = SHA256()
        md5.update(file.bytes)
        sha256.update(file.bytes)
        return MNISTArchive(
            name: file.name, md5: md5.hexadecimal, sha256: sha256.hexadecimal, contentSHA256: nil)
    }

    /// Every stand-in under `prefix`, with `changes` applied.
    static func routes(
        _ prefix: String, _ changes: [String: LocalHTTPServer.Reply] = [:]
    ) -> [String: LocalHTTPServer.Reply] {
        var routes = [String: LocalHTTPServer.Reply]()
        for file in files { routes[prefix + file.name] = changes[file.name] ?? .file(file.bytes) }
        return routes
    }

    func temporaryDirectory() throws -> String {
        let path = Scratch.path("lenet5-fetch")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func fetcher(_ mirrors: [String], stallSeconds: Int = 30) -> MNISTFetcher {
        MNISTFetcher(
            mirrors: mirrors, archives: Self.archives, connectSeconds: 5, stallSeconds: stallSeconds
        )
    }

    /// Fetches, returning the error (nil on success) and every event.
    func run(_ fetcher: MNISTFetcher, into directory: String) -> (FetchError?, [MNISTFetcher.Event])
    {
        var events = [MNISTFetcher.Event]()
        do {
            try fetcher.fetch(into: directory) { events.append($0) }
            return (nil, events)
        } catch {
            return (error, events)
        }
    }

    func failures(_ error: FetchError?) -> [FetchError.Attempt] {
        guard case .incomplete(_, _, let attempts, _) = error else { return [] }
        return attempts
    }

    @Test func aGoodDownloadLandsUnderTheFinalNamesAndIsNotRepeated() throws {
        let server = try LocalHTTPServer(routes: Self.routes("/mnist/"))
        let directory = try temporaryDirectory() + "/new/folder"
        let (error, events) = run(fetcher([server.url + "/mnist/"]), into: directory)
        #expect(error == nil, "\(String(describing: error))")
        #expect(try contents(directory) == Self.files.map(\.name).sorted())
        for file in Self.files {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file.name))
            #expect(Array(data) == file.bytes, "\(file.name)")
        }
        let downloaded = events.compactMap { event -> Int64? in
            if case .downloaded(_, _, let bytes, .matches) = event { return bytes }
            return nil
        }
        #expect(downloaded == Self.files.map { Int64($0.bytes.count) })
        // Progress reached the whole size, as the server announced it.
        let last = events.last { if case .progress = $0 { return true } else { return false } }
        if case .progress(_, _, let received, let total) = last {
            #expect(received == total && total == Int64(Self.files[3].bytes.count))
        } else {
            Issue.record("no progress reported")
        }

        // A second run checks the files and downloads nothing.
        let before = server.requests.count
        let (again, second) = run(fetcher([server.url + "/mnist/"]), into: directory)
        #expect(again == nil)
        #expect(server.requests.count == before)
        #expect(
            second.count == 4
                && second.allSatisfy { if case .present(_, .matches) = $0 { true } else { false } })
    }

    @Test func aCorruptedFileIsRefusedAndLeavesNothingBehind() throws {
        var corrupted = Self.files[1].bytes
        corrupted[100] ^= 1
        let server = try LocalHTTPServer(
            routes: Self.routes("/m/", [Self.files[1].name: .file(corrupted)]))
        let directory = try temporaryDirectory()
        let (error, _) = run(fetcher([server.url + "/m/"]), into: directory)
        guard case .incomplete(_, let missing, let attempts, _) = error else {
            Issue.record("accepted a corrupted file: \(String(describing: error))")
            return
        }
        #expect(missing == [Self.files[1].name])
        #expect(attempts.count == 1)
        if case .checksumMismatch(.differs(let md5, _)) = attempts.first?.fault {
            #expect(md5 != Self.archives[1].md5)
        } else {
            Issue.record("\(attempts)")
        }
        // The others arrived; the corrupted one left neither its name nor a temporary file.
        #expect(try contents(directory) == [0, 2, 3].map { Self.files[$0].name }.sorted())
        #expect(error?.description.contains("checksum mismatch") == true)
    }

    @Test func aServerThatClosesMidFileLeavesNothingBehind() throws {
        let whole = Self.files[0].bytes
        let server = try LocalHTTPServer(
            routes: Self.routes("/m/", [Self.files[0].name: .cutShort(whole, sent: 700_000)]))
        let directory = try temporaryDirectory()
        let (error, events) = run(fetcher([server.url + "/m/"]), into: directory)
        let attempts = failures(error)
        #expect(attempts.count == 1 && attempts.first?.archive == Self.files[0].name)
        if case .cutShort = attempts.first?.fault {
        } else {
            Issue.record("\(attempts)")
        }
        #expect(
            events.contains {
                if case .progress(_, _, let received, _) = $0 { return received > 0 }
                return false
            })
        #expect(try contents(directory) == Self.files.dropFirst().map(\.name).sorted())
    }

    @Test func aNotFoundOnTheFirstMirrorFallsBackToTheSecond() throws {
        // One server, two folders: the first has nothing (404 for every file), the second all.
        let server = try LocalHTTPServer(routes: Self.routes("/second/"))
        let directory = try temporaryDirectory()
        let mirrors = [server.url + "/first/", server.url + "/second/"]
        let (error, events) = run(fetcher(mirrors), into: directory)
        #expect(error == nil, "\(String(describing: error))")
        #expect(try contents(directory) == Self.files.map(\.name).sorted())
        let notFound = events.filter {
            if case .failed(_, _, .httpStatus(404)) = $0 { return true }
            return false
        }
        // A 404 is about one file: the first mirror is still asked for each of the four.
        #expect(notFound.count == 4)
        #expect(
            server.requests
                == Self.files.flatMap { ["/first/" + $0.name, "/second/" + $0.name] })
    }

    @Test func redirectsAreFollowed() throws {
        let server = try LocalHTTPServer(routes: Self.routes("/real/"))
        for file in Self.files {
            server.set("/moved/" + file.name, .redirect(server.url + "/real/" + file.name))
        }
        let directory = try temporaryDirectory()
        let (error, _) = run(fetcher([server.url + "/moved"]), into: directory)
        #expect(error == nil, "\(String(describing: error))")
        #expect(try contents(directory) == Self.files.map(\.name).sorted())
    }

    @Test func aStalledServerIsGivenUpAndLeavesNothingBehind() throws {
        let whole = Self.files[0].bytes
        let server = try LocalHTTPServer(
            routes: Self.routes("/m/", [Self.files[0].name: .stall(whole, sent: 200_000)]))
        defer { server.stopServing() }
        let directory = try temporaryDirectory()
        let final = directory + "/" + Self.files[0].name
        var sawPartial = false
        var events = [MNISTFetcher.Event]()
        var caught: FetchError?
        do {
            try fetcher([server.url + "/m/"], stallSeconds: 1).fetch(into: directory) { event in
                events.append(event)
                // While bytes arrive they go to a temporary file; the final name stays absent.
                if case .progress(let archive, _, let received, _) = event, received > 0,
                    archive.name == Self.files[0].name
                {
                    let names = (try? contents(directory)) ?? []
                    #expect(!FileManager.default.fileExists(atPath: final))
                    sawPartial =
                        sawPartial
                        || names.contains { $0.hasPrefix("." + Self.files[0].name + ".part-") }
                }
            }
        } catch {
            caught = error
        }
        #expect(sawPartial)
        #expect(failures(caught).map(\.fault) == [.stalled(seconds: 1)])
        #expect(try contents(directory) == Self.files.dropFirst().map(\.name).sorted())
    }

    @Test func anUnreachableMirrorIsNotAskedAgain() throws {
        let server = try LocalHTTPServer(routes: Self.routes("/m/"))
        // Port 1 on 127.0.0.1: nothing listens there, the connection is refused at once.
        let closed = "http://127.0.0.1:1/"
        let directory = try temporaryDirectory()
        let (error, events) = run(fetcher([closed, server.url + "/m/"]), into: directory)
        #expect(error == nil, "\(String(describing: error))")
        let refused = events.filter {
            if case .failed(_, _, let fault) = $0 { return fault.mirrorIsUnreachable }
            return false
        }
        #expect(refused.count == 1)
        #expect(try contents(directory) == Self.files.map(\.name).sorted())
    }

    @Test func withNoMirrorWithinReachTheMessageSaysWhatToDownloadAndWhere() throws {
        let directory = try temporaryDirectory()
        let (error, _) = run(fetcher(["http://127.0.0.1:1/"]), into: directory)
        let message = error?.description ?? ""
        for file in Self.files {
            #expect(message.contains(MNISTFetcher.standardMirrors[0] + file.name), "\(message)")
        }
        #expect(message.contains("put them in \(directory)"))
        #expect(message.contains("not tried, no mirror left within reach"))
        #expect(try contents(directory).isEmpty)
    }

    @Test func aWrongFileAlreadyThereIsReplacedByAGoodOne() throws {
        let server = try LocalHTTPServer(routes: Self.routes("/m/"))
        let directory = try temporaryDirectory()
        let name = Self.files[2].name
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: directory + "/" + name))
        let (error, events) = run(fetcher([server.url + "/m/"]), into: directory)
        #expect(error == nil)
        #expect(
            events.contains { if case .replacing(let a, _) = $0 { a.name == name } else { false } })
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        #expect(Array(data) == Self.files[2].bytes)
    }

    @Test func aFileURLIsAMirrorToo() throws {
        let source = try temporaryDirectory()
        for file in Self.files {
            try Data(file.bytes).write(to: URL(fileURLWithPath: source + "/" + file.name))
        }
        let directory = try temporaryDirectory()
        let (error, _) = run(fetcher(["file://" + source]), into: directory)
        #expect(error == nil, "\(String(describing: error))")
        #expect(try contents(directory) == Self.files.map(\.name).sorted())
    }

    @Test func anUnwritableFolderIsReportedAtOnce() throws {
        let server = try LocalHTTPServer(routes: Self.routes("/m/"))
        let directory = try temporaryDirectory()
        let file = directory + "/plain-file"
        try Data().write(to: URL(fileURLWithPath: file))
        let (error, _) = run(fetcher([server.url + "/m/"]), into: file + "/mnist")
        #expect(error?.description.hasPrefix("\(file)/mnist: cannot create the folder") == true)
        #expect(server.requests.isEmpty)
    }
}

/// The published checksums against the real files, served from 127.0.0.1.
@Suite(.enabled(if: RealMNIST.hasArchives, Comment(rawValue: RealMNIST.absence)))
struct RealMNISTFetchTests {
    @Test func theRealFilesPassThePinnedChecksums() throws {
        var routes = [String: LocalHTTPServer.Reply]()
        for archive in MNISTArchive.standard {
            let data = try Data(
                contentsOf: URL(fileURLWithPath: RealMNIST.directory + "/" + archive.name))
            routes["/mnist/" + archive.name] = .file(Array(data))
        }
        let server = try LocalHTTPServer(routes: routes)
        let directory = Scratch.path("lenet5-fetch")
        var verdicts = [String: MNISTArchive.Verdict]()
        try MNISTFetcher(mirrors: [server.url + "/mnist/"]).fetch(into: directory) { event in
            if case .downloaded(let archive, _, _, let verdict) = event {
                verdicts[archive.name] = verdict
            }
        }
        // The copies here are the published archives, except the training images, which were
        // gzipped again: their content is the published one.
        #expect(verdicts["train-images-idx3-ubyte.gz"] == .matchesContent)
        for name in [
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        ] {
            #expect(verdicts[name] == .matches, "\(name)")
        }
    }
}

/// The tests' MNIST (`TestMNIST`: LENET5_MNIST, or ../shared/data/mnist), as the four archives.
enum RealMNIST {
    static let directory = TestMNIST.directory ?? ""
    static let hasArchives =
        TestMNIST.isAvailable
        && MNISTArchive.standard.allSatisfy {
            FileManager.default.fileExists(atPath: directory + "/" + $0.name)
        }
    static let absence =
        TestMNIST.isAvailable ? "needs the four .gz archives in \(directory)" : TestMNIST.absence
}
