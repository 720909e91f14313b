import ArgumentParser

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "predict", abstract: "TODO")
    func run() throws { throw ExitCode.failure }
}
