import Screen

/// Paragraphs of explanation, wrapped between words to the width given, a blank line between
/// paragraphs. What does not fit the height is left out from the end, and the last line shown
/// says there is more; no word is ever cut.
struct WordsView: Widget {
    let paragraphs: [String]
    /// Where the rest can be read, said after the ellipsis when the text is cut ("f: all").
    var more: String? = nil

    /// The lines at `width`, with blank lines between paragraphs.
    static func lines(_ paragraphs: [String], width: Int) -> [String] {
        var lines = [String]()
        for paragraph in paragraphs {
            if !lines.isEmpty { lines.append("") }
            lines += wrap(paragraph, width: width)
        }
        return lines
    }

    /// The lines that fit `height`: without the blank lines between paragraphs when all of the
    /// text then fits; else the first lines, the last one ending in an ellipsis.
    static func fitted(_ paragraphs: [String], width: Int, height: Int, ellipsis: String)
        -> [String]
    {
        guard height > 0, width > 0 else { return [] }
        let spaced = lines(paragraphs, width: width)
        if spaced.count <= height { return spaced }
        let packed = spaced.filter { !$0.isEmpty }
        if packed.count <= height { return packed }
        var shown = Array(packed.prefix(height))
        // The last line runs on into the text left out: as many of its words as fit, then "…".
        let rest = packed[(height - 1)...].joined(separator: " ")
        shown[height - 1] = shortened(rest, to: width, ellipsis: ellipsis)
        return shown
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let lines = Self.fitted(
            paragraphs, width: area.width, height: area.height,
            ellipsis: palette.ellipsis + (more.map { " (\($0))" } ?? ""))
        buffer.write(lines, in: area)
    }
}
