import RelanceCore

/// The languages a browser asks for in `Accept-Language` (RFC 9110 §12.5.4), best first, among
/// those Relance speaks: `fr-FR,fr;q=0.9,en;q=0.8` → French, English. A tag's primary subtag
/// decides (`fr-CA` is French); `*`, unknown languages and `q=0` are left out; a weight that is
/// not a number from 0 to 1 counts as 1, as no weight does (browsers write no such weight).
/// Bounded: a header is read up to `maximumLength` bytes, and at most `maximumRanges` ranges.
enum AcceptLanguage {
    static let maximumLength = 1_024
    static let maximumRanges = 32

    static func preferred(_ header: String) -> [Language] {
        var ranges: [(language: Language, weight: Double, place: Int)] = []
        for (place, range) in header.utf8.prefix(maximumLength).split(separator: UInt8(ascii: ",")).prefix(maximumRanges).enumerated() {
            let parts = range.split(separator: UInt8(ascii: ";"))
            guard let tag = parts.first.map({ String(decoding: $0, as: UTF8.self).trimmingBlanks }),
                  let language = language(of: tag) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let text = String(decoding: parameter, as: UTF8.self).trimmingBlanks.lowercased()
                if text.hasPrefix("q="), let value = Double(text.dropFirst(2)), (0...1).contains(value) { weight = value }
            }
            if weight > 0 { ranges.append((language, weight, place)) }
        }
        var seen: Set<Language> = []
        return ranges.sorted { ($0.weight, -$0.place) > ($1.weight, -$1.place) }
            .compactMap { seen.insert($0.language).inserted ? $0.language : nil }
    }

    /// `fr`, `fr-FR`, `FR`: French; `en-GB`: English; anything else (`frr`, `*`, `de`): nil.
    private static func language(of tag: String) -> Language? {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return Language(rawValue: primary)
    }
}

private extension String {
    var trimmingBlanks: String { String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
}
