/// The European Payments Council's SEPA credit-transfer QR code payload (EPC069-12, version
/// 002, UTF-8): what a banking app reads to fill in a transfer — beneficiary, IBAN, amount and
/// the reference — so that the money comes back matchable. Pure; the QR image is drawn from it
/// by libqrencode (`QRCodeSVG`), error correction level M as the standard asks.
public enum EPCQRPayload {
    /// The standard's limit on the whole payload, in bytes.
    public static let maximumBytes = 331

    /// Nil when the transfer cannot be a SEPA credit transfer QR: an amount not in euros or
    /// outside 0,01–999 999 999,99 €, an IBAN or a name missing, or a payload too long.
    /// - Parameters:
    ///   - reference: an ISO 11649 RF creditor reference (structured), or nil.
    ///   - text: free remittance text (at most 140 characters) when there is no structured reference.
    public static func make(name: String, iban: String, bic: String?, amount: Money, reference: String?, text: String?) -> String? {
        guard amount.currency == .euro, amount.minorUnits >= 1, amount.minorUnits <= 99_999_999_999 else { return nil }
        let account = iban.uppercased().filter { $0.isLetter || $0.isNumber }
        guard account.count >= 15, account.count <= 34, account.allSatisfy(\.isASCII) else { return nil }
        let beneficiary = String(oneLine(name).prefix(70))
        guard !beneficiary.isEmpty else { return nil }
        let code = (bic ?? "").uppercased().filter { $0.isLetter || $0.isNumber }
        var lines = ["BCD", "002", "1", "SCT", [8, 11].contains(code.count) ? code : "", beneficiary, account, "EUR" + amount.decimalString, ""]
        if let reference, RFCreditorReference.isValid(reference) {
            lines.append(RFCreditorReference.compact(reference))
        } else if let text = text.map(oneLine), !text.isEmpty {
            lines += ["", String(text.prefix(140))]
        }
        let payload = lines.joined(separator: "\n")
        return payload.utf8.count <= maximumBytes ? payload : nil
    }

    /// Line breaks and control characters would shift the fields: spaces instead, trimmed.
    private static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
