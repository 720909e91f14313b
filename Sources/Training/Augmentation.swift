import LeNet5
import Platform

/// Prepares MNIST digits for what the sketchpad will show the network: digits drawn with a mouse or
/// keys on a 32x32 grid of cells, so thin one-cell strokes as well as thick ones, hard binary ink,
/// off-centre, small or large, slanted, and continental 1s and 7s, all after `Preprocessing`.
///
/// Each training sample becomes, at random, either
/// - an MNIST digit, slightly rotated, sheared and rescaled, as the test set looks (`mnistShare`);
/// - or a sketch: the digit is placed on the 32x32 grid at a random height of 9 to 30 cells,
///   slanted, rotated and stretched, then made into hard ink in one of four styles (the
///   skeleton, one cell wide, as a one-cell brush draws; that skeleton grown by a 2x2 or 3x3 brush;
///   or the digit's own outline cut at a random level), and finally run through `Preprocessing`,
///   exactly as the sketchpad runs a drawing.
/// Some 1s get a continental flag (and sometimes a foot), some 7s a crossbar, before either.
public struct Augmentation: Sendable, Equatable {
    /// The share of samples kept MNIST-like; the rest become sketches.
    public var mnistShare: Float = 0.4
    /// The share of 1s and 7s given their continental strokes.
    public var continentalShare: Float = 0.3
    /// The share of digits bent by a smooth random displacement (Simard, Steinkraus and Platt's
    /// elastic distortion, "Best Practices for Convolutional Neural Networks Applied to Visual
    /// Document Analysis", 2003), approximated by a 4x4 grid of random offsets interpolated.
    public var elasticShare: Float = 0.5
    /// Largest offset of a grid point, in MNIST pixels.
    public var elasticAmplitude: Float = 2.0

    public init() {}

    /// One line for the weights' metadata.
    public var summary: String {
        func share(_ value: Float) -> String { String(Double((value * 100).rounded()) / 100) }
        return
            "mnist-like \(share(mnistShare)) (rotation 10 deg, shear 0.2, scale 0.9-1.1, shift 1.5); "
            + "sketches \(share(1 - mnistShare)) (height 9-30 cells, rotation 12 deg, slant 0.35, "
            + "stretch 0.75-1.3, styles: skeleton, brush 2, brush 3, threshold; then preprocessing); "
            + "continental 1s and 7s \(share(continentalShare)); elastic \(share(elasticShare)) (amplitude "
            + "\(share(elasticAmplitude)) px on a 4x4 grid)"
    }

    /// Sample `index` of `dataset`, augmented with `generator`, as a 32x32 network input.
    public func input(
        _ dataset: MNISTDataset, _ index: Int, using generator: inout SeededGenerator,
        into input: UnsafeMutablePointer<Float>
    ) {
        var digit = dataset.bitmap(index)
        let label = Int(dataset.labels[index])
        if (label == 1 || label == 7) && generator.chance(continentalShare) {
            Self.addContinentalStrokes(to: &digit, label: label, using: &generator)
        }
        let field =
            generator.chance(elasticShare)
            ? DisplacementField(amplitude: elasticAmplitude, using: &generator) : nil
        if generator.chance(mnistShare) {
            Self.mnistLike(digit, field: field, using: &generator, into: input)
            return
        }
        guard let sketch = Self.sketch(digit, field: field, using: &generator),
            let prepared = Preprocessing.networkInput(from: sketch)
        else {
            Self.mnistLike(digit, field: field, using: &generator, into: input)
            return
        }
        for i in 0..<1024 { input[i] = prepared[i] }
    }

    /// The digit in the 32x32 field as MNIST has it (20-pixel box, centre of mass in the middle),
    /// slightly rotated, sheared, rescaled and shifted.
    static func mnistLike(
        _ digit: Bitmap, field: DisplacementField?, using generator: inout SeededGenerator,
        into input: UnsafeMutablePointer<Float>
    ) {
        let placement = Placement(
            scale: generator.uniform(0.9...1.1), stretch: generator.uniform(0.92...1.08),
            slant: generator.uniform(-0.2...0.2),
            rotation: generator.uniform(-10...10) * .pi / 180,
            centreFrom: SIMD2(14, 14),
            centreTo: SIMD2(16 + generator.uniform(-1.5...1.5), 16 + generator.uniform(-1.5...1.5)))
        let image = placement.render(digit, width: 32, height: 32, field: field)
        for i in 0..<1024 { input[i] = image.pixels[i] }
    }

