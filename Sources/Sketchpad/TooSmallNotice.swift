import Screen

/// What a terminal too small for the sketchpad shows: its size and the size needed.
struct TooSmallNotice: Widget {
    let width: Int
    let height: Int

    var lines: [String] {
        [
            "The terminal is \(width)x\(height).",
            "lenet5 needs at least \(Layout.compactMinimum.width)x\(Layout.compactMinimum.height)",
            "(\(Layout.fullMinimum.width)x\(Layout.fullMinimum.height) for the full view).",
            "Enlarge the window, or press q to quit.",
        ]
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let lines = self.lines
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            buffer.write(
                line, x: area.x + max(0, (area.width - line.count) / 2), y: top + i,
                style: i == 1 ? .bold : .plain, clip: area)
        }
    }
}
