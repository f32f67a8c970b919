/// The FNV-1a hash: small, fast and the same on every machine and run (Swift's own `Hasher` is seeded per run).
public struct FNV {
    @usableFromInline var state: UInt64 = 0xCBF2_9CE4_8422_2325
    public var value: UInt64 { state }

    @inlinable public init() {}

    @inlinable
    public mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }
}
