import ArgumentParser
import LeNet5

extension Lenet5 {
    /// Refuses a bad `LENET5_ISA` (a name that is no instruction set, or one this build or this
    /// processor lacks) with a message and status 1, before any command runs the network.
    static func checkInstructionSetChoice() {
        do throws(InstructionSetError) {
            _ = try InstructionSet.forcedByEnvironment()
        } catch {
            Console.error("LENET5_ISA: \(error)")
            Self.exit(withError: ExitCode.failure)
        }
    }
}
