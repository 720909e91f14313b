/// Reads a drawing from a file, header first, so that no more is read than the drawing could
/// need: a text grid is small, and a PGM's header says how large its raster is. A wrong path to a
/// huge file, or a PGM of the wrong size where one size is required, is refused before its body is
/// read or parsed.
public enum DrawingFile {
    /// The largest text grid: 32 lines of 32 characters ending in CR LF take 1,088 bytes; the rest
    /// leaves room for the blank lines an editor may add after them.
    public static let maximumTextGridLength = 64 << 10

    /// A PGM header (magic, size, maximum value and `#` comments) longer than this is not one.
    public static let maximumPGMHeaderLength = 64 << 10

    /// The most bytes a plain (P2) PGM may spend per value: "65535" and a separator take six, the
    /// rest is room for generous spacing. Beyond this the file is not a picture of its size.
    public static let maximumPlainPGMBytesPerValue = 16

    /// The drawing in the file at `path` (`-` for standard input). With `requiredSide`, a drawing
    /// of any other size is refused from its header.
    public static func read(_ path: String, requiredSide: Int? = nil) throws(DrawingFileError)
        -> Bitmap
    {
        let reader: FileReader
        var bytes: [UInt8]
        do {
            reader = try FileReader(path)
            bytes = try reader.read(upTo: maximumPGMHeaderLength)
        } catch {
            throw .unreadable(error.reason)
        }
        let isPGM =
            bytes.count >= 2 && bytes[0] == UInt8(ascii: "P")
            && (bytes[1] == UInt8(ascii: "2") || bytes[1] == UInt8(ascii: "5"))
        let most: Int
        if isPGM {
            let header: (width: Int, height: Int, maximum: Int, end: Int)?
            do {
                header = try DrawingFormats.pgmHeader(bytes)
            } catch {
                throw .malformed(error)
            }
            // A header that fills the first read may have been cut: it must be followed by at
            // least one byte to be known whole.
            guard let header, header.end < bytes.count || bytes.count < maximumPGMHeaderLength
            else {
                guard bytes.count < maximumPGMHeaderLength else {
                    throw .malformed(
                        DrawingError(
                            "PGM header is longer than \(maximumPGMHeaderLength) bytes"))
                }
                // Short file, incomplete header: the parser names what is missing.
                return try parse(bytes)
            }
            if let side = requiredSide, header.width != side || header.height != side {
                throw .wrongSize(width: header.width, height: header.height, required: side)
            }
            let count = header.width * header.height
            most =
                bytes[1] == UInt8(ascii: "5")
                ? header.end + 1 + count * (header.maximum < 256 ? 1 : 2)
                : header.end + count * maximumPlainPGMBytesPerValue + maximumPGMHeaderLength
        } else {
            most = maximumTextGridLength
        }
        // A binary PGM's raster is read exactly, and whatever follows it is not read; one byte
        // more than a plain PGM or a text grid may hold tells that the file is too long.
        let isBinaryPGM = isPGM && bytes[1] == UInt8(ascii: "5")
        let wanted = isBinaryPGM ? most : most + 1
        if bytes.count < wanted {
            do {
                bytes += try reader.read(upTo: wanted - bytes.count)
            } catch {
                throw .unreadable(error.reason)
            }
        }
        if bytes.count > most && !isBinaryPGM {
            throw .unreadable(
                isPGM
                    ? "is larger than a plain PGM of its size can be (\(most) bytes)"
                    : "is larger than \(most) bytes: not a text grid (32 lines of 32 characters) "
                        + "nor a PGM image")
        }
        return try parse(bytes)
    }

    private static func parse(_ bytes: [UInt8]) throws(DrawingFileError) -> Bitmap {
        do {
            return try DrawingFormats.drawing(from: bytes)
        } catch {
            throw .malformed(error)
        }
    }
}

/// Why a drawing file cannot be used; the caller adds the file's name.
public enum DrawingFileError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read (the system's reason), or is too large to be a drawing.
    case unreadable(String)
    /// The bytes are not a drawing.
    case malformed(DrawingError)
    /// A drawing of one size was required, and the header declares another.
    case wrongSize(width: Int, height: Int, required: Int)

    public var description: String {
        switch self {
        case .unreadable(let reason): reason
        case .malformed(let error): error.fault
        case .wrongSize(let width, let height, let required):
            "is \(width)x\(height); \(required)x\(required) is required"
        }
    }
}
