import ArgumentParser
import LeNet5
import Teaching

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
            BenchCommand.self, MNISTCommand.self, TourCommand.self, SweepCommand.self,
            ExplanationsCommand.self, UnsureCommand.self, ExploreCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: DrawCommand.self)

    /// As ArgumentParser's `main`, with three differences. A bad `LENET5_ISA` is refused first.
    /// A first word that names no subcommand is refused with the list of subcommands: with `draw`
    /// the default, the parser would take it for an argument of `draw` and print draw's usage.
    /// And help goes through `Console`, whose writes are checked, so that `lenet5 --help >
    /// /dev/full` fails as it should.
    static func main() {
        checkInstructionSetChoice()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommand(first) {
            Console.error(message)
            exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { Console.out(message) }
            exit(withError: code)
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName }
    }

    /// The message for a first argument that is neither an option nor a subcommand, or nil.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !subcommandNames.contains(word), word != "help" else {
            return nil
        }
        let close = subcommandNames.filter { editDistance($0, word) <= 2 }
        return "unknown subcommand '\(word)'"
            + (close.isEmpty
                ? "" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?)")
            + "\nsubcommands: \(subcommandNames.joined(separator: ", ")) (`lenet5 --help` says more)"
    }
}

/// `--weights FILE`, shared by every command that runs the network.
struct WeightsOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A safetensors weights file (default: the built-in Assets/lenet5.safetensors).",
            valueName: "file"))
    var weights: String?

    /// Where the weights come from, as messages name them.
    var name: String { weights ?? WeightsFile.bundledName }

    /// Why the network's output can fail to be a number. The loader accepts any finite weights,
    /// but values far beyond a trained network's make a layer overflow to infinity, and the
    /// softmax then gives NaN: the weights are at fault, not the drawing.
    static let overflow = "their values are finite, but so large that a layer overflows"

    /// The fault of a drawing that got no prediction because of the weights.
    var nonFiniteOutputFault: String {
        "the network's output is not a number with the weights in \(name) (\(Self.overflow))"
    }

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
