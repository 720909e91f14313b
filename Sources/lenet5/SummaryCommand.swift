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
                NumberText.grouped(layer.parameterCount),
            ]
        }
        let header = ["Layer", "Does", "Output", "Params"]
        let widths = (0..<4).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            NumberText.left(cells[0], widths[0]) + "  " + NumberText.left(cells[1], widths[1])
                + "  "
                + NumberText.left(cells[2], widths[2]) + "  "
                + NumberText.right(cells[3], widths[3])
        }
        Console.out(line(header))
        Console.out(String(repeating: "-", count: widths.reduce(6, +)))
        for row in rows { Console.out(line(row)) }
        Console.out(String(repeating: "-", count: widths.reduce(6, +)))
        Console.out("Total params: \(NumberText.grouped(file.model.parameterCount))")
        Console.out()
        Console.out("weights: \(weights.weights ?? WeightsFile.bundledName)")
        for key in file.metadata.keys.sorted() {
            Console.out("  \(key): \(file.metadata[key] ?? "")")
        }
    }
}
