import ArgumentParser
import LeNet5
import Training

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "List the layers with their output shapes and parameter counts.",
        discussion: """
            Also shows where the weights come from, the network's classes and what the metadata \
            records; for a network taught by `lenet5 transfer`, which layers were kept (frozen) \
            as they were in which source weights, and which were taught.
            """)

    @OptionGroup var weights: WeightsOption

    func run() throws {
        let file = try weights.load()
        let record = TransferRecord(metadata: file.metadata)
        let frozen = Set(record?.freeze.layers ?? [])
        let rows = file.model.architecture.map { layer in
            [
                layer.name, layer.role, layer.shape.map(String.init).joined(separator: "x"),
                NumberText.grouped(layer.parameterCount),
                record == nil || layer.id == .input
                    ? "" : frozen.contains(layer.id) ? "frozen" : "taught",
            ]
        }
        let header = ["Layer", "Does", "Output", "Params", record == nil ? "" : "Transfer"]
        let widths = (0..<5).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let text =
                NumberText.left(cells[0], widths[0]) + "  " + NumberText.left(cells[1], widths[1])
                + "  "
                + NumberText.left(cells[2], widths[2]) + "  "
                + NumberText.right(cells[3], widths[3]) + "  " + cells[4]
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        let ruleWidth = widths.prefix(4).reduce(6, +) + (record == nil ? 0 : 2 + widths[4])
        Console.out(line(header))
        Console.out(String(repeating: "-", count: ruleWidth))
        for row in rows { Console.out(line(row)) }
        Console.out(String(repeating: "-", count: ruleWidth))
        Console.out("Total params: \(NumberText.grouped(file.model.parameterCount))")
        Console.out()
        Console.out("weights: \(weights.weights ?? WeightsFile.bundledName)")
        Console.out(
            "classes (\(file.classes.count), in output order): "
                + file.classes.joined(separator: ", "))
        if let record {
            Console.out(
                "taught by transfer: \(record.freeze.layers.isEmpty ? "no layer" : record.freeze.description) "
                    + "kept as in \(record.source ?? "(source not recorded)")"
                    + (record.sourceSHA256.map { " (SHA-256 \($0))" } ?? ""))
        }
        Console.out("metadata:")
        for key in file.metadata.keys.sorted() {
            Console.out("  \(key): \(file.metadata[key] ?? "")")
        }
    }
}
