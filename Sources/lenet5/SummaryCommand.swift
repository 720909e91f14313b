import ArgumentParser

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "TODO")
    func run() throws { throw ExitCode.failure }
}
