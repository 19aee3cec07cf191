/// The ISO 11649 structured creditor reference: `RF`, two check digits, then up to 21 letters
/// and digits (`RF18 5390 0754 7034`). A payer's bank copies it untouched into the transfer, so
/// a payment that carries it comes back matched to exactly the invoices it was made for.
public enum RFCreditorReference {
    /// A reference for a customer and an invoice: letters and digits of both (others dropped),
    /// at most 21 characters, and the check digits. Nil when nothing usable is left.
    public static func make(customer: String, invoice: String) -> String? {
        let body = alphanumerics(customer).prefix(8) + alphanumerics(invoice)
        guard !body.isEmpty else { return nil }
        return make(body: String(body.suffix(21)))
    }

    /// `RF` + check digits + body (ISO 7064 MOD 97-10, as for IBANs).
    public static func make(body: String) -> String? {
        let upper = alphanumerics(body)
        guard !upper.isEmpty, upper.count <= 21, let remainder = mod97(upper + "RF00") else { return nil }
        let check = 98 - remainder
        return "RF" + (check < 10 ? "0" : "") + String(check) + upper
    }

    /// Whether the text (spaces allowed) is a well-formed RF reference with correct check digits.
    public static func isValid(_ text: String) -> Bool {
        let compact = compact(text)
        guard compact.count >= 5, compact.count <= 25, compact.hasPrefix("RF"),
              compact.dropFirst(2).prefix(2).allSatisfy({ ("0"..."9").contains($0) }),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        return mod97(String(compact.dropFirst(4)) + String(compact.prefix(4))) == 1
    }

    /// Without spaces, in capitals.
    public static func compact(_ text: String) -> String { text.uppercased().filter { $0 != " " } }

    /// Printed in groups of four, as on a paper form.
    public static func grouped(_ reference: String) -> String {
        var out = ""
        for (index, character) in compact(reference).enumerated() {
            if index > 0, index % 4 == 0 { out.append(" ") }
            out.append(character)
        }
        return out
    }

    private static func alphanumerics(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The remainder modulo 97 of the number made by replacing A=10 … Z=35, digit by digit.
    private static func mod97(_ text: String) -> Int? {
        var remainder = 0
        for scalar in text.unicodeScalars {
            let value: Int
            switch scalar {
            case "0"..."9": value = Int(scalar.value - 48)
            case "A"..."Z": value = Int(scalar.value - 55)
            default: return nil
            }
            for digit in (value >= 10 ? [value / 10, value % 10] : [value]) { remainder = (remainder * 10 + digit) % 97 }
        }
        return remainder
    }
}
