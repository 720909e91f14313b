import LeNet5
import Screen
import Teaching

/// Something drawn inside a rectangle of a cell buffer (ratatui's `Widget`). A widget is built
/// from the data it shows, never from the whole `SketchpadState`, so that each one can be tested
/// alone and reused by views that show the same data elsewhere.
protocol Widget {
    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette)
}

/// Drawing helpers shared by the widgets.
extension CellBuffer {
    /// A box around `rect` with `title` in its top edge; returns the inside.
    @discardableResult
    mutating func frame(
        _ rect: Rect, title: String = "", palette: Palette, highlighted: Bool = false
    ) -> Rect {
        guard rect.width >= 2 && rect.height >= 2 else {
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let style =
            highlighted
            ? Style(foreground: palette.options.colors == .none ? .default : .cyan, bold: true)
            : Style.plain
        let c = palette.corners
        set(rect.x, rect.y, Cell(c[0], style))
        set(rect.maxX - 1, rect.y, Cell(c[1], style))
        set(rect.x, rect.maxY - 1, Cell(c[2], style))
        set(rect.maxX - 1, rect.maxY - 1, Cell(c[3], style))
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            set(x, rect.y, Cell(palette.horizontal, style))
            set(x, rect.maxY - 1, Cell(palette.horizontal, style))
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            set(rect.x, y, Cell(palette.vertical, style))
            set(rect.maxX - 1, y, Cell(palette.vertical, style))
        }
        // The title, shortened between words to fit the edge.
        let shown = shortened(title, to: rect.width - 6, ellipsis: palette.ellipsis)
        if !shown.isEmpty && rect.width > 4 {
            write(
                " " + shown + " ", x: rect.x + 2, y: rect.y, style: Style(bold: true),
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
        return rect.inset(1)
    }

    /// Writes `text`, or when it does not fit the clip's width as many of its words as fit with
    /// an ellipsis after them: never part of a word.
    mutating func writeShortening(
        _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect, palette: Palette
    ) {
        write(
            shortened(text, to: clip.maxX - x, ellipsis: palette.ellipsis), x: x, y: y,
            style: style, clip: clip)
    }

    /// Writes lines one under another from the top of `area`, clipped to it.
    mutating func write(_ lines: [String], in area: Rect, style: Style = .plain) {
        for (i, line) in lines.enumerated() {
            write(line, x: area.x, y: area.y + i, style: style, clip: area)
        }
    }
}

/// `text` broken into lines of at most `width` characters, between words (a word longer than a
/// line is cut): Teaching's wrapping, under the name the widgets use.
func wrap(_ text: String, width: Int) -> [String] { text.wrapped(width: width) }

/// `text`, or when it is longer than `width` its first words and `ellipsis`, as many as fit:
/// never part of a word (nothing but the ellipsis when not even the first word fits).
func shortened(_ text: String, to width: Int, ellipsis: String) -> String {
    guard text.count > width else { return text }
    var words = text.split(separator: " ", omittingEmptySubsequences: false)
    while !words.isEmpty {
        words.removeLast()
        // Punctuation left at the end of the kept words ("layer," "map:") reads as cut.
        let kept = words.joined(separator: " ").trimmingEnds(of: " ,;:")
        if !kept.isEmpty && kept.count + 1 + ellipsis.count <= width {
            return kept + " " + ellipsis
        }
    }
    return ellipsis.count <= width ? ellipsis : ""
}

/// A class's name in `width` columns: when longer, cut (inside a word if need be: a name is a
/// word or two) and ended with an ellipsis, one column wide even in ASCII.
func shortenedName(_ name: String, to width: Int, palette: Palette) -> String {
    guard name.count > width else { return name }
    let ellipsis = palette.ascii ? "." : palette.ellipsis
    return String(name.prefix(max(0, width - ellipsis.count))) + ellipsis
}

extension String {
    /// With its first letter in upper case, to begin a line.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    func trimmingEnds(of characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text.removeFirst() }
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return String(text)
    }
}

/// The sketchpad's number formats, after the command line's.
func fixed(_ value: Float, _ digits: Int) -> String { NumberText.fixed(value, digits) }

/// One decimal; a probability that rounds to 100% without being 1 shows as >99.9%.
func percentText(_ p: Float) -> String {
    if p.isNaN { return "NaN" }
    return p >= 0.9995 && p < 1 ? ">99.9%" : NumberText.percent(Double(p), digits: 1)
}

func grouped(_ value: Int) -> String { NumberText.grouped(value) }