    /// The digit drawn on the sketchpad's grid, as hard ink; nil if nothing is left.
    static func sketch(
        _ digit: Bitmap, field: DisplacementField?, using generator: inout SeededGenerator
    ) -> Bitmap? {
        guard let box = Raster.inkBounds(digit) else { return nil }
        let sourceHeight = Float(box.bottom - box.top + 1)
        let height = generator.uniform(9...30)
        let stretch = generator.uniform(0.75...1.3)
        let slant = generator.uniform(-0.35...0.35)
        let rotation = generator.uniform(-12...12) * .pi / 180
        let centre = SIMD2<Float>(
            Float(box.left + box.right + 1) / 2, Float(box.top + box.bottom + 1) / 2)
        var placement = Placement(
            scale: height / sourceHeight, stretch: stretch, slant: slant, rotation: rotation,
            centreFrom: centre, centreTo: SIMD2(16, 16))
        // Anywhere on the grid where the whole digit fits.
        let extent = placement.extent(
            left: Float(box.left), top: Float(box.top), right: Float(box.right + 1),
            bottom: Float(box.bottom + 1))
        let room = SIMD2<Float>(32, 32) - (extent.high - extent.low)
        var target = SIMD2<Float>(16, 16)
        for axis in 0..<2 where room[axis] > 0 {
            let start = generator.uniform(0...room[axis])
            target[axis] = start + (16 - extent.low[axis])
        }
        placement.centreTo = target
        let grey = placement.render(digit, width: 32, height: 32, samples: 2, field: field)
        let style = generator.uniform(0...1)
        var ink: Bitmap
        if style < 0.3 {
            ink = Raster.binarize(grey, threshold: generator.uniform(0.25...0.55))
        } else {
            let skeleton = Raster.thin(Raster.binarize(grey, threshold: 0.35))
            let brush = style < 0.7 || height < 14 ? 1 : style < 0.85 ? 2 : 3
            ink = Raster.dilate(skeleton, side: brush)
        }
        if ink.isBlank { ink = Raster.binarize(grey, threshold: 0.1) }
        return ink.isBlank ? nil : ink
    }

    /// A continental 1 has a long flag from its top down to the left, and sometimes a foot; a
    /// continental 7 has a bar across its stem.
    static func addContinentalStrokes(
        to digit: inout Bitmap, label: Int, using generator: inout SeededGenerator
    ) {
        guard let box = Raster.inkBounds(digit, threshold: 0.5) else { return }
        let width = max(1.5, min(3.5, Raster.strokeWidth(digit)))
        let height = Float(box.bottom - box.top + 1)
        func inkCentre(row: Int) -> Float? {
            let xs = (0..<digit.width).filter { digit[$0, row] > 0.5 }
            return xs.isEmpty ? nil : Float(xs.reduce(0, +)) / Float(xs.count) + 0.5
        }
        if label == 1 {
            guard let topX = inkCentre(row: box.top) else { return }
            let top = SIMD2<Float>(topX, Float(box.top) + 0.5)
            let length = height * generator.uniform(0.25...0.45)
            let angle = generator.uniform(20...55) * .pi / 180
            let end = top + SIMD2(-cosf(angle), sinf(angle)) * length
            Raster.line(on: &digit, from: top, to: end, width: width)
            if generator.chance(0.4), let bottomX = inkCentre(row: box.bottom) {
                let half = height * generator.uniform(0.15...0.25)
                let y = Float(box.bottom) + 0.5
                Raster.line(
                    on: &digit, from: SIMD2(bottomX - half, y), to: SIMD2(bottomX + half, y),
                    width: width)
            }
        } else {
            let row = box.top + Int(height * generator.uniform(0.45...0.6))
            guard let stemX = inkCentre(row: row) else { return }
            let half = max(3, Float(box.right - box.left + 1) * generator.uniform(0.2...0.35))
            let tilt = generator.uniform(-1.5...1.5)
            let y = Float(row) + 0.5
            Raster.line(
                on: &digit, from: SIMD2(stemX - half, y + tilt), to: SIMD2(stemX + half, y - tilt),
                width: width)
        }
    }
}

/// An affine placement of a digit: scaled, stretched horizontally, slanted (sheared along x by the
/// height above the centre) and rotated about `centreFrom`, which lands on `centreTo`.
struct Placement {
    var scale: Float
    var stretch: Float
    var slant: Float
    var rotation: Float
    var centreFrom: SIMD2<Float>
    var centreTo: SIMD2<Float>

    /// Source to target, without the translations: rotation * shear * scaling.
    var matrix: (SIMD2<Float>, SIMD2<Float>) {
        let (c, s) = (cosf(rotation), sinf(rotation))
        // Columns of [[sx, -slant*sy], [0, sy]] then rotated.
        let sx = scale * stretch
        let sy = scale
        let column0 = SIMD2<Float>(c * sx, s * sx)
        let shearColumn = SIMD2<Float>(-slant * sy, sy)
        let column1 = SIMD2<Float>(
            c * shearColumn.x - s * shearColumn.y, s * shearColumn.x + c * shearColumn.y)
        return (column0, column1)
    }

