import LeNet5
import Testing

@testable import Lessons

/// Sweeps: the point of the unchanged drawing is the plain prediction, every point is the drawing
/// changed and read on its own, the threads change nothing, and the chart shows the numbers.
@Suite struct SweepTests {
    static let drawings = ["seven.txt", "four-like-nine.txt", "eight-in-a-corner.txt", "one.txt"]

    @Test func theAmounts() {
        #expect(SweepKind.rotate.values == stride(from: -60, through: 60, by: 5).map(Double.init))
        #expect(SweepKind.shift.values.first == -10 && SweepKind.shift.values.last == 10)
        let scale = SweepKind.scale.values
        #expect(scale.count == 17 && scale[8] == 1)
        #expect(abs(scale[0] - 0.5) < 1e-12 && abs(scale[16] - 2) < 1e-12)
        #expect(
            zip(scale, scale.dropFirst()).allSatisfy { abs($1 / $0 - 1.0905077326652577) < 1e-12 })
        #expect(SweepKind.stroke.values == [-3, -2, -1, 0, 1, 2, 3])
        #expect(SweepKind.stroke.transform(at: -2) == .thin(steps: 2))
        #expect(SweepKind.stroke.transform(at: 3) == .thicken(steps: 3))
        #expect(SweepKind.shift.transform(at: -4) == .shift(x: -4, y: 0))
    }

    /// At the amount that changes nothing, the sweep reads exactly what a plain forward pass reads,
    /// with the preprocessing and without.
    @Test(arguments: SweepKind.allCases)
    func theUnchangedPointIsThePlainPrediction(kind: SweepKind) throws {
        for name in Self.drawings {
            let drawing = try #require(Samples.drawing(name))
            for preprocess in [true, false] {
                let sweep = Samples.classifier.sweep(drawing, kind, preprocess: preprocess)
                let input = try #require(
                    preprocess
                        ? Preprocessing.networkInput(from: drawing)
                        : Preprocessing.rawInput(from: drawing))
                let trace = ForwardTrace()
                Samples.classifier.forward(input, into: trace)
                #expect(sweep.values[sweep.identityIndex] == kind.identity)
                #expect(sweep.probabilities[sweep.identityIndex] == trace.probabilities, "\(name)")
                #expect(sweep.predictions[sweep.identityIndex] == trace.prediction.classIndex)
                #expect(sweep.preprocessed == preprocess)
            }
        }
    }

    /// Every point is the drawing changed by that amount and read on its own, whatever the number
    /// of threads.
    @Test(arguments: SweepKind.allCases)
    func everyPointIsItsOwnReading(kind: SweepKind) throws {
        let drawing = try #require(Samples.drawing("seven.txt"))
        let two = Samples.classifier.sweep(drawing, kind, threads: 2)
        let one = Samples.classifier.sweep(drawing, kind, threads: 1)
        let five = Samples.classifier.sweep(drawing, kind, threads: 5)
        #expect(one == two && two == five)
        let trace = ForwardTrace()
        for (value, probabilities) in zip(two.values, two.probabilities) {
            let changed = kind.transform(at: value).applied(to: drawing)
            guard let input = Preprocessing.networkInput(from: changed) else {
                #expect(probabilities == nil)
                continue
            }
            Samples.classifier.forward(input, into: trace)
            #expect(probabilities == trace.probabilities, "\(kind) \(value)")
        }
    }

    /// Moved off the canvas, a drawing has no ink and no reading.
    @Test func aDrawingMovedAwayHasNoReading() {
        var dot = Bitmap(width: 32, height: 32)
        dot[30, 10] = 1
        dot[31, 10] = 1
        let sweep = Samples.classifier.sweep(dot, .shift)
        // Two cells right, both cells are off the canvas.
        #expect(sweep.predictions.suffix(9).allSatisfy { $0 == nil })
        #expect(sweep.predictions.dropLast(9).allSatisfy { $0 != nil })
        #expect(sweep.predictions[sweep.identityIndex] != nil)
        let lines = SweepChart.lines(sweep, classes: LessonLibrary.digits)
        #expect(lines.last?.hasSuffix("; - no ink") == true)
        #expect(Samples.classifier.sweep(Bitmap(width: 32, height: 32), .rotate).steadyRange == nil)
    }

    @Test func theSteadyRangeIsTheRunAroundTheDrawing() {
        func sweep(_ predictions: [Int?]) -> Sweep {
            Sweep(
                kind: .stroke, values: SweepKind.stroke.values, preprocessed: true,
                probabilities: predictions.map { p in
                    p.map { k in (0..<10).map { $0 == k ? Float(0.9) : Float(0.01) } }
                })
        }
        #expect(sweep([1, 7, 7, 7, 7, 4, 7]).steadyRange == -2...1)
        #expect(sweep([7, 7, 7, 7, 7, 7, 7]).steadyRange == -3...3)
        #expect(sweep([nil, 1, 2, 3, nil, 5, 6]).steadyRange == 0...0)
        #expect(sweep([nil, nil, nil, nil, nil, nil, nil]).steadyRange == nil)
    }

    /// The chart: every row's cells are the shades of that class's probabilities, the reads row
    /// is the predictions, the axis marks the unchanged drawing, and every line fits 76 columns.
    @Test(arguments: SweepKind.allCases)
    func theChartShowsTheNumbers(kind: SweepKind) throws {
        let drawing = try #require(Samples.drawing("four-like-nine.txt"))
        let sweep = Samples.classifier.sweep(drawing, kind)
        let lines = SweepChart.lines(sweep, classes: LessonLibrary.digits)
        let width = kind.columnsPerPoint
        #expect(lines.allSatisfy { $0.count <= 76 }, "\(lines)")
        let margin = 7
        for k in 0..<10 {
            let row = try #require(lines.first { $0.hasPrefix("\(k)      ") || $0 == "\(k)" })
            let cells = Array(row.dropFirst(margin))
            for (i, p) in sweep.probabilities.enumerated() {
                let expected = p.map { SweepChart.shade($0[k]) } ?? " "
                for j in 0..<width {
                    let c = i * width + j < cells.count ? cells[i * width + j] : " "
                    #expect(c == expected, "class \(k), point \(i)")
                }
            }
        }
        let reads = try #require(lines.first { $0.hasPrefix("reads") })
        let named = reads.dropFirst(margin).split(separator: " ").map(String.init)
        #expect(named == sweep.predictions.map { $0.map(String.init) ?? "-" })
        // The tick under the unchanged drawing's point, and its label above it.
        let ticks = Array(lines[2])
        #expect(ticks[margin + sweep.identityIndex * width + (width - 1) / 2] == "|")
        #expect(lines[1].contains(kind.label(kind.identity)))
        let steady = try #require(sweep.steadyRange)
        #expect(
            lines.contains {
                $0.hasPrefix("it reads 9 ")
                    && ($0.hasSuffix("all along")
                        || $0.hasSuffix(
                            "from \(kind.label(steady.lowerBound)) to \(kind.label(steady.upperBound))"
                        ))
            })
    }

    @Test func shadesByFifths() {
        #expect(SweepChart.shade(0) == " " && SweepChart.shade(0.009) == " ")
        #expect(SweepChart.shade(0.01) == "." && SweepChart.shade(0.199) == ".")
        #expect(SweepChart.shade(0.2) == ":" && SweepChart.shade(0.5) == "+")
        #expect(SweepChart.shade(0.79) == "#" && SweepChart.shade(0.8) == "@")
        #expect(SweepChart.shade(1) == "@" && SweepChart.shade(.nan) == " ")
    }

    /// A network of many classes with long names: rows only for the classes that matter, and the
    /// names cut to fit their columns.
    @Test func manyClassesAndLongNames() throws {
        let drawing = try #require(Samples.drawing("seven.txt"))
        let sweep = Samples.classifier.sweep(drawing, .rotate)
        let names = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ]
        let lines = SweepChart.lines(sweep, classes: names, onlyClassesAbove: 0.5)
        let rows = lines.filter { line in names.contains { line.hasPrefix($0 + " ") } }
        let shown = Set(rows.map { String($0.prefix { $0 != " " }) })
        let expected = Set(
            (0..<10).filter { k in
                sweep.predictions.contains(k)
                    || sweep.probabilities.contains { ($0?[k] ?? 0) >= 0.5 }
            }.map { names[$0] })
        #expect(shown == expected && shown.contains("seven"))
        let reads = try #require(lines.first { $0.hasPrefix("reads") })
        #expect(reads.contains("s s s"))
    }
}
