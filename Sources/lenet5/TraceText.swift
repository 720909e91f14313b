import LeNet5

/// A unit explanation as `trace` prints it, for people and as JSON. Every position counts from 1,
/// as the sketchpad shows maps.
struct TraceText {
    let explanation: UnitExplanation
    /// The network's class names, in output order: what Output's units stand for.
    let classes: [String]

    init(_ explanation: UnitExplanation, classes: [String]) {
        self.explanation = explanation
        self.classes = classes
    }

    var unit: NetworkUnit { explanation.unit }

    // MARK: JSON

    func json(file: String) -> [String: JSONValue] {
        let e = explanation
        var fields: [String: JSONValue] = [
            "file": .string(file), "layer": .string(unit.layer.name),
            "map": .of(unit.layer.isUnitList ? 1 : unit.map + 1),
            "unit": unit.layer.isUnitList
                ? .of(unit.map + 1) : .array([.of(unit.x + 1), .of(unit.y + 1)]),
            "value": .of(e.value), "pre_activation": .of(e.preActivation),
            "field_input": Self.corners(e.fieldInput),
            "field_drawing": e.fieldDrawing.map(Self.corners) ?? .null,
        ]
        if unit.layer == .output {
            fields["class"] = .of(unit.map)
            fields["label"] = .string(classes[unit.map])
            // The shipped network's units are digits, and scripts read them as such.
            if ClassNames.areDigits(classes) { fields["digit"] = .of(unit.map) }
        }
        switch e.computation {
        case .pixel: break
        case .convolution(let c):
            fields["input_layer"] = .string(c.inputLayer.name)
            fields["bias"] = .of(c.bias)
            fields["sum"] = .of(c.sum)
            fields["terms"] = .array(
                c.terms.map { term in
                    .object([
                        "map": .of(term.inputMap + 1), "window": Self.corners(term.window),
                        "patch": Self.square(term.patch, term.side),
                        "kernel": Self.square(term.kernel, term.side), "sum": .of(term.sum),
                    ])
                })
        case .averagePooling(let p):
            fields["input_layer"] = .string(p.inputLayer.name)
            fields["input_map"] = .of(p.inputMap + 1)
            fields["window"] = Self.corners(p.window)
            fields["block"] = Self.square(p.values, p.window.width)
        case .dense(let d):
            fields["input_layer"] = .string(d.inputLayer.name)
            fields["bias"] = .of(d.bias)
            fields["sum"] = .of(d.sum)
            fields["contributions"] = .array(
                d.inputs.indices.map {
                    .object([
                        "unit": .of($0 + 1), "value": .of(d.inputs[$0]),
                        "weight": .of(d.weights[$0]),
                    ])
                })
        }
        return fields
    }

    /// [x0, y0, x1, y1], counted from 1.
    static func corners(_ rect: CellRect) -> JSONValue {
        .array(rect.corners.map { .of($0 + 1) })
    }

    static func square(_ values: [Float], _ side: Int) -> JSONValue {
        .array((0..<side).map { y in .array((0..<side).map { .of(values[y * side + $0]) }) })
    }

    // MARK: Text

    var lines: [String] {
        let e = explanation
        let layer = unit.layer
        let g = layer.geometry(classes: classes.count)
        var lines = [String]()
        if layer.isUnitList {
            let name = classes[min(unit.map, classes.count - 1)]
            let stands =
                layer != .output
                ? ""
                : ClassNames.areDigits(classes) ? " (the digit \(name))" : " (class \"\(name)\")"
            lines.append("\(layer.name) unit \(unit.map + 1) of \(g.maps)\(stands)")
        } else {
            lines.append(
                "\(layer.name) map \(unit.map + 1) of \(g.maps), column \(unit.x + 1), "
                    + "row \(unit.y + 1) (of \(g.side)x\(g.side), counted from 1)")
        }
        switch layer {
        case .output:
            lines.append(
                "probability \(number(e.value)) (softmax of the logit \(number(e.preActivation)), "
                    + "the value before softmax)")
        case .c1, .c3, .c5, .f6:
            lines.append(
                "value \(number(e.value)) = tanh(\(number(e.preActivation))), the value before tanh"
            )
        case .input, .s2, .s4:
            lines.append(
                "value \(number(e.value)) (no activation: the value before it is the same)")
        }
        lines.append(
            "looks at network input " + Self.describe(e.fieldInput)
                + " (\(e.fieldInput.width)x\(e.fieldInput.height) pixels)")
        if let cells = e.fieldDrawing {
            lines.append("which came from drawing cells " + Self.describe(cells))
        } else {
            lines.append("which lies in the empty margin preprocessing put around the drawing")
        }
        switch e.computation {
        case .pixel: lines.append("a pixel of the network input: nothing computed it")
        case .convolution(let c): lines += convolution(c)
        case .averagePooling(let p): lines += pooling(p)
        case .dense(let d): lines += dense(d)
        }
        return lines
    }

