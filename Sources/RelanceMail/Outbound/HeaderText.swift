import Foundation

/// Header field text: the characters a header refuses, RFC 2047 encoded words, and folding.
/// Every header the composer writes goes through `fold`, so no line exceeds 78 characters
/// unless a single unbreakable piece (a long address) is itself longer.
enum HeaderText {
    static let maxLineLength = 78
    /// RFC 2047 §2: an encoded word is at most 75 characters.
    static let maxEncodedWordLength = 75
    private static let encodedWordOverhead = "=?utf-8?B??=".count

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: none may be
    /// written into a header, whether raw (injection) or encoded (a display surprise).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func check(_ text: String, field: String) throws(CompositionError) {
        if let bad = text.unicodeScalars.first(where: isForbidden) {
            throw CompositionError(code: .controlCharacter, field: field,
                                   message: "contains the control character U+\(String(bad.value, radix: 16, uppercase: true)) (a line break would inject a header); remove it or clean the value with MailboxAddress.cleanedDisplayName")
        }
    }

    /// Unstructured text (Subject, Organization) as foldable pieces: the text as it is when it
    /// is printable ASCII that no decoder could mistake for an encoded word and that can be
    /// folded at its spaces; otherwise encoded words for the whole value.
    static func unstructuredPieces(_ text: String, firstLineRoom: Int) -> [String] {
        let isPlain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
        if isPlain {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            // Folding only happens before a space; a run of spaces or a leading/trailing one
            // would turn into an empty piece, which `fold` writes back as the same spaces.
            if words.dropFirst().allSatisfy({ $0.count <= maxLineLength - 1 }),
               (words.first?.count ?? 0) <= firstLineRoom {
                return words
            }
        }
        return encodedWords(text, firstLineRoom: firstLineRoom)
    }

    /// A display name as phrase pieces: atoms as they are, a quoted string when it has
    /// specials, encoded words when it is not ASCII or too long to quote on one line.
    static func phrasePieces(_ name: String, firstLineRoom: Int) -> [String] {
        let isASCII = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if isASCII, !name.contains("=?") {
            let words = name.split(separator: " ")
            let isAtoms = name.first != " " && name.last != " " && !name.contains("  ")
                && words.allSatisfy { $0.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || atextSymbols.contains($0) } }
            if isAtoms, words.allSatisfy({ $0.count < maxLineLength - 8 }) { return words.map(String.init) }
            let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            if quoted.count <= min(firstLineRoom, 60) { return [quoted] }
        }
        return encodedWords(name, firstLineRoom: firstLineRoom)
    }

    /// RFC 5322 §3.2.3: the symbols an atom may hold besides letters and digits (built once: a
    /// set made at each call was a visible part of composing every reminder's To and From).
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// `=?utf-8?B?…?=` words of at most 75 characters (the first one shorter when the line
    /// has less room), each holding whole characters: never a split UTF-8 sequence, and a
    /// grapheme cluster split only when it alone exceeds one word.
    static func encodedWords(_ text: String, firstLineRoom: Int) -> [String] {
        // Below U+0300 (Latin letters with their accents, °, €'s neighbours…) and in the general
        // punctuation and currency blocks (dashes, quotes, the narrow no-break space of French
        // amounts, €) no character joins the next: each scalar is a whole character, and the words
        // are cut between scalars straight from the UTF-8, without breaking the text into grapheme
        // clusters — a names-and-subjects cost of composing every reminder (issue #17). Anything
        // else goes character by character.
        guard text.unicodeScalars.allSatisfy(isWholeCharacter) else {
            return encodedWordsByCharacter(text, firstLineRoom: firstLineRoom)
        }
        // A word is a range of the text's bytes, cut before the scalar that would not fit: what
        // `EncodedWords` does scalar by scalar, without copying each scalar into a chunk.
        let bytes = Array(text.utf8)
        var words: [String] = []
        var limit = EncodedWords.firstLimit(firstLineRoom)
        var wordStart = 0
        var start = 0
        while start < bytes.count {
            var end = start + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if end - wordStart > limit, start > wordStart {
                words.append(encodedWord(bytes[wordStart..<start]))
                wordStart = start
                limit = EncodedWords.laterLimit
            }
            start = end
        }
        if bytes.count > wordStart { words.append(encodedWord(bytes[wordStart...])) }
        return words.isEmpty ? [encodedWord([])] : words
    }

    private static func encodedWord(_ bytes: ArraySlice<UInt8>) -> String {
        var word: [UInt8] = []
        word.reserveCapacity(maxEncodedWordLength + 4)
        word.append(contentsOf: "=?utf-8?B?".utf8)
        Base64Encoder.append(bytes, to: &word, lineLength: nil)
        word.append(contentsOf: "?=".utf8)
        return String(decoding: word, as: UTF8.self)
    }

    /// A scalar that is a grapheme cluster of its own whatever surrounds it: printable below
    /// U+0300 (combining marks start there), U+2010–U+2027 and U+2030–U+205E (dashes, quotes,
    /// bullets, the narrow no-break space, primes… — not the zero-width and direction marks of
    /// U+200B–U+200F and U+202A–U+202E, which Unicode counts as controls or extenders), and the
    /// currency signs U+20A0–U+20C0.
    static func isWholeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
        default: false
        }
    }

    /// `encodedWords` for any text: whole grapheme clusters, one split only when it alone exceeds a word.
    static func encodedWordsByCharacter(_ text: String, firstLineRoom: Int) -> [String] {
        var words = EncodedWords(firstLineRoom: firstLineRoom)
        for character in text {
            let bytes = Array(String(character).utf8)
            if words.fits(bytes.count) || bytes.count <= words.nextWordLimit {
                words.append(bytes[...])
            } else {
                words.flush()
                for scalar in character.unicodeScalars { words.append(Array(String(scalar).utf8)[...]) }
            }
        }
        return words.finished()
    }

    /// The words being filled: a piece that does not fit in the current word starts the next.
    private struct EncodedWords {
        private var words: [String] = []
        private var chunk: [UInt8] = []
        private var limit: Int

        init(firstLineRoom: Int) {
            limit = Self.firstLimit(firstLineRoom)
        }

        /// The bytes of text the first word holds, on a line with `firstLineRoom` left; then each
        /// later word's, on a continuation line of its own.
        static func firstLimit(_ firstLineRoom: Int) -> Int { capacity(max(firstLineRoom, encodedWordOverhead + 4)) }
        static let laterLimit = capacity(maxLineLength - 1)

        private static func capacity(_ room: Int) -> Int { 3 * ((min(room, maxEncodedWordLength) - encodedWordOverhead) / 4) }

        func fits(_ count: Int) -> Bool { chunk.count + count <= limit }

        /// The room of the word a piece that does not fit here would start (the first may be shorter).
        var nextWordLimit: Int { chunk.isEmpty ? limit : Self.laterLimit }

        mutating func append(_ piece: ArraySlice<UInt8>) {
            if !fits(piece.count) { flush() }
            chunk += piece
        }

        mutating func flush() {
            guard !chunk.isEmpty else { return }
            words.append(encodedWord(chunk[...]))
            chunk = []
            limit = Self.laterLimit
        }

        mutating func finished() -> [String] {
            flush()
            return words.isEmpty ? [encodedWord([])] : words
        }
    }

    /// `Name: piece piece…` with CRLF before a space wherever the next piece would pass 78
    /// characters. Pieces are joined by one space; unfolding (removing CRLF) gives the value back.
    /// Lengths are counted in octets, as RFC 5322 counts a line (pieces are ASCII but for an
    /// internationalized address), not in Characters, whose counting walks grapheme clusters.
    static func fold(name: String, pieces: [String]) -> String {
        var output = name + ":"
        var lineLength = output.utf8.count
        var piecesOnLine = 0
        for piece in pieces {
            let length = piece.utf8.count
            // A piece too long for any line still gets one of its own, never an empty line before it.
            if lineLength + 1 + length > maxLineLength, piecesOnLine > 0 {
                output += "\r\n"
                lineLength = 0
                piecesOnLine = 0
            }
            output += " " + piece
            lineLength += 1 + length
            piecesOnLine += 1
        }
        return output + "\r\n"
    }
}
