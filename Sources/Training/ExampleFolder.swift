import LeNet5
import Platform

/// A folder of labelled drawings to teach a network from: one subfolder per class, named for the
/// class, holding that class's examples as text grids (`.txt`, as the sketchpad saves them) or PGM
/// images (`.pgm`). The sketchpad's teach mode writes here, one file per example the moment it is
/// labelled; `lenet5 transfer --examples DIR` reads any such folder.
///
/// Entries whose names start with a dot are hidden and left alone, and so are files of other
/// kinds (a README, or the `.partial-*` file of a write that a crash cut short); a class folder
/// must hold at least one drawing.
public struct ExampleFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `--examples DIR` when given, else the default folder.
    public init(
        option: String?,
        environment: (String) -> String? = MNISTLocation.processEnvironment
    ) {
        if let option, !option.isEmpty {
            self.init(path: option)
        } else {
            self.init(path: Self.defaultPath(environment: environment))
        }
    }

    /// $XDG_DATA_HOME/lenet5/examples when XDG_DATA_HOME is an absolute path (the XDG Base
    /// Directory rule: a relative one is ignored), else ~/.local/share/lenet5/examples.
    public static func defaultPath(
        environment: (String) -> String? = MNISTLocation.processEnvironment
    ) -> String {
        if let data = environment("XDG_DATA_HOME"), data.hasPrefix("/") {
            return MNISTLocation.joined(data, "lenet5/examples")
        }
        let home =
            environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? MNISTLocation.accountHome()
        return MNISTLocation.joined(home, ".local/share/lenet5/examples")
    }

    /// The folder of class `name`.
    public func classPath(_ name: String) -> String { MNISTLocation.joined(path, name) }

    // MARK: Reading

    /// The classes in the folder, by name in byte order (the order of a network's outputs), each
    /// with its example files in the order they were made. Checks the names, not the drawings.
    public func classes() throws(ExampleFolderError) -> [ExampleClass] {
        let names: [String]
        do {
            names = try Self.entries(of: path, directories: true)
        } catch {
            throw .unreadableFolder(path, reason: error.reason)
        }
        var result = [ExampleClass]()
        for name in names {
            let folder = classPath(name)
            if let fault = ClassNames.fault(name) { throw .badClassName(folder, name, fault) }
            let files: [String]
            do {
                files = try Self.entries(of: folder, directories: false).filter(Self.isDrawingName)
            } catch {
                throw .unreadableFolder(folder, reason: error.reason)
            }
            result.append(
                ExampleClass(name: name, files: files.map { MNISTLocation.joined(folder, $0) }))
        }
        return result
    }

    /// Every example, read and checked: what a network can be taught from. Refuses (naming the
    /// folder or the file) a folder with fewer than two classes or more than twenty, a class with
    /// no drawings or only one, and a drawing that cannot be read or has no ink.
    public func load() throws(ExampleFolderError) -> TeachingExamples {
        let found = try classes()
        guard found.count >= NetworkGeometry.classLimits.lowerBound else {
            throw found.isEmpty ? .noClasses(path) : .singleClass(classPath(found[0].name))
        }
        guard found.count <= NetworkGeometry.classLimits.upperBound else {
            throw .tooManyClasses(path, found.count)
        }
        var examples = [TeachingExample]()
        for (label, item) in found.enumerated() {
            let folder = classPath(item.name)
            guard !item.files.isEmpty else { throw .noDrawings(folder) }
            guard item.files.count >= TeachingExamples.minimumPerClass else {
                throw .tooFewExamples(folder, item.files.count)
            }
            for file in item.files {
                examples.append(
                    TeachingExample(label: label, drawing: try Self.drawing(at: file), file: file))
            }
        }
        return TeachingExamples(classes: found.map(\.name), examples: examples)
    }

    /// The drawing in `file`, which must have ink.
    public static func drawing(at file: String) throws(ExampleFolderError) -> Bitmap {
        let bytes: [UInt8]
        do {
            // Drawings are small; a limit keeps a stray huge file from eating the memory.
            bytes = try readFileContents(file, limit: 64 << 20)
        } catch {
            throw .unreadableFile(file, reason: error.reason)
        }
        let drawing: Bitmap
        do {
            drawing = try DrawingFormats.drawing(from: bytes)
        } catch {
            throw .notADrawing(file, error)
        }
        guard !drawing.isBlank else { throw .blank(file) }
        return drawing
    }

    // MARK: Writing

    /// Files the teach mode writes are numbered: `000001.txt`, `000002.txt`, ..., so that their
    /// names sort in the order they were made.
    static let numberDigits = 6

    /// Writes `drawing` as a new example of class `name` (creating the class's folder, and the
    /// examples folder, if needed): at once, through a temporary file and a link, so that a crash
    /// leaves either the whole example or none, and never replaces another. Returns its path.
    @discardableResult
    public func add(_ drawing: Bitmap, to name: String) throws(ExampleFolderError) -> String {
        let folder = classPath(name)
        if let fault = ClassNames.fault(name) { throw .badClassName(folder, name, fault) }
        guard drawing.width == 32 && drawing.height == 32 else {
            throw .notSaved(folder, reason: "a teaching example is a 32x32 drawing")
        }
        do {
            try Self.makeFolder(path)
            try Self.makeFolder(folder)
        } catch {
            throw .notSaved(error.path, reason: error.reason)
        }
        let existing: [String]
        do {
            existing = try Self.entries(of: folder, directories: false)
        } catch {
            throw .notSaved(folder, reason: error.reason)
        }
        var number = existing.compactMap(Self.exampleNumber).max() ?? 0
        let bytes = Array(DrawingFormats.textGrid(drawing).utf8)
        // Another writer may take a number between our look and our link: then the next one.
        for _ in 0..<100 {
            number += 1
            let file = MNISTLocation.joined(folder, Self.exampleName(number))
            do {
                try writeFileContents(bytes, to: file, overwrite: false)
                return file
            } catch {
                if access(file, F_OK) != 0 { throw .notSaved(file, reason: error.reason) }
            }
        }
        throw .notSaved(folder, reason: "could not find a free example number")
    }

    /// Deletes one example file of this folder.
    public func remove(_ file: String) throws(ExampleFolderError) {
        let parent = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        let grandparent = parent.lastIndex(of: "/").map { String(parent[..<$0]) } ?? "."
        guard Self.sameFolder(grandparent, path), Self.isDrawingName(Self.lastComponent(file))
        else { throw .notAnExample(file, folder: path) }
        guard unlink(file) == 0 else { throw .notDeleted(file, reason: systemReasonText()) }
    }

    /// Removes an empty class folder (after its last example was deleted); a folder that still
    /// holds anything is left as it is.
    public func removeClassIfEmpty(_ name: String) {
        _ = rmdir(classPath(name))
    }

    static func exampleName(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, numberDigits - digits.count)) + digits + ".txt"
    }

    /// The number of a file named as `exampleName` makes them, or nil.
    static func exampleNumber(_ name: String) -> Int? {
        guard name.hasSuffix(".txt") else { return nil }
        let stem = name.dropLast(4)
        guard stem.count >= numberDigits, stem.allSatisfy(\.isASCII), stem.allSatisfy(\.isNumber)
        else { return nil }
        return Int(stem)
    }

    // MARK: The file system

    /// `.txt` and `.pgm`, in any case, and not hidden.
    static func isDrawingName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return !name.hasPrefix(".") && (lower.hasSuffix(".txt") || lower.hasSuffix(".pgm"))
            && name.count > 4
    }

    static func lastComponent(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func trimmed(_ s: String) -> String {
            var s = s
            while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
            return s
        }
        return trimmed(a) == trimmed(b)
    }

    /// The names in a folder (not hidden ones), sorted by their bytes: the subfolders or the
    /// other entries. A name that is not valid UTF-8 is kept with its bytes repaired, and then
    /// fails the class-name check rather than vanishing.
    static func entries(of folder: String, directories: Bool) throws(PathFault) -> [String] {
        guard let stream = opendir(folder) else {
            throw PathFault(path: folder, reason: systemReasonText())
        }
        defer { closedir(stream) }
        var names = [String]()
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: 256) { c in
                    String(validatingCString: c) ?? String(cString: c) + "\u{FFFD}"
                }
            }
            guard !name.hasPrefix(".") else { continue }
            var status = stat()
            let isDirectory =
                stat(MNISTLocation.joined(folder, name), &status) == 0
                && (status.st_mode & S_IFMT) == S_IFDIR
            if isDirectory == directories { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func makeFolder(_ folder: String) throws(PathFault) {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST {
            var status = stat()
            guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
                throw PathFault(path: folder, reason: "is not a folder")
            }
            return
        }
        if errno == ENOENT {
            // The parent is missing: make it first (mkdir -p).
            let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            guard !parent.isEmpty, parent != folder else {
                throw PathFault(path: folder, reason: systemReasonText())
            }
            try makeFolder(parent)
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                throw PathFault(path: folder, reason: systemReasonText())
            }
            return
        }
        throw PathFault(path: folder, reason: systemReasonText())
    }
}

/// A folder operation that failed: where, and the reason the system gave.
struct PathFault: Error {
    let path: String
    let reason: String
}

func systemReasonText() -> String {
    let code = errno
    return String(cString: strerror(code)).lowercased()
}
