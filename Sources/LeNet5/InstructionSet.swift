import CPUFeatures

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which compiled copy of the kernels runs. All three give the same results to within rounding.
public enum InstructionSet: String, CaseIterable, Sendable {
    /// SSE2, four lanes: every x86-64 processor.
    case portable
    /// AVX2 with FMA, eight lanes: most x86-64 processors since 2013.
    case avx2
    /// AVX-512, sixteen lanes.
    case avx512

    /// Whether this processor (and its operating system) can run this copy.
    public var isSupported: Bool {
        switch self {
        case .portable: true
        case .avx2: lenet5_cpu_has_avx2() != 0
        case .avx512: lenet5_cpu_has_avx512() != 0
        }
    }

    /// The widest supported copy.
    public static let best: InstructionSet =
        allCases.last(where: \.isSupported) ?? .portable

    /// `best`, unless the environment variable `LENET5_ISA` names a supported one (`portable`,
    /// `avx2`, `avx512`): to compare them, or to check the portable copy on a wide machine.
    public static let selected: InstructionSet = {
        guard let name = getenv("LENET5_ISA").map({ String(cString: $0) }) else { return best }
        guard let choice = InstructionSet(rawValue: name.lowercased()), choice.isSupported else {
            return best
        }
        return choice
    }()
}
