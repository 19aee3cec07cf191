/// A company identifier as written on an invoice or in a contacts file (SIREN, SIRET, VAT
/// number, a buyer id), reduced to what two spellings of the same company have in common.
public struct BusinessIdentifier: Sendable, Hashable {
    /// Upper case, without spaces, dots or dashes.
    public let normalized: String

    public init?(_ text: String) {
        let kept = text.uppercased().unicodeScalars.filter { !" .-\u{A0}\u{202F}\t".unicodeScalars.contains($0) }
        guard !kept.isEmpty else { return nil }
        normalized = String(String.UnicodeScalarView(kept))
    }

    /// The SIREN it contains: itself (9 digits), a SIRET's first 9 digits (14), or the last 9
    /// digits of a French VAT number (`FR` + 2-character key + SIREN).
    public var siren: String? {
        let digits = normalized.allSatisfy(\.isASCIIDigit)
        if digits && normalized.count == 9 { return normalized }
        if digits && normalized.count == 14 { return String(normalized.prefix(9)) }
        if normalized.hasPrefix("FR"), normalized.count == 13, normalized.suffix(9).allSatisfy(\.isASCIIDigit) {
            return String(normalized.suffix(9))
        }
        return nil
    }
}
