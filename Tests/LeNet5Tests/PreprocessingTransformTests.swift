import Testing

@testable import LeNet5

/// What preprocessing says it did, checked against what it does.
@Suite struct PreprocessingTransformTests {
    func block(width: Int, height: Int, x: Int, y: Int, w: Int, h: Int, value: Float = 1) -> Bitmap
    {
        var bitmap = Bitmap(width: width, height: height)
        for row in y..<(y + h) {
            for column in x..<(x + w) { bitmap[column, row] = value }
        }
        return bitmap
    }

    func input(_ transform: PreprocessingTransform, _ drawing: Bitmap) -> [Float] {
        var input = [Float](repeating: 0, count: 1024)
        input.withUnsafeMutableBufferPointer {
            Preprocessing.apply(transform, to: drawing, into: $0)
        }
        return input
    }

    /// A block of more than 2^24 ink pixels, where a Float sum of the mass stops growing: its centre
    /// of mass must still be exactly the block's centre (every sum here is exact in Double).
    @Test func aHugeBlocksCentreOfMassIsExact() throws {
        let (x, y, w, h) = (37, 52, 4_150, 4_100)
        #expect(w * h > 1 << 24)
        let drawing = block(width: 4_200, height: 4_160, x: x, y: y, w: w, h: h)
        let transform = try #require(Preprocessing.transform(for: drawing))
        let centre = try #require(transform.centreOfMass)
        #expect(centre.x == Double(x) + Double(w) / 2 && centre.y == Double(y) + Double(h) / 2)
        #expect(transform.inkBounds == CellRect(x0: x, y0: y, x1: x + w - 1, y1: y + h - 1))
        #expect(transform.scale == 20 / Float(w))
        let placed = transform.inputPoint(x: centre.x, y: centre.y)
        #expect(abs(placed.x - 16) < 1e-4 && abs(placed.y - 16) < 1e-4)
    }

