/// A drawing as the network receives it: the drawing as given, where preprocessing put it, and the
/// 32x32 input that came out. The one value `predict`, `explain`, `trace` and the sketchpad's
/// explanations start from.
public struct PreparedDrawing: Sendable {
    public let drawing: Bitmap
    /// `PreprocessingTransform.identity` when the drawing is fed as it is.
    public let transform: PreprocessingTransform
    /// The network input, 32x32 row by row.
    public let input: [Float]

    public var isPreprocessed: Bool { !transform.isIdentity }

    /// `drawing` made ready for the network: scaled and centred as MNIST's digits were, or with
    /// `preprocess` false fed as it is (it must then be 32x32). Nil when there is no ink.
    public init?(_ drawing: Bitmap, preprocess: Bool = true) throws(DrawingPreparationError) {
        self.drawing = drawing
        if preprocess {
            guard let transform = Preprocessing.transform(for: drawing) else { return nil }
            self.transform = transform
            var input = [Float](
                repeating: 0, count: Preprocessing.inputSide * Preprocessing.inputSide)
            input.withUnsafeMutableBufferPointer {
                Preprocessing.apply(transform, to: drawing, into: $0)
            }
            self.input = input
        } else {
            guard let raw = Preprocessing.rawInput(from: drawing) else {
                throw .notNetworkSized(width: drawing.width, height: drawing.height)
            }
            guard raw.contains(where: { $0 > 0 }) else { return nil }
            transform = .identity
            input = raw
        }
    }

    /// Whether cell (x, y) of the drawing holds ink the network can see: above the preprocessing's
    /// threshold, or any value at all when the drawing is fed as it is.
    public func isInk(x: Int, y: Int) -> Bool {
        isInk(drawing.pixels[y * drawing.width + x])
    }

    func isInk(_ value: Float) -> Bool {
        isPreprocessed ? value > Preprocessing.inkThreshold : value > 0
    }
}

/// Why a drawing cannot be fed to the network.
public enum DrawingPreparationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Without preprocessing the drawing must already be the network's input size.
    case notNetworkSized(width: Int, height: Int)

    public var description: String {
        switch self {
        case .notNetworkSized(let width, let height):
            let side = Preprocessing.inputSide
            return "is \(width)x\(height); --no-preprocess needs \(side)x\(side)"
        }
    }
}
