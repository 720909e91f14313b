/// A fixed-size buffer of floats on a 64-byte boundary (a cache line, an AVX-512 vector), zeroed.
/// The kernels take raw pointers; this owns the memory behind them.
public final class AlignedBuffer {
    public let pointer: UnsafeMutablePointer<Float>
    public let count: Int

    public init(count: Int) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(
            byteCount: count * MemoryLayout<Float>.stride, alignment: 64
        ).initializeMemory(as: Float.self, repeating: 0, count: count)
    }

    public convenience init(_ values: [Float]) {
        self.init(count: values.count)
        for (i, value) in values.enumerated() { pointer[i] = value }
    }

    deinit { pointer.deallocate() }

    public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    public func zero() { pointer.update(repeating: 0, count: count) }
}
