import LeNet5

/// Drawing and morphology on small bitmaps, for augmentation.
enum Raster {
    /// Paints an anti-aliased line of width `width` (in pixels) from `a` to `b`, keeping the
    /// brighter of old and new ink.
    static func line(
        on image: inout Bitmap, from a: SIMD2<Float>, to b: SIMD2<Float>, width: Float
    ) {
        let half = width / 2
        let low = SIMD2<Float>(min(a.x, b.x), min(a.y, b.y)) - half - 1
        let high = SIMD2<Float>(max(a.x, b.x), max(a.y, b.y)) + half + 1
        let direction = b - a
        let lengthSquared = max((direction * direction).sum(), 1e-6)
        for y in max(0, Int(low.y))...min(image.height - 1, max(0, Int(high.y))) {
            for x in max(0, Int(low.x))...min(image.width - 1, max(0, Int(high.x))) {
                let p = SIMD2<Float>(Float(x) + 0.5, Float(y) + 0.5)
                let t = min(1, max(0, ((p - a) * direction).sum() / lengthSquared))
                let offset = p - (a + t * direction)
                let distance = (offset * offset).sum().squareRoot()
                let coverage = min(1, max(0, half + 0.5 - distance))
                image[x, y] = max(image[x, y], coverage)
            }
        }
    }

    /// True where `image` exceeds `threshold`.
    static func binarize(_ image: Bitmap, threshold: Float) -> Bitmap {
        Bitmap(
            width: image.width, height: image.height,
            pixels: image.pixels.map { $0 > threshold ? 1 : 0 })
    }

    /// Zhang and Suen's thinning ("A fast parallel algorithm for thinning digital patterns",
    /// CACM 1984): peels boundary pixels in two alternating sub-passes until only 8-connected
    /// lines of one pixel remain, as a stroke drawn with a one-cell brush would be.
    static func thin(_ image: Bitmap) -> Bitmap {
        let w = image.width + 2
        let h = image.height + 2
        // A border of background around the image, so neighbours always exist.
        var grid = [UInt8](repeating: 0, count: w * h)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] > 0.5 { grid[(y + 1) * w + x + 1] = 1 }
        }
        var removals = [Int]()
        var changed = true
        while changed {
            changed = false
            for pass in 0..<2 {
                let removable = pass == 0 ? thinningFirstPass : thinningSecondPass
                removals.removeAll(keepingCapacity: true)
                for y in 1..<(h - 1) {
                    for x in 1..<(w - 1) where grid[y * w + x] == 1 {
                        // Neighbours clockwise from north (p2 ... p9 in the paper), bit k for p(k+2).
                        let n =
                            Int(grid[(y - 1) * w + x]) | Int(grid[(y - 1) * w + x + 1]) << 1
                            | Int(grid[y * w + x + 1]) << 2 | Int(grid[(y + 1) * w + x + 1]) << 3
                            | Int(grid[(y + 1) * w + x]) << 4 | Int(grid[(y + 1) * w + x - 1]) << 5
                            | Int(grid[y * w + x - 1]) << 6 | Int(grid[(y - 1) * w + x - 1]) << 7
                        if removable[n] { removals.append(y * w + x) }
                    }
                }
                for i in removals { grid[i] = 0 }
                if !removals.isEmpty { changed = true }
            }
        }
        var result = Bitmap(width: image.width, height: image.height)
        for y in 0..<image.height {
            for x in 0..<image.width where grid[(y + 1) * w + x + 1] == 1 { result[x, y] = 1 }
        }
        return result
    }

    /// Whether a pixel with neighbourhood `mask` (bit k: neighbour p(k+2), clockwise from north)
    /// is removed by the first or the second sub-pass of Zhang and Suen.
    static let thinningFirstPass = thinningTable(pass: 0)
    static let thinningSecondPass = thinningTable(pass: 1)

    static func thinningTable(pass: Int) -> [Bool] {
        (0..<256).map { mask in
            let p = (0..<8).map { (mask >> $0) & 1 }
            let neighbours = p.reduce(0, +)
            guard (2...6).contains(neighbours) else { return false }
            let transitions = (0..<8).filter { p[$0] == 0 && p[($0 + 1) % 8] == 1 }.count
            guard transitions == 1 else { return false }
            // p2 p4 p6 / p4 p6 p8 in the first pass, p2 p4 p8 / p2 p6 p8 in the second.
            if pass == 0 { return p[0] * p[2] * p[4] == 0 && p[2] * p[4] * p[6] == 0 }
            return p[0] * p[2] * p[6] == 0 && p[0] * p[4] * p[6] == 0
        }
    }

    /// Each ink pixel grown into a `side` x `side` square, the way a brush of that size paints
    /// (side 2 reaches right and down, side 3 is centred).
    static func dilate(_ image: Bitmap, side: Int) -> Bitmap {
        guard side > 1 else { return image }
        let low = side == 3 ? -1 : 0
        let high = low + side - 1
        var result = Bitmap(width: image.width, height: image.height)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] > 0.5 {
                for dy in low...high {
                    for dx in low...high {
                        let (px, py) = (x + dx, y + dy)
                        if px >= 0, py >= 0, px < image.width, py < image.height {
                            result[px, py] = 1
                        }
                    }
                }
            }
        }
        return result
    }

    /// The bounding box of values above `threshold`, or nil.
    static func inkBounds(_ image: Bitmap, threshold: Float = 0.3)
        -> (left: Int, top: Int, right: Int, bottom: Int)?
    {
        var left = image.width, top = image.height, right = -1, bottom = -1
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] > threshold {
                left = min(left, x)
                right = max(right, x)
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        return right < 0 ? nil : (left, top, right, bottom)
    }

    /// The typical stroke width: the mean length of horizontal runs of ink.
    static func strokeWidth(_ image: Bitmap) -> Float {
        var runs = 0
        var inked = 0
        for y in 0..<image.height {
            var inRun = false
            for x in 0..<image.width {
                let ink = image[x, y] > 0.5
                if ink {
                    inked += 1
                    if !inRun { runs += 1 }
                }
                inRun = ink
            }
        }
        return runs == 0 ? 2 : Float(inked) / Float(runs)
    }
}
