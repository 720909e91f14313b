import LeNet5
import Platform

/// Drawings that are not digits, for teaching "not a digit?" where the network's own classes end:
/// one to four random strokes (straight lines, arcs and circles, dots, zigzags) drawn together as a
/// person draws on the sketchpad's 32x32 grid: jittered, slanted, turned a little, 10 to 30 cells
/// large, anywhere on the grid, painted cell by cell with a brush of 1, 2 or 3 cells.
///
/// On purpose they are not letters or symbols: the letters, symbols and scribbles that "not a
/// digit?" is measured on (`Scripts/make-nondigits.py`) are drawn by other code, and none of
/// them was used to fit anything. Some scribbles do look like digits (one line is a 1, a circle
/// a 0); the fit weighs them against tens of thousands of real digits and tolerates them.
public enum Scribbles {
    /// Scribble `index` of the stream `seed`, the same whatever order they are made in.
    public static func drawing(seed: UInt64, index: Int) -> Bitmap {
        var generator = SeededGenerator(seed: seed, stream: 0x5C21_B813, item: UInt64(index))
        let count = pick([0.15, 0.35, 0.3, 0.2], using: &generator) + 1
        let strokes = (0..<count).map { _ in stroke(using: &generator) }
        let brush = [1, 1, 2, 3][Int.random(in: 0..<4, using: &generator)]
        return paint(
            place(strokes, brush: brush, using: &generator), brush: brush, using: &generator)
    }

