/// The FNV-1a hash: small, fast and the same on every machine and run (Swift's own `Hasher` is seeded per run).
public struct FNV {
    @usableFromInline var state: UInt64 = 0xCBF2_9CE4_8422_2325
    public var value: UInt64 { state }

    @inlinable public init() {}

    @inlinable
    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        // Bytes in one run of memory (a native string's, an array's) are mixed from there, many times quicker than
        // one at a time through the sequence.
        if bytes.withContiguousStorageIfAvailable({ mix(buffer: $0) }) != nil { return }
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }

    @inlinable
    public mutating func mix(buffer: UnsafeBufferPointer<UInt8>) {
        var h = state
        for byte in buffer { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        state = h
    }
}
