import ArgumentParser

struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "draw", abstract: "TODO")
    func run() throws { throw ExitCode.failure }
}
