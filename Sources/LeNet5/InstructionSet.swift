import CPUFeatures
import Platform

/// Which compiled copy of the kernels runs. All of them give the same results to within rounding.
public enum InstructionSet: String, CaseIterable, Sendable {
    /// Four lanes, built for the architecture's baseline: SSE2 on x86-64 (every such processor),
    /// NEON with fused multiply-add on arm64.
    case portable
    /// AVX2 with FMA, eight lanes: most x86-64 processors since 2013. Built only for x86-64.
    case avx2
    /// AVX-512, sixteen lanes. Built only for x86-64.
    case avx512

    /// Whether this build holds this copy: the AVX2 and AVX-512 ones exist only in x86-64 builds
    /// (and not under LENET5_PORTABLE_ONLY; see Package.swift).
    public var isBuilt: Bool {
        switch self {
        case .portable: true
        case .avx2, .avx512:
            #if LENET5_X86_KERNELS
                true
            #else
                false
            #endif
        }
    }

    /// Whether this copy is built and this processor (and its operating system) can run it.
    public var isSupported: Bool {
        guard isBuilt else { return false }
        return switch self {
        case .portable: true
        case .avx2: lenet5_cpu_has_avx2() != 0
        case .avx512: lenet5_cpu_has_avx512() != 0
        }
    }

    /// The widest supported copy.
    public static let best: InstructionSet =
        allCases.last(where: \.isSupported) ?? .portable

    /// The copy called `name` (in any case), if it can run here.
    public static func named(_ name: String) throws(InstructionSetError) -> InstructionSet {
        guard let set = InstructionSet(rawValue: name.lowercased()) else {
            throw .unknown(name)
        }
        guard set.isBuilt else { throw .notBuilt(set) }
        guard set.isSupported else { throw .notSupported(set) }
        return set
    }

    /// The copy the environment variable `LENET5_ISA` forces (to compare them, or to check the
    /// portable copy on a wide machine), or nil when it is unset or empty. A name that is no
    /// instruction set, or one that cannot run here, is an error, never quietly replaced.
    public static func forcedByEnvironment() throws(InstructionSetError) -> InstructionSet? {
        guard let value = getenv("LENET5_ISA").map({ String(cString: $0) }), !value.isEmpty else {
            return nil
        }
        return try named(value)
    }

    /// `best`, unless `LENET5_ISA` forces another. `lenet5` checks the variable at start-up and
    /// refuses a bad one with a message; a program that uses the library stops here instead.
    public static let selected: InstructionSet = {
        do throws(InstructionSetError) {
            return try forcedByEnvironment() ?? best
        } catch {
            preconditionFailure("LENET5_ISA: \(error)")
        }
    }()
}

/// Why a named instruction set cannot be used.
public enum InstructionSetError: Error, CustomStringConvertible, Equatable {
    /// The name is none of `InstructionSet`'s.
    case unknown(String)
    /// This build holds no kernels for it (the x86 ones on arm64 or in a portable-only build).
    case notBuilt(InstructionSet)
    /// This processor or its operating system lacks it.
    case notSupported(InstructionSet)

    public var description: String {
        let names = InstructionSet.allCases.filter(\.isBuilt).map(\.rawValue)
        return switch self {
        case .unknown(let name):
            "'\(name)' is not an instruction set; this build has "
                + names.joined(separator: ", ")
        case .notBuilt(let set):
            "this build has no \(set.rawValue) kernels (they are built only for x86-64); "
                + "it has " + names.joined(separator: ", ")
        case .notSupported(let set):
            "this processor lacks \(set.rawValue)"
        }
    }
}
