import LeNet5

/// A saliency map as text for people: a few plain sentences, then the drawing's grid with each ink
/// cell shaded by how much it mattered, in the sketchpad's characters without colour (solid
/// `.:+#@` for cells that support the answer, hollow `,-=oO` for cells that work against it).
struct SaliencyText {
    static let supporting = Array(".:+#@")
    static let opposing = Array(",-=oO")
    /// The widest grid drawn a character (or two) per cell; wider drawings are drawn in blocks.
    static let maximumColumns = 80

    let saliency: Saliency
    /// The network's class names, in output order.
    let classes: [String]

    init(_ saliency: Saliency, classes: [String]) {
        self.saliency = saliency
        self.classes = classes
    }

    /// `height` rows of `width` numbers, row y holding value(x, y): the JSON form.
    static func rows(_ width: Int, _ height: Int, _ value: (Int, Int) -> Float) -> JSONValue {
        .array((0..<height).map { y in .array((0..<width).map { x in .of(value(x, y)) }) })
    }

    /// Two probabilities as percentages with enough decimals to tell them apart (up to five).
    static func percents(_ a: Double, _ b: Double) -> (String, String) {
        var digits = 1
        while digits < 5
            && NumberText.percent(a, digits: digits) == NumberText.percent(b, digits: digits)
        {
            digits += 1
        }
        return (NumberText.percent(a, digits: digits), NumberText.percent(b, digits: digits))
    }

    var lines: [String] {
        // The digits read as they always did ("What made it a 7"); other names are quoted.
        let digits = ClassNames.areDigits(classes)
        let name = digits ? classes[saliency.predicted] : "\"\(classes[saliency.predicted])\""
        let it = digits ? "a " + name : name
        var lines = [String]()
        switch saliency.method {
        case .occlusion:
            lines.append(
                "What made it \(it): each drawn cell was erased in turn and the drawing "
                    + "classified again (occlusion).")
        case .gradient:
            lines.append(
                "What made it \(it): for each drawn cell, the network's slope times the cell "
                    + "estimates what erasing it would do (gradient times input).")
        }
        if let top = saliency.mostSalient(1).first, saliency[top.x, top.y] > 0 {
            let before = Double(saliency.probability)
            let (from, to) = Self.percents(before, max(0, before - Double(saliency[top.x, top.y])))
            let estimate = saliency.method == .gradient ? "about " : ""
            lines.append(
                "Erasing column \(top.x + 1), row \(top.y + 1) (counted from 1) matters most: the "
                    + "probability of \(name) goes from \(from) to \(estimate)\(to).")
        } else {
            lines.append("No single cell lowers the probability of \(name) when erased.")
        }
        lines.append(
            "  " + String(Self.supporting.reversed()) + "  erasing the cell lowers the probability"
                + " of \(name) (@ most)")
        lines.append("  " + String(Self.opposing.reversed()) + "  erasing the cell raises it")
        let grid = self.grid
        if grid.block > 1 {
            lines.append(
                "  each character is a block of \(grid.block)x\(grid.block) cells, shaded as its "
                    + "strongest cell")
        }
        let border = "+" + String(repeating: "-", count: grid.rows.first?.count ?? 0) + "+"
        return lines + [border] + grid.rows.map { "|" + $0 + "|" } + [border]
    }

    /// The shaded grid: two characters a cell where the drawing is narrow enough (cells look
    /// square), one where that is too wide, else one character per block of cells.
    var grid: (rows: [String], block: Int) {
        let (width, height) = (saliency.width, saliency.height)
        let block = max(1, (width + Self.maximumColumns - 1) / Self.maximumColumns)
        let repeats = 2 * width <= Self.maximumColumns ? 2 : 1
        let largest = saliency.largestMagnitude
        var rows = [String]()
        for top in stride(from: 0, to: height, by: block) {
            var row = ""
            for left in stride(from: 0, to: width, by: block) {
                // The cell of the block whose drop is largest in size; blank if it has no ink.
                var strongest: Float?
                for y in top..<min(height, top + block) {
                    for x in left..<min(width, left + block) where saliency.isInk(x: x, y: y) {
                        let d = saliency[x, y]
                        if abs(d) >= abs(strongest ?? 0) { strongest = d }
                    }
                }
                let character = strongest.map { shade($0, largest) } ?? " "
                row += String(repeating: character, count: repeats)
            }
            rows.append(row)
        }
        return (rows, block)
    }

    func shade(_ drop: Float, _ largest: Float) -> Character {
        let level = largest > 0 ? min(4, Int(abs(drop) / largest * 5)) : 0
        return drop < 0 ? Self.opposing[level] : Self.supporting[level]
    }
}
