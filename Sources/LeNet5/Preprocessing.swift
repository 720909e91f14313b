/// Turns a drawing into what the network expects, the way MNIST's digits were made (LeCun, Cortes
/// and Burges): the ink's bounding box scaled to fit a 20x20 box keeping its aspect ratio, with
/// anti-aliasing, and placed so that its centre of mass is at the centre of the 28x28 field, which
/// is padded by 2 to 32x32, as in the paper.
///
/// The scaling is an exact box filter (each output pixel is the mean of the input over its
/// preimage), which anti-aliases, and the centring is to a fraction of a pixel, so the result's
/// centre of mass lies within a few hundredths of a pixel of the centre (16, 16) of the input,
/// whatever the drawing's size and position. (Not exactly: the filter moves each input pixel's
/// ink onto the output's pixel grid.) `transform(for:)` says where every cell went.
public enum Preprocessing {
    /// The side of the box the ink is scaled to fit.
    public static let boxSide: Float = 20
    /// Values at or below this are background: they neither count towards the ink's box and centre
    /// of mass nor reach the network.
    public static let inkThreshold: Float = 0.1
    /// The side of the network input, 32.
    public static var inputSide: Int { NetworkLayer.input.geometry.side }

    /// The network input for a drawing of any size, or nil when there is no ink to classify.
    public static func networkInput(from drawing: Bitmap) -> [Float]? {
        var input = [Float](repeating: 0, count: inputSide * inputSide)
        return prepare(drawing, into: &input) ? input : nil
    }

    /// As `networkInput(from:)`, into a buffer of 1024 values; false for no ink.
    public static func prepare(_ drawing: Bitmap, into input: inout [Float]) -> Bool {
        precondition(input.count == inputSide * inputSide)
        guard let transform = transform(for: drawing) else { return false }
        input.withUnsafeMutableBufferPointer { apply(transform, to: drawing, into: $0) }
        return true
    }

    /// Where preprocessing puts the drawing: its ink's box scaled to 20 pixels and its centre of
    /// mass moved to (16, 16). Nil when there is no ink.
    public static func transform(for drawing: Bitmap) -> PreprocessingTransform? {
        // The bounding box of the ink, and its centre of mass (pixel centres at +0.5). The sums are
        // in Double: a Float sum stops growing at 2^24, which a large scan reaches (an 8000x8000
        // PGM of a thick 7 was centred so far off that it read as a 2).
        var left = drawing.width, right = -1, top = drawing.height, bottom = -1
        var mass = 0.0, sumX = 0.0, sumY = 0.0
        for y in 0..<drawing.height {
            var rowMass = 0.0, rowSumX = 0.0
            var first = drawing.width, last = -1
            for x in 0..<drawing.width {
                let v = drawing.pixels[y * drawing.width + x]
                guard v > inkThreshold else { continue }
                first = min(first, x)
                last = x
                rowMass += Double(v)
                rowSumX += Double(v) * (Double(x) + 0.5)
            }
            guard last >= 0 else { continue }
            left = min(left, first)
            right = max(right, last)
            top = min(top, y)
            bottom = y
            mass += rowMass
            sumX += rowSumX
            sumY += rowMass * (Double(y) + 0.5)
        }
        guard right >= 0 else { return nil }
        // The placement itself is computed in Float, as it always was, so that drawings whose sums
        // Float held exactly (every drawing below 2^24 ink pixels of one value) are placed exactly
        // as before and the shipped weights' training data is unchanged.
        let scale = boxSide / Float(max(right - left + 1, bottom - top + 1))
        let centre = Float(inputSide / 2)
        let offsetX = centre - Float(sumX / mass) * scale
        let offsetY = centre - Float(sumY / mass) * scale
        return PreprocessingTransform(
            drawingWidth: drawing.width, drawingHeight: drawing.height, scale: scale,
            offsetX: offsetX, offsetY: offsetY,
            inkBounds: CellRect(x0: left, y0: top, x1: right, y1: bottom),
            centreOfMass: (sumX / mass, sumY / mass))
    }

