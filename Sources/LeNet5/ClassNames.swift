import Kernels

/// What a network's outputs are called: one name per output unit, in output order. The shipped
/// network's are the digits "0" to "9"; a taught network's are the names its examples were filed
/// under, each the name of a folder (`lenet5 transfer`, the sketchpad's teach mode). A weights file
/// keeps them in its metadata under `classes`, as a JSON list of strings.
public enum ClassNames {
    /// The metadata key.
    public static let metadataKey = "classes"

    /// The longest name taken, in characters: long enough for "question mark", short enough for a
    /// label beside a bar.
    public static let maximumLength = 24

    /// "0" to "9", the shipped network's classes.
    public static let digits = (0..<NetworkGeometry.digitClasses).map(String.init)

    /// The names of a network whose file names none: its output indices, "0", "1", ... (for ten,
    /// the digits).
    public static func indices(_ count: Int) -> [String] { (0..<count).map(String.init) }

    /// Whether `names` are exactly the ten digits in order.
    public static func areDigits(_ names: [String]) -> Bool { names == digits }

    /// Why `name` cannot be a class (and so the name of a folder of examples), or nil if it can.
    /// Refused: the empty name, `.` and `..`, names starting with a dot (hidden folders), spaces at
    /// either end, control characters, and the characters that some system refuses in a folder's
    /// name (`/ \ : * ? " < > |`), so that an examples folder copies anywhere.
    public static func fault(_ name: String) -> ClassNameFault? {
        if name.isEmpty { return .empty }
        if name.count > maximumLength { return .tooLong(name.count) }
        if name.first == "." { return .startsWithDot }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
            return .surroundingSpace
        }
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                return .controlCharacter
            }
            // What stands in for bytes that are not UTF-8 (a folder named in another encoding).
            if scalar == "\u{FFFD}" { return .notText }
            if forbidden.contains(scalar) { return .forbiddenCharacter(Character(scalar)) }
        }
        return nil
    }

    static let forbidden: Set<Unicode.Scalar> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]

    /// The names as the metadata keeps them: a JSON list of strings.
    public static func encoded(_ names: [String]) -> String {
        JSONValue.array(names.map { .string($0) }).serialized
    }

    /// The names in a metadata value, checked against the network's `count` classes.
    public static func decoded(_ text: String, count: Int) throws(ClassListFault) -> [String] {
        guard case .array(let values) = try? JSONValue(parsing: ArraySlice(text.utf8)) else {
            throw .notAList
        }
        var names = [String]()
        for value in values {
            guard case .string(let name) = value else { throw .notAList }
            if let fault = fault(name) { throw .badName(name, fault) }
            guard !names.contains(name) else { throw .repeated(name) }
            names.append(name)
        }
        guard names.count == count else { throw .count(names.count, classes: count) }
        return names
    }
}

/// Why a name cannot be a class.
public enum ClassNameFault: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case startsWithDot
    case surroundingSpace
    case controlCharacter
    case notText
    case forbiddenCharacter(Character)

    public var description: String {
        switch self {
        case .empty: "is empty"
        case .tooLong(let length):
            "is \(length) characters long, at most \(ClassNames.maximumLength) are allowed"
        case .startsWithDot: "starts with a dot (a hidden folder)"
        case .surroundingSpace: "starts or ends with a space"
        case .controlCharacter: "holds a control character"
        case .notText: "is not valid UTF-8 text"
        case .forbiddenCharacter(let c):
            "holds '\(c)', which a folder's name cannot hold everywhere (/ \\ : * ? \" < > |)"
        }
    }
}

/// Why the list of class names in a weights file's metadata is unusable.
public enum ClassListFault: Error, Equatable, Sendable, CustomStringConvertible {
    case notAList
    case badName(String, ClassNameFault)
    case repeated(String)
    case count(Int, classes: Int)

    public var description: String {
        switch self {
        case .notAList: "the metadata's classes are not a JSON list of strings"
        case .badName(let name, let fault): "the class name \"\(name)\" \(fault)"
        case .repeated(let name): "the class name \"\(name)\" appears twice"
        case .count(let names, let classes):
            "the metadata names \(names) classes, but output.weight has \(classes)"
        }
    }
}
