/// Turns a drawing into what the network expects, the way MNIST's digits were made (LeCun, Cortes
/// and Burges): the ink's bounding box scaled to fit a 20x20 box keeping its aspect ratio, with
/// anti-aliasing, and placed so that its centre of mass is at the centre of the 28x28 field, which
/// is padded by 2 to 32x32, as in the paper.
///
/// The scaling is an exact box filter (each output pixel is the mean of the input over its
/// preimage), which anti-aliases, and the centring is to a fraction of a pixel, so the result's
/// centre of mass lies within a few hundredths of a pixel of the centre (16, 16) of the input,
/// whatever the drawing's size and position. (Not exactly: the filter moves each input pixel's
/// ink onto the output's pixel grid.)
public enum Preprocessing {
    /// The side of the box the ink is scaled to fit.
    public static let boxSide: Float = 20
    /// Values at or below this are background when finding the ink's bounding box.
    public static let inkThreshold: Float = 0.1

    /// The network input for a drawing of any size, or nil when there is no ink to classify.
    public static func networkInput(from drawing: Bitmap) -> [Float]? {
        var input = [Float](repeating: 0, count: 32 * 32)
        return prepare(drawing, into: &input) ? input : nil
    }

    /// As `networkInput(from:)`, into a buffer of 1024 values; false for no ink.
    public static func prepare(_ drawing: Bitmap, into input: inout [Float]) -> Bool {
        precondition(input.count == 1024)
        // The bounding box of the ink, and its centre of mass (pixel centres at +0.5).
        var left = drawing.width, right = -1, top = drawing.height, bottom = -1
        var mass: Float = 0, sumX: Float = 0, sumY: Float = 0
        for y in 0..<drawing.height {
            for x in 0..<drawing.width {
                let v = drawing.pixels[y * drawing.width + x]
                guard v > inkThreshold else { continue }
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
                mass += v
                sumX += v * (Float(x) + 0.5)
                sumY += v * (Float(y) + 0.5)
            }
        }
        guard right >= 0 else { return false }
        let scale = boxSide / Float(max(right - left + 1, bottom - top + 1))
        // Target coordinate t = (source s - centre of mass) * scale + 16.
        let offsetX = 16 - sumX / mass * scale
        let offsetY = 16 - sumY / mass * scale
        let columns = BoxFilter(scale: scale, offset: offsetX, sourceRange: left...right)
        let rows = BoxFilter(scale: scale, offset: offsetY, sourceRange: top...bottom)
        let columnWeights = (0..<32).map(columns.weights)
        for i in input.indices { input[i] = 0 }
        for ty in 0..<32 {
            let (firstY, weightsY) = rows.weights(ty)
            guard !weightsY.isEmpty else { continue }
            for tx in 0..<32 {
                let (firstX, weightsX) = columnWeights[tx]
                guard !weightsX.isEmpty else { continue }
                var total: Float = 0
                for (j, wy) in weightsY.enumerated() {
                    let row = (firstY + j) * drawing.width
                    var line: Float = 0
                    for (i, wx) in weightsX.enumerated() {
                        let v = drawing.pixels[row + firstX + i]
                        if v > inkThreshold { line += wx * v }
                    }
                    total += wy * line
                }
                input[ty * 32 + tx] = min(1, total)
            }
        }
        return true
    }

    /// The drawing as the input tensor itself, without scaling or centring (`--no-preprocess`):
    /// it must be 32x32.
    public static func rawInput(from drawing: Bitmap) -> [Float]? {
        guard drawing.width == 32 && drawing.height == 32 else { return nil }
        return drawing.pixels
    }
}

/// The one-dimensional weights of an exact box filter from source pixels to target pixels under
/// t = (s - centre) * scale + 16, written as t = s * scale + offset: target pixel [t, t+1) averages
/// the source over [(t - offset) / scale, (t + 1 - offset) / scale).
struct BoxFilter {
    let scale: Float
    let offset: Float
    let sourceRange: ClosedRange<Int>

    /// The first source pixel and the weights of the source pixels that target pixel `t` overlaps.
    func weights(_ t: Int) -> (first: Int, weights: [Float]) {
        let start = (Float(t) - offset) / scale
        let end = (Float(t + 1) - offset) / scale
        let first = max(sourceRange.lowerBound, Int(start.rounded(.down)))
        let last = min(sourceRange.upperBound, Int(end.rounded(.up)) - 1)
        guard first <= last else { return (0, []) }
        var weights = [Float]()
        for s in first...last {
            let overlap = min(end, Float(s + 1)) - max(start, Float(s))
            weights.append(max(0, overlap) * scale)
        }
        return (first, weights)
    }
}
