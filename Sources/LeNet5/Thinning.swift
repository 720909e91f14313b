/// Thins the strokes of a drawing without breaking them: Zhang and Suen's parallel thinning ("A
/// fast parallel algorithm for thinning digital patterns", CACM 1984) picks the cells to peel, one
/// layer from the south-east sides then one from the north-west sides per step, and each is peeled
/// only if, in the drawing as it is at that moment, it is a simple point (Yokoi's 8-connectivity
/// number is 1: removing it neither splits a stroke, nor opens a loop, nor removes a dot) and not
/// the end of a stroke.
///
/// Plain Zhang-Suen deletes its candidates all at once, which erases a 2x2 block and can cut a
/// stroke two cells wide that runs diagonally; checking each deletion against the cells already
/// deleted keeps the number of strokes (8-connected pieces of ink) and of holes exactly as it was.
/// Thinning all the way then trims the staircases the passes leave (`trimCorners`).
public enum Thinning {
    /// `drawing` with `steps` layers peeled off its strokes (nil: until nothing more can go, which
    /// leaves strokes one cell wide). Ink is what preprocessing reads (values above
    /// `Preprocessing.inkThreshold`); peeled cells become 0 and the others keep their value.
    public static func thinned(_ drawing: Bitmap, steps: Int?) -> Bitmap {
        precondition(steps.map { $0 >= 0 } ?? true)
        let width = drawing.width
        let height = drawing.height
        var ink = drawing.pixels.indices.map(drawing.isInk)
        var step = 0
        while steps.map({ step < $0 }) ?? true {
            var changed = false
            for pass in 0..<2 {
                let candidates = ink.indices.filter {
                    ink[$0] && isCandidate($0, pass: pass, ink: ink, width: width, height: height)
                }
                for cell in candidates {
                    let around = Neighbourhood(cell, ink: ink, width: width, height: height)
                    if (2...6).contains(around.inkCount) && around.connectivity == 1 {
                        ink[cell] = false
                        changed = true
                    }
                }
            }
            step += 1
            if !changed { break }
        }
        if steps == nil { trimCorners(&ink, width: width, height: height) }
        var result = drawing
        for i in result.pixels.indices where drawing.isInk(i) && !ink[i] { result.pixels[i] = 0 }
        return result
    }

    /// Zhang and Suen's passes leave a stroke that turns a corner, or runs at a slant, with a cell
    /// more than it needs at each step of its staircase (its cells meet side to side where a
    /// corner would do). Removing every remaining simple cell that is not an end, one at a time,
    /// leaves strokes exactly one cell wide.
    static func trimCorners(_ ink: inout [Bool], width: Int, height: Int) {
        var changed = true
        while changed {
            changed = false
            for cell in ink.indices where ink[cell] {
                let around = Neighbourhood(cell, ink: ink, width: width, height: height)
                if around.inkCount >= 2 && around.connectivity == 1 {
                    ink[cell] = false
                    changed = true
                }
            }
        }
    }

    /// Zhang and Suen's test, on the drawing as the sub-iteration began: a cell on the south or
    /// east side of a stroke (pass 0), or on the north or west side (pass 1), that is neither an end
    /// nor inside the ink.
    static func isCandidate(_ cell: Int, pass: Int, ink: [Bool], width: Int, height: Int) -> Bool {
        let around = Neighbourhood(cell, ink: ink, width: width, height: height)
        guard (2...6).contains(around.inkCount), around.transitions == 1 else { return false }
        let (n, e, s, w) = (around[2], around[0], around[6], around[4])
        return pass == 0
            ? !(n && e && s) && !(e && s && w)
            : !(n && e && w) && !(n && s && w)
    }
}

/// The eight neighbours of a cell, anticlockwise from the east: E, NE, N, NW, W, SW, S, SE (y runs
/// down the screen). Cells off the grid are background.
struct Neighbourhood {
    private let cells: [Bool]

    init(_ cell: Int, ink: [Bool], width: Int, height: Int) {
        let x = cell % width
        let y = cell / width
        let offsets = [(1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1)]
        cells = offsets.map { dx, dy in
            let nx = x + dx
            let ny = y + dy
            return (0..<width).contains(nx) && (0..<height).contains(ny) && ink[ny * width + nx]
        }
    }

    /// Neighbour `k`, counted from 0 = east, anticlockwise, wrapping around.
    subscript(k: Int) -> Bool { cells[k % 8] }

    /// How many neighbours are ink (Zhang and Suen's B).
    var inkCount: Int { cells.filter { $0 }.count }

    /// Background-to-ink changes going once around (Zhang and Suen's A).
    var transitions: Int { (0..<8).filter { !self[$0] && self[$0 + 1] }.count }

    /// Yokoi's connectivity number for 8-connected ink: the number of separate pieces of ink
    /// around the cell that it joins. 1 means the cell can go without changing the drawing's
    /// topology (and it is on the edge of the ink: a cell inside has 0).
    var connectivity: Int {
        stride(from: 0, to: 8, by: 2).reduce(0) { total, k in
            let a = !self[k]
            let b = !self[k + 1]
            let c = !self[k + 2]
            return total + (a ? 1 : 0) - (a && b && c ? 1 : 0)
        }
    }
}
