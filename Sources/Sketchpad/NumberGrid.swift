import LeNet5
import Screen

/// A small square of numbers (a patch, a kernel, their products) under a label, beside the same
/// values as shades: the numbers to check by hand, the shades to see the pattern at a glance.
struct NumberGrid: Widget {
    let label: String
    /// `side` x `side` values, row by row.
    let values: [Float]
    let side: Int
    /// Full shade at this magnitude.
    let scale: Float
    let signed: Bool

    /// Each number in five columns ("-0.12") and a space between numbers.
    static let numberWidth = 6
    static let decimals = 2

    /// The shades (one column a value), two spaces, the numbers.
    static func width(side: Int) -> Int { side + 2 + side * numberWidth - 1 }
    var width: Int { Self.width(side: side) }
    /// The label's row and the values' rows.
    var height: Int { side + 1 }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            label, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        for row in 0..<side {
            let y = area.y + 1 + row
            for column in 0..<side {
                let value = values[row * side + column]
                let normalised = scale > 0 ? value / scale : 0
                let shade = signed ? palette.signed(normalised) : palette.unsigned(normalised)
                buffer.set(area.x + column, y, shade, clip: area)
                buffer.write(
                    NumberText.right(fixed(value, Self.decimals), Self.numberWidth - 1),
                    x: area.x + side + 2 + column * Self.numberWidth, y: y, clip: area)
            }
        }
    }
}
