import Foundation
import LeNet5
import Testing

/// Which copies of the kernels a build holds, and how a forced choice is checked.
@Suite struct InstructionSetTests {
    /// What Package.swift promises: the x86 copies only on x86-64, and not under
    /// LENET5_PORTABLE_ONLY (which `swift test` passes to the manifest and to this test alike).
    @Test func theBuildHoldsTheCopiesOfItsArchitecture() {
        let portableOnly = !["", "0"].contains(
            ProcessInfo.processInfo.environment["LENET5_PORTABLE_ONLY"] ?? "")
        #if arch(x86_64)
            let x86 = !portableOnly
        #else
            let x86 = false
        #endif
        #expect(InstructionSet.portable.isBuilt && InstructionSet.portable.isSupported)
        #expect(InstructionSet.avx2.isBuilt == x86 && InstructionSet.avx512.isBuilt == x86)
        #expect(InstructionSet.best.isSupported)
        #expect(InstructionSet.allCases.allSatisfy { $0.isBuilt || !$0.isSupported })
    }

    @Test func aNameIsAnInstructionSetThisBuildCanRunOrAnError() throws {
        #expect(try InstructionSet.named("portable") == .portable)
        #expect(try InstructionSet.named("Portable") == .portable)
        #expect(throws: InstructionSetError.unknown("sse9")) { try InstructionSet.named("sse9") }
        #expect(throws: InstructionSetError.unknown("")) { try InstructionSet.named("") }
        for set in InstructionSet.allCases where !set.isBuilt {
            #expect(throws: InstructionSetError.notBuilt(set)) {
                try InstructionSet.named(set.rawValue)
            }
        }
        for set in InstructionSet.allCases where set.isBuilt && !set.isSupported {
            #expect(throws: InstructionSetError.notSupported(set)) {
                try InstructionSet.named(set.rawValue)
            }
        }
        for set in InstructionSet.allCases where set.isSupported {
            #expect(try InstructionSet.named(set.rawValue) == set)
        }
    }

    @Test func theMessagesSayWhatIsWrongAndWhatThereIs() {
        let unknown = InstructionSetError.unknown("sse9").description
        #expect(
            unknown.contains("'sse9' is not an instruction set") && unknown.contains("portable"))
        #expect(InstructionSetError.notBuilt(.avx2).description.contains("no avx2 kernels"))
        #expect(
            InstructionSetError.notSupported(.avx512).description == "this processor lacks avx512")
    }
}
