import Testing

@testable import Screen

@Suite struct CellBufferTests {
    @Test func writesOutsideTheBufferOrTheClipAreDropped() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.write("abcdefgh", x: -1, y: 0)
        buffer.write("xyz", x: 1, y: 1, clip: Rect(x: 2, y: 1, width: 1, height: 1))
        buffer.write("never", x: 0, y: 2)
        #expect(buffer.lines == ["bcdefg", "  y   "])
    }

    @Test func piecesFollowOneAnotherAndKeepTheirStyles() {
        var buffer = CellBuffer(width: 8, height: 1)
        let end = buffer.write([("ab", .bold), ("cd", .reverse)], x: 1, y: 0)
        #expect(end == 5)
        #expect(buffer.lines == [" abcd   "])
        #expect(buffer[2, 0].style == .bold && buffer[3, 0].style == .reverse)
    }

    @Test func fillCoversTheRectangleOnly() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 5), with: Cell("#"))
        #expect(buffer.lines == ["    ", " ## ", " ## "])
    }

    @Test func rectanglesSplitWithoutOverlapOrGap() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 6)
        let (top, rest) = rect.splitTop(2)
        #expect(top == Rect(x: 2, y: 3, width: 10, height: 2))
        #expect(rest == Rect(x: 2, y: 5, width: 10, height: 4))
        let (bottom, above) = rect.splitBottom(10)
        #expect(bottom == rect && above.isEmpty)
        let (left, right) = rect.splitLeft(4)
        #expect(left.maxX == right.x && left.width + right.width == 10)
        #expect(rect.inset(4).isEmpty && rect.inset(1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(rect.contains(Point(x: 11, y: 8)) && !rect.contains(Point(x: 12, y: 8)))
    }
}
