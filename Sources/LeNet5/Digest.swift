/// A hash that eats its message in 64-byte blocks and pads it as MD5 and SHA-2 do: a 1 bit, zeros,
/// then the length in bits in the last 8 bytes of the last block.
public protocol BlockCompression: Sendable {
    /// SHA-256 writes the length (and reads its words) big-endian, MD5 little-endian.
    static var isBigEndian: Bool { get }
    init()
    /// Mixes one 64-byte block into the state.
    mutating func compress(_ block: UnsafeRawPointer)
    /// The state as the digest's bytes.
    var bytes: [UInt8] { get }
}

/// A running digest: feed it the message in pieces of any size, then read `hexadecimal`.
public struct Digest<Compression: BlockCompression>: Sendable {
    private var state = Compression()
    /// Bytes waiting for a full block (fewer than 64).
    private var pending = [UInt8]()
    private var length: UInt64 = 0

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, bytes.count > 0 else { return }
        var left = bytes.count
        length &+= UInt64(left)
        if !pending.isEmpty {
            let taken = min(64 - pending.count, left)
            pending += UnsafeRawBufferPointer(start: next, count: taken)
            next += taken
            left -= taken
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { block in
                if let base = block.baseAddress { state.compress(base) }
            }
            pending.removeAll(keepingCapacity: true)
        }
        while left >= 64 {
            state.compress(next)
            next += 64
            left -= 64
        }
        pending += UnsafeRawBufferPointer(start: next, count: left)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed so far (the running state is left as it is).
    public var bytes: [UInt8] {
        var copy = self
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        tail += [UInt8](repeating: 0, count: (55 - pending.count + 64) % 64)
        for index in 0..<8 {
            let shift = Compression.isBigEndian ? 56 - 8 * index : 8 * index
            tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
        copy.update(tail)
        return copy.state.bytes
    }

    /// The digest as lower-case hexadecimal, the way checksums are published.
    public var hexadecimal: String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}

public typealias MD5 = Digest<MD5Compression>
public typealias SHA256 = Digest<SHA256Compression>

extension UnsafeRawPointer {
    @inline(__always) func word(_ index: Int, bigEndian: Bool) -> UInt32 {
        let value = loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)
        return bigEndian ? UInt32(bigEndian: value) : UInt32(littleEndian: value)
    }
}

extension UInt32 {
    @inline(__always) func rotated(left count: UInt32) -> UInt32 {
        self << count | self >> (32 - count)
    }
}
