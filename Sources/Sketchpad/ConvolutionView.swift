import LeNet5
import Screen
import Teaching

/// A convolution unit computed before the class's eyes: for the input map shown, the patch under
/// the window, the kernel and their products, as numbers with shades; each input map's share of
/// the sum (C3 and C5 read several), the total, the bias, tanh and the result; and the output map
/// filling up to this unit.
struct ConvolutionView: Widget {
    let unit: NetworkUnit
    let sum: ConvolutionSum
    let value: Float
    let preActivation: Float
    /// The input map whose term is shown in full.
    let term: Int
    let output: FillingMap

    static let gridWidth = NumberGrid.width(side: 5)
    /// patch x kernel = products in one row.
    static let wideWidth = 3 * gridWidth + 6
    /// Two grids side by side: the least room this view needs.
    static let minimumWidth = 2 * gridWidth + 3
    /// The sum's lines: a label and a number.
    static let sumsWidth = 30
    /// Each input map's share, padded so that the layout does not hang on the numbers.
    static let shareWidth = 12

    /// Where everything goes in an area: the same whatever the values, so that the panel can
    /// place the words under the view from the state alone.
    struct Plan: Equatable {
        /// The patch's, the kernel's and the products' top left corners.
        var grids: [Point]
        /// " x " and " = " between the grids, where they go.
        var signs: [Point]
        var sums: Point
        var shares: Rect?
        var output: Rect?
        /// Rows used from the top of the area.
        var height: Int
    }

    static func shareLines(terms: Int, width: Int) -> Int {
        guard terms > 1 else { return 0 }
        let perLine = max(1, (width - 2) / shareWidth)
        return 1 + (terms + perLine - 1) / perLine
    }

    static func plan(
        in area: Rect, terms: Int, output: (rows: Int, columns: Int), palette: Palette
    ) -> Plan {
        let g = gridWidth
        let top = area.y + (area.height >= 24 ? 2 : 1)
        var plan: Plan
        var y: Int
        if area.width >= wideWidth {
            plan = Plan(
                grids: [0, 1, 2].map { Point(x: area.x + $0 * (g + 3), y: top) },
                signs: [0, 1].map { Point(x: area.x + g + $0 * (g + 3), y: top + 3) },
                sums: Point(x: area.x, y: top + 7), shares: nil, output: nil, height: 0)
            y = top + 7
        } else {
            plan = Plan(
                grids: [
                    Point(x: area.x, y: top), Point(x: area.x + g + 3, y: top),
                    Point(x: area.x, y: top + 7),
                ],
                signs: [Point(x: area.x + g, y: top + 3)],
                sums: Point(x: area.x + g + 3, y: top + 8), shares: nil, output: nil, height: 0)
            y = top + 7
        }
        // Each input map's share under the sums (wide) or under the products (narrow).
        let shares = shareLines(terms: terms, width: area.width)
        var below = area.width >= wideWidth ? y + 5 : y + 7
        if shares > 0 && below + shares <= area.maxY {
            plan.shares = Rect(x: area.x, y: below, width: area.width, height: shares)
            below += shares + 1
        }
        // The output map: beside the sums when wide, else under everything, as large as fits at
        // four values a character at most.
        let heatmap = Heatmap.outline(height: output.rows, width: output.columns)
        func fit(_ rect: Rect) -> Rect? {
            guard rect.width > 0, rect.height > 1 else { return nil }
            let zoom = heatmap.zoom(
                fitting: rect.width, rect.height - 1, levels: Zoom.levels(palette))
            let size = heatmap.size(zoom: zoom)
            guard zoom.block.across <= 5, size.columns <= rect.width, size.rows + 1 <= rect.height
            else { return nil }
            return Rect(
                x: rect.x, y: rect.y, width: min(rect.width, max(size.columns, 26)),
                height: size.rows + 1)
        }
        // Beside the sums (wide), under them (narrow), or under everything: the largest.
        // Under the sums (narrow) stops where the shares begin.
        let underSums = (plan.shares?.y ?? area.maxY + 1) - 1
        let candidates = [
            area.width >= wideWidth
                ? Rect(
                    x: area.x + sumsWidth + 4, y: y, width: area.maxX - area.x - sumsWidth - 4,
                    height: area.maxY - y)
                : Rect(
                    x: plan.sums.x, y: plan.sums.y + 5, width: area.maxX - plan.sums.x,
                    height: min(area.maxY, underSums) - plan.sums.y - 5),
            Rect(x: area.x, y: below, width: area.width, height: area.maxY - below),
        ]
        plan.output = candidates.compactMap(fit).max { $0.height < $1.height }
        let bottoms = [below - 1, plan.output?.maxY ?? 0, plan.shares?.maxY ?? 0]
        plan.height = (bottoms.max() ?? below) - area.y
        return plan
    }

