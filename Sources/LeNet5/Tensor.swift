/// A multi-dimensional array of floats in row-major order, shaped as PyTorch shapes it.
public struct Tensor: Equatable, Sendable {
    public let shape: [Int]
    public var scalars: [Float]

    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(
            scalars.count == shape.reduce(1, *),
            "\(scalars.count) scalars do not fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    public init(zeros shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// Scalars drawn uniformly from `-bound...bound`.
    public init(
        uniform shape: [Int], bound: Float, using generator: inout some RandomNumberGenerator
    ) {
        let count = shape.reduce(1, *)
        self.init(
            shape: shape,
            scalars: (0..<count).map { _ in Float.random(in: -bound...bound, using: &generator) })
    }

    public var count: Int { scalars.count }
}
