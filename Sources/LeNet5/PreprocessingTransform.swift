/// Where preprocessing put a drawing in the 32x32 network input: network input coordinate =
/// drawing coordinate x `scale` + offset, along each axis. Coordinates run along the grid lines:
/// cell (x, y) of the drawing covers [x, x+1) x [y, y+1), and so does pixel (x, y) of the input.
/// What the UI needs to land a receptive field on the cells the user drew, and to carry a gradient
/// back onto them.
public struct PreprocessingTransform: Sendable {
    public let drawingWidth: Int
    public let drawingHeight: Int
    /// Network input pixels per drawing cell: 20 / the longer side of the ink's box.
    public let scale: Float
    public let offsetX: Float
    public let offsetY: Float
    /// The cells whose ink preprocessing read: the ink's bounding box (the whole grid for the
    /// identity).
    public let inkBounds: CellRect
    /// The ink's centre of mass on the drawing, which lands at (16, 16); nil for the identity.
    public let centreOfMass: (x: Double, y: Double)?
    /// The box filters along each axis; nil for the identity.
    let filter: (columns: BoxFilter, rows: BoxFilter)?

    init(
        drawingWidth: Int, drawingHeight: Int, scale: Float, offsetX: Float, offsetY: Float,
        inkBounds: CellRect, centreOfMass: (x: Double, y: Double)?
    ) {
        self.drawingWidth = drawingWidth
        self.drawingHeight = drawingHeight
        self.scale = scale
        self.offsetX = offsetX
        self.offsetY = offsetY
        self.inkBounds = inkBounds
        self.centreOfMass = centreOfMass
        let side = Preprocessing.inputSide
        filter =
            centreOfMass == nil
            ? nil
            : (
                BoxFilter(
                    scale: scale, offset: offsetX, sourceRange: inkBounds.x0...inkBounds.x1,
                    targets: side),
                BoxFilter(
                    scale: scale, offset: offsetY, sourceRange: inkBounds.y0...inkBounds.y1,
                    targets: side)
            )
    }

    /// No preprocessing (`--no-preprocess`): a 32x32 drawing is the network input itself.
    public static var identity: PreprocessingTransform {
        let side = Preprocessing.inputSide
        return PreprocessingTransform(
            drawingWidth: side, drawingHeight: side, scale: 1, offsetX: 0, offsetY: 0,
            inkBounds: CellRect(x: 0, y: 0, side: side), centreOfMass: nil)
    }

    public var isIdentity: Bool { filter == nil }

    /// A point of the drawing in network input coordinates.
    public func inputPoint(x: Double, y: Double) -> (x: Double, y: Double) {
        (x * Double(scale) + Double(offsetX), y * Double(scale) + Double(offsetY))
    }

    /// A point of the network input in drawing coordinates.
    public func drawingPoint(x: Double, y: Double) -> (x: Double, y: Double) {
        ((x - Double(offsetX)) / Double(scale), (y - Double(offsetY)) / Double(scale))
    }

    /// The cells of the drawing that pixels `rect` of the network input were made from, clamped to
    /// the drawing's grid; nil when the pixels lie wholly outside it (in the margin that
    /// preprocessing adds around a small or off-centre drawing). Computed as the box filter
    /// computes which cells a pixel reads, so it names exactly those cells (and, where the ink's
    /// box ends inside the rectangle, the background beyond it).
    public func drawingCells(covering rect: CellRect) -> CellRect? {
        let x = cells(rect.x0, rect.x1, offset: offsetX)
        let y = cells(rect.y0, rect.y1, offset: offsetY)
        guard x.first <= x.last && y.first <= y.last else { return nil }
        return CellRect(x0: x.first, y0: y.first, x1: x.last, y1: y.last)
            .clamped(width: drawingWidth, height: drawingHeight)
    }

    /// The pixels of the network input that cells `rect` of the drawing reach, clamped to the
    /// 32x32 input; nil when none do.
    public func inputPixels(covering rect: CellRect) -> CellRect? {
        func pixels(_ first: Int, _ last: Int, _ offset: Float) -> (first: Int, last: Int) {
            let start = Float(first) * scale + offset
            let end = Float(last + 1) * scale + offset
            return (Int(start.rounded(.down)), Int(end.rounded(.up)) - 1)
        }
        let x = pixels(rect.x0, rect.x1, offsetX)
        let y = pixels(rect.y0, rect.y1, offsetY)
        guard x.first <= x.last && y.first <= y.last else { return nil }
        let side = Preprocessing.inputSide
        return CellRect(x0: x.first, y0: y.first, x1: x.last, y1: y.last)
            .clamped(width: side, height: side)
    }

    /// The source cells that target pixels first...last read along one axis: `BoxFilter`'s
    /// arithmetic, without its clamp to the ink's box.
    private func cells(_ first: Int, _ last: Int, offset: Float) -> (first: Int, last: Int) {
        let start = (Float(first) - offset) / scale
        let end = (Float(last + 1) - offset) / scale
        return (Int(start.rounded(.down)), Int(end.rounded(.up)) - 1)
    }
}