    /// Index drawn with the given probabilities.
    static func pick(_ weights: [Float], using generator: inout SeededGenerator) -> Int {
        var r = generator.uniform(0...1)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// One stroke as points in a unit box, y down.
    static func stroke(using g: inout SeededGenerator) -> [SIMD2<Float>] {
        func point() -> SIMD2<Float> { SIMD2(g.uniform(0...1), g.uniform(0...1)) }
        let kind = g.uniform(0...1)
        if kind < 0.4 { return [point(), point()] }
        if kind < 0.75 {
            let centre = SIMD2<Float>(g.uniform(0.2...0.8), g.uniform(0.2...0.8))
            let radii = SIMD2<Float>(g.uniform(0.1...0.5), g.uniform(0.1...0.5))
            let start = g.uniform(0...360)
            let span = g.chance(0.5) ? g.uniform(60...300) : 360
            let end = start + (g.chance(0.5) ? span : -span)
            return arc(centre: centre, radii: radii, from: start, to: end)
        }
        if kind < 0.85 {
            // A dot: a click, or the smallest of strokes.
            let p = point()
            return [p, p + 0.02]
        }
        return (0..<Int.random(in: 3...5, using: &g)).map { _ in point() }
    }

    /// Points on an ellipse from angle `from` to `to` (degrees, 0 to the right, 90 down).
    static func arc(centre: SIMD2<Float>, radii: SIMD2<Float>, from: Float, to: Float)
        -> [SIMD2<Float>]
    {
        let steps = 24
        return (0...steps).map { i in
            let angle = (from + (to - from) * Float(i) / Float(steps)) * .pi / 180
            return centre + radii * SIMD2(cosf(angle), sinf(angle))
        }
    }

    /// The strokes as a hand places them, in cells: jittered and wobbling, stretched, slanted and
    /// turned about their centre, 10 to 30 cells across, shrunk if they would not fit the grid.
    static func place(
        _ strokes: [[SIMD2<Float>]], brush: Int, using g: inout SeededGenerator
    ) -> [[SIMD2<Float>]] {
        let size = g.uniform(10...30)
        let stretch = g.uniform(0.8...1.25)
        let slant = g.uniform(-0.25...0.25)
        let rotation = g.uniform(-10...10) * .pi / 180
        let wobble = (0..<2).map { _ in
            (
                phase: g.uniform(0...6.3), frequency: g.uniform(0.5...2),
                amplitude: g.uniform(0...0.02)
            )
        }
        let (low, high) = bounds(strokes)
        let centre = (low + high) / 2
        let extent = max(high.x - low.x, high.y - low.y, 1e-6)
        let (c, s) = (cosf(rotation), sinf(rotation))
        var placed = strokes.map { stroke in
            stroke.map { p -> SIMD2<Float> in
                var q = p + SIMD2(gaussian(&g) * 0.012, gaussian(&g) * 0.012)
                for w in wobble { q.x += w.amplitude * sinf(w.frequency * p.y * 6 + w.phase) }
                let x = (q.x - centre.x) * stretch + slant * (centre.y - q.y)
                let y = q.y - centre.y
                return SIMD2(c * x - s * y, s * x + c * y) * (size / extent)
            }
        }
        let (placedLow, placedHigh) = bounds(placed)
        let span = max(placedHigh.x - placedLow.x, placedHigh.y - placedLow.y)
        let fit = min(1, Float(31 - brush) / max(span, 1e-6))
        placed = placed.map { $0.map { $0 * fit } }
        return placed
    }

    static func bounds(_ strokes: [[SIMD2<Float>]]) -> (SIMD2<Float>, SIMD2<Float>) {
        var low = SIMD2<Float>(repeating: .infinity)
        var high = SIMD2<Float>(repeating: -.infinity)
        for p in strokes.joined() {
            low = pointwiseMin(low, p)
            high = pointwiseMax(high, p)
        }
        return (low, high)
    }

    /// A standard normal sample (Box and Muller).
    static func gaussian(_ g: inout SeededGenerator) -> Float {
        let u = max(Float.leastNormalMagnitude, g.uniform(0...1))
        return (-2 * logf(u)).squareRoot() * cosf(2 * .pi * g.uniform(0...1))
    }

    /// The strokes moved to a random place where they fit and painted as the sketchpad paints
    /// motion: samples every cell or so, each snapped to a cell and joined to the last by a
    /// straight line of cells, each cell painted with a square brush (2 reaches right and down,
    /// 3 is centred).
    static func paint(_ strokes: [[SIMD2<Float>]], brush: Int, using g: inout SeededGenerator)
        -> Bitmap
    {
        let (low, high) = bounds(strokes)
        let room = SIMD2<Float>(repeating: Float(31 - brush)) - (high - low)
        let offset =
            SIMD2(
                room.x > 0 ? g.uniform(0...room.x) : 0, room.y > 0 ? g.uniform(0...room.y) : 0)
            - low
        var grid = Bitmap(width: 32, height: 32)
        let reach = brush == 3 ? -1...1 : 0...(brush - 1)
        func ink(_ x: Int, _ y: Int) {
            for dy in reach {
                for dx in reach where (0..<32).contains(x + dx) && (0..<32).contains(y + dy) {
                    grid[x + dx, y + dy] = 1
                }
            }
        }
        for stroke in strokes {
            var samples = [SIMD2<Float>]()
            for (a, b) in zip(stroke, stroke.dropFirst()) {
                let d = b - a
                let n = max(1, Int((d * d).sum().squareRoot() / 1.5))
                for t in 0..<n { samples.append(a + d * (Float(t) / Float(n))) }
            }
            if let last = stroke.last { samples.append(last) }
            let cells = samples.map { p -> SIMD2<Int> in
                let q = (p + offset).rounded(.toNearestOrAwayFromZero)
                return SIMD2(Int(q.x), Int(q.y))
            }
            guard var previous = cells.first else { continue }
            ink(previous.x, previous.y)
            for cell in cells.dropFirst() {
                line(from: previous, to: cell, ink)
                previous = cell
            }
        }
        return grid
    }

    /// Bresenham's line from `a` to `b`, without its first cell.
    static func line(from a: SIMD2<Int>, to b: SIMD2<Int>, _ visit: (Int, Int) -> Void) {
        var (x, y) = (a.x, a.y)
        let dx = abs(b.x - a.x)
        let dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1
        let sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while x != b.x || y != b.y {
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x += sx
            }
            if e2 <= dx {
                error += dx
                y += sy
            }
            visit(x, y)
        }
    }
}
