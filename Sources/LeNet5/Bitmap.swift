/// A greyscale picture, row by row, ink 1 and background 0: a drawing, a PGM file, an MNIST digit.
public struct Bitmap: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [Float]

    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int) {
        self.init(
            width: width, height: height, pixels: [Float](repeating: 0, count: width * height))
    }

    public subscript(x: Int, y: Int) -> Float {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// True where there is any ink at all.
    public var isBlank: Bool { !pixels.contains { $0 > 0 } }
}
