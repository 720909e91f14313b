import LeNet5
import Screen
import Testing

@testable import Sketchpad

@Suite struct CanvasTests {
    @Test(arguments: [1, 2, 3])
    func brushPaintsASquareThatHoldsTheCursor(size: Int) {
        var canvas = Canvas()
        canvas.stamp(at: Point(x: 10, y: 10), brush: size, ink: true)
        #expect(canvas.inkCount == size * size)
        #expect(canvas[10, 10])
        // Size 3 is centred; size 2 reaches right and down.
        #expect(canvas[9, 9] == (size == 3))
        #expect(canvas[11, 11] == (size >= 2))
    }

    @Test func brushIsClippedAtTheEdges() {
        var canvas = Canvas()
        canvas.stamp(at: Point(x: 0, y: 0), brush: 3, ink: true)
        canvas.stamp(at: Point(x: 31, y: 31), brush: 2, ink: true)
        #expect(canvas.inkCount == 4 + 1)
    }

    @Test func linesHaveNoGapsWhateverTheirDirection() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let a = Point(
                x: Int.random(in: 0..<32, using: &generator),
                y: Int.random(in: 0..<32, using: &generator))
            let b = Point(
                x: Int.random(in: 0..<32, using: &generator),
                y: Int.random(in: 0..<32, using: &generator))
            let cells = Canvas.cellsOnLine(from: a, to: b)
            #expect(cells.first == a && cells.last == b)
            // Each step moves to one of the eight neighbours, and the line is as short as it can be.
            for (p, q) in zip(cells, cells.dropFirst()) {
                #expect(max(abs(p.x - q.x), abs(p.y - q.y)) == 1)
            }
            #expect(cells.count == max(abs(a.x - b.x), abs(a.y - b.y)) + 1)
        }
    }

    @Test func eraseAndClear() {
        var canvas = Canvas()
        canvas.line(from: Point(x: 0, y: 5), to: Point(x: 31, y: 5), brush: 1, ink: true)
        #expect(canvas.inkCount == 32)
        canvas.stamp(at: Point(x: 4, y: 5), brush: 1, ink: false)
        #expect(canvas.inkCount == 31 && !canvas[4, 5])
        canvas.clear()
        #expect(canvas.isEmpty)
    }

    @Test func bitmapRoundTripsThroughTheTextGrid() throws {
        var canvas = Canvas()
        canvas.line(from: Point(x: 3, y: 3), to: Point(x: 20, y: 28), brush: 2, ink: true)
        let text = DrawingFormats.textGrid(canvas.bitmap)
        let read = try DrawingFormats.textGrid(Array(text.utf8))
        #expect(Canvas(read) == canvas)
    }

    @Test func historyIsBounded() {
        var history = History()
        var canvas = Canvas()
        for i in 0..<(History.limit + 50) {
            history.record(canvas)
            canvas.stamp(at: Point(x: i % 32, y: (i / 32) % 32), brush: 1, ink: true)
        }
        var steps = 0
        while let previous = history.undo(canvas) {
            canvas = previous
            steps += 1
        }
        #expect(steps == History.limit)
    }
}