    func apply(_ p: SIMD2<Float>) -> SIMD2<Float> {
        let (c0, c1) = matrix
        let d = p - centreFrom
        return centreTo + c0 * d.x + c1 * d.y
    }

    /// The box that the source rectangle covers once placed.
    func extent(left: Float, top: Float, right: Float, bottom: Float)
        -> (low: SIMD2<Float>, high: SIMD2<Float>)
    {
        let corners = [
            SIMD2(left, top), SIMD2(right, top), SIMD2(left, bottom), SIMD2(right, bottom),
        ].map(apply)
        var low = corners[0]
        var high = corners[0]
        for p in corners {
            low = pointwiseMin(low, p)
            high = pointwiseMax(high, p)
        }
        return (low, high)
    }

    /// The placed digit, each target pixel the mean of `samples` x `samples` bilinear samples,
    /// the source bent by `field` if there is one.
    func render(
        _ source: Bitmap, width: Int, height: Int, samples: Int = 1, field: DisplacementField? = nil
    ) -> Bitmap {
        let (c0, c1) = matrix
        let determinant = c0.x * c1.y - c1.x * c0.y
        // The inverse matrix, row by row.
        let row0 = SIMD2<Float>(c1.y, -c1.x) / determinant
        let row1 = SIMD2<Float>(-c0.y, c0.x) / determinant
        var result = Bitmap(width: width, height: height)
        let step = 1 / Float(samples)
        let weight = step * step
        for y in 0..<height {
            for x in 0..<width {
                var total: Float = 0
                for sy in 0..<samples {
                    for sx in 0..<samples {
                        let t = SIMD2<Float>(
                            Float(x) + (Float(sx) + 0.5) * step, Float(y) + (Float(sy) + 0.5) * step
                        )
                        let d = t - centreTo
                        var p = centreFrom + SIMD2((row0 * d).sum(), (row1 * d).sum())
                        if let field { p += field.offset(at: p) }
                        total += Self.bilinear(source, p)
                    }
                }
                result[x, y] = total * weight
            }
        }
        return result
    }

    /// The source at a point, pixel centres at +0.5, zero outside.
    static func bilinear(_ image: Bitmap, _ p: SIMD2<Float>) -> Float {
        let fx = p.x - 0.5
        let fy = p.y - 0.5
        let x0 = Int(fx.rounded(.down))
        let y0 = Int(fy.rounded(.down))
        guard x0 >= -1, y0 >= -1, x0 < image.width, y0 < image.height else { return 0 }
        let ax = fx - Float(x0)
        let ay = fy - Float(y0)
        func at(_ x: Int, _ y: Int) -> Float {
            x >= 0 && y >= 0 && x < image.width && y < image.height ? image[x, y] : 0
        }
        let top = at(x0, y0) * (1 - ax) + at(x0 + 1, y0) * ax
        let bottom = at(x0, y0 + 1) * (1 - ax) + at(x0 + 1, y0 + 1) * ax
        return top * (1 - ay) + bottom * ay
    }
}

/// A smooth random bending of a digit (28x28 for MNIST, `side` x `side` in general): offsets drawn
/// at the points of a 4x4 grid spanning the image, interpolated bilinearly in between.
struct DisplacementField {
    static let points = 4
    let offsets: [SIMD2<Float>]
    /// The source image's size, which the grid spans.
    var side: Float = 28

    init(amplitude: Float, side: Float = 28, using generator: inout SeededGenerator) {
        self.side = side
        offsets = (0..<(Self.points * Self.points)).map { _ in
            SIMD2(
                generator.uniform(-amplitude...amplitude), generator.uniform(-amplitude...amplitude)
            )
        }
    }

    /// The offset at a point of the source.
    func offset(at p: SIMD2<Float>) -> SIMD2<Float> {
        let last = Float(Self.points - 1)
        let gx = min(last, max(0, p.x / side * last))
        let gy = min(last, max(0, p.y / side * last))
        let x0 = min(Self.points - 2, Int(gx))
        let y0 = min(Self.points - 2, Int(gy))
        let ax = gx - Float(x0)
        let ay = gy - Float(y0)
        let n = Self.points
        let top = offsets[y0 * n + x0] * (1 - ax) + offsets[y0 * n + x0 + 1] * ax
        let bottom = offsets[(y0 + 1) * n + x0] * (1 - ax) + offsets[(y0 + 1) * n + x0 + 1] * ax
        return top * (1 - ay) + bottom * ay
    }
}
