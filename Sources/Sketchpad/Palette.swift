import Screen

/// How values become characters and colours. Heatmaps are ASCII, as a terminal, a log and a
/// clipboard all keep: the magnitude is a character of a ramp; the sign is a colour where there is
/// colour, and otherwise a second ramp of hollow characters for negative values beside the solid
/// ones for positive values.
public struct Palette: Sendable {
    public let options: DisplayOptions

    public init(_ options: DisplayOptions) { self.options = options }

    /// From blank to dense, for values between 0 and 1, and for magnitudes in colour.
    public static let ramp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    /// Without colour: magnitudes 1 to 5 of positive values, solid...
    public static let positiveRamp: [Unicode.Scalar] = [".", ":", "+", "#", "@"]
    /// ...and of negative values, hollow.
    public static let negativeRamp: [Unicode.Scalar] = [",", "-", "=", "o", "O"]

    /// Warm for positive, cool for negative, from faint to strong (xterm 256-colour indices).
    static let warm: [UInt8] = [180, 222, 221, 215, 214, 208, 202, 196, 160]
    static let cool: [UInt8] = [146, 153, 117, 111, 75, 69, 33, 27, 21]

    /// A value between 0 and 1 (an input pixel, a probability).
    public func unsigned(_ value: Float) -> Cell {
        let v = value.isFinite ? min(1, max(0, value)) : 0
        let level = Int((v * 9).rounded())
        return Cell(Self.ramp[level], .plain)
    }

    /// A value between -1 and 1.
    public func signed(_ value: Float) -> Cell {
        let v = value.isFinite ? min(1, max(-1, value)) : 0
        let magnitude = abs(v)
        if options.colors == .none {
            let level = Int((magnitude * 5).rounded())
            guard level > 0 else { return Cell(" ") }
            return Cell(v > 0 ? Self.positiveRamp[level - 1] : Self.negativeRamp[level - 1])
        }
        let level = Int((magnitude * 9).rounded())
        guard level > 0 else { return Cell(" ") }
        return Cell(
            Self.ramp[level],
            Style(foreground: color(positive: v > 0, level: level), bold: level >= 7))
    }

    /// Whether shades can be shown by colour alone (half blocks): 256 colours and block characters.
    var hasShadeColors: Bool { options.colors == .extended && !options.ascii }

    /// The colour of a value (between 0 and 1, or -1 and 1 when signed) in 256 colours: greys for
    /// unsigned values, warm and cool for signed ones; nil for values that round to nothing, which
    /// show as the terminal's own background.
    func shadeColor(_ value: Float, signed: Bool) -> Color? {
        let v = value.isFinite ? min(1, max(signed ? -1 : 0, value)) : 0
        if !signed {
            let level = Int((v * 23).rounded())
            return level == 0 ? nil : .indexed(UInt8(232 + level))
        }
        let level = Int((abs(v) * 9).rounded())
        return level == 0 ? nil : .indexed((v > 0 ? Self.warm : Self.cool)[level - 1])
    }

    /// Two square pixels in one character: an upper half block in the upper colour on the lower
    /// one, a lower half block where only the lower has a colour, a blank for neither.
    func halfBlock(upper: Color?, lower: Color?) -> Cell {
        switch (upper, lower) {
        case (nil, nil): Cell(" ")
        case (let upper?, nil): Cell(Self.upperHalf, Style(foreground: upper))
        case (nil, let lower?): Cell(Self.lowerHalf, Style(foreground: lower))
        case (let upper?, let lower?):
            Cell(Self.upperHalf, Style(foreground: upper, background: lower))
        }
    }

    static let upperHalf: Unicode.Scalar = "\u{2580}"
    static let lowerHalf: Unicode.Scalar = "\u{2584}"

    /// The colour of a signed value of magnitude `level` (1...9).
    func color(positive: Bool, level: Int) -> Color {
        switch options.colors {
        case .none: .default
        case .basic: positive ? .red : .cyan
        case .extended: .indexed((positive ? Self.warm : Self.cool)[level - 1])
        }
    }