    func convolution(_ c: ConvolutionSum) -> [String] {
        let products = c.terms.first.map { $0.side * $0.side * c.terms.count } ?? 0
        var lines = [
            "computed as: bias \(number(c.bias)) + sum of \(products) products \(number(c.sum)) "
                + "= \(number(c.bias + c.sum)) before tanh"
        ]
        for term in c.terms {
            let source =
                c.inputLayer == .input
                ? "the network input" : "\(c.inputLayer.name) map \(term.inputMap + 1)"
            lines.append("")
            lines.append(
                "\(source), " + Self.describe(term.window) + ": products sum to "
                    + number(term.sum))
            let side = term.side
            let columns = [("patch", 6), ("kernel", 6), ("products", 7)]
            let header = columns.map { NumberText.left($0.0, side * $0.1) }
            lines.append(
                "  "
                    + String(
                        header.joined(separator: "   ").reversed().drop { $0 == " " }.reversed()))
            let products = term.products
            for y in 0..<side {
                let row = (0..<side).map { y * side + $0 }
                lines.append(
                    "  " + row.map { NumberText.right(number(term.patch[$0], 2), 6) }.joined()
                        + "   "
                        + row.map { NumberText.right(number(term.kernel[$0], 2), 6) }.joined()
                        + "   " + row.map { NumberText.right(number(products[$0], 3), 7) }.joined())
            }
        }
        return lines
    }

    func pooling(_ p: BlockMean) -> [String] {
        let side = p.window.width
        var lines = [
            "computed as: the mean of the \(side)x\(side) block of \(p.inputLayer.name) map "
                + "\(p.inputMap + 1) at " + Self.describe(p.window) + ":"
        ]
        for y in 0..<side {
            lines.append(
                "  "
                    + (0..<side).map { NumberText.right(number(p.values[y * side + $0]), 9) }
                    .joined())
        }
        lines.append(
            "  (" + p.values.map { number($0) }.joined(separator: " + ") + ") / \(p.values.count)"
                + " = \(number(p.mean))")
        return lines
    }

    func dense(_ d: WeightedSum) -> [String] {
        let name = d.inputLayer.name
        var lines = [
            "computed as: bias \(number(d.bias)) + the sum of \(d.inputs.count) contributions "
                + "(each \(name) unit's value times its weight) \(number(d.sum)) = "
                + number(d.bias + d.sum)
        ]
        for (upwards, heading) in [(true, "pushed up most by"), (false, "pushed down most by")] {
            let strongest = d.strongest(5, upwards: upwards)
            lines.append(heading + (strongest.isEmpty ? ": nothing" : ":"))
            for (input, contribution) in strongest {
                lines.append(
                    "  \(name) unit \(input + 1): \(number(d.inputs[input])) x "
                        + "\(number(d.weights[input])) = \(number(contribution))")
            }
        }
        return lines
    }

    /// "columns 12 to 16, rows 7 to 11", counted from 1.
    static func describe(_ rect: CellRect) -> String {
        "columns \(rect.x0 + 1) to \(rect.x1 + 1), rows \(rect.y0 + 1) to \(rect.y1 + 1)"
    }

    func number(_ value: Float, _ digits: Int = 4) -> String { NumberText.fixed(value, digits) }
}
