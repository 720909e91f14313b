import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct FileContentsTests {
    func directory() throws -> String {
        let path = Scratch.path("lenet5-files")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writingNeverReplacesAFileUnlessAsked() throws {
        let dir = try directory()
        let path = dir + "/digit.txt"
        try writeFileContents(Array("one".utf8), to: path, overwrite: false)
        #expect(throws: FileReadError(path: path, reason: "already exists")) {
            try writeFileContents(Array("two".utf8), to: path, overwrite: false)
        }
        #expect(try readFileContents(path) == Array("one".utf8))
        try writeFileContents(Array("three".utf8), to: path, overwrite: true)
        #expect(try readFileContents(path) == Array("three".utf8))
        // Nothing is left behind from the temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["digit.txt"])
    }

    @Test func aDirectoryIsNeverAFileToWrite() throws {
        let dir = try directory()
        for overwrite in [false, true] {
            #expect(throws: FileReadError(path: dir, reason: "is a directory")) {
                try writeFileContents(Array("x".utf8), to: dir, overwrite: overwrite)
            }
        }
        #expect(throws: FileReadError.self) {
            try writeFileContents([1], to: dir + "/missing/x.txt", overwrite: false)
        }
    }

    @Test func readingRefusesDirectoriesAndMissingFilesAndHugeOnes() throws {
        let dir = try directory()
        #expect(throws: FileReadError(path: dir, reason: "is a directory")) {
            try readFileContents(dir)
        }
        #expect(throws: FileReadError(path: dir + "/x", reason: "no such file or directory")) {
            try readFileContents(dir + "/x")
        }
        try writeFileContents([UInt8](repeating: 7, count: 5000), to: dir + "/big", overwrite: true)
        #expect(throws: FileReadError(path: dir + "/big", reason: "is larger than 100 bytes")) {
            try readFileContents(dir + "/big", limit: 100)
        }
    }
}

/// The write that the sketchpad's save and `train --out` share (issue 11, item 2): never through
/// a symbolic link, never over anything but a regular file, nothing left behind.
@Suite struct SafeWriteTests {
    func directory() throws -> String {
        let path = Scratch.path("lenet5-write")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ path: String) throws -> String {
        String(decoding: try readFileContents(path), as: UTF8.self)
    }

    func entries(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    /// The attack of the issue: the old temporary name, `NAME.partial-<pid>`, planted as a link to
    /// a victim. The victim must not get the drawing.
    @Test func thePredictableOldTemporaryNameIsNotFollowed() throws {
        let dir = try directory()
        try writeFileContents(Array("victim".utf8), to: dir + "/victim.txt")
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/target.txt.partial-\(getpid())",
            withDestinationPath: dir + "/victim.txt")
        try writeFileContents(Array("first".utf8), to: dir + "/target.txt", overwrite: false)
        #expect(try contents(dir + "/target.txt") == "first")
        try writeFileContents(Array("second".utf8), to: dir + "/target.txt", overwrite: true)
        #expect(try contents(dir + "/target.txt") == "second")
        #expect(try contents(dir + "/victim.txt") == "victim")
    }

