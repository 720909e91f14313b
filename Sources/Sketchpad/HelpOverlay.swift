import Screen

/// Every key, in a box over the middle of the area (the whole screen).
struct HelpOverlay: Widget {
    let lines: [HelpLine]

    /// The keys column and the description column of a line; a heading has no description.
    static func columns(_ line: HelpLine) -> (keys: String, text: String) {
        switch line {
        case .heading(let title): (title, "")
        case .keys(let bindings, let text): (KeyMap.label(bindings.map(\.key)), text)
        case .mouse(let button, let text): (button, text)
        case .blank: ("", "")
        }
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let rows = lines.map(Self.columns)
        let labelWidth = (rows.map(\.keys.count).max() ?? 0) + 5
        let width = min(area.width - 2, labelWidth + (rows.map(\.text.count).max() ?? 0) + 3)
        let height = min(area.height - 2, rows.count + 4)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
            width: width, height: height)
        buffer.fill(box)
        let inner = buffer.frame(box, title: "Keys", palette: palette, highlighted: true)
        // Lines that do not fit give way to a note saying so.
        let fits = inner.height - 2 >= rows.count
        let shown = fits ? rows.count : max(0, inner.height - 3)
        for (i, line) in lines.prefix(shown).enumerated() {
            let y = inner.y + 1 + i
            let (keys, text) = rows[i]
            if case .heading = line {
                buffer.write(" " + keys, x: inner.x, y: y, style: .bold, clip: inner)
            } else {
                buffer.write("   " + keys, x: inner.x, y: y, style: .bold, clip: inner)
                buffer.write(text, x: inner.x + labelWidth, y: y, clip: inner)
            }
        }
        if !fits {
            buffer.write(
                " (enlarge the terminal for the rest)", x: inner.x, y: inner.y + 1 + shown,
                style: .dim, clip: inner)
        }
    }
}
