import LeNet5
import Screen

/// Where the network panel puts its parts: the same for drawing and for telling which tab, map or
/// value a click landed on. Everything here follows from the state, not from the values shown.
struct PanelLayout {
    let area: Rect
    /// A box around the panel, beside the canvas; none when the panel has the whole screen, whose
    /// title and status lines frame it already.
    let framed: Bool
    /// The two lines on the layer under the tabs: left out while watching a computation in a
    /// short panel, whose own title says what it computes.
    let showsHeader: Bool

    /// `zoomed`: one map enlarged or a computation, which need the rows more than the header.
    init(area: Rect, framed: Bool = true, zoomed: Bool = false) {
        self.area = area
        self.framed = framed
        showsHeader = !zoomed || (framed ? area.height - 2 : area.height) >= 24
    }

    /// Rows above the body: the tabs and two lines on the layer.
    var headerRows: Int { showsHeader ? 3 : 1 }
    /// Rows below: the legend and the key hints.
    static let footerRows = 2

    var inner: Rect { framed ? area.inset(1) : area }
    /// Too little room draws the frame alone.
    var hasRoom: Bool { inner.width >= 20 && inner.height >= 8 }
    var tabRow: Rect { Rect(x: inner.x, y: inner.y, width: inner.width, height: 1) }
    var header: Rect { Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 1, height: 2) }
    var footer: Rect {
        Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 1, height: Self.footerRows)
    }
    /// A blank row under the header where the room allows it.
    var gap: Int { inner.height >= 30 ? 1 : 0 }
    var body: Rect {
        Rect(
            x: inner.x + 1, y: inner.y + headerRows + gap, width: inner.width - 1,
            height: inner.height - headerRows - Self.footerRows - gap)
    }

    var tabs: [LayerTabs.Tab] {
        LayerTabs.tabs(LeNet5.architecture.map(\.name), in: tabRow)
    }

    /// The layer whose tab is at a screen position.
    func layer(at point: Point) -> Int? {
        guard point.y == tabRow.y else { return nil }
        return tabs.firstIndex { $0.columns.contains(point.x) }
    }

    /// Where the body's parts go: the view of the layer, the small copy of the canvas (when the
    /// canvas is hidden), and the words.
    struct Parts: Equatable {
        var view: Rect
        var drawing: (rect: Rect, resolution: CanvasView.Resolution)?
        var words: Rect?

        static func == (a: Parts, b: Parts) -> Bool {
            a.view == b.view && a.drawing?.rect == b.drawing?.rect
                && a.drawing?.resolution == b.drawing?.resolution && a.words == b.words
        }
    }

    /// The widest the words get beside the view, and the narrowest.
    static let wordsWidth = (least: 30, most: 44)
    /// The fewest rows worth giving the words, and the rows kept for them under the view.
    static let wordsLeast = 3
    static let wordsKept = 5

    /// How a view fills a width: the rows it takes at most `most` rows, and how large it is
    /// drawn there (the index of its zoom among the levels: 0 is the largest).
    typealias Natural = (_ width: Int, _ most: Int) -> (height: Int, level: Int)?

    /// `minimumView` is the least width the view needs; `natural` how it fills a room, when it
    /// does not simply take all of it (every map of a layer, a computation). The small canvas
    /// goes at the top right; the words either in a column under it, or under the view across
    /// its width: whichever draws the view larger, then whichever gives the words more room.
    ///
    /// With `viewFirst` (a computation, whose numbers all matter), the view takes the rows it
    /// needs and the words what is left under it; else the words keep a few rows.
    func parts(
        minimumView: Int, natural: Natural, drawing: Bool, words: Bool, viewFirst: Bool = false
    ) -> Parts {
        let body = self.body
        var resolution: CanvasView.Resolution?
        if drawing {
            let large = CanvasView.Resolution.halfBlocks.framed
            resolution =
                body.height >= large.height + 6 && body.width - large.width - 2 >= minimumView
                ? .halfBlocks : .braille
        }
        let size = resolution?.framed ?? (width: 0, height: 0)
        func drawingPlace(_ columnWidth: Int) -> (rect: Rect, resolution: CanvasView.Resolution)? {
            resolution.map {
                (
                    Rect(
                        x: body.maxX - columnWidth, y: body.y, width: size.width,
                        height: size.height), $0
                )
            }
        }
        var candidates = [(parts: Parts, level: Int)]()
        // Words in the column at the right, under the small canvas.
        let columnWidth = max(
            size.width,
            words ? min(Self.wordsWidth.most, max(Self.wordsWidth.least, body.width / 3)) : 0)
        if columnWidth > 0 && body.width - columnWidth - 2 >= minimumView {
            let top = body.y + (resolution == nil ? 0 : size.height + 1)
            let view = Rect(
                x: body.x, y: body.y, width: body.width - columnWidth - 2, height: body.height)
            let column = Parts(
                view: view, drawing: drawingPlace(columnWidth),
                words: words && body.maxY - top >= Self.wordsLeast
                    ? Rect(
                        x: body.maxX - columnWidth, y: top, width: columnWidth,
                        height: body.maxY - top) : nil)
            candidates.append((column, natural(view.width, view.height)?.level ?? 0))
        }
        // Words under the view, which is as wide as the small canvas leaves it.
        var under = Parts(view: body, drawing: nil, words: nil)
        if resolution != nil && body.width - size.width - 2 >= minimumView {
            under.drawing = drawingPlace(size.width)
            under.view.width = body.width - size.width - 2
        }
        var level = natural(under.view.width, under.view.height)?.level ?? 0
        if words {
            let most = viewFirst ? body.height : body.height - Self.wordsKept - 1
            let fill = natural(under.view.width, most)
            let viewHeight = min(most, fill?.height ?? most)
            level = fill?.level ?? 0
            let height = body.height - viewHeight - 1
            under.view.height = viewHeight
            if height >= 1 {
                under.words = Rect(
                    x: under.view.x, y: body.maxY - height, width: under.view.width,
                    height: height)
            }
        }
        candidates.append((under, level))
        func room(_ parts: Parts) -> Int { parts.words.map { $0.width * $0.height } ?? 0 }
        // Maps of three values a character or more are small either way: then the words' room
        // decides.
        let coarse = Zoom.levels(Palette(DisplayOptions())).firstIndex(of: .averaged(3)) ?? 6
        return candidates.min { a, b in
            // A view that needs its room first gets the widest.
            if viewFirst && a.parts.view.width != b.parts.view.width {
                return a.parts.view.width > b.parts.view.width
            }
            let (levelA, levelB) = (min(a.level, coarse), min(b.level, coarse))
            return levelA != levelB ? levelA < levelB : room(a.parts) > room(b.parts)
        }?.parts ?? under
    }
}
