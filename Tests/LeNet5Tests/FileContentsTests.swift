import Foundation
import Testing

@testable import LeNet5

@Suite struct FileContentsTests {
    func directory() throws -> String {
        let path = NSTemporaryDirectory() + "lenet5-files-\(UUID().uuidString)"
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