    /// Draws `drawing` into the 32x32 `input` as `transform` places it: each input pixel the mean of
    /// the ink under it. The transform must be the drawing's (or one of a drawing of the same size).
    public static func apply(
        _ transform: PreprocessingTransform, to drawing: Bitmap,
        into input: UnsafeMutableBufferPointer<Float>
    ) {
        let side = inputSide
        precondition(input.count == side * side)
        precondition(
            transform.drawingWidth == drawing.width && transform.drawingHeight == drawing.height)
        input.update(repeating: 0)
        guard let filter = transform.filter else {
            // The identity: the drawing is the input.
            for i in 0..<side * side { input[i] = drawing.pixels[i] }
            return
        }
        let columns = filter.columns
        let rows = filter.rows
        // Columns first: `line[sy][tx]` is source row sy filtered to target column tx, for the rows
        // the filter reads; then each target pixel sums its rows' lines. The sums run in the same
        // order as a direct double sum, so the result is the same to the bit.
        let firstRow = transform.inkBounds.y0
        let lineRows = transform.inkBounds.height
        var line = [Float](repeating: 0, count: lineRows * side)
        for sy in firstRow..<firstRow + lineRows {
            let source = sy * drawing.width
            let target = (sy - firstRow) * side
            for tx in 0..<side {
                let span = columns.spans[tx]
                var sum: Float = 0
                for i in 0..<span.count {
                    let v = drawing.pixels[source + span.first + i]
                    if v > Preprocessing.inkThreshold { sum += columns.weights[span.start + i] * v }
                }
                line[target + tx] = sum
            }
        }
        for ty in 0..<side {
            let span = rows.spans[ty]
            guard span.count > 0 else { continue }
            for tx in 0..<side where columns.spans[tx].count > 0 {
                var total: Float = 0
                for j in 0..<span.count {
                    total +=
                        rows.weights[span.start + j] * line[(span.first + j - firstRow) * side + tx]
                }
                input[ty * side + tx] = min(1, total)
            }
        }
    }

    /// The drawing as the input tensor itself, without scaling or centring (`--no-preprocess`):
    /// it must be 32x32.
    public static func rawInput(from drawing: Bitmap) -> [Float]? {
        guard drawing.width == inputSide && drawing.height == inputSide else { return nil }
        return drawing.pixels
    }

    /// How much the network input moves per unit of each drawing cell, carried back through the
    /// box filter: given `gradient`, the derivative of something with respect to each of the 32x32
    /// input pixels, returns its derivative with respect to each cell of the drawing (row by row,
    /// the drawing's size; 0 for background cells, which the filter does not read). The transform
    /// is held fixed: this is the derivative through the scaling, not through where the ink's box
    /// and centre of mass fall, and it takes the clamp of each pixel to 1 as the identity (the
    /// filter's weights sum to at most one, so the clamp only removes rounding).
    public static func drawingGradient(
        _ gradient: [Float], through transform: PreprocessingTransform, drawing: Bitmap
    ) -> [Float] {
        let side = inputSide
        precondition(gradient.count == side * side)
        var result = [Float](repeating: 0, count: drawing.width * drawing.height)
        guard let filter = transform.filter else {
            for i in result.indices where drawing.pixels[i] > 0 { result[i] = gradient[i] }
            return result
        }
        let columns = filter.columns
        let rows = filter.rows
        // The transpose of `apply`: rows first, then columns.
        let firstRow = transform.inkBounds.y0
        let lineRows = transform.inkBounds.height
        var line = [Float](repeating: 0, count: lineRows * side)
        for ty in 0..<side {
            let span = rows.spans[ty]
            for j in 0..<span.count {
                let target = (span.first + j - firstRow) * side
                let w = rows.weights[span.start + j]
                for tx in 0..<side { line[target + tx] += w * gradient[ty * side + tx] }
            }
        }
        for sy in firstRow..<firstRow + lineRows {
            let source = sy * drawing.width
            for tx in 0..<side {
                let span = columns.spans[tx]
                let g = line[(sy - firstRow) * side + tx]
                for i in 0..<span.count where drawing.pixels[source + span.first + i] > inkThreshold
                {
                    result[source + span.first + i] += columns.weights[span.start + i] * g
                }
            }
        }
        return result
    }
}

/// The weights of an exact box filter along one axis, from source pixels to the 32 target pixels
/// under t = s * scale + offset: target pixel [t, t+1) averages the source over
/// [(t - offset) / scale, (t + 1 - offset) / scale).
struct BoxFilter {
    /// For each target pixel: its first source pixel, how many it reads, and where their weights
    /// start in `weights`.
    let spans: [(first: Int, count: Int, start: Int)]
    let weights: [Float]

    init(scale: Float, offset: Float, sourceRange: ClosedRange<Int>, targets: Int) {
        var spans = [(first: Int, count: Int, start: Int)]()
        var weights = [Float]()
        spans.reserveCapacity(targets)
        for t in 0..<targets {
            let start = (Float(t) - offset) / scale
            let end = (Float(t + 1) - offset) / scale
            let first = max(sourceRange.lowerBound, Int(start.rounded(.down)))
            let last = min(sourceRange.upperBound, Int(end.rounded(.up)) - 1)
            guard first <= last else {
                spans.append((0, 0, weights.count))
                continue
            }
            spans.append((first, last - first + 1, weights.count))
            for s in first...last {
                let overlap = min(end, Float(s + 1)) - max(start, Float(s))
                weights.append(max(0, overlap) * scale)
            }
        }
        self.spans = spans
        self.weights = weights
    }
}
