import Screen

/// Every key, in a box over the area (the whole screen) but its first and last lines: over all of
/// what is behind, so that nothing shows half covered. Descriptions wrap between words in their
/// column; what does not fit one screen is cut into pages between sections, never inside an entry.
struct HelpOverlay: Widget {
    let lines: [HelpLine]
    /// The page shown, from 0 (clamped to the pages there are).
    let page: Int
    let arrows: (left: String, right: String)

    /// One row of the box.
    struct Row: Equatable {
        enum Kind: Equatable { case heading, entry, continuation, blank }
        let kind: Kind
        let keys: String
        let text: String
    }

    /// The keys column and the description column of a line; a heading has no description.
    static func columns(_ line: HelpLine) -> (keys: String, text: String) {
        switch line {
        case .heading(let title): (title, "")
        case .keys(let bindings, let text): (KeyMap.label(bindings.map(\.key)), text)
        case .mouse(let button, let text): (button, text)
        case .blank: ("", "")
        }
    }

    static func labelWidth(_ lines: [HelpLine]) -> Int {
        (lines.map { columns($0).keys.count }.max() ?? 0) + 5
    }

    /// The box: the area but its first and last lines (the title and the status line).
    static func box(_ lines: [HelpLine], in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
    }

    static func textWidth(_ lines: [HelpLine], boxWidth: Int) -> Int {
        max(10, boxWidth - 2 - labelWidth(lines) - 1)
    }

    /// The lines as rows, each description wrapped to `textWidth`, in entries: the rows of one
    /// line stay together.
    static func entries(_ lines: [HelpLine], textWidth: Int) -> [[Row]] {
        lines.map { line in
            let (keys, text) = columns(line)
            switch line {
            case .heading: return [Row(kind: .heading, keys: keys, text: "")]
            case .blank: return [Row(kind: .blank, keys: "", text: "")]
            case .keys, .mouse:
                let wrapped = wrap(text, width: textWidth)
                return wrapped.enumerated().map { i, part in
                    Row(kind: i == 0 ? .entry : .continuation, keys: i == 0 ? keys : "", text: part)
                }
            }
        }
    }

    static func rows(_ lines: [HelpLine], textWidth: Int) -> [Row] {
        entries(lines, textWidth: textWidth).flatMap { $0 }
    }

    /// The rows of each page that `area` holds. A page ends at a blank line between sections
    /// when the next section does not fit whole, and otherwise between entries.
    static func pages(_ lines: [HelpLine], in area: Rect) -> [[Row]] {
        let box = self.box(lines, in: area)
        // The frame, a blank row above the rows and one above the footer, and the footer.
        let room = max(1, box.height - 5)
        let entries = self.entries(lines, textWidth: textWidth(lines, boxWidth: box.width))
        // Sections: runs of entries between blank lines.
        var sections = [[[Row]]]()
        for entry in entries {
            if entry.first?.kind == .blank || sections.isEmpty { sections.append([]) }
            if entry.first?.kind != .blank { sections[sections.count - 1].append(entry) }
        }
        var pages = [[Row]]()
        var page = [Row]()
        func finish() {
            if !page.isEmpty { pages.append(page) }
            page = []
        }
        for section in sections {
            let height = section.map(\.count).reduce(0, +)
            let gap = page.isEmpty ? 0 : 1
            if page.count + gap + height > room { finish() }
            if !page.isEmpty { page.append(Row(kind: .blank, keys: "", text: "")) }
            for entry in section {
                if page.count + entry.count > room { finish() }
                page += entry
            }
        }
        finish()
        return pages
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let box = Self.box(lines, in: area)
        let pages = Self.pages(lines, in: area)
        let page = min(self.page, pages.count - 1)
        buffer.fill(box)
        let inner = buffer.frame(box, title: "Keys", palette: palette, highlighted: true)
        let labelWidth = Self.labelWidth(lines)
        for (i, row) in pages[max(0, page)].enumerated() {
            let y = inner.y + 1 + i
            switch row.kind {
            case .heading:
                buffer.write(" " + row.keys, x: inner.x, y: y, style: .bold, clip: inner)
            case .entry, .continuation:
                buffer.write("   " + row.keys, x: inner.x, y: y, style: .bold, clip: inner)
                buffer.write(row.text, x: inner.x + labelWidth, y: y, clip: inner)
            case .blank: break
            }
        }
        let footer =
            pages.count == 1
            ? "any key closes"
            : "page \(page + 1) of \(pages.count): Space or \(arrows.right) next, "
                + "\(arrows.left) back, Esc closes"
        buffer.writeShortening(
            footer, x: inner.x + 1, y: inner.maxY - 1, style: .dim,
            clip: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width - 1, height: 1),
            palette: palette)
    }
}
