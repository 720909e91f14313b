import BundledWeights
import LeNet5

/// Everything the sketchpad says in words, by topic: a few sentences on each layer and on each
/// view, with placeholders for the facts of the drawing on screen. Read from the files under
/// Assets/explanations, which are built into the binary, or from a teacher's edited copy.
public struct Explanations: Equatable, Sendable {
    private let sections: [Topic: Explanation]

    /// The text on `topic`; every topic has one (the files were checked when they were read).
    public subscript(topic: Topic) -> Explanation {
        sections[topic] ?? Explanation(paragraphs: [])
    }

    public subscript(layer: NetworkLayer) -> Explanation { self[.layer(layer)] }
    public subscript(view: View) -> Explanation { self[.view(view)] }

    /// What teaching measured, in words (`FactSheet.comparison`): how the taught network and one
    /// trained from scratch were tested, then why transfer did better, or why it did not.
    public func comparison(_ facts: FactSheet) -> [String] {
        self[View.comparison].text(facts)
            + self[facts[.aheadBy] == nil ? View.scratchAsGood : .transferAhead].text(facts)
    }

    init(sections: [Topic: Explanation]) { self.sections = sections }

    /// The files in `directory` (each of `ExplanationFile`), checked whole: the first fault found
    /// is thrown.
    public init(directory: String) throws(ExplanationError) {
        var sections = [Topic: Explanation]()
        for file in ExplanationFile.allCases {
            let path =
                directory.hasSuffix("/")
                ? directory + file.rawValue : directory + "/" + file.rawValue
            let bytes: [UInt8]
            do {
                bytes = try readFileContents(path, limit: Self.sizeLimit)
            } catch {
                throw .unreadable(path: path, reason: error.reason)
            }
            try sections.merge(Self.parse(bytes, path: path, file: file)) { $1 }
        }
        self.init(sections: sections)
    }

    /// The explanations built into the binary, as Assets/explanations held them at build time.
    /// They are the project's own files, checked by the tests: a fault here is a broken build.
    public static let bundled: Explanations = {
        var sections = [Topic: Explanation]()
        for file in ExplanationFile.allCases {
            let path = "explanations/" + file.rawValue
            guard let bytes = BundledText.contents(of: path) else {
                preconditionFailure("\(path) is not built into the binary")
            }
            do {
                try sections.merge(parse(bytes, path: path, file: file)) { $1 }
            } catch {
                preconditionFailure("the built-in \(error)")
            }
        }
        return Explanations(sections: sections)
    }()

    /// An explanation file is a few kilobytes; anything much larger is the wrong file.
    static let sizeLimit = 1 << 20

    public static func parse(_ bytes: [UInt8], path: String, file: ExplanationFile)
        throws(ExplanationError) -> [Topic: Explanation]
    {
        try ExplanationParser(path: path, file: file).parse(bytes)
    }
}

/// The text files of Assets built into the binary (see Sources/BundledWeights).
public enum BundledText {
    /// Their paths under Assets: "explanations/layers.txt", ...
    public static var paths: [String] {
        (0..<lenet5_bundled_text_count()).compactMap { index in
            lenet5_bundled_text_path(index).map { String(cString: $0) }
        }
    }

    /// The bytes of the file at `path` under Assets, if it is built in.
    public static func contents(of path: String) -> [UInt8]? {
        guard let index = paths.firstIndex(of: path) else { return nil }
        var count = 0
        guard let bytes = lenet5_bundled_text(index, &count) else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }
}
