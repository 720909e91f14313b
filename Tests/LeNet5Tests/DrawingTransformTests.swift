import Foundation
import Testing

@testable import LeNet5

/// The what-if transforms, checked by their properties on the shipped samples and on random
/// stroke drawings: connectivity is counted here independently of `Thinning`'s own test.
@Suite struct DrawingTransformTests {
    /// The shipped samples (32x32 text grids, ink 1) and 200 random drawings of one to three
    /// strokes, one or two cells wide, as a mouse draws them.
    static let drawings: [Bitmap] = {
        let samples = (try? FileManager.default.contentsOfDirectory(atPath: samplesFolder)) ?? []
        var drawings = samples.sorted().compactMap { name -> Bitmap? in
            guard let bytes = try? readFileContents(samplesFolder + "/" + name) else { return nil }
            return try? DrawingFormats.drawing(from: bytes)
        }
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<200 { drawings.append(randomStrokes(&generator)) }
        return drawings
    }()

    static let samplesFolder: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Assets/samples").path
    }()

    static func randomStrokes(_ generator: inout SeededGenerator) -> Bitmap {
        var drawing = Bitmap(width: 32, height: 32)
        let brush = Int.random(in: 1...2, using: &generator)
        var point = (
            Int.random(in: 6...25, using: &generator), Int.random(in: 4...27, using: &generator)
        )
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let next = (
                Int.random(in: 6...25, using: &generator), Int.random(in: 4...27, using: &generator)
            )
            // Joined as the sketchpad joins mouse reports.
            for (x, y) in Bitmap.cellsOnLine(from: point, to: next) {
                for by in 0..<brush {
                    for bx in 0..<brush where x + bx < 32 && y + by < 32 {
                        drawing[x + bx, y + by] = 1
                    }
                }
            }
            point = next
        }
        return drawing
    }

    /// The 8-connected pieces of ink, by flood fill.
    static func pieces(_ drawing: Bitmap) -> Int {
        var seen = [Bool](repeating: false, count: drawing.pixels.count)
        var count = 0
        for start in drawing.pixels.indices where drawing.pixels[start] > 0.1 && !seen[start] {
            count += 1
            var stack = [start]
            seen[start] = true
            while let cell = stack.popLast() {
                let x = cell % drawing.width
                let y = cell / drawing.width
                for ny in max(0, y - 1)...min(drawing.height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(drawing.width - 1, x + 1) {
                        let n = ny * drawing.width + nx
                        if drawing.pixels[n] > 0.1 && !seen[n] {
                            seen[n] = true
                            stack.append(n)
                        }
                    }
                }
            }
        }
        return count
    }

    /// The holes in the ink: 4-connected pieces of background that do not reach the border.
    static func holes(_ drawing: Bitmap) -> Int {
        let w = drawing.width + 2
        let h = drawing.height + 2
        var background = [Bool](repeating: true, count: w * h)
        for y in 0..<drawing.height {
            for x in 0..<drawing.width where drawing[x, y] > 0.1 {
                background[(y + 1) * w + x + 1] = false
            }
        }
        var seen = [Bool](repeating: false, count: w * h)
        var count = 0
        for start in background.indices where background[start] && !seen[start] {
            count += 1
            var stack = [start]
            seen[start] = true
            while let cell = stack.popLast() {
                for n in [cell - 1, cell + 1, cell - w, cell + w]
                where n >= 0 && n < w * h && (n % w - cell % w).magnitude <= 1 && background[n]
                    && !seen[n]
                {
                    seen[n] = true
                    stack.append(n)
                }
            }
        }
        return count - 1  // the piece around the border is paper, not a hole
    }

    static func inkCells(_ drawing: Bitmap) -> Set<Int> {
        Set(drawing.pixels.indices.filter { drawing.pixels[$0] > 0.1 })
    }

    /// How far (in cells, Chebyshev) the furthest ink cell of either drawing is from the other's ink.
    static func hausdorff(_ a: Bitmap, _ b: Bitmap) -> Int {
        let inkA = inkCells(a)
        let inkB = inkCells(b)
        func distance(_ from: Set<Int>, _ to: Set<Int>) -> Int {
            from.map { cell in
                to.map { max(abs($0 % 32 - cell % 32), abs($0 / 32 - cell / 32)) }.min() ?? 99
            }.max() ?? 0
        }
        return max(distance(inkA, inkB), distance(inkB, inkA))
    }

    /// Whether every ink cell stays on the grid however the drawing turns about its centre.
    static func turnsWithinTheGrid(_ drawing: Bitmap) -> Bool {
        guard let c = drawing.inkCentre else { return false }
        let reach =
            inkCells(drawing).map { cell -> Double in
                let dx = Double(cell % 32) + 0.5 - c.x
                let dy = Double(cell / 32) + 0.5 - c.y
                return (dx * dx + dy * dy).squareRoot()
            }.max() ?? 0
        return reach + 1.5 < min(c.x, c.y, 32 - c.x, 32 - c.y)
    }

    /// The drawings whose ink stays on the grid at any angle.
    static let turnable = drawings.filter(turnsWithinTheGrid)

    @Test func theTestDrawingsAreVaried() {
        #expect(Self.drawings.count >= 210)
        #expect(Self.turnable.count >= 100)
        #expect(Self.drawings.contains { Self.holes($0) > 0 })
    }

    /// Turning by +a then -a gives the drawing back to within a cell: every ink cell of either is
    /// at most one cell from the other's ink, and no stroke is broken along the way.
    @Test(arguments: [5.0, 15, 30, 45, 60])
    func turningBackReturnsTheDrawing(angle: Double) {
        for (i, drawing) in Self.turnable.enumerated() {
            let turned = drawing.rotated(degrees: angle)
            let back = turned.rotated(degrees: -angle)
            #expect(Self.hausdorff(drawing, back) <= 1, "drawing \(i), \(angle) degrees")
            #expect(Self.pieces(turned) == Self.pieces(drawing), "drawing \(i), \(angle) degrees")
        }
    }

    /// A quarter turn of a drawing whose centre of mass is the middle of a cell is that
    /// permutation of the cells, anticlockwise on screen.
    @Test func aQuarterTurnIsAPermutation() throws {
        var drawing = Bitmap(width: 32, height: 32)
        // An L centred on cell (15, 15): arms of 5 cells up and right of a corner, balanced by a
        // mirror image so that the centre of mass is exactly (15.5, 15.5).
        for k in 1...5 {
            drawing[15 + k, 15] = 1
            drawing[15 - k, 15] = 1
            drawing[15, 15 - k] = 1
            drawing[15, 15 + k] = 1
        }
        drawing[15, 15] = 1
        drawing[17, 13] = 1
        drawing[13, 17] = 1
        let centre = try #require(drawing.inkCentre)
        #expect(centre.x == 15.5 && centre.y == 15.5)
        let turned = drawing.rotated(degrees: 90)
        for y in 0..<32 {
            for x in 0..<32 {
                // Anticlockwise on screen: the cell right of the centre goes above it.
                let dx = x - 15
                let dy = y - 15
                guard (0..<32).contains(15 - dx) && (0..<32).contains(15 + dy) else { continue }
                #expect(turned[15 + dy, 15 - dx] == drawing[x, y], "\(x),\(y)")
            }
        }
        #expect(drawing.rotated(degrees: 0) == drawing)
    }

    /// Shifting moves the ink's box by exactly the shift, and every cell with it; what leaves the
    /// grid is cut off, and the box with it.
    @Test func shiftingMovesTheInkBoxExactly() throws {
        var generator = SeededGenerator(seed: 3)
        for drawing in Self.drawings {
            let box = try #require(drawing.inkBounds)
            let dx = Int.random(in: -12...12, using: &generator)
            let dy = Int.random(in: -12...12, using: &generator)
            let moved = drawing.shifted(x: dx, y: dy)
            let expected = CellRect(
                x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy
            )
            .clamped(width: 32, height: 32)
            guard let expected else {
                #expect(moved.isBlank)
                continue
            }
            for y in 0..<32 {
                for x in 0..<32 where (0..<32).contains(x - dx) && (0..<32).contains(y - dy) {
                    #expect(moved[x, y] == drawing[x - dx, y - dy])
                }
            }
            if expected
                == CellRect(x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy)
            {
                #expect(moved.inkBounds == expected, "\(dx),\(dy)")
                #expect(moved.shifted(x: -dx, y: -dy) == drawing)
            } else {
                // Cut: the box lies within the expected one.
                let cut = try #require(moved.isBlank ? expected : moved.inkBounds)
                #expect(cut.x0 >= expected.x0 && cut.x1 <= expected.x1)
                #expect(cut.y0 >= expected.y0 && cut.y1 <= expected.y1)
            }
        }
    }

    @Test func scaleOneIsTheIdentity() {
        var generator = SeededGenerator(seed: 5)
        var grey = Bitmap(width: 40, height: 23)
        for i in grey.pixels.indices where generator.chance(0.3) {
            grey.pixels[i] = generator.uniform(0...1)
        }
        for drawing in Self.drawings + [grey] {
            #expect(drawing.scaled(by: 1) == drawing)
        }
    }

    /// Scaling by f makes the ink's box f times as large, to within the cell lost or gained at
    /// each end by rounding, about much the same centre; shrinking or growing breaks no stroke.
    @Test(arguments: [0.5, 0.7, 0.85, 1.2, 1.5, 2])
    func scalingResizesTheInkBox(factor: Double) throws {
        for (i, drawing) in Self.turnable.enumerated() {
            let box = try #require(drawing.inkBounds)
            let scaled = drawing.scaled(by: factor)
            let newBox = try #require(scaled.inkBounds)
            guard newBox.x0 > 0, newBox.y0 > 0, newBox.x1 < 31, newBox.y1 < 31 else { continue }
            #expect(abs(Double(newBox.width) - factor * Double(box.width)) <= 2, "\(i)")
            #expect(abs(Double(newBox.height) - factor * Double(box.height)) <= 2, "\(i)")
            let before = try #require(drawing.inkCentre)
            let after = try #require(scaled.inkCentre)
            // Sampling the nearest cell repeats some rows and columns and not others, which moves
            // the centre of mass by up to a cell or so.
            #expect(abs(before.x - after.x) <= 2 && abs(before.y - after.y) <= 2, "\(i)")
            if factor < 1 {
                #expect(Self.pieces(scaled) <= Self.pieces(drawing), "\(i)")
            } else {
                #expect(Self.pieces(scaled) == Self.pieces(drawing), "\(i)")
            }
        }
    }

    /// Turning and scaling pick values, never mix them: a drawing of ink 1 stays one of ink 1, and a
    /// grey one holds only values it had.
    @Test func valuesAreCarriedNotMixed() {
        var generator = SeededGenerator(seed: 11)
        var grey = Self.drawings[0]
        for i in grey.pixels.indices where grey.pixels[i] > 0 {
            grey.pixels[i] = generator.uniform(0.2...1)
        }
        let transforms: [DrawingTransform] = [
            .rotate(degrees: 23), .rotate(degrees: -47), .scale(factor: 0.6), .scale(factor: 1.7),
            .thicken(steps: 2), .thin(steps: 1), .thin(steps: nil), .shift(x: 3, y: -2),
        ]
        for transform in transforms {
            for drawing in [Self.drawings[1], grey] {
                let values = Set(drawing.pixels).union([0])
                #expect(
                    Set(transform.applied(to: drawing).pixels).isSubset(of: values), "\(transform)")
            }
        }
    }

    /// Thinning to strokes one cell wide keeps every stroke and every hole (it removes only simple
    /// points), whatever it starts from: the drawings as they are, and thickened one to three times.
    @Test func thickeningThenThinningKeepsConnectivity() {
        for (i, drawing) in Self.drawings.enumerated() {
            for steps in 0...3 {
                let thick = drawing.thickened(steps: steps)
                let thin = Thinning.thinned(thick, steps: nil)
                #expect(Self.pieces(thin) == Self.pieces(thick), "drawing \(i), thickened \(steps)")
                #expect(Self.holes(thin) == Self.holes(thick), "drawing \(i), thickened \(steps)")
                if Self.pieces(drawing) == 1 { #expect(Self.pieces(thin) == 1) }
                // Thinning only removes ink; thickening only adds it.
                #expect(Self.inkCells(thin).isSubset(of: Self.inkCells(thick)))
                #expect(Self.inkCells(drawing).isSubset(of: Self.inkCells(thick)))
            }
        }
    }

    /// The thinned strokes are one cell wide: no 2x2 block of ink is left, whether the strokes were
    /// one or two cells wide or five and more.
    @Test(arguments: [0, 2])
    func thinningDownLeavesStrokesOneCellWide(thickened: Int) {
        var blocks = 0
        for drawing in Self.drawings {
            let thin = Thinning.thinned(drawing.thickened(steps: thickened), steps: nil)
            for y in 0..<31 {
                for x in 0..<31
                where thin[x, y] > 0 && thin[x + 1, y] > 0 && thin[x, y + 1] > 0
                    && thin[x + 1, y + 1] > 0
                {
                    blocks += 1
                }
            }
        }
        #expect(blocks == 0)
    }

    /// One step of thinning peels a stroke three cells wide down to one; one step of thickening
    /// grows a one-cell stroke to three.
    @Test func oneStepIsOneCellOnEachSide() {
        var bar = Bitmap(width: 32, height: 32)
        for y in 8..<24 {
            for x in 14..<17 { bar[x, y] = 1 }
        }
        let thin = Thinning.thinned(bar, steps: 1)
        for y in 10..<22 {
            #expect((0..<32).filter { thin[$0, y] > 0 } == [15], "row \(y)")
        }
        var line = Bitmap(width: 32, height: 32)
        for y in 8..<24 { line[15, y] = 1 }
        let thick = line.thickened(steps: 1)
        for y in 8..<24 { #expect((0..<32).filter { thick[$0, y] > 0 } == [14, 15, 16]) }
        #expect(thick.inkBounds == CellRect(x0: 14, y0: 7, x1: 16, y1: 24))
        #expect(Thinning.thinned(bar, steps: 0) == bar && bar.thickened(steps: 0) == bar)
    }

    /// Zhang-Suen alone erases a 2x2 block; the checked version keeps a piece of it.
    @Test func aSmallBlotIsNotErased() {
        var blot = Bitmap(width: 32, height: 32)
        for (x, y) in [(10, 10), (11, 10), (10, 11), (11, 11)] { blot[x, y] = 1 }
        let thin = Thinning.thinned(blot, steps: nil)
        #expect(!thin.isBlank && Self.pieces(thin) == 1)
        var dot = Bitmap(width: 32, height: 32)
        dot[4, 4] = 1
        #expect(Thinning.thinned(dot, steps: nil) == dot)
    }

    @Test func descriptionsSayWhatHappened() {
        #expect(
            DrawingTransform.shift(x: 2, y: -1).description == "moved 2 cells right and 1 cell up")
        #expect(
            DrawingTransform.rotate(degrees: -15).description == "rotated by 15 degrees clockwise")
        #expect(DrawingTransform.scale(factor: 1.5).description == "scaled by 1.50")
        #expect(DrawingTransform.thin(steps: nil).description == "strokes thinned to one cell")
    }
}
