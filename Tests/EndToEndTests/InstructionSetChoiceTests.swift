import Foundation
import LeNet5
import Testing

/// `LENET5_ISA` forces a copy of the kernels; a bad value stops `lenet5` before it does anything.
@Suite struct InstructionSetChoiceTests {
    /// This process's environment with `LENET5_ISA` set.
    func isa(_ name: String) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["LENET5_ISA": name]) { $1 }
    }

    @Test func anUnknownChoiceIsAnError() throws {
        let result = try Binary.run(["summary"], environment: isa("sse9"))
        #expect(result.status == 1)
        #expect(result.error.contains("LENET5_ISA: 'sse9' is not an instruction set"))
        #expect(result.output.isEmpty)
    }

    @Test(
        .enabled(
            if: InstructionSet.allCases.contains { !$0.isSupported },
            "every instruction set runs here"))
    func aChoiceThisBuildOrProcessorLacksIsAnError() throws {
        for set in InstructionSet.allCases where !set.isSupported {
            let result = try Binary.run(["summary"], environment: isa(set.rawValue))
            #expect(result.status == 1, "\(set)")
            #expect(result.error.contains("LENET5_ISA: "), "\(set)")
            #expect(result.error.contains(set.rawValue), "\(set)")
        }
    }

    @Test func aSupportedChoiceIsTaken() throws {
        for set in InstructionSet.allCases where set.isSupported {
            let result = try Binary.run(["summary"], environment: isa(set.rawValue))
            #expect(result.status == 0, "\(set): \(result.error)")
        }
        let bench = try Binary.run(["bench", "--isa", "sse9"])
        #expect(
            bench.status != 0 && bench.error.contains("--isa: 'sse9' is not an instruction set"))
    }
}
