/// Invoice numbers as people copy them into a transfer's label: `FA26-0866`, `fa 26 0866`,
/// `F260866`, `INV-000123`. The key drops case, spaces, dashes and other separators, the
/// `FA`/`F`/`INV` prefixes an export may drop or keep, and leading zeros, so each of those
/// finds the one invoice it names.
public enum InvoiceNumberKey {
    public static func key(_ number: String) -> String? {
        var compact = String(number.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        for prefix in ["INV", "FA", "F"] where compact.hasPrefix(prefix) {
            let rest = compact.dropFirst(prefix.count)
            if let first = rest.first, first.isNumber { compact = String(rest) }
            break
        }
        while compact.count > 1, compact.first == "0" { compact.removeFirst() }
        // Too short, or no digit: a word of the label, not an invoice number.
        guard compact.count >= 3, compact.contains(where: \.isNumber) else { return nil }
        return compact
    }

    /// The candidate keys in a label: each word, and each pair of adjacent words (`FA 26-0866`).
    public static func candidates(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" || $0 == "+" })
            .map(String.init)
        var keys: [String] = []
        var seen = Set<String>()
        func add(_ candidate: String) {
            if let key = key(candidate), seen.insert(key).inserted { keys.append(key) }
        }
        for (index, word) in words.enumerated() {
            add(word)
            if index + 1 < words.count { add(word + words[index + 1]) }
        }
        return keys
    }
}
