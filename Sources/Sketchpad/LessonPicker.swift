import Screen

/// The lessons on offer (T), in a box over the screen: one a line, its number, name, title and
/// length, the one picked in reverse video; a lesson that cannot be opened says why.
struct LessonPicker: Widget {
    let choices: [LessonChoice]
    /// The row picked, from 0.
    let picked: Int

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        // Centred at 78 columns where that leaves a gap on each side; else the whole width, so
        // that no frame behind shows a column beside the box's own (doubled corners at 80x24).
        let width = area.width >= 84 ? 78 : area.width
        let rows = choices.count + 6
        let box = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + 1, width: width,
            height: min(area.height - 2, rows))
        buffer.fill(box)
        let inside = buffer.frame(box, title: "Lessons", palette: palette, highlighted: true)
        guard inside.height >= 1 else { return }
        let nameWidth = (choices.map(\.name.count).max() ?? 0) + 2
        for (i, choice) in choices.enumerated() {
            let y = inside.y + 1 + i
            guard y < inside.maxY - 1 else { break }
            let row = Rect(x: inside.x + 1, y: y, width: inside.width - 2, height: 1)
            let number = i < 9 ? "\(i + 1)  " : "   "
            let name = choice.name + String(repeating: " ", count: nameWidth - choice.name.count)
            let about =
                choice.lesson.map { "\(choice.title) (\($0.steps.count) steps)" }
                ?? "\(choice.title): cannot be opened with these weights"
            let style = i == picked ? Style(bold: true, reverse: true) : Style.plain
            buffer.fill(row, with: Cell(" ", style))
            buffer.writeShortening(
                number + name + about, x: row.x, y: y, style: choice.lesson == nil ? .dim : style,
                clip: row, palette: palette)
        }
        let count = choices.count
        let keys =
            "\(palette.arrows.up)\(palette.arrows.down) pick  Enter open"
            + (count > 1 ? "  1-\(min(count, 9)) open that one" : "") + "  Esc close"
        buffer.writeShortening(
            keys, x: inside.x + 1, y: inside.maxY - 1, style: .dim,
            clip: Rect(x: inside.x, y: inside.maxY - 1, width: inside.width - 1, height: 1),
            palette: palette)
    }
}

extension SketchpadState {
    /// T: the list of lessons.
    mutating func openLessonPicker() {
        guard !lessons.isEmpty else {
            notice = "No lessons to open"
            return
        }
        lessonPicker = 0
    }

    /// A key while the list of lessons is open: up and down pick, Enter or a number opens, q
    /// quits, any other key closes it.
    mutating func pickLesson(_ key: Key, command: Command?) -> Effect? {
        guard let picked = lessonPicker else { return nil }
        switch key {
        case .up, .character("k"): lessonPicker = max(0, picked - 1)
        case .down, .character("j"): lessonPicker = min(lessons.count - 1, picked + 1)
        case .enter:
            lessonPicker = nil
            startTour(picked)
        case .character(let c)
        where c.wholeNumberValue.map { (1...lessons.count).contains($0) } == true:
            lessonPicker = nil
            startTour((c.wholeNumberValue ?? 1) - 1)
        default:
            lessonPicker = nil
            return command == .quit ? quit() : nil
        }
        return nil
    }
}