    /// A line explaining the shades, for a legend, from the value `low` to `high`.
    public func legend(signed: Bool, low: String, high: String) -> [(String, Style)] {
        if !signed {
            return [
                ("\(low) [", .plain), (String(String.UnicodeScalarView(Self.ramp)), .plain),
                ("] \(high)", .plain),
            ]
        }
        if options.colors == .none {
            return [
                ("\(low) ", .plain),
                (String(String.UnicodeScalarView(Self.negativeRamp.reversed())), .plain),
                (" 0 ", .plain), (String(String.UnicodeScalarView(Self.positiveRamp)), .plain),
                (" \(high)", .plain),
            ]
        }
        var parts: [(String, Style)] = [("\(low) ", .plain)]
        for level in stride(from: 9, through: 1, by: -1) {
            let style = Style(foreground: color(positive: false, level: level), bold: level >= 7)
            parts.append((String(Self.ramp[level]), style))
        }
        parts.append((" 0 ", .plain))
        for level in 1...9 {
            let style = Style(foreground: color(positive: true, level: level), bold: level >= 7)
            parts.append((String(Self.ramp[level]), style))
        }
        parts.append((" \(high)", .plain))
        return parts
    }

    /// One character of a bar that covers `eighths` of it (clamped to 0...8): left-aligned eighth
    /// blocks across, lower eighth blocks upwards, or # from one half on in ASCII.
    func barSegment(eighths: Int, vertical: Bool) -> Unicode.Scalar {
        let filled = min(8, max(0, eighths))
        if options.ascii { return filled >= 4 ? "#" : " " }
        guard filled > 0 else { return " " }
        // U+2581...U+2588 grow upwards; U+258F...U+2588 grow to the right.
        return Unicode.Scalar(vertical ? 0x2580 + filled : 0x2590 - filled) ?? "#"
    }

    // Frame and block characters, or their ASCII stand-ins.
    var ink: Unicode.Scalar { options.ascii ? "#" : Self.fullBlock }
    var horizontal: Unicode.Scalar { options.ascii ? "-" : "\u{2500}" }
    var vertical: Unicode.Scalar { options.ascii ? "|" : "\u{2502}" }
    var corners: [Unicode.Scalar] {
        options.ascii ? ["+", "+", "+", "+"] : Self.boxCorners
    }
    var arrows: (left: String, right: String, up: String, down: String) {
        options.ascii
            ? ("<-/", "->", "up/", "down") : ("\u{2190}", "\u{2192}", "\u{2191}", "\u{2193}")
    }
    var ellipsis: String { options.ascii ? "..." : "\u{2026}" }
    /// What a tour's step points at is marked with this, before its title.
    var pointer: String { options.ascii ? ">>" : "\u{25B6}" }

    /// Two canvas cells in one character, the upper and the lower: nil for paper and paper.
    func halfBlocks(top: Bool, bottom: Bool) -> Unicode.Scalar? {
        switch (top, bottom, options.ascii) {
        case (false, false, _): nil
        case (_, _, true): "#"
        case (true, true, false): Self.fullBlock
        case (true, false, false): "\u{2580}"
        case (false, true, false): "\u{2584}"
        }
    }

    /// Eight canvas cells in one character, two across and four down, row by row: a braille
    /// pattern, whose dots sit on a grid of square-looking cells, or # in ASCII.
    func braille(_ inks: [Bool]) -> Unicode.Scalar {
        precondition(inks.count == 8)
        guard inks.contains(true) else { return " " }
        if options.ascii { return "#" }
        let bits = inks.indices.reduce(0) { $0 | (inks[$1] ? Self.brailleDots[$1] : 0) }
        return Unicode.Scalar(0x2800 + bits) ?? "#"
    }

    /// The dot of each cell of a 2x4 block, row by row: the left column is dots 1, 2, 3 and 7,
    /// the right one 4, 5, 6 and 8 (bits 0 to 7 by dot number).
    static let brailleDots = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

    var ascii: Bool { options.ascii }

    /// Paper inside a highlighted receptive field: dotted, so that the field shows without colour.
    var fieldPaper: Cell { Cell(options.ascii ? ":" : "\u{2591}", .dim) }

    /// The tint behind a highlighted receptive field.
    var fieldBackground: Color {
        switch options.colors {
        case .none: .default
        case .basic: .blue
        case .extended: .indexed(238)
        }
    }

    static let fullBlock: Unicode.Scalar = "\u{2588}"
    static let boxCorners: [Unicode.Scalar] = ["\u{250C}", "\u{2510}", "\u{2514}", "\u{2518}"]

    /// Every character beyond ASCII that the sketchpad draws without `--ascii`: a terminal whose
    /// locale cannot show all of them gets the ASCII stand-ins instead.
    public static let nonASCIICharacters: [Unicode.Scalar] =
        (0x2580...0x259F).compactMap(Unicode.Scalar.init)
        + (0x2800...0x28FF).compactMap(Unicode.Scalar.init)
        + ["\u{2500}", "\u{2502}"] + boxCorners
        + ["\u{2190}", "\u{2191}", "\u{2192}", "\u{2193}", "\u{2026}", "\u{25B6}"]
}
