import Foundation
import ReferenceFixtures
import Testing

@testable import LeNet5

/// Drawings are read header first, and no more than the drawing can need (issue 11, item 4).
@Suite struct DrawingFileTests {
    func file(_ bytes: [UInt8], name: String = "drawing") throws -> String {
        let path = Scratch.path("lenet5-drawing", suffix: "-" + name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A header declaring 8192x8000 with no raster at all: refused for its size from the header,
    /// where the whole file would otherwise be read and found truncated.
    @Test func aRequiredSizeIsCheckedFromTheHeader() throws {
        for magic in ["P5", "P2"] {
            let path = try file(Array("\(magic) 8192 8000 255\n".utf8))
            #expect(throws: DrawingFileError.wrongSize(width: 8192, height: 8000, required: 32)) {
                try DrawingFile.read(path, requiredSide: 32)
            }
            #expect(throws: DrawingFileError.self) { try DrawingFile.read(path) }
        }
        let fits = try file(Array("P5 32 32 255\n".utf8) + [UInt8](repeating: 9, count: 1024))
        #expect(try DrawingFile.read(fits, requiredSide: 32).width == 32)
    }

    /// A binary PGM's raster is read exactly: what follows it (another image, junk) is not read.
    @Test func aBinaryPGMIsReadUpToItsRasterOnly() throws {
        let picture = Array("P5 2 2 255\n".utf8) + [0, 255, 0, 0]
        let path = try file(picture + [UInt8](repeating: 0x41, count: 5 << 20))
        let drawing = try DrawingFile.read(path)
        #expect(drawing.pixels == [0, 1, 0, 0])
    }

    @Test func filesLargerThanADrawingCanBeAreRefused() throws {
        let row = String(repeating: ".", count: 32) + "\n"
        let grid = Array(String(repeating: row, count: 32).utf8)
        #expect(try DrawingFile.read(try file(grid)).width == 32)
        let padded = try file(
            grid + [UInt8](repeating: 0x20, count: DrawingFile.maximumTextGridLength))
        #expect(
            throws: DrawingFileError.unreadable(
                "is larger than 65536 bytes: not a text grid (32 lines of 32 characters) nor a PGM image"
            )
        ) { try DrawingFile.read(padded) }
        // 2x2 plain values, then far more spaces than any writer puts between them.
        let spaced = try file(
            Array("P2 2 2 1\n1 0 0".utf8) + [UInt8](repeating: 0x20, count: 70_000) + [0x31])
        let error = #expect(throws: DrawingFileError.self) { try DrawingFile.read(spaced) }
        #expect(
            error?.description.hasPrefix("is larger than a plain PGM of its size can be") == true)
        #expect(
            throws: DrawingFileError.unreadable(
                "is larger than 65536 bytes: not a text grid (32 lines of 32 characters) nor a PGM image"
            )
        ) {
            try DrawingFile.read("/dev/zero")
        }
    }

    @Test func aHeaderLongerThanAnyPictureNeedsIsRefused() throws {
        let comment =
            "# " + String(repeating: "x", count: DrawingFile.maximumPGMHeaderLength) + "\n"
        let path = try file(Array("P5\n\(comment)2 2 255\n".utf8) + [0, 1, 2, 3])
        #expect(
            throws: DrawingFileError.malformed(
                DrawingError("PGM header is longer than 65536 bytes"))
        ) { try DrawingFile.read(path) }
    }

    @Test func theFaultsOfTheParserAndTheSystemAreKept() throws {
        #expect(throws: DrawingFileError.unreadable("no such file or directory")) {
            try DrawingFile.read("/nonexistent/drawing.txt")
        }
        #expect(
            throws: DrawingFileError.malformed(DrawingError("PGM header ends before its height"))
        ) {
            try DrawingFile.read(try file(Array("P2 4".utf8)))
        }
        #expect(
            throws: DrawingFileError.malformed(
                DrawingError("PGM raster is truncated: 4 bytes expected, 3 present"))
        ) {
            try DrawingFile.read(try file(Array("P5 2 2 255\n".utf8) + [1, 2, 3]))
        }
    }

    /// One line is "1 line" (issue 11).
    @Test func countsAreWordedForOne() {
        #expect(
            throws: DrawingError(
                "expected a text grid of 32 lines of 32 characters (or a PGM image), found 1 line")
        ) {
            try DrawingFormats.drawing(from: [0xFF, 0xFE, 0x00])
        }
    }

    /// A PGM as large as allowed is parsed into one array of its size (before: an array of Int
    /// and then one of Float), and ink is found the same way as at any size.
    @Test func aLargePGMIsOrientedLikeASmallOne() throws {
        let side = 1000
        var raster = [UInt8](repeating: 255, count: side * side)
        for y in 400..<600 { for x in 450..<550 { raster[y * side + x] = 0 } }
        let drawing = try DrawingFormats.pgm(Array("P5 \(side) \(side) 255\n".utf8) + raster)
        #expect(drawing.pixels.reduce(0, +) == 200 * 100)
        #expect(drawing[500, 500] == 1 && drawing[0, 0] == 0)
    }
}
