/// The piece references and letters of a read's customer lines, end to end in one buffer:
/// each `LedgerEntry` says where its own lie (`textStart`, its reference's length, then its
/// letter's). Kept so, the lines are plain values that cost nothing to copy and scatter, and a
/// String is made only for what is shown or stored (an open item's invoice number).
struct LedgerText {
    let bytes: UnsafeBufferPointer<UInt8>

    func pieceRef(of entry: LedgerEntry) -> TextBytes {
        TextBytes(UnsafeBufferPointer(rebasing: bytes[entry.textStart..<(entry.textStart + Int(entry.pieceRefLength))]),
                  isASCII: entry.textIsASCII)
    }

    func letter(of entry: LedgerEntry) -> TextBytes {
        let start = entry.textStart + Int(entry.pieceRefLength)
        return TextBytes(UnsafeBufferPointer(rebasing: bytes[start..<(start + Int(entry.letterLength))]), isASCII: entry.textIsASCII)
    }
}