    @Test func theTransformPlacesTheCentreOfMassAndGoesBothWays() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<50 {
            let width = Int.random(in: 8...80, using: &generator)
            let height = Int.random(in: 8...80, using: &generator)
            var drawing = Bitmap(width: width, height: height)
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                drawing[
                    Int.random(in: 0..<width, using: &generator),
                    Int.random(in: 0..<height, using: &generator)] = generator.uniform(0.2...1)
            }
            let transform = try #require(Preprocessing.transform(for: drawing))
            let centre = try #require(transform.centreOfMass)
            let placed = transform.inputPoint(x: centre.x, y: centre.y)
            #expect(abs(placed.x - 16) < 1e-4 && abs(placed.y - 16) < 1e-4)
            let back = transform.drawingPoint(x: placed.x, y: placed.y)
            #expect(abs(back.x - centre.x) < 1e-3 && abs(back.y - centre.y) < 1e-3)
            let bounds = transform.inkBounds
            #expect(
                abs(Double(max(bounds.width, bounds.height)) * Double(transform.scale) - 20) < 1e-4)
        }
    }

    /// Receptive fields through the preprocessing, computed by hand from the layer arithmetic
    /// (field x jump) and the transform (x_drawing = (x_input - offset) / scale), for a small
    /// drawing in a corner that preprocessing moves to the middle and enlarges four times.
    @Test func fieldsOfASmallDrawingInACorner() throws {
        // 4 wide, 5 high at the top left: scale 20 / 5 = 4, centre of mass (2, 2.5) moved to
        // (16, 16): offsets 16 - 2 * 4 = 8 and 16 - 2.5 * 4 = 6.
        let drawing = block(width: 32, height: 32, x: 0, y: 0, w: 4, h: 5)
        let transform = try #require(Preprocessing.transform(for: drawing))
        #expect(transform.scale == 4 && transform.offsetX == 8 && transform.offsetY == 6)
        func field(_ layer: NetworkLayer, _ x: Int, _ y: Int) throws -> CellRect? {
            let unit = try #require(NetworkUnit(layer: layer, map: 0, x: x, y: y))
            return transform.drawingCells(covering: unit.receptiveField)
        }
        // C1 (0, 0) reads input 0...4: drawing -2 ... -0.75, the margin left of the drawing.
        #expect(try field(.c1, 0, 0) == nil)
        // C1 (10, 8) reads x 10...14, y 8...12: drawing x 0.5 ..< 1.75, y 0.5 ..< 1.75.
        #expect(try field(.c1, 10, 8) == CellRect(x0: 0, y0: 0, x1: 1, y1: 1))
        // C3 (0, 0) reads 0...13: x -2 ..< 1.5, y -1.5 ..< 2, clamped to the grid.
        #expect(try field(.c3, 0, 0) == CellRect(x0: 0, y0: 0, x1: 1, y1: 1))
        // S4 (4, 4) reads 16...31: x 2 ..< 6, y 2.5 ..< 6.5.
        #expect(try field(.s4, 4, 4) == CellRect(x0: 2, y0: 2, x1: 5, y1: 6))
        // C5 and later read the whole input: x -2 ..< 6, y -1.5 ..< 6.5.
        #expect(try field(.c5, 0, 0) == CellRect(x0: 0, y0: 0, x1: 5, y1: 6))
        #expect(try field(.output, 0, 0) == CellRect(x0: 0, y0: 0, x1: 5, y1: 6))
        // And the other way: the drawing's cell (1, 1) reaches input x 12 ..< 16, y 10 ..< 14.
        #expect(
            transform.inputPixels(covering: CellRect(x: 1, y: 1, side: 1))
                == CellRect(x0: 12, y0: 10, x1: 15, y1: 13))
    }

    /// A large drawing is shrunk: 40x40 of ink to 20, scale 1/2, centre (20, 20), offsets 6.
    @Test func fieldsOfALargeDrawing() throws {
        let drawing = block(width: 40, height: 40, x: 0, y: 0, w: 40, h: 40)
        let transform = try #require(Preprocessing.transform(for: drawing))
        #expect(transform.scale == 0.5 && transform.offsetX == 6 && transform.offsetY == 6)
        let unit = try #require(NetworkUnit(layer: .c1, map: 0, x: 3, y: 5))
        // Input x 3...7 is drawing x -6 ..< 4, y 5...9 is -2 ..< 8.
        #expect(
            transform.drawingCells(covering: unit.receptiveField)
                == CellRect(x0: 0, y0: 0, x1: 3, y1: 7))
        #expect(transform.drawingCells(covering: CellRect(x: 0, y: 0, side: 3)) == nil)
    }

    /// The cells `drawingCells(covering:)` names are those the box filter reads: changing any ink
    /// cell outside them changes no pixel of the rectangle, and they reach no further than a cell
    /// beyond the ink that does (a cell the filter touches with zero weight).
    @Test func drawingCellsAreTheCellsTheFilterReads() throws {
        var generator = SeededGenerator(seed: 5)
        let drawings = [
            block(width: 32, height: 32, x: 0, y: 0, w: 4, h: 5),
            block(width: 32, height: 32, x: 20, y: 3, w: 9, h: 27),
            block(width: 32, height: 32, x: 1, y: 1, w: 30, h: 30),
            block(width: 57, height: 23, x: 10, y: 2, w: 40, h: 19),
        ]
        for drawing in drawings {
            let transform = try #require(Preprocessing.transform(for: drawing))
            let base = input(transform, drawing)
            // Which input pixels each ink cell reaches, found by changing it.
            var reach = [Int: Set<Int>]()
            var changed = drawing
            for cell in drawing.pixels.indices where drawing.pixels[cell] > 0 {
                changed.pixels[cell] = 0.5
                let after = input(transform, changed)
                reach[cell] = Set(after.indices.filter { after[$0] != base[$0] })
                changed.pixels[cell] = drawing.pixels[cell]
            }
            for _ in 0..<40 {
                let x0 = Int.random(in: 0..<32, using: &generator)
                let y0 = Int.random(in: 0..<32, using: &generator)
                let rect = CellRect(
                    x0: x0, y0: y0, x1: Int.random(in: x0..<32, using: &generator),
                    y1: Int.random(in: y0..<32, using: &generator))
                let pixels = Set(
                    (rect.y0...rect.y1).flatMap { y in (rect.x0...rect.x1).map { y * 32 + $0 } })
                let reaching = reach.filter { !$0.value.isDisjoint(with: pixels) }.map(\.key)
                let cells = transform.drawingCells(covering: rect)
                for cell in reaching {
                    let (x, y) = (cell % drawing.width, cell / drawing.width)
                    #expect(
                        cells?.contains(x: x, y: y) == true,
                        "cell \(x),\(y) reaches \(rect) but \(String(describing: cells)) omits it")
                }
                guard let cells, !reaching.isEmpty,
                    let ink = cells.clamped(width: drawing.width, height: drawing.height)
                else { continue }
                let xs = reaching.map { $0 % drawing.width }
                let ys = reaching.map { $0 / drawing.width }
                let bounds = transform.inkBounds
                // Within the ink's box, at most one cell more than the cells that reach it.
                #expect(
                    max(ink.x0, bounds.x0) >= (xs.min() ?? 0) - 1
                        && min(ink.x1, bounds.x1) <= (xs.max() ?? 0) + 1
                        && max(ink.y0, bounds.y0) >= (ys.min() ?? 0) - 1
                        && min(ink.y1, bounds.y1) <= (ys.max() ?? 0) + 1,
                    "\(rect): \(cells), reached from x \(xs.min() ?? 0)...\(xs.max() ?? 0)")
            }
        }
    }

    /// `drawingGradient` is the transpose of the filter: for a gradient g on the input and a change
    /// of one ink cell by h, g . (change of the input) = h * (g carried back onto that cell).
    @Test func theGradientGoesBackThroughTheFilter() throws {
        var generator = SeededGenerator(seed: 3)
        for (width, height) in [(32, 32), (50, 21), (12, 40)] {
            var drawing = Bitmap(width: width, height: height)
            for i in drawing.pixels.indices where generator.chance(0.3) {
                drawing.pixels[i] = generator.uniform(0.2...0.7)
            }
            let transform = try #require(Preprocessing.transform(for: drawing))
            let g = (0..<1024).map { _ in generator.uniform(-1...1) }
            let back = Preprocessing.drawingGradient(g, through: transform, drawing: drawing)
            let base = input(transform, drawing)
            for cell in drawing.pixels.indices {
                guard drawing.pixels[cell] > 0 else {
                    #expect(back[cell] == 0)
                    continue
                }
                var changed = drawing
                changed.pixels[cell] += 0.25
                let after = input(transform, changed)
                let directional = zip(g, zip(after, base)).reduce(0.0) {
                    $0 + Double($1.0) * Double($1.1.0 - $1.1.1)
                }
                #expect(
                    abs(directional / 0.25 - Double(back[cell])) < 1e-4,
                    "cell \(cell): \(directional / 0.25) vs \(back[cell])")
            }
        }
    }

    @Test func theIdentityIsTheDrawing() {
        let identity = PreprocessingTransform.identity
        let rect = CellRect(x0: 3, y0: 4, x1: 9, y1: 30)
        #expect(identity.drawingCells(covering: rect) == rect)
        #expect(identity.inputPixels(covering: rect) == rect)
        let drawing = block(width: 32, height: 32, x: 2, y: 3, w: 5, h: 6, value: 0.05)
        #expect(input(identity, drawing) == drawing.pixels)
    }
}
