import Foundation

/// A bounce diagnostic, lowered, searched for the phrases `BounceDiagnosis` knows. When the
/// diagnostic is ASCII — nearly every one is — over its bytes; otherwise through
/// Foundation's `range(of:)`, as before, whose canonical-equivalence search finds « boîte
/// pleine » written with a combining accent. On ASCII text the two agree: no phrase with a
/// non-ASCII character can be canonically equivalent to ASCII text, and ASCII has no other
/// equivalences. The bytes matter for speed: Foundation's search goes through `NSString` for
/// each of some 250 phrases, a sixth of a first poll's CPU (`benchmarks/imap-poll.sh`).
/// The detectors (bounce, delay notice, out-of-office) search their lowered subject and text
/// for their phrases the same way: the same Foundation search before, through `contains`.
/// Text that is not ASCII but holds only Latin letters and common punctuation (French
/// replies, « boîte pleine ») is searched over its bytes too: see `SimpleScalars`.
struct DiagnosticPhrases {
    let text: String
    /// The text's bytes, when it is ASCII.
    private let ascii: [UInt8]?
    /// The text's bytes, when it is not ASCII but made only of `SimpleScalars`: searched over
    /// bytes for phrases made of them too, through Foundation for any other phrase.
    private let simple: [UInt8]?

    init(_ text: String) {
        self.text = text
        ascii = text.isASCII ? Array(text.utf8) : nil
        simple = ascii == nil && SimpleScalars.holdsOnlySimple(text) ? Array(text.utf8) : nil
    }

    /// Where `phrase` first occurs, as a UTF-8 offset (offsets order as the text's indices do).
    func firstOffset(of phrase: String) -> Int? {
        if let ascii { return Self.firstOffset(of: phrase, in: ascii) }
        if let simple, searchesBytes(phrase) { return Self.firstOffset(of: phrase, in: simple) }
        return text.range(of: phrase).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
    }

    /// For non-ASCII simple text: a phrase of simple scalars too (not empty: Foundation finds no
    /// empty phrase, where the ASCII byte search, as it always did, finds it at 0).
    private func searchesBytes(_ phrase: String) -> Bool {
        !phrase.isEmpty && SimpleScalars.holdsOnlySimple(phrase)
    }

    /// The byte search: `phrase`'s first occurrence in `bytes`, as a byte offset.
    static func firstOffset(of phrase: String, in bytes: [UInt8]) -> Int? {
        var phrase = phrase
        return phrase.withUTF8 { needle -> Int? in
            guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty ? 0 : nil }
            return bytes.withUnsafeBytes { haystack -> Int? in
                // Both buffers are non-empty (checked above), so their base addresses exist; every
                // pointer read stays below `haystack.count`: a candidate starts at most at `last`,
                // the needle's length past it is the haystack's end (glibc's memmem is not exported
                // to Swift: memchr finds each candidate for the first byte, memcmp checks it).
                let base = haystack.baseAddress!, last = haystack.count - needle.count
                var from = 0
                while from <= last {
                    guard let hit = memchr(base + from, Int32(needle[0]), last - from + 1) else { return nil }
                    let offset = UnsafeRawPointer(hit) - base
                    if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return offset }
                    from = offset + 1
                }
                return nil
            }
        }
    }

    func contains(_ phrase: String) -> Bool {
        if ascii != nil || (simple != nil && searchesBytes(phrase)) { return firstOffset(of: phrase) != nil }
        return text.contains(phrase)
    }

    /// Whether any of `phrases` occurs.
    func containsAny(_ phrases: [String]) -> Bool { phrases.contains(where: contains) }

    /// The first of `phrases`, in their order (not the text's), that occurs.
    func first(of phrases: [String]) -> String? { phrases.first(where: contains) }
}
