import Lessons
import Screen
import Teaching

/// What a step of a guided tour says: "step K of N" and the step's heading, its words with the
/// numbers of the drawing on the canvas, and whether the reader may go on. As a box beside the
/// canvas, or as a band across the screen under the network (the heading then in the band's top
/// rule), the words wrapped between words and never cut.
struct TourPanel: Widget {
    let heading: String
    /// The step's paragraphs, filled in.
    let words: [String]
    /// A line said last, in bold: what the step waits for, or that the tour ends here.
    let status: String?

    /// "step 3 of 13: C1: six small patterns".
    static func heading(_ tour: Tour) -> String {
        tour.position + (tour.step.title.map { ": " + $0 } ?? "")
    }

    /// Columns the words leave at the sides, inside a box's frame or a band's edges.
    static let margin = 2

    /// The widest the words run: lines much longer are hard to follow across a wide screen.
    static let widestText = 100

    /// The columns the words take in `width`.
    static func textWidth(_ width: Int) -> Int { max(1, min(widestText, width - 2 * margin)) }

    /// The rows a step needs at `width`: its words measured with every placeholder at its
    /// widest, so that the panel keeps its size as the numbers change.
    static func rows(heading: String, text: Explanation, width: Int, boxed: Bool, waits: Bool)
        -> Int
    {
        let columns = textWidth(width)
        let words = text.lineCount(columns: columns)
        if boxed {
            let title = heading.wrapped(width: columns).count
            return 2 + title + 1 + words + (waits ? 2 : 0)
        }
        return 1 + words + (waits ? 1 : 0)
    }

    /// `area` as a box (true) or a band.
    var boxed: Bool

    init(heading: String, words: [String], status: String?, boxed: Bool = true) {
        self.heading = heading
        self.words = words
        self.status = status
        self.boxed = boxed
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard area.width > 2 * Self.margin, area.height >= 2 else { return }
        buffer.fill(area)
        let columns = Self.textWidth(area.width)
        var text: Rect
        if boxed {
            let inside = buffer.frame(area, title: "Tour", palette: palette, highlighted: true)
            let title = heading.wrapped(width: columns)
            for (i, line) in title.enumerated() where i < inside.height {
                buffer.write(
                    line, x: area.x + Self.margin, y: inside.y + i, style: .bold, clip: inside)
            }
            let top = inside.y + title.count + 1
            text = Rect(
                x: area.x + Self.margin, y: top, width: columns, height: inside.maxY - top)
        } else {
            renderRule(in: area, into: &buffer, palette: palette)
            text = Rect(
                x: area.x + Self.margin, y: area.y + 1, width: columns, height: area.height - 1)
        }
        if let status, text.height >= 1 {
            let lines = status.wrapped(width: columns)
            let height = min(text.height, lines.count)
            buffer.write(
                Array(lines.prefix(height)),
                in: Rect(x: text.x, y: text.maxY - height, width: columns, height: height),
                style: .bold)
            // A blank row between the words and the status where the box has one.
            text.height -= height + (boxed && text.height > height + 1 ? 1 : 0)
        }
        WordsView(paragraphs: words).render(in: text, into: &buffer, palette: palette)
    }

    /// The band's top edge: a rule with the heading in it.
    func renderRule(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let style = Style(
            foreground: palette.options.colors == .none ? .default : .cyan, bold: true)
        for x in area.x..<area.maxX { buffer.set(x, area.y, Cell(palette.horizontal, style)) }
        let shown = shortened(heading, to: area.width - 6, ellipsis: palette.ellipsis)
        buffer.write(
            " " + shown + " ", x: area.x + 2, y: area.y, style: Style(bold: true),
            clip: Rect(x: area.x, y: area.y, width: area.width, height: 1))
    }
}