    /// Whatever name the temporary file gets, a link planted there is neither followed nor
    /// removed: the write moves on to another name.
    @Test(arguments: [false, true])
    func aLinkPlantedAtTheTemporaryNameIsNotFollowed(overwrite: Bool) throws {
        let dir = try directory()
        try writeFileContents(Array("victim".utf8), to: dir + "/victim.txt")
        let planted = dir + "/target.txt.partial-planted"
        try FileManager.default.createSymbolicLink(
            atPath: planted, withDestinationPath: dir + "/victim.txt")
        // A dangling link too: O_CREAT alone would create its destination.
        let dangling = dir + "/target.txt.partial-dangling"
        try FileManager.default.createSymbolicLink(
            atPath: dangling, withDestinationPath: dir + "/created-through-link.txt")
        var names = ["planted", "dangling", "fresh"].makeIterator()
        let temporary = try TemporaryFile(beside: dir + "/target.txt") { names.next() ?? "x" }
        #expect(temporary.path == dir + "/target.txt.partial-fresh")
        try temporary.write(Array("drawing".utf8), mode: nil)
        temporary.remove()
        #expect(try contents(dir + "/victim.txt") == "victim")
        #expect(!FileManager.default.fileExists(atPath: dir + "/created-through-link.txt"))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: planted)
                == dir + "/victim.txt")
        // And the whole write, with a random name, leaves only the target and the planted links.
        try writeFileContents(Array("drawing".utf8), to: dir + "/target.txt", overwrite: overwrite)
        #expect(try contents(dir + "/target.txt") == "drawing")
        #expect(
            try entries(dir) == [
                "target.txt", "target.txt.partial-dangling", "target.txt.partial-planted",
                "victim.txt",
            ])
    }

    /// While a temporary file exists it is listed, so that a signal handler can remove it
    /// (`TemporaryFiles.removeAll`), and once the write is over it is not.
    @Test func temporaryFilesAreListedForASignalHandler() throws {
        let dir = try directory()
        let temporary = try TemporaryFile(beside: dir + "/w.safetensors")
        #expect(TemporaryFiles.current.contains(temporary.path))
        #expect(FileManager.default.fileExists(atPath: temporary.path))
        var ranAfterRemoval = false
        // Only this test's: other tests may be writing at the same time.
        TemporaryFiles.removeAll(where: { $0.hasPrefix(dir) }) {
            ranAfterRemoval = !FileManager.default.fileExists(atPath: temporary.path)
        }
        #expect(ranAfterRemoval)
        #expect(!TemporaryFiles.current.contains(temporary.path))
        temporary.remove()
        try writeFileContents([1], to: dir + "/w.safetensors")
        #expect(!TemporaryFiles.current.contains { $0.hasPrefix(dir) })
        #expect(try entries(dir) == ["w.safetensors"])
    }

    @Test func temporaryNamesAreUnpredictable() {
        let names = Set((0..<100).map { _ in TemporaryFile.randomLetters(12) })
        #expect(names.count == 100 && names.allSatisfy { $0.count == 12 })
    }

    /// Nothing but a regular file is replaced: not a device (as root, a save over /dev/full
    /// would have removed the system's device), not a FIFO, not a link of any kind.
    @Test func onlyARegularFileIsReplaced() throws {
        let dir = try directory()
        #expect(mkfifo(dir + "/fifo", 0o644) == 0)
        try writeFileContents(Array("kept".utf8), to: dir + "/regular.txt")
        let links = [
            ("to-device", "/dev/null"), ("to-fifo", dir + "/fifo"),
            ("to-regular", dir + "/regular.txt"), ("dangling", dir + "/nothing"),
        ]
        for (name, destination) in links {
            try FileManager.default.createSymbolicLink(
                atPath: dir + "/" + name, withDestinationPath: destination)
        }
        var cases = [(dir + "/fifo", "is a FIFO, not replaced")]
        cases += links.map { (dir + "/" + $0.0, "is a symbolic link (to \($0.1)), not replaced") }
        // A device of its own (a copy of /dev/null, which only root may make), so that a broken
        // check cannot remove the system's.
        // (glibc's makedev(1, 3), which Swift does not import, for a small major and minor.)
        let madeDevice = mknod(dir + "/device", S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0
        if madeDevice {
            cases.append((dir + "/device", "is a character device, not replaced"))
        }
        #expect(
            throws: FileReadError(path: "/dev/null", reason: "is a character device, not replaced")
        ) {
            try checkWritable("/dev/null")
        }
        for (path, reason) in cases {
            #expect(throws: FileReadError(path: path, reason: reason)) {
                try writeFileContents(Array("x".utf8), to: path, overwrite: true)
            }
            #expect(throws: FileReadError(path: path, reason: reason)) { try checkWritable(path) }
            #expect(throws: FileReadError(path: path, reason: "already exists")) {
                try writeFileContents(Array("x".utf8), to: path, overwrite: false)
            }
        }
        #expect(try contents(dir + "/regular.txt") == "kept")
        #expect(
            try entries(dir).filter { $0 != "device" } == [
                "dangling", "fifo", "regular.txt", "to-device", "to-fifo", "to-regular",
            ])
        var status = stat()
        #expect(
            !madeDevice
                || (lstat(dir + "/device", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR))
        #expect(!TemporaryFiles.current.contains { $0.hasPrefix(dir) })
    }

    @Test func replacingKeepsTheModeOfTheFileReplaced() throws {
        let dir = try directory()
        let path = dir + "/w.safetensors"
        try writeFileContents([1, 2, 3], to: path)
        #expect(chmod(path, 0o600) == 0)
        try writeFileContents([4, 5], to: path)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try readFileContents(path) == [4, 5])
    }

    @Test func checkWritableFailsAtOnceWhereTheWriteWould() throws {
        let dir = try directory()
        #expect(throws: FileReadError(path: "", reason: "the file name is empty")) {
            try checkWritable("")
        }
        #expect(throws: FileReadError(path: dir, reason: "is a directory")) {
            try checkWritable(dir)
        }
        #expect(throws: FileReadError(path: dir + "/x/", reason: "is a directory")) {
            try checkWritable(dir + "/x/")
        }
        #expect(
            throws: FileReadError(
                path: dir + "/missing/w",
                reason: "cannot write to directory \(dir)/missing: no such file or directory")
        ) {
            try checkWritable(dir + "/missing/w")
        }
        try checkWritable(dir + "/new.safetensors")
        // The check leaves nothing behind.
        #expect(try entries(dir).isEmpty)
    }

    /// A long name leaves no room for the temporary suffix within the system's 255 bytes: the
    /// temporary file takes a short name, and the write succeeds.
    @Test func aNameNearTheLimitCanBeWritten() throws {
        let dir = try directory()
        let path = dir + "/" + String(repeating: "n", count: 250)
        try writeFileContents([9], to: path)
        #expect(try readFileContents(path) == [9])
        #expect(try entries(dir) == [String(repeating: "n", count: 250)])
    }

    @Test func readingARegularFileLargerThanTheLimitFailsFromItsSize() throws {
        let dir = try directory()
        // A sparse file of 4 GB takes no room on the disk and would take 4 GB to read.
        let path = dir + "/huge"
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(descriptor, 4 << 30) == 0)
        close(descriptor)
        #expect(throws: FileReadError(path: path, reason: "is larger than 1000 bytes")) {
            try readFileContents(path, limit: 1000)
        }
        // A device has no size to look at: the limit stops the read.
        #expect(throws: FileReadError(path: "/dev/zero", reason: "is larger than 1000 bytes")) {
            try readFileContents("/dev/zero", limit: 1000)
        }
        let reader = try FileReader("/dev/zero")
        #expect(reader.regularFileSize == nil)
        #expect(try reader.read(upTo: 100_000).count == 100_000)
    }
}
