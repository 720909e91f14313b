/// The files a drawing can come from.
///
/// A text grid is 32 lines of 32 characters: `.`, space or `0` for background, `#` or `1` for ink.
/// Lines may be shorter (trailing background left out, as editors trim it); a line ending with CR
/// LF is accepted, and so are blank lines after the 32nd. The sketchpad saves this format.
///
/// PGM is Netpbm's greyscale format, plain (P2) or binary (P5), any size, 8 or 16 bits. Its values
/// are brightness, so whichever of dark and light covers most of the border is taken as paper and
/// the other as ink: a scan (dark on light) and an MNIST-style image (light on dark) both work.
public enum DrawingFormats {
    /// Reads a drawing in whichever format the bytes are.
    public static func drawing(from bytes: [UInt8]) throws(DrawingError) -> Bitmap {
        if bytes.count >= 2 && bytes[0] == UInt8(ascii: "P")
            && (bytes[1] == UInt8(ascii: "2") || bytes[1] == UInt8(ascii: "5"))
        {
            return try pgm(bytes)
        }
        return try textGrid(bytes)
    }

    public static func textGrid(_ bytes: [UInt8]) throws(DrawingError) -> Bitmap {
        guard !bytes.isEmpty else { throw DrawingError("the file is empty") }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A final newline ends the last line rather than starting another; blank lines after the
        // 32nd (an editor's extra ones) are not rows either.
        if lines.last?.isEmpty == true { lines.removeLast() }
        while lines.count > 32, let last = lines.last, last.allSatisfy({ $0 == 13 || $0 == 32 }) {
            lines.removeLast()
        }
        guard lines.count == 32 else {
            throw DrawingError(
                "expected a text grid of 32 lines of 32 characters (or a PGM image), "
                    + "found \(lines.count) line\(lines.count == 1 ? "" : "s")")
        }
        var pixels = [Float](repeating: 0, count: 1024)
        for (y, var line) in lines.enumerated() {
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard line.count <= 32 else {
                throw DrawingError("line \(y + 1) has \(line.count) characters, at most 32 allowed")
            }
            for (x, byte) in line.enumerated() {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: "1"): pixels[y * 32 + x] = 1
                case UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "0"): break
                default:
                    throw DrawingError(
                        "line \(y + 1), column \(x + 1): unexpected character "
                            + describe(byte) + " (use . or 0 for background, # or 1 for ink)")
                }
            }
        }
        return Bitmap(width: 32, height: 32, pixels: pixels)
    }

    /// The drawing as a text grid, `#` for ink (any value of at least one half) and `.` elsewhere.
    public static func textGrid(_ drawing: Bitmap) -> String {
        var text = ""
        for y in 0..<drawing.height {
            for x in 0..<drawing.width { text += drawing[x, y] >= 0.5 ? "#" : "." }
            text += "\n"
        }
        return text
    }

    /// The largest PGM accepted, in pixels per side: far beyond any drawing, small enough that a
    /// corrupt header cannot ask for gigabytes.
    public static let maximumPGMSide = 8192

    /// The size a PGM's header declares and where its raster starts (the byte after the maximum
    /// value, which for P5 is the single whitespace before the raster), or nil when `bytes` end
    /// before the header does.
    static func pgmHeader(_ bytes: [UInt8]) throws(DrawingError)
        -> (width: Int, height: Int, maximum: Int, end: Int)?
    {
        var reader = PGMHeaderReader(bytes: bytes)
        reader.index = 2
        guard let width = try reader.optionalNumber(), let height = try reader.optionalNumber(),
            let maximum = try reader.optionalNumber()
        else { return nil }
        guard (1...maximumPGMSide).contains(width), (1...maximumPGMSide).contains(height) else {
            throw DrawingError("PGM size \(width)x\(height) is outside 1...\(maximumPGMSide)")
        }
        guard (1...65535).contains(maximum) else {
            throw DrawingError("PGM maximum value \(maximum) is outside 1...65535")
        }
        return (width, height, maximum, reader.index)
    }

    public static func pgm(_ bytes: [UInt8]) throws(DrawingError) -> Bitmap {
        guard let header = try pgmHeader(bytes) else {
            // Name the first part missing, as a reader of the header would find it.
            var reader = PGMHeaderReader(bytes: bytes)
            reader.index = 2
            for name in ["width", "height", "maximum value"] { _ = try reader.number(name) }
            throw DrawingError("PGM header is incomplete")
        }
        let (width, height, maximum) = (header.width, header.height, header.maximum)
        let binary = bytes[1] == UInt8(ascii: "5")
        let count = width * height
        // The raw values, as floats (exact up to 2^24, beyond 65535): one array of the picture's
        // size is the only large allocation.
        var values = [Float](repeating: 0, count: count)
        var largest = 0
        var largestAt = 0
        if binary {
            // Exactly one whitespace byte separates the header from the raster.
            guard header.end < bytes.count, PGMHeaderReader.isWhitespace(bytes[header.end]) else {
                throw DrawingError("PGM header is not followed by whitespace")
            }
            let start = header.end + 1
            let size = maximum < 256 ? 1 : 2
            guard bytes.count - start >= count * size else {
                throw DrawingError(
                    "PGM raster is truncated: \(count * size) bytes expected, "
                        + "\(max(0, bytes.count - start)) present")
            }
            for i in 0..<count {
                let value =
                    size == 1
                    ? Int(bytes[start + i])
                    : Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1])
                if value > largest { (largest, largestAt) = (value, i) }
                values[i] = Float(value)
            }
        } else {
            var reader = PGMHeaderReader(bytes: bytes)
            reader.index = header.end
            for i in 0..<count {
                guard let value = try reader.optionalNumber() else {
                    throw DrawingError(
                        "PGM raster is truncated: \(count) values expected, \(i) present")
                }
                if value > largest { (largest, largestAt) = (value, i) }
                values[i] = Float(value)
            }
        }
        guard largest <= maximum else {
            // The first value beyond the maximum, as a person reading the file would meet it.
            let bad = values.firstIndex { $0 > Float(maximum) } ?? largestAt
            throw DrawingError(
                "PGM value \(Int(values[bad])) at pixel \(bad % width),\(bad / width) exceeds the "
                    + "maximum \(maximum)")
        }
        return orient(width: width, height: height, values: values, maximum: maximum)
    }

    /// Ink is whichever of dark and light the border has less of. Turns the raw `values` into
    /// brightness and then into ink in place.
    static func orient(width: Int, height: Int, values: [Float], maximum: Int) -> Bitmap {
        var pixels = values
        let scale = 1 / Float(maximum)
        for i in pixels.indices { pixels[i] *= scale }
        var border: Double = 0
        var borderCount: Double = 0
        for y in 0..<height {
            for x in 0..<width where y == 0 || y == height - 1 || x == 0 || x == width - 1 {
                border += Double(pixels[y * width + x])
                borderCount += 1
            }
        }
        if border / borderCount > 0.5 {
            for i in pixels.indices { pixels[i] = 1 - pixels[i] }
        }
        return Bitmap(width: width, height: height, pixels: pixels)
    }

    static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte)
            ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}

/// Reads the whitespace-separated numbers of a PGM header, skipping `#` comments.
struct PGMHeaderReader {
    let bytes: [UInt8]
    var index = 0

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    mutating func number(_ name: String) throws(DrawingError) -> Int {
        guard let value = try optionalNumber() else {
            throw DrawingError("PGM header ends before its \(name)")
        }
        return value
    }

    /// The next number, or nil at the end of the bytes.
    mutating func optionalNumber() throws(DrawingError) -> Int? {
        while index < bytes.count {
            if Self.isWhitespace(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D {
                    index += 1
                }
            } else {
                break
            }
        }
        guard index < bytes.count else { return nil }
        var value = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
            guard value <= 1 << 30 else { throw DrawingError("PGM number is too large") }
        }
        guard digits > 0 else {
            throw DrawingError(
                "PGM has " + DrawingFormats.describe(bytes[index]) + " where a number belongs")
        }
        return value
    }
}

/// What is wrong with a drawing file; the caller adds the file's name.
public struct DrawingError: Error, CustomStringConvertible, Equatable {
    public let fault: String
    init(_ fault: String) { self.fault = fault }
    public var description: String { fault }
}
