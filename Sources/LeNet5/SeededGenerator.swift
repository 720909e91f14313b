/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: a small, fast generator whose
/// sequence depends only on its seed, so training and augmentation can be replayed exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var s = seed
        func splitMix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// A generator for one item of a stream, independent of the order in which items are visited:
    /// what makes multi-threaded augmentation deterministic.
    public init(seed: UInt64, stream: UInt64, item: UInt64) {
        self.init(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (item &* 0x8CB9_2BA7_2F3D_8DD7))
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension RandomNumberGenerator {
    /// A float uniform in `range`.
    public mutating func uniform(_ range: ClosedRange<Float>) -> Float {
        Float.random(in: range, using: &self)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Float) -> Bool { Float.random(in: 0..<1, using: &self) < p }
}
