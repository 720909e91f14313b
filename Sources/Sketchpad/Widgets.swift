import LeNet5

/// Small drawing helpers shared by the widgets.
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
        if !title.isEmpty && rect.width > 4 {
            write(
                " " + title + " ", x: rect.x + 2, y: rect.y, style: Style(bold: true),
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
        return rect.inset(1)
    }

    /// Writes styled pieces one after another; returns the column after the last.
    @discardableResult
    mutating func write(_ pieces: [(String, Style)], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for (text, style) in pieces {
            column = write(text, x: column, y: y, style: style, clip: clip)
        }
        return column
    }
}

/// The sketchpad's number formats, after the command line's.
func fixed(_ value: Float, _ digits: Int) -> String { NumberText.fixed(value, digits) }

/// One decimal; a probability that rounds to 100% without being 1 shows as >99.9%.
func percentText(_ p: Float) -> String {
    p >= 0.9995 && p < 1 ? ">99.9%" : NumberText.percent(Double(p), digits: 1)
}

func grouped(_ value: Int) -> String { NumberText.grouped(value) }
