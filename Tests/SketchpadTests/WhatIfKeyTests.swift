import LeNet5
import Lessons
import Screen
import Teaching
import Testing

@testable import Sketchpad

/// The what-if keys through `update`: each change of the drawing is the library's transform and
/// one undo step; P reads the raw canvas, and everything on screen follows; S charts a sweep that
/// is the library's own and follows the drawing.
@Suite struct WhatIfKeyTests {
    /// The keys and the transforms they stand for.
    static let keys: [(Character, DrawingTransform)] = [
        ("H", .shift(x: -1, y: 0)), ("J", .shift(x: 0, y: 1)), ("K", .shift(x: 0, y: -1)),
        ("L", .shift(x: 1, y: 0)), ("<", .rotate(degrees: 15)), (">", .rotate(degrees: -15)),
        ("+", .scale(factor: 1.25)), ("-", .scale(factor: 0.8)), ("b", .thicken(steps: 1)),
        ("B", .thin(steps: 1)),
    ]

    @Test func eachKeyChangesTheDrawingAsItsTransformDoesAndUUndoesIt() throws {
        for (key, transform) in Self.keys {
            var pad = makeShippedState(canvas: sample("eight.txt"))
            // Thick strokes, so that thinning has something to take.
            pad.press(.character("b"))
            let before = pad.canvas
            pad.press(.character(key))
            let expected = try #require(Canvas(transform.applied(to: before.bitmap)))
            #expect(pad.canvas == expected, "\(key)")
            #expect(pad.canvas != before, "\(key) changed nothing")
            #expect(pad.notice?.hasSuffix("(u undoes)") == true, "\(key): \(pad.notice ?? "")")
            pad.press(.character("u"))
            #expect(pad.canvas == before, "\(key) is one undo step")
            pad.press(.character("U"))
            #expect(pad.canvas == expected, "\(key) is redone")
        }
    }

    @Test func aChangeThatChangesNothingSaysSo() {
        var pad = makeShippedState(canvas: sample("thin-one.txt"))
        let thin = pad.canvas
        pad.press(.character("B"))
        #expect(pad.canvas == thin && !pad.canUndo)
        #expect(pad.notice == "Nothing to thin: every stroke is one cell wide already")
        var empty = makeShippedState()
        empty.press(.character("<"))
        #expect(empty.canvas.isEmpty && empty.notice == "Nothing to change: the canvas is empty")
        // Moved off the canvas, the ink is gone, and u brings it back.
        var corner = makeShippedState(canvas: sample("eight-in-a-corner.txt"))
        for _ in 0..<32 { corner.press(.character("H")) }
        #expect(corner.canvas.isEmpty)
        #expect(corner.notice?.contains("no ink is left") == true || corner.canvas.isEmpty)
        while corner.canUndo { corner.press(.character("u")) }
        #expect(corner.canvas == sample("eight-in-a-corner.txt"))
    }

    /// P: the network reads the canvas as it is. The small 8 in a corner reads as the library
    /// says it reads raw, the title says the preprocessing is off, and the input layer's words
    /// are the ones for the raw canvas.
    @Test func pReadsTheRawCanvasAndTheScreenSaysSo() throws {
        let eight = sample("eight-in-a-corner.txt")
        var pad = makeShippedState(width: 120, height: 36, canvas: eight)
        let classifier = pad.derivations.classifier
        let raw = try #require(classifier.reading(of: eight.bitmap, preprocess: false))
        let scaled = try #require(classifier.reading(of: eight.bitmap, preprocess: true))
        #expect(pad.reading.prediction?.digit == scaled.best)
        pad.press(.character("P"))
        #expect(!pad.preprocessing)
        #expect(pad.reading.prediction?.digit == raw.best && raw.best != scaled.best)
        #expect(pad.reading.trace?.maps(.input).values == raw.input)
        let screen = pad.render().lines.joined(separator: "\n")
        #expect(screen.contains("PREPROCESSING OFF"))
        #expect(screen.contains("raw canvas"))
        // The input layer's words: what the drawing reads as both ways.
        pad.press(.tab, .backTab)
        let words = pad.render().lines.joined(separator: " ").split(separator: " ").joined(
            separator: " ")
        let percent = FactSheet.percent(raw.probabilities[raw.best])
        #expect(words.contains("As it is, it reads \(raw.best) (\(percent))"), "\(words)")
        pad.press(.character("P"))
        #expect(pad.preprocessing && pad.reading.prediction?.digit == scaled.best)
        #expect(!pad.render().lines.joined().contains("PREPROCESSING OFF"))
    }

    /// S: the sweep view of each kind in turn, then closed; what it charts is the library's sweep
    /// of the drawing on the canvas, and it follows a change of the drawing.
    @Test func sChartsTheSweepOfEachKindAndFollowsTheDrawing() {
        var pad = makeShippedState(width: 80, height: 24, canvas: sample("seven.txt"))
        let classifier = pad.derivations.classifier
        var kinds = [SweepKind?]()
        for _ in 0..<5 {
            pad.press(.character("S"))
            kinds.append(pad.sweepKind)
            if let kind = pad.sweepKind {
                let derived = pad.derivations.derive(from: pad.state)
                #expect(derived.sweep == classifier.sweep(pad.canvas.bitmap, kind))
            }
        }
        #expect(kinds == [.rotate, .shift, .scale, .stroke, nil])
        pad.press(.character("S"), .character(">"))
        let turned = pad.derivations.derive(from: pad.state)
        #expect(turned.sweep == classifier.sweep(pad.canvas.bitmap, .rotate))
        // Without the preprocessing, the sweep is of the raw canvas.
        pad.press(.character("P"))
        let raw = pad.derivations.derive(from: pad.state)
        #expect(raw.sweep == classifier.sweep(pad.canvas.bitmap, .rotate, preprocess: false))
        // The chart is on screen, in the network panel's place; Esc closes it from the network.
        let screen = pad.render().lines.joined(separator: "\n")
        #expect(screen.contains("What if it turns?") && screen.contains("reads  "))
        pad.focus = .network
        pad.press(.escape)
        #expect(pad.sweepKind == nil)
    }
}
