import LeNet5
import Platform

/// Which way the ink runs in a square of the network's input, from the image gradient's structure
/// tensor: the sum over the square of [gx², gx·gy; gx·gy, gy²]. Its main axis is the direction in
/// which the brightness changes most, across the stroke; the stroke runs at right angles to it.
/// When the two axes are about as strong (a bend, a crossing, the end of a stroke), no direction
/// wins.
public enum StrokeDirection: Equatable, Sendable {
    /// Left to right (—).
    case across
    /// Top to bottom (|).
    case upAndDown
    /// From top left to bottom right (\).
    case downToTheRight
    /// From top right to bottom left (/).
    case downToTheLeft
    /// Strokes in more than one direction: a bend, a crossing, an end.
    case bends
    /// Ink over the whole square, with no edge in it.
    case solid
    /// No ink at all.
    case blank

    /// How much of the tensor's strength one axis must hold more than the other for a direction
    /// to win: 0 for a perfect bend or blob, 1 for a straight edge.
    static let coherenceNeeded = 0.35

    /// The ink in `square` (corners included, counted from 0) of a `side` x `side` image, row by
    /// row.
    public init(image: [Float], side: Int, square: CellRect) {
        precondition(image.count == side * side)
        func pixel(_ x: Int, _ y: Int) -> Double {
            (0..<side).contains(x) && (0..<side).contains(y) ? Double(image[y * side + x]) : 0
        }
        var ink = 0.0
        var (xx, xy, yy) = (0.0, 0.0, 0.0)
        for y in square.y0...square.y1 {
            for x in square.x0...square.x1 {
                ink = max(ink, pixel(x, y))
                // Central differences; beyond the image is paper.
                let gx = (pixel(x + 1, y) - pixel(x - 1, y)) / 2
                let gy = (pixel(x, y + 1) - pixel(x, y - 1)) / 2
                xx += gx * gx
                xy += gx * gy
                yy += gy * gy
            }
        }
        guard ink > Double(Preprocessing.inkThreshold) else {
            self = .blank
            return
        }
        let strength = xx + yy
        // Less change than one faint edge pixel: ink all over.
        guard strength > 0.01 else {
            self = .solid
            return
        }
        let anisotropy = ((xx - yy) * (xx - yy) + 4 * xy * xy).squareRoot()
        guard anisotropy / strength >= Self.coherenceNeeded else {
            self = .bends
            return
        }
        // The angle of the steepest change (y grows downwards), then the stroke's at right angles,
        // folded into 0..<180 degrees: 0 across, 45 down to the right, 90 down, 135 down to the left.
        let gradient = 0.5 * atan2(2 * xy, xx - yy)
        var stroke = (gradient + Double.pi / 2) * 180 / Double.pi
        stroke = stroke.truncatingRemainder(dividingBy: 180)
        if stroke < 0 { stroke += 180 }
        switch stroke {
        case ..<22.5, 157.5...: self = .across
        case ..<67.5: self = .downToTheRight
        case ..<112.5: self = .upAndDown
        default: self = .downToTheLeft
        }
    }

    /// What the ink does, to follow "where your stroke": "runs down to the right".
    public var words: String {
        switch self {
        case .across: "runs across"
        case .upAndDown: "runs up and down"
        case .downToTheRight: "runs down to the right"
        case .downToTheLeft: "runs down to the left"
        case .bends: "bends or meets another stroke"
        case .solid: "is thick and covers the whole spot"
        case .blank: "does not reach: this value answers to blank paper"
        }
    }
}
