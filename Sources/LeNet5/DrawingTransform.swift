import Platform

/// A what-if change to a drawing, for experiments a class runs on its own digits: move it, turn
/// it, resize it, make its strokes bolder or thinner, and watch what the network makes of it.
///
/// Each transform is pure: it returns a new drawing of the same size and leaves the one given
/// alone, so that the sketchpad can keep each as one undoable step. Ink pushed over the edge of
/// the grid is lost. Rotation and scaling give each cell the value of a cell it came from, never a
/// mix, so a drawing of ink 1 and background 0 (the sketchpad's canvas) stays one of ink 1 and
/// background 0; and they keep a stroke one cell wide unbroken.
public enum DrawingTransform: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Move every cell `x` columns right and `y` rows down (negative: left, up).
    case shift(x: Int, y: Int)
    /// Turn the drawing about its ink's centre of mass by `degrees`: positive anticlockwise, as in
    /// mathematics, negative clockwise.
    case rotate(degrees: Double)
    /// Resize the drawing about its ink's centre of mass: 2 doubles it, 0.5 halves it.
    case scale(factor: Double)
    /// Grow every stroke by one cell on each side, `steps` times (dilation by a 3x3 square).
    case thicken(steps: Int)
    /// Peel one cell off each side of every stroke, `steps` times, never breaking a stroke in two
    /// nor shortening one (see `Thinning`); nil thins down to strokes one cell wide.
    case thin(steps: Int?)

    /// The changed drawing; `drawing` is left as it was.
    public func applied(to drawing: Bitmap) -> Bitmap {
        switch self {
        case .shift(let x, let y): drawing.shifted(x: x, y: y)
        case .rotate(let degrees): drawing.rotated(degrees: degrees)
        case .scale(let factor): drawing.scaled(by: factor)
        case .thicken(let steps): drawing.thickened(steps: steps)
        case .thin(let steps): Thinning.thinned(drawing, steps: steps)
        }
    }

    /// In words, for a button, an undo list or a chart: "rotated by 30 degrees".
    public var description: String {
        switch self {
        case .shift(let x, let y):
            if x == 0 && y == 0 { return "not moved" }
            func cells(_ n: Int, _ way: String) -> String? {
                n == 0 ? nil : "\(abs(n)) \(abs(n) == 1 ? "cell" : "cells") \(way)"
            }
            let parts = [cells(x, x > 0 ? "right" : "left"), cells(y, y > 0 ? "down" : "up")]
            return "moved " + parts.compactMap { $0 }.joined(separator: " and ")
        case .rotate(let degrees):
            let amount = NumberText.fixed(abs(degrees), degrees.rounded() == degrees ? 0 : 1)
            if degrees == 0 { return "not rotated" }
            return "rotated by \(amount) degrees " + (degrees > 0 ? "anticlockwise" : "clockwise")
        case .scale(let factor):
            return "scaled by " + NumberText.fixed(factor, 2)
        case .thicken(let steps):
            return "strokes thickened \(steps) \(steps == 1 ? "time" : "times")"
        case .thin(let steps):
            guard let steps else { return "strokes thinned to one cell" }
            return "strokes thinned \(steps) \(steps == 1 ? "time" : "times")"
        }
    }
}

extension Bitmap {
    /// Cells that count as ink for the transforms: the ones preprocessing reads.
    func isInk(_ index: Int) -> Bool { pixels[index] > Preprocessing.inkThreshold }

