import Screen

/// The status line while teach mode asks something: the class to label the drawing with, whether
/// to delete an example, the file to save the taught network in, whether to replace it.
struct TeachPromptBar: Widget {
    let prompt: TeachPrompt
    let notice: String?

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        switch prompt {
        case .className(let name):
            typing(
                "Class of this drawing: ", name, hint: "   Enter label  Esc cancel", area, &buffer)
        case .networkName(let name):
            typing(
                "Save the taught network as: ", name, hint: "   Enter save  Esc cancel", area,
                &buffer)
        case .confirmDelete(_, let name):
            buffer.write(
                [
                    ("Delete \(name)? ", .bold), ("y", .bold), ("/", .plain), ("n", .bold),
                ], x: area.x, y: area.y, clip: area)
        case .confirmOverwriteNetwork(let path):
            buffer.write(
                [
                    (path, .bold), (" exists. Replace it? ", .plain), ("y", .bold), ("/", .plain),
                    ("n", .bold),
                ], x: area.x, y: area.y, clip: area)
        }
    }

    /// A line being typed, its end in view, the keys, and what was wrong with the last key.
    func typing(
        _ label: String, _ text: String, hint: String, _ area: Rect, _ buffer: inout CellBuffer
    ) {
        let room = area.width - label.count - 1
        let shown = text.count <= room || room <= 1 ? text : String(text.suffix(room))
        let end = buffer.write(
            [(label, .bold), (shown, .plain), ("_", .reverse)], x: area.x, y: area.y, clip: area)
        // What was wrong with the last key matters more than the keys, which stay the same.
        if let notice {
            buffer.write("  " + notice, x: end, y: area.y, style: .bold, clip: area)
        } else {
            buffer.write(hint, x: end, y: area.y, style: .dim, clip: area)
        }
    }
}
