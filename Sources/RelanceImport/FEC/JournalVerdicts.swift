/// Whether each journal of a FEC is an opening one (à-nouveaux), decided once per journal code
/// from the first line that names it. A ledger has a handful of journals, and customer lines
/// switch between them often (a sale, then its payment): ASCII codes are compared byte for
/// byte, which costs less than a String and a hash at each switch. Others (where two spellings
/// of one text are one code, as Strings compare) and codes past `linearLimit` (a damaged file)
/// are found in a dictionary by their text.
struct JournalVerdicts {
    private var codes: [[UInt8]] = []
    private var verdicts: [Bool] = []
    private var others: [String: Bool] = [:]
    static var linearLimit: Int { 32 }

    /// The verdict given to `code` (or to a code that is the same text), if it was met.
    func verdict(_ code: UnsafeBufferPointer<UInt8>) -> Bool? {
        let ascii = code.allSatisfy { $0 < 0x80 }
        if ascii {
            for index in codes.indices where codes[index].count == code.count && codes[index].elementsEqual(code) {
                return verdicts[index]
            }
            if others.isEmpty { return nil }
        }
        let text = String(decoding: code, as: UTF8.self)
        if let known = others[text] { return known }
        if !ascii {
            for index in codes.indices where String(decoding: codes[index], as: UTF8.self) == text { return verdicts[index] }
        }
        return nil
    }

    /// Keeps the verdict on a code met for the first time (`verdict` gave nil).
    mutating func record(_ code: UnsafeBufferPointer<UInt8>, opening: Bool) {
        if codes.count < Self.linearLimit, code.allSatisfy({ $0 < 0x80 }) {
            codes.append(Array(code))
            verdicts.append(opening)
        } else {
            others[String(decoding: code, as: UTF8.self)] = opening
        }
    }
}
