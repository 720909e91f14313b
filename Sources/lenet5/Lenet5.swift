import ArgumentParser
import LeNet5

@main
struct Lenet5: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lenet5",
        abstract: "Draw a digit in the terminal and watch LeNet-5 classify it, layer by layer.",
        discussion: """
            With no subcommand, opens the sketchpad (the same as `lenet5 draw`). \
            The network is LeNet-5 (LeCun, Bottou, Bengio, Haffner, 1998); its trained weights are \
            built in, and every subcommand takes --weights FILE for others (safetensors, PyTorch \
            names and layout: see `lenet5 summary`).
            """,
        version: "lenet5 0.1.0",
        subcommands: [
            DrawCommand.self, PredictCommand.self, ExplainCommand.self, TraceCommand.self,
            EvalCommand.self, TrainCommand.self, TransferCommand.self, SummaryCommand.self,
            BenchCommand.self, MNISTCommand.self,
        ],
        defaultSubcommand: DrawCommand.self)
}

/// `--weights FILE`, shared by every command that runs the network.
struct WeightsOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A safetensors weights file (default: the built-in Assets/lenet5.safetensors).",
            valueName: "file"))
    var weights: String?

    /// The weights, or a message naming the file and the fault and exit status 1.
    func load() throws -> WeightsFile {
        do {
            return try WeightsFile.load(weights)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
    }
}
