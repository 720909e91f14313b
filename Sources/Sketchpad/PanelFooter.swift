import Screen

/// The panel's last two lines: what the shades stand for, and the keys that work now (as many
/// whole hints as fit, the first ones first).
struct PanelFooter: Widget {
    let legend: Legend
    let hints: [String]

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let top = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let ends = legend.ends
        let end = buffer.write(
            [("shades ", .dim)]
                + palette.legend(signed: legend.signed, low: ends.low, high: ends.high),
            x: top.x, y: top.y, clip: top)
        if legend.perMap && end + 12 <= top.maxX {
            buffer.write(" in each map", x: end, y: top.y, style: .dim, clip: top)
        }
        let bottom = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        var line = ""
        for hint in hints {
            let next = line.isEmpty ? hint : line + "  " + hint
            if next.count > bottom.width { break }
            line = next
        }
        buffer.write(line, x: bottom.x, y: bottom.y, style: .dim, clip: bottom)
    }
}
