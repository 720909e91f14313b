import LeNet5

/// New versions of a person's drawing, for teaching from a handful of them: the drawing redrawn on
/// the sketchpad's 32x32 grid as `Augmentation` redraws MNIST's digits as sketches (at a random
/// height of 9 to 30 cells, anywhere on the grid, slanted, rotated by up to 12 degrees, stretched,
/// sometimes gently bent, then made into hard ink as one of four strokes: one cell wide, a 2x2 or
/// 3x3 brush, or its own outline cut at a random level), then preprocessed as the sketchpad
/// preprocesses a drawing. Version 0 is the drawing itself, preprocessed.
public struct DrawingAugmentation: Sendable, Equatable {
    /// The share of versions bent by a smooth random displacement.
    public var elasticShare: Float = 0.3
    /// The largest offset of the displacement's grid points, in cells of a 32x32 drawing.
    public var elasticAmplitude: Float = 1.5

    public init() {}

    /// One line for the weights' metadata.
    public var summary: String {
        "sketches (height 9-30 cells, rotation 12 deg, slant 0.35, stretch 0.75-1.3, styles: "
            + "skeleton, brush 2, brush 3, threshold; elastic \(elasticShare) share, "
            + "\(elasticAmplitude) cells); then preprocessing"
    }

    /// Version `variant` of `drawing` as a 32x32 network input (row by row), drawn with
    /// `generator`; nil only for a drawing without ink.
    public func input(_ drawing: Bitmap, variant: Int, using generator: inout SeededGenerator)
        -> [Float]?
    {
        guard variant > 0 else { return Preprocessing.networkInput(from: drawing) }
        let side = Float(max(drawing.width, drawing.height))
        let field =
            generator.chance(elasticShare)
            ? DisplacementField(
                amplitude: elasticAmplitude * side / 32, side: side, using: &generator) : nil
        guard let sketch = Augmentation.sketch(drawing, field: field, using: &generator),
            let input = Preprocessing.networkInput(from: sketch)
        else { return Preprocessing.networkInput(from: drawing) }
        return input
    }
}
