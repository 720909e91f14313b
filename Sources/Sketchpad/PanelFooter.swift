import Screen

/// The panel's last two lines: what the shades stand for, and the keys that work now.
struct PanelFooter: Widget {
    let legend: Legend
    let hints: [String]

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let top = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let ends = legend.ends
        buffer.write(
            [("shades ", .dim)]
                + palette.legend(signed: legend.signed, low: ends.low, high: ends.high),
            x: top.x, y: top.y, clip: top)
        let bottom = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        buffer.writeShortening(
            hints.joined(separator: "  "), x: bottom.x, y: bottom.y, style: .dim, clip: bottom,
            palette: palette)
    }
}
