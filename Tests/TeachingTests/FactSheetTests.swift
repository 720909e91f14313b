import LeNet5
import Testing

@testable import Teaching

/// The facts an explanation names, checked against what they describe: the trace, the geometry,
/// and synthetic strokes whose direction is known.
@Suite struct FactSheetTests {
    /// A `side` x `side` image with ink where `ink(x, y)`.
    func image(side: Int = 32, _ ink: (Int, Int) -> Bool) -> [Float] {
        (0..<side * side).map { ink($0 % side, $0 / side) ? 1 : 0 }
    }

    @Test func strokeDirectionFollowsTheInk() {
        let square = CellRect(x: 8, y: 8, side: 12)
        let across = image { _, y in (12...14).contains(y) }
        let down = image { x, _ in (12...14).contains(x) }
        let backslash = image { x, y in abs(x - y) <= 1 }
        let slash = image { x, y in abs(x + y - 31) <= 1 }
        let cross = image { x, y in (13...14).contains(x) || (13...14).contains(y) }
        #expect(StrokeDirection(image: across, side: 32, square: square) == .across)
        #expect(StrokeDirection(image: down, side: 32, square: square) == .upAndDown)
        #expect(StrokeDirection(image: backslash, side: 32, square: square) == .downToTheRight)
        #expect(StrokeDirection(image: slash, side: 32, square: square) == .downToTheLeft)
        #expect(StrokeDirection(image: cross, side: 32, square: square) == .bends)
        #expect(StrokeDirection(image: image { _, _ in false }, side: 32, square: square) == .blank)
        #expect(StrokeDirection(image: image { _, _ in true }, side: 32, square: square) == .solid)
        // Only the square counts: the vertical bar seen from a square beside it is blank.
        #expect(
            StrokeDirection(image: down, side: 32, square: CellRect(x: 20, y: 0, side: 5)) == .blank
        )
    }

    /// A drawing of a 7, classified with the shipped weights.
    func seven() throws -> (PreparedDrawing, ForwardTrace, LeNet5) {
        var drawing = Bitmap(width: 32, height: 32)
        for x in 6...24 { drawing[x, 5] = 1 }
        for y in 5...28 { drawing[24 - (y - 5) * 10 / 23, y] = 1 }
        let prepared = try #require(try PreparedDrawing(drawing))
        let model = try WeightsFile.bundled().model
        let trace = ForwardTrace()
        Classifier(model).forward(prepared.input, into: trace)
        return (prepared, trace, model)
    }

    @Test func drawingFactsDescribeTheInkTheBoxAndTheAnswer() throws {
        let (prepared, trace, model) = try seven()
        let sheet = FactSheet.drawing(prepared, trace: trace, model: model)
        let ink = prepared.drawing.pixels.filter { $0 > 0 }.count
        #expect(sheet[.inkCells] == "\(ink)")
        #expect(sheet[.boxWidth] == "19" && sheet[.boxHeight] == "24")
        // 20 / 24: shrunk.
        #expect(sheet[.scaled] == "shrunk to 83% of its size")
        let p = trace.probabilities
        let ranked = p.indices.sorted { p[$0] > p[$1] }
        #expect(sheet[.best] == "\(ranked[0])" && sheet[.second] == "\(ranked[1])")
        // C5's three strongest units, by their sums before tanh, with their values.
        let c5 = trace.maps(.c5)
        let sums = trace.maps(.c5PreActivation)
        let top = (0..<120).sorted { sums[$0, 0, 0] > sums[$1, 0, 0] }.prefix(3)
        let expected = top.map { "unit \($0 + 1) (\(NumberText.fixed(c5[$0, 0, 0], 2)))" }
        #expect(sheet[.c5Top] == "\(expected[0]), \(expected[1]) and \(expected[2])")
        // What pushed the answer up: the largest F6 value times weight for that digit.
        let weights = model.output.weight.scalars[(ranked[0] * 84)..<(ranked[0] * 84 + 84)]
        let f6 = trace.maps(.f6)
        let contributions = zip(0..<84, weights).map { f6[$0.0, 0, 0] * $0.1 }
        let strongest = try #require(
            contributions.indices.max { contributions[$0] < contributions[$1] })
        #expect(sheet[.pushUp]?.hasPrefix("units \(strongest + 1) (+") == true)
    }

    @Test func mapFactsNameTheStrongestValueOfThePickedMap() throws {
        let (_, trace, _) = try seven()
        for layer in [NetworkLayer.c1, .s2, .c3, .s4] {
            for map in [0, layer.geometry.maps - 1] {
                let sheet = FactSheet.map(map, of: layer, trace: trace)
                let maps = trace.maps(layer.traced)
                var best = (x: 0, y: 0)
                for y in 0..<maps.height {
                    for x in 0..<maps.width where maps[map, y, x] > maps[map, best.y, best.x] {
                        best = (x, y)
                    }
                }
                #expect(sheet[.map] == "\(map + 1)")
                #expect(sheet[.row] == "\(best.y + 1)" && sheet[.column] == "\(best.x + 1)")
                #expect(sheet[.strongest] == NumberText.fixed(maps[map, best.y, best.x], 2))
                #expect(sheet[.stroke] != nil)
            }
        }
        #expect(FactSheet.map(0, of: .c5, trace: trace)[.row] == nil)
    }

    @Test func unitFactsSayWhereItLooksAndHowItWasComputed() throws {
        let (prepared, trace, model) = try seven()
        let unit = try #require(NetworkUnit(layer: .c1, map: 3, x: 11, y: 6))
        let explanation = UnitExplanation(
            unit, trace: trace, model: model, transform: prepared.transform)
        let sheet = FactSheet.unit(explanation)
        #expect(sheet[.unit] == "C1 map 4, row 7, column 12")
        #expect(sheet[.field] == "rows 7 to 11, columns 12 to 16")
        let cells = try #require(explanation.fieldDrawing)
        #expect(
            sheet[.cells]
                == "rows \(cells.y0 + 1) to \(cells.y1 + 1), columns \(cells.x0 + 1) to \(cells.x1 + 1)"
        )
        #expect(sheet[.products] == "25" && sheet[.inputs] == "the input")
        let c3 = try #require(NetworkUnit(layer: .c3, map: 0, x: 0, y: 0))
        let c3Sheet = FactSheet.unit(
            UnitExplanation(c3, trace: trace, model: model, transform: nil))
        #expect(c3Sheet[.products] == "150" && c3Sheet[.inputs] == "all 6 S2 maps")
        #expect(c3Sheet[.cells] == nil)
        let s2 = try #require(NetworkUnit(layer: .s2, map: 0, x: 0, y: 0))
        let s2Sheet = FactSheet.unit(
            UnitExplanation(s2, trace: trace, model: model, transform: nil))
        #expect(
            s2Sheet[.block] == "0.00, 0.00, 0.00 and 0.00"
                || s2Sheet[.block]?.contains(" and ") == true)
        let output = try #require(NetworkUnit(layer: .output, unit: 7))
        let outputSheet = FactSheet.unit(
            UnitExplanation(output, trace: trace, model: model, transform: nil))
        #expect(
            outputSheet[.unit] == "the output for 7"
                && outputSheet[.field] == "all 32 by 32 squares")
        #expect(outputSheet[.inputs] == "the 84 F6 units")
    }

    @Test func theBuiltInTextsReadWithTheFactsOfADrawing() throws {
        let (prepared, trace, model) = try seven()
        let sheet = FactSheet.drawing(prepared, trace: trace, model: model)
            .merging(FactSheet.map(0, of: .c1, trace: trace))
        let c1 = Explanations.bundled[.c1].text(sheet)
        // Both paragraphs: the facts the second names are all known.
        #expect(c1.count == 2)
        #expect(c1[1].hasPrefix("Map 1 answers most at row "))
        #expect(!c1.joined().contains("{"))
        // Without a drawing, the paragraphs with facts are left out.
        #expect(Explanations.bundled[.c1].text(FactSheet()).count == 1)
        #expect(Explanations.bundled[.input].text(FactSheet()).count == 1)
    }

    @Test func saturationCountsValuesAtTheEndsOfTanh() throws {
        let (_, trace, _) = try seven()
        let c3 = try #require(Saturation(.c3, trace: trace))
        let values = trace.maps(.c3).values
        #expect(c3.share == Float(values.filter { abs($0) > 0.95 }.count) / Float(values.count))
        #expect(c3.low == trace.maps(.c3PreActivation).range().lowerBound)
        #expect(Saturation(.s2, trace: trace) == nil && Saturation(.output, trace: trace) == nil)
        let sheet = FactSheet.saturation(c3)
        #expect(sheet[.layer] == "C3" && sheet[.saturatedPercent]?.hasSuffix("%") == true)
    }
}
