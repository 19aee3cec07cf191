/// What a FEC read does with the bytes it has gone past: a caller that mapped the file gives
/// their pages back to the system (`madvise`), so that a 125 MB ledger never has to be
/// resident as a whole. Bytes behind the read may still be looked at again (they are then
/// read back from the file), so giving them back changes nothing but the memory held.
public struct PagesRead: Sendable {
    /// About how many bytes a stretch reads between two calls.
    public let stride: Int
    public let done: @Sendable (UnsafeRawBufferPointer) -> Void

    public init(stride: Int = 4 << 20, done: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.stride = stride
        self.done = done
    }
}
