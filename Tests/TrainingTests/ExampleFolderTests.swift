import Foundation
import LeNet5
import ReferenceFixtures
import Testing

@testable import Training

/// The examples folder: where it is, writing and deleting examples as the teach mode will, and
/// every fault of a folder to teach from named with the folder or file at fault.
@Suite struct ExampleFolderTests {
    static func temporaryFolder() throws -> String {
        let path = Scratch.path("lenet5-examples")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let grid: String = {
        var rows = [String](repeating: String(repeating: ".", count: 32), count: 32)
        for y in 8..<24 {
            rows[y] = String(repeating: ".", count: 15) + "#" + String(repeating: ".", count: 16)
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func theDefaultFolderFollowsXDGThenHome() {
        func environment(_ values: [String: String]) -> (String) -> String? { { values[$0] } }
        #expect(
            ExampleFolder.defaultPath(
                environment: environment(["XDG_DATA_HOME": "/data", "HOME": "/h"]))
                == "/data/lenet5/examples")
        // XDG's rule: a relative XDG_DATA_HOME is ignored.
        #expect(
            ExampleFolder.defaultPath(
                environment: environment(["XDG_DATA_HOME": "rel", "HOME": "/h"]))
                == "/h/.local/share/lenet5/examples")
        #expect(
            ExampleFolder.defaultPath(environment: environment(["HOME": "/h/"]))
                == "/h/.local/share/lenet5/examples")
        #expect(ExampleFolder(option: "/x", environment: environment([:])).path == "/x")
        #expect(
            ExampleFolder(option: nil, environment: environment(["HOME": "/h"])).path
                == "/h/.local/share/lenet5/examples")
    }

    @Test func addingWritesNumberedFilesInOrderAndDeletingRemovesThem() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The folder does not exist yet: adding makes it.
        let folder = ExampleFolder(path: root + "/deep/examples")
        let drawing = try DrawingFormats.drawing(from: Array(Self.grid.utf8))
        var written = [String]()
        for name in ["star", "plus", "star", "star"] {
            written.append(try folder.add(drawing, to: name))
        }
        #expect(
            written[0].hasSuffix("/star/000001.txt") && written[3].hasSuffix("/star/000003.txt"))
        let classes = try folder.classes()
        #expect(classes.map(\.name) == ["plus", "star"])
        #expect(classes[1].files == [written[0], written[2], written[3]])
        // What was written reads back as the same drawing, and the folder teaches.
        #expect(try ExampleFolder.drawing(at: written[2]) == drawing)
        try folder.add(drawing, to: "plus")
        let loaded = try folder.load()
        #expect(loaded.classes == ["plus", "star"] && loaded.counts == [2, 3])
        // Deleting: the next number still follows the largest left.
        try folder.remove(written[3])
        #expect(!FileManager.default.fileExists(atPath: written[3]))
        #expect(try folder.add(drawing, to: "star").hasSuffix("/star/000003.txt"))
        #expect(throws: ExampleFolderError.self) { try folder.remove(root + "/elsewhere.txt") }
        #expect(throws: ExampleFolderError.self) { try folder.add(drawing, to: "a/b") }
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.classPath("star"))
        #expect(left.allSatisfy { $0.hasSuffix(".txt") && !$0.contains("partial") }, "\(left)")
        // The last example of a class deleted, its empty folder can go.
        try folder.remove(folder.classPath("plus") + "/000001.txt")
        try folder.remove(folder.classPath("plus") + "/000002.txt")
        folder.removeClassIfEmpty("plus")
        #expect(try folder.classes().map(\.name) == ["star"])
    }

    /// Hidden entries, stray files and the leftovers of an interrupted write are not examples.
    @Test func onlyDrawingsInClassFoldersCount() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for path in ["a/1.txt", "a/2.PGM", "b/x.txt", "b/y.txt", ".git/z.txt", "a/.hidden.txt"] {
            try Self.write(
                path.hasSuffix("PGM") ? "P2 2 2 1 1 0 0 0\n" : Self.grid, to: root + "/" + path)
        }
        try Self.write("notes", to: root + "/README")
        try Self.write("notes", to: root + "/a/README.md")
        try Self.write("half", to: root + "/b/000003.txt.partial-123")
        let classes = try ExampleFolder(path: root).classes()
        #expect(classes.map(\.name) == ["a", "b"])
        #expect(classes[0].files.map { ($0 as NSString).lastPathComponent } == ["1.txt", "2.PGM"])
        #expect(classes[1].files.count == 2)
    }

    func fault(_ files: [String: String], folders: [String] = []) throws -> ExampleFolderError? {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, text) in files { try Self.write(text, to: root + "/" + path) }
        for folder in folders {
            try FileManager.default.createDirectory(
                atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        do {
            _ = try ExampleFolder(path: root).load()
            return nil
        } catch {
            // Every message names where the fault is.
            #expect(error.description.hasPrefix(root), "\(error)")
            return error
        }
    }

    @Test func everyBadFolderIsRefusedWithItsFault() throws {
        let two = [
            "a/1.txt": Self.grid, "a/2.txt": Self.grid, "b/1.txt": Self.grid, "b/2.txt": Self.grid,
        ]
        #expect(try fault(two) == nil)
        #expect(try fault([:]).map { if case .noClasses = $0 { true } else { false } } == true)
        let single = try fault(["a/1.txt": Self.grid, "a/2.txt": Self.grid])
        #expect(
            single.map { if case .singleClass(let f) = $0 { f.hasSuffix("/a") } else { false } }
                == true)
        var many = [String: String]()
        for k in 0..<21 {
            many["c\(k)/1.txt"] = Self.grid
            many["c\(k)/2.txt"] = Self.grid
        }
        #expect(
            try fault(many).map { if case .tooManyClasses(_, 21) = $0 { true } else { false } }
                == true)
        var one = two
        one["b/2.txt"] = nil
        let few = try fault(one)
        #expect(
            few.map { if case .tooFewExamples(let f, 1) = $0 { f.hasSuffix("/b") } else { false } }
                == true)
        #expect(few?.description.contains("at least 2") == true)
        let empty = try fault(two.merging(["c/notes.md": "x"]) { $1 })
        #expect(
            empty.map { if case .noDrawings(let f) = $0 { f.hasSuffix("/c") } else { false } }
                == true)
        let empty2 = try fault(two, folders: ["d"])
        #expect(
            empty2.map { if case .noDrawings(let f) = $0 { f.hasSuffix("/d") } else { false } }
                == true)
        let malformed = try fault(two.merging(["b/3.txt": "##x\n"]) { $1 })
        #expect(
            malformed.map {
                if case .notADrawing(let f, _) = $0 { f.hasSuffix("/b/3.txt") } else { false }
            } == true)
        let blank = try fault(two.merging(["b/3.txt": String(repeating: ".\n", count: 32)]) { $1 })
        #expect(
            blank.map { if case .blank(let f) = $0 { f.hasSuffix("/b/3.txt") } else { false } }
                == true)
        for bad in ["a:b", "what?", " lead", "trail "] {
            let named = try fault(
                two.merging(["\(bad)/1.txt": Self.grid, "\(bad)/2.txt": Self.grid]) { $1 })
            #expect(
                named.map {
                    if case .badClassName(let f, bad, _) = $0 {
                        f.hasSuffix("/" + bad)
                    } else {
                        false
                    }
                }
                    == true, "\(bad)")
        }
    }

    @Test func anUnreadableDrawingIsNamed() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for path in ["a/1.txt", "a/2.txt", "b/1.txt", "b/2.txt"] {
            try Self.write(Self.grid, to: root + "/" + path)
        }
        // A link to nowhere: listed, but it cannot be opened.
        try FileManager.default.createSymbolicLink(
            atPath: root + "/b/3.txt", withDestinationPath: root + "/nowhere")
        do {
            _ = try ExampleFolder(path: root).load()
            Issue.record("a dangling link was read")
        } catch {
            guard case .unreadableFile(let file, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(file == root + "/b/3.txt")
        }
        #expect(throws: ExampleFolderError.self) { try ExampleFolder(path: root + "/none").load() }
    }
}