    /// The bounding box of the ink (values above `Preprocessing.inkThreshold`), nil without ink.
    public var inkBounds: CellRect? {
        var left = width, right = -1, top = height, bottom = -1
        for y in 0..<height {
            for x in 0..<width where isInk(y * width + x) {
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        return right < 0 ? nil : CellRect(x0: left, y0: top, x1: right, y1: bottom)
    }

    /// The ink's centre of mass, on the grid's lines (cell (x, y) covers [x, x+1) x [y, y+1), so a
    /// single cell's centre is (x + 0.5, y + 0.5)); nil without ink. Weighted by each cell's value.
    public var inkCentre: (x: Double, y: Double)? {
        var mass = 0.0
        var sumX = 0.0
        var sumY = 0.0
        for y in 0..<height {
            for x in 0..<width where isInk(y * width + x) {
                let v = Double(pixels[y * width + x])
                mass += v
                sumX += v * (Double(x) + 0.5)
                sumY += v * (Double(y) + 0.5)
            }
        }
        return mass > 0 ? (sumX / mass, sumY / mass) : nil
    }

    /// The drawing moved `x` columns right and `y` rows down; what leaves the grid is lost.
    public func shifted(x dx: Int, y dy: Int) -> Bitmap {
        var result = Bitmap(width: width, height: height)
        for y in 0..<height where (0..<height).contains(y + dy) {
            for x in 0..<width where (0..<width).contains(x + dx) {
                result.pixels[(y + dy) * width + x + dx] = pixels[y * width + x]
            }
        }
        return result
    }

    /// The drawing turned by `degrees` (positive anticlockwise) about its ink's centre of mass.
    ///
    /// Each cell takes the value of the cell its centre came from, which fills a turned blot
    /// exactly but would drop cells from a turned stroke one cell wide: a diagonal stroke's cells
    /// touch only at their corners, and the centres of the turned grid fall between them. So each
    /// pair of neighbouring ink cells is also carried forward and joined by a line, as the
    /// sketchpad joins a stroke: strokes stay unbroken, and no wider than they were.
    public func rotated(degrees: Double) -> Bitmap {
        guard let centre = inkCentre else { return self }
        let radians = degrees * Double.pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        // On screen y runs down, so turning anticlockwise by a takes (dx, dy) to
        // (dx cos a + dy sin a, -dx sin a + dy cos a); a cell looks up where it came from through
        // the inverse turn.
        var result = resampled { x, y in
            let dx = x - centre.x
            let dy = y - centre.y
            return (centre.x + dx * cosine - dy * sine, centre.y + dx * sine + dy * cosine)
        }
        func forward(_ cell: Int) -> (x: Int, y: Int) {
            let dx = Double(cell % width) + 0.5 - centre.x
            let dy = Double(cell / width) + 0.5 - centre.y
            return (
                Int((centre.x + dx * cosine + dy * sine).rounded(.down)),
                Int((centre.y - dx * sine + dy * cosine).rounded(.down))
            )
        }
        for cell in pixels.indices where isInk(cell) {
            let x = cell % width
            let y = cell / width
            // Each pair once: the neighbours to the east, south-west, south and south-east.
            for (dx, dy) in [(1, 0), (-1, 1), (0, 1), (1, 1)] {
                let nx = x + dx
                let ny = y + dy
                guard (0..<width).contains(nx), ny < height, isInk(ny * width + nx) else {
                    continue
                }
                let value = min(pixels[cell], pixels[ny * width + nx])
                for point in Self.cellsOnLine(from: forward(cell), to: forward(ny * width + nx))
                where (0..<width).contains(point.x) && (0..<height).contains(point.y) {
                    let index = point.y * width + point.x
                    result.pixels[index] = max(result.pixels[index], value)
                }
            }
        }
        return result
    }

    /// The drawing resized by `factor` about its ink's centre of mass. Growing, each cell takes the
    /// value of the cell its centre came from; shrinking, the strongest value
    /// among all the cells its square came from, so that a stroke one cell wide does not fall
    /// between the samples.
    public func scaled(by factor: Double) -> Bitmap {
        precondition(factor > 0 && factor.isFinite, "a scale factor must be positive")
        guard let centre = inkCentre else { return self }
        guard factor < 1 else {
            return resampled { x, y in
                (centre.x + (x - centre.x) / factor, centre.y + (y - centre.y) / factor)
            }
        }
        var result = Bitmap(width: width, height: height)
        // Cell x covers [x, x+1): its preimage is [c + (x - c) / f, c + (x + 1 - c) / f). A source
        // cell counts when it overlaps the preimage by more than a sliver, so that rounding at a
        // shared edge does not drag a neighbour in.
        func sources(_ t: Int, _ c: Double, _ count: Int) -> ClosedRange<Int>? {
            let start = c + (Double(t) - c) / factor
            let end = c + (Double(t + 1) - c) / factor
            let first = max(0, Int((start + 1e-6).rounded(.down)))
            let last = min(count - 1, Int((end - 1e-6).rounded(.up)) - 1)
            return first <= last ? first...last : nil
        }
        for y in 0..<height {
            guard let rows = sources(y, centre.y, height) else { continue }
            for x in 0..<width {
                guard let columns = sources(x, centre.x, width) else { continue }
                var strongest: Float = 0
                for sy in rows {
                    for sx in columns { strongest = max(strongest, pixels[sy * width + sx]) }
                }
                result.pixels[y * width + x] = strongest
            }
        }
        return result
    }

    /// Every stroke grown by one cell on each side, `steps` times: each cell takes the largest value
    /// in the 3x3 square around it (a morphological dilation).
    public func thickened(steps: Int = 1) -> Bitmap {
        precondition(steps >= 0)
        var current = self
        for _ in 0..<steps {
            var next = current
            for y in 0..<height {
                for x in 0..<width {
                    var strongest = current.pixels[y * width + x]
                    for ny in max(0, y - 1)...min(height - 1, y + 1) {
                        for nx in max(0, x - 1)...min(width - 1, x + 1) {
                            strongest = max(strongest, current.pixels[ny * width + nx])
                        }
                    }
                    next.pixels[y * width + x] = strongest
                }
            }
            current = next
        }
        return current
    }

    /// Each cell takes the value of the cell of this drawing that `source` says its centre came
    /// from (`source` maps a point on the grid's lines); background where that is off the grid.
    /// Where the centres stay in their cells (no turn, scale 1) the drawing comes back unchanged.
    func resampled(_ source: (Double, Double) -> (x: Double, y: Double)) -> Bitmap {
        var result = Bitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let from = source(Double(x) + 0.5, Double(y) + 0.5)
                let sx = from.x.rounded(.down)
                let sy = from.y.rounded(.down)
                guard sx >= 0, sy >= 0, sx < Double(width), sy < Double(height) else { continue }
                result.pixels[y * width + x] = pixels[Int(sy) * width + Int(sx)]
            }
        }
        return result
    }

    /// The cells on the straight line from `a` to `b`, both included (Bresenham): how the
    /// sketchpad joins the cells of a stroke.
    public static func cellsOnLine(from a: (x: Int, y: Int), to b: (x: Int, y: Int))
        -> [(x: Int, y: Int)]
    {
        var points = [(x: Int, y: Int)]()
        var x = a.x
        var y = a.y
        let dx = abs(b.x - a.x)
        let dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1
        let sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            points.append((x, y))
            if x == b.x && y == b.y { return points }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x += sx
            }
            if e2 <= dx {
                error += dx
                y += sy
            }
        }
    }
}