    var shown: ConvolutionSum.Term { sum.terms[min(term, sum.terms.count - 1)] }

    var inputName: String {
        sum.inputLayer == .input ? "the input" : "\(sum.inputLayer.name) map \(shown.inputMap + 1)"
    }

    var title: String {
        var title = FactSheet.name(unit).capitalisedFirst + ": the window on " + inputName
        if sum.terms.count > 1 { title += " (map \(term + 1) of \(sum.terms.count))" }
        return title
    }

    /// The grids of the shown term: patch, kernel, products, each shaded on its own scale.
    var grids: [NumberGrid] {
        let t = shown
        func largest(_ values: [Float]) -> Float { max(values.map(abs).max() ?? 0, 1e-6) }
        let patchSigned = sum.inputLayer != .input
        return [
            NumberGrid(
                label: "patch of " + inputName, values: t.patch, side: t.side, scale: 1,
                signed: patchSigned),
            NumberGrid(
                label: sum.terms.count > 1 ? "kernel for \(inputName)" : "kernel",
                values: t.kernel, side: t.side, scale: largest(t.kernel), signed: true),
            NumberGrid(
                label: "= products, patch x kernel", values: t.products, side: t.side,
                scale: largest(t.products), signed: true),
        ]
    }

    /// The sum, step by step: the total, the bias, tanh.
    var sumLines: [(String, Style)] {
        let products = sum.terms.count * shown.side * shown.side
        func line(_ label: String, _ value: Float) -> String {
            NumberText.left(label, Self.sumsWidth - 9) + NumberText.right(fixed(value, 4), 9)
        }
        return [
            (line("sum of \(products) products", sum.sum), .plain),
            (line("+ bias", sum.bias), .plain),
            (line("= before tanh", preActivation), .plain),
            (line("tanh gives", value), .bold),
        ]
    }

    /// Each input map's share of the sum, the shown one in brackets.
    func shareLines(width: Int) -> [String] {
        var lines = ["products of each \(sum.inputLayer.name) map add up to:"]
        let perLine = max(1, (width - 2) / Self.shareWidth)
        var line = ""
        for (i, t) in sum.terms.enumerated() {
            var share = "\(t.inputMap + 1): \(fixed(t.sum, 2))"
            share = i == term ? "[" + share + "]" : " " + share
            line += NumberText.left(share, Self.shareWidth)
            if (i + 1) % perLine == 0 {
                lines.append(line)
                line = ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.writeShortening(
            title, x: area.x, y: area.y, style: .bold, clip: area, palette: palette)
        let plan = Self.plan(
            in: area, terms: sum.terms.count, output: (output.rows, output.columns),
            palette: palette)
        for (grid, origin) in zip(grids, plan.grids) {
            grid.render(
                in: Rect(x: origin.x, y: origin.y, width: grid.width, height: grid.height)
                    .intersection(area), into: &buffer, palette: palette)
        }
        for (sign, origin) in zip(["x", "="], plan.signs) {
            buffer.write(sign, x: origin.x + 1, y: origin.y, style: .bold, clip: area)
        }
        for (i, line) in sumLines.enumerated() {
            buffer.write(line.0, x: plan.sums.x, y: plan.sums.y + i, style: line.1, clip: area)
        }
        if let shares = plan.shares {
            for (i, line) in shareLines(width: shares.width).enumerated() {
                buffer.write(
                    line, x: shares.x, y: shares.y + i, style: i == 0 ? .bold : .plain, clip: shares
                )
            }
        }
        if let place = plan.output {
            output.render(in: place, into: &buffer, palette: palette)
        }
    }
}
