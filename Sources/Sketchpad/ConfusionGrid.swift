import LeNet5
import Screen

/// The confusion matrix of the test digits, a row for each true digit and a column for each digit
/// the network read, a count in each cell, the cursor's cell picked; under it what the picked cell
/// holds and how many digits were read right.
struct ConfusionGrid: Widget {
    /// confusion[label][readAs].
    let confusion: [[Int]]
    let cursor: ConfusionCell

    /// Characters a column takes: the widest count and two spaces before it.
    var columnWidth: Int {
        max(3, confusion.joined().map { grouped($0).count }.max() ?? 1) + 2
    }

    static let rowLabelWidth = 6

    /// The lines under the matrix, before wrapping.
    var summary: [String] {
        let (label, readAs) = (cursor.label, cursor.readAs)
        let count = confusion[label][readAs]
        let ofLabel = confusion[label].reduce(0, +)
        let total = confusion.joined().reduce(0, +)
        let right = (0..<10).map { confusion[$0][$0] }.reduce(0, +)
        let share = total == 0 ? 0 : Double(right) / Double(total)
        let verdict = label == readAs ? "right" : "a mistake"
        let browse = count == 0 ? "" : count == 1 ? " Enter shows it." : " Enter browses them."
        return [
            "\(grouped(count)) of the \(grouped(ofLabel)) test digits labelled \(label) "
                + "\(count == 1 ? "is" : "are") read as \(readAs) (\(verdict)).\(browse)",
            "Read right: \(grouped(right)) of \(grouped(total)) "
                + "(\(NumberText.percent(share, digits: 2))), on the diagonal; every other "
                + "cell counts mistakes.",
        ]
    }

    static let heading = "rows: the true digit (its label)   columns: the digit the network read"

    /// The frame's size in `area`: as wide as the matrix and its heading, as tall as everything
    /// in it, at most the area.
    func size(in area: Rect) -> (width: Int, height: Int) {
        let width = min(
            area.width, max(Self.rowLabelWidth + 10 * columnWidth, Self.heading.count) + 4)
        let lines = summary.map { wrap($0, width: width - 3).count }.reduce(0, +)
        return (width, min(area.height, 2 + 3 + 10 + 1 + lines))
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let total = confusion.joined().reduce(0, +)
        let (width, height) = size(in: area)
        let inside = buffer.frame(
            Rect(x: area.x, y: area.y, width: width, height: height),
            title: "Confusion matrix of the \(grouped(total)) test digits", palette: palette,
            highlighted: true)
        guard inside.width > 0 && inside.height > 0 else { return }
        let box = Rect(
            x: inside.x + 1, y: inside.y, width: inside.width - 1, height: inside.height)
        var y = box.y
        buffer.writeShortening(
            Self.heading, x: box.x, y: y, style: .dim, clip: box, palette: palette)
        y += 2
        let columnWidth = self.columnWidth
        let header = (0..<10).map { NumberText.right("\($0)", columnWidth) }.joined()
        buffer.write(
            NumberText.left("", Self.rowLabelWidth) + header, x: box.x, y: y, style: .bold,
            clip: box)
        y += 1
        let mistake = Style(
            foreground: palette.options.colors == .none ? .default : .red, bold: true)
        for label in 0..<10 {
            buffer.write(
                NumberText.right("\(label)", Self.rowLabelWidth - 2), x: box.x, y: y,
                style: .bold, clip: box)
            for readAs in 0..<10 {
                let count = confusion[label][readAs]
                let text = NumberText.right(count == 0 ? "." : grouped(count), columnWidth - 1)
                var style =
                    count == 0 ? Style.dim : label == readAs ? Style.plain : mistake
                if cursor == ConfusionCell(label: label, readAs: readAs) {
                    style = Style(bold: true, reverse: true)
                }
                let x = box.x + Self.rowLabelWidth + readAs * columnWidth + 1
                buffer.write(text, x: x, y: y, style: style, clip: box)
            }
            y += 1
        }
        y += 1
        for paragraph in summary {
            for line in wrap(paragraph, width: box.width) where y < box.maxY {
                buffer.write(line, x: box.x, y: y, clip: box)
                y += 1
            }
        }
    }
}
