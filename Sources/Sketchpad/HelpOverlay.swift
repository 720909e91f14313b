import Screen

/// Every key, in a box over the middle of the area (the whole screen).
struct HelpOverlay: Widget {
    static let lines: [(String, String)] = [
        ("Drawing", ""),
        ("left mouse", "paint while pressed (eraser: erase)"),
        ("right mouse", "erase while pressed"),
        ("arrows, h j k l", "move the cursor (h j k l also while exploring)"),
        ("Space", "paint (or erase) under the cursor"),
        ("p", "pen down / up: moving paints"),
        ("e", "eraser on / off"),
        ("[  ]", "brush size 1 to 3"),
        ("c", "clear the canvas"),
        ("u  Ctrl-Z", "undo"),
        ("U  Ctrl-R", "redo"),
        ("s", "save the drawing as a text grid"),
        ("", ""),
        ("The network", ""),
        ("Tab  Shift-Tab", "next / previous layer (also n / N); click a tab"),
        ("left right", "pick a map (or click it) while exploring"),
        ("up down", "previous / next layer while exploring"),
        ("Enter", "zoom the map beside its kernels"),
        ("a", "values before tanh (logits before softmax) or after"),
        ("Esc", "leave the zoom, then back to drawing"),
        ("", ""),
        ("?", "this help (any key closes it)"),
        ("q  Ctrl-C", "quit (q asks first if the drawing is not saved)"),
    ]

    let lines: [(String, String)]

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let labelWidth = (lines.map(\.0.count).max() ?? 0) + 5
        let width = min(area.width - 2, labelWidth + (lines.map(\.1.count).max() ?? 0) + 3)
        let height = min(area.height - 2, lines.count + 4)
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
            width: width, height: height)
        buffer.fill(box)
        let inner = buffer.frame(box, title: "Keys", palette: palette, highlighted: true)
        // Lines that do not fit give way to a note saying so.
        let fits = inner.height - 2 >= lines.count
        let shown = fits ? lines.count : max(0, inner.height - 3)
        for (i, line) in lines.prefix(shown).enumerated() {
            let y = inner.y + 1 + i
            if line.1.isEmpty {
                buffer.write(" " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
            } else {
                buffer.write("   " + line.0, x: inner.x, y: y, style: .bold, clip: inner)
                buffer.write(line.1, x: inner.x + labelWidth, y: y, clip: inner)
            }
        }
        if !fits {
            buffer.write(
                " (enlarge the terminal for the rest)", x: inner.x, y: inner.y + 1 + shown,
                style: .dim, clip: inner)
        }
    }
}
