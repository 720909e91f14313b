/// A JSON value, parsed strictly (RFC 8259) with bounded nesting. The safetensors header is the
/// only JSON this package reads, and it reads untrusted files: a parser of its own keeps every
/// limit in view and gives integers exactly, which a Double-based one cannot for 64-bit offsets.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written, so that integers need no detour through Double.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static let maximumDepth = 64

    public init(parsing bytes: ArraySlice<UInt8>) throws(JSONError) {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        self = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.endIndex else {
            throw parser.error("unexpected text after the value")
        }
    }

    /// The value as an integer, if it is a number written without fraction or exponent that fits.
    public var integer: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// Serialises with keys sorted, so that equal values give equal bytes.
    public var serialized: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let text): text
        case .string(let s): Self.quoted(s)
        case .array(let values): "[" + values.map(\.serialized).joined(separator: ",") + "]"
        case .object(let fields):
            "{"
                + fields.sorted { $0.key < $1.key }.map {
                    Self.quoted($0.key) + ":" + $0.value.serialized
                }
                .joined(separator: ",") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private struct Parser {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        func error(_ message: String) -> JSONError {
            JSONError(message: message, offset: index - bytes.startIndex)
        }

        var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
        }

        mutating func expect(_ literal: String) throws(JSONError) {
            for byte in literal.utf8 {
                guard current == byte else { throw error("expected \(literal)") }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(JSONError) -> JSONValue {
            guard depth < JSONValue.maximumDepth else { throw error("nested too deeply") }
            switch current {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case .some(let c) where c == UInt8(ascii: "-") || (0x30...0x39).contains(c):
                return .number(try number())
            case nil: throw error("unexpected end")
            default: throw error("unexpected character")
            }
        }

        mutating func object(depth: Int) throws(JSONError) -> JSONValue {
            index += 1
            var fields = [String: JSONValue]()
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipWhitespace()
                try expect(":")
                skipWhitespace()
                guard fields[key] == nil else { throw error("duplicate key \(key)") }
                fields[key] = try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect("}")
                return .object(fields)
            }
        }

        mutating func array(depth: Int) throws(JSONError) -> JSONValue {
            index += 1
            var values = [JSONValue]()
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            while true {
                skipWhitespace()
                values.append(try value(depth: depth + 1))
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect("]")
                return .array(values)
            }
        }

        mutating func number() throws(JSONError) -> String {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, (0x30...0x39).contains(first) else {
                throw error("malformed number")
            }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if current == UInt8(ascii: ".") {
                index += 1
                guard skipDigits() > 0 else { throw error("malformed number") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard skipDigits() > 0 else { throw error("malformed number") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        @discardableResult
        mutating func skipDigits() -> Int {
            var count = 0
            while let c = current, (0x30...0x39).contains(c) {
                index += 1
                count += 1
            }
            return count
        }

        mutating func string() throws(JSONError) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index  // start of the current run of plain bytes
            func flush(_ parser: Parser, _ end: Int, into scalars: inout String.UnicodeScalarView)
                throws(JSONError)
            {
                guard run < end else { return }
                guard let text = String(validating: parser.bytes[run..<end], as: UTF8.self) else {
                    throw parser.error("string is not valid UTF-8")
                }
                scalars.append(contentsOf: text.unicodeScalars)
            }
            while true {
                guard let c = current else { throw error("unterminated string") }
                if c == UInt8(ascii: "\"") {
                    try flush(self, index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                guard c >= 0x20 else { throw error("control character in a string") }
                if c != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                try flush(self, index, into: &scalars)
                index += 1
                guard let escape = current else { throw error("unterminated string") }
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        try expect("\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw error("unpaired surrogate")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("invalid \\u escape")
                    }
                    scalars.append(scalar)
                default: throw error("invalid escape")
                }
                run = index
            }
        }

        mutating func hex4() throws(JSONError) -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let c = current, let digit = Self.hexDigit(c) else {
                    throw error("invalid \\u escape")
                }
                code = code << 4 | digit
                index += 1
            }
            return code
        }

        static func hexDigit(_ c: UInt8) -> UInt32? {
            switch c {
            case 0x30...0x39: UInt32(c - 0x30)
            case 0x41...0x46: UInt32(c - 0x41 + 10)
            case 0x61...0x66: UInt32(c - 0x61 + 10)
            default: nil
            }
        }
    }
}

public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// Byte offset into the JSON text.
    public let offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}
