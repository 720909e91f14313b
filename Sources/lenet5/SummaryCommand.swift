import ArgumentParser
import LeNet5

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "List the layers with their output shapes and parameter counts.",
        discussion: "Also shows where the weights come from and what their metadata records.")

    @OptionGroup var weights: WeightsOption

    func run() throws {
        let file = try weights.load()
        let rows = LeNet5.architecture.map { layer in
            [
                layer.name, layer.role, layer.shape.map(String.init).joined(separator: "x"),
                grouped(layer.parameterCount),
            ]
        }
        let header = ["Layer", "Does", "Output", "Params"]
        let widths = (0..<4).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells[0].padding(widths[0]) + "  " + cells[1].padding(widths[1]) + "  "
                + cells[2].padding(widths[2]) + "  " + pad(cells[3], widths[3])
        }
        Console.out(line(header))
        Console.out(String(repeating: "-", count: widths.reduce(6, +)))
        for row in rows { Console.out(line(row)) }
        Console.out(String(repeating: "-", count: widths.reduce(6, +)))
        Console.out("Total params: \(grouped(file.model.parameterCount))")
        Console.out()
        Console.out("weights: \(weights.weights ?? WeightsFile.bundledName)")
        for key in file.metadata.keys.sorted() {
            Console.out("  \(key): \(file.metadata[key] ?? "")")
        }
    }
}

/// 61706 -> "61,706"
func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var result = ""
    for (i, digit) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
        result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
}

extension String {
    /// Left-aligned in `width` columns.
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
