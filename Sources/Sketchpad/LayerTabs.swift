import Screen

/// The layers' names in a row, the selected one in reverse video.
struct LayerTabs: Widget {
    /// A tab's text and the columns it covers.
    struct Tab: Equatable {
        let text: String
        let columns: Range<Int>
    }

    let names: [String]
    let selected: Int

    /// Roomy tabs (a space either side of the name) where they fit, else names one space apart.
    static func tabs(_ names: [String], in row: Rect) -> [Tab] {
        let roomy = names.map { $0.count + 3 }.reduce(0, +) <= row.width
        var x = roomy ? row.x : row.x + 1
        return names.map { name in
            let text = roomy ? " \(name) " : name
            defer { x += text.count + 1 }
            return Tab(text: text, columns: x..<(x + text.count))
        }
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        for (index, tab) in Self.tabs(names, in: area).enumerated() {
            let style = index == selected ? Style(bold: true, reverse: true) : Style.plain
            buffer.write(
                tab.text, x: tab.columns.lowerBound, y: area.y, style: style, clip: area)
        }
    }
}
