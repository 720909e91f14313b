import Screen

/// Where everything goes for a terminal size (after ratatui: layout hands out rectangles, widgets
/// draw inside them).
///
/// - full: the canvas at two columns per cell, so that cells look square (66x34 with its frame),
///   the prediction under it or beside it, the network panel on the right. Needs 120x36, so that
///   the panel has room for C1's maps.
/// - compact: the canvas at one column per cell and two cells per row, in half blocks (34x18),
///   the prediction as a bar chart under it, the network panel on the right. Needs 80x24, the
///   classic terminal. The mouse reaches pairs of rows there; the keys reach every cell.
/// - tooSmall: only a message saying the size needed.
///
/// With `canvasHidden` (full or compact), the network panel takes everything between the title and
/// the status line, and shows a small copy of the canvas itself.
///
/// During a guided tour the step's words take part of the network panel's place: a band across its
/// bottom when the canvas is hidden, else a box at the bottom of the panel beside the canvas, or the
/// panel's whole place when what would be left of it is too small to show a layer.
public struct Layout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case full, compact, tooSmall }

    public static let fullMinimum = (width: 120, height: 36)
    public static let compactMinimum = (width: 80, height: 24)

    public let mode: Mode
    public let canvasHidden: Bool
    /// The whole screen.
    public let screen: Rect
    public let title: Rect
    public let status: Rect
    /// The canvas with its frame, and the cells inside it.
    public let canvasFrame: Rect
    public let canvas: Rect
    public let prediction: Rect
    public let network: Rect
    /// The tour's words (empty without a tour), and whether they are a band across the screen
    /// (the canvas hidden) rather than a box.
    public let tour: Rect
    public let tourIsBand: Bool

    /// The fewest rows the network panel keeps beside the canvas under a tour's words: fewer,
    /// and the words take its place whole.
    public static let networkBesideTour = 20

    /// `tourRows`, during a tour: the rows its words need at a width, as a band (false) or a box
    /// (true).
    public init(
        width: Int, height: Int, canvasHidden: Bool = false, tourRows: ((Int, Bool) -> Int)? = nil
    ) {
        let untoured = Layout(untoured: width, height: height, canvasHidden: canvasHidden)
        guard let tourRows, untoured.mode != .tooSmall else {
            self = untoured
            return
        }
        let area = untoured.network
        let band = canvasHidden
        let rows = min(area.height, tourRows(area.width, !band))
        var network = area
        var tour = area
        if band || area.height - rows >= Self.networkBesideTour {
            (tour, network) = area.splitBottom(rows)
        } else {
            network = Rect(x: area.x, y: area.y, width: 0, height: 0)
        }
        self.init(untoured, network: network, tour: tour, band: band)
    }

    private init(_ layout: Layout, network: Rect, tour: Rect, band: Bool) {
        (mode, canvasHidden, screen, title, status) = (
            layout.mode, layout.canvasHidden, layout.screen, layout.title, layout.status
        )
        (canvasFrame, canvas, prediction) = (layout.canvasFrame, layout.canvas, layout.prediction)
        self.network = network
        self.tour = tour
        tourIsBand = band
    }

    /// Without a tour.
    private init(untoured width: Int, height: Int, canvasHidden: Bool) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let zero = Rect(x: 0, y: 0, width: 0, height: 0)
        self.screen = screen
        if width >= Self.fullMinimum.width && height >= Self.fullMinimum.height {
            mode = .full
        } else if width >= Self.compactMinimum.width && height >= Self.compactMinimum.height {
            mode = .compact
        } else {
            mode = .tooSmall
            self.canvasHidden = false
            (self.tour, tourIsBand) = (zero, false)
            (title, status, canvasFrame, canvas, prediction, network) = (
                zero, zero, zero, zero, zero, screen
            )
            return
        }
        let (top, rest) = screen.splitTop(1)
        let (bottom, body) = rest.splitBottom(1)
        title = top
        status = bottom
        self.canvasHidden = canvasHidden
        (self.tour, tourIsBand) = (zero, false)
        if canvasHidden {
            (canvasFrame, canvas, prediction, network) = (zero, zero, zero, body)
            return
        }
        let frameSize = mode == .full ? (width: 66, height: 34) : (width: 34, height: 18)
        let (left, right) = body.splitLeft(frameSize.width)
        let (frame, belowCanvas) = left.splitTop(frameSize.height)
        canvasFrame = frame
        canvas = frame.inset(1)
        let panel = Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height)
        if mode == .compact || belowCanvas.height >= 13 {
            prediction = belowCanvas
            network = panel
        } else {
            let (upper, lower) = panel.splitTop(13)
            prediction = upper
            network = lower
        }
    }

    /// The canvas cell under a screen position, or nil. In compact mode this is the upper cell of
    /// the pair a row shows.
    public func canvasCell(atScreen point: Point) -> Point? {
        guard !canvasHidden, canvas.contains(point) else { return nil }
        return unclampedCell(atScreen: point)
    }

    /// The canvas cell a screen position would be, were the canvas to extend that far (outside it
    /// the coordinates run below 0 or above 31). Nil when there is no canvas.
    public func unclampedCell(atScreen point: Point) -> Point? {
        guard !canvasHidden else { return nil }
        func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        switch mode {
        case .full: return Point(x: floorDivide(point.x - canvas.x, 2), y: point.y - canvas.y)
        case .compact: return Point(x: point.x - canvas.x, y: 2 * (point.y - canvas.y))
        case .tooSmall: return nil
        }
    }
}
