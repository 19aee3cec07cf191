/// Checks the creditor's identifiers when the configuration loads: a wrong IBAN would be
/// printed on every email and letter, and customers would pay into nothing. Each function
/// returns what is wrong, in words, or nil.
enum LegalIdentityCheck {
    /// IBAN lengths of the countries a French creditor's bank is most likely in (ISO 13616 registry).
    static let ibanLengths: [String: Int] = [
        "FR": 27, "MC": 27, "DE": 22, "BE": 16, "LU": 20, "CH": 21, "IT": 27, "ES": 24, "PT": 25, "NL": 18,
        "GB": 22, "IE": 22, "AT": 20, "DK": 18, "SE": 24, "FI": 18, "NO": 15, "PL": 28, "GR": 27, "LI": 21,
    ]

    static func compact(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." })
    }

    static func ibanProblem(_ text: String) -> String? {
        let iban = compact(text)
        guard iban.count >= 15, iban.count <= 34 else {
            return "has \(iban.count) characters; an IBAN has 15 to 34 (27 in France)"
        }
        let characters = Array(iban)
        guard characters[0].isASCIILetter, characters[1].isASCIILetter else {
            return "does not start with a two-letter country code (FR…)"
        }
        guard characters[2].isASCIIDigitCharacter, characters[3].isASCIIDigitCharacter else {
            return "has no two check digits after the country code"
        }
        guard characters.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigitCharacter }) else {
            return "holds characters other than letters and digits"
        }
        let country = String(characters[0..<2])
        if let length = ibanLengths[country], length != iban.count {
            return "has \(iban.count) characters; an IBAN of \(country) has \(length)"
        }
        // ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10…35.
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            let value = character.isASCIIDigitCharacter ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value
            remainder %= 97
        }
        return remainder == 1 ? nil : "fails its check digits (mod 97): a character is wrong or two are swapped; copy it again from the bank's RIB"
    }

    /// ISO 9362: 4 letters (bank), 2 letters (country), 2 letters or digits (place), optionally 3 (branch).
    static func bicProblem(_ text: String) -> String? {
        let bic = Array(compact(text))
        guard bic.count == 8 || bic.count == 11 else { return "has \(bic.count) characters; a BIC has 8 or 11" }
        guard bic[0..<6].allSatisfy(\.isASCIILetter) else {
            return "must start with 6 letters (bank code, then country code), such as BNPAFR"
        }
        guard bic[6...].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigitCharacter }) else {
            return "holds characters other than letters and digits"
        }
        return nil
    }

    /// SIREN (9 digits) or SIRET (14), with their Luhn key.
    static func sirenProblem(_ text: String) -> String? {
        let digits = compact(text)
        guard digits.allSatisfy(\.isASCIIDigitCharacter), digits.count == 9 || digits.count == 14 else {
            return "is not a SIREN (9 digits) nor a SIRET (14 digits)"
        }
        // La Poste's establishments are numbered outside the Luhn rule (sum of digits a multiple of 5).
        if digits.count == 14, digits.hasPrefix("356000000") {
            return digits.reduce(0) { $0 + Int(String($1))! } % 5 == 0 ? nil : "fails its check digit"
        }
        return luhn(digits) ? nil : "fails its check digit (Luhn): a digit is wrong or two are swapped"
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (position, character) in digits.reversed().enumerated() {
            var value = Int(String(character))!
            if position % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }

    /// A French VAT number is FR, a two-digit key, the SIREN: key = (12 + 3 × (SIREN mod 97)) mod 97.
    /// Other countries' numbers are checked for shape only.
    static func vatProblem(_ text: String, siren: String?) -> String? {
        let vat = compact(text)
        let characters = Array(vat)
        guard characters.count >= 4, characters[0].isASCIILetter, characters[1].isASCIILetter,
              characters[2...].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigitCharacter }), characters.count <= 14 else {
            return "is not a VAT number: a country code then 2 to 12 letters or digits (FR32123456782)"
        }
        guard vat.hasPrefix("FR") else { return nil }
        guard characters.count == 13, characters[4...].allSatisfy(\.isASCIIDigitCharacter) else {
            return "is not a French VAT number: FR, a 2-character key, then the 9-digit SIREN"
        }
        let number = String(characters[4...])
        if let own = siren.map(compact), own.count >= 9, String(own.prefix(9)) != number {
            return "names SIREN \(number), but siren is \(own.prefix(9))"
        }
        let key = String(characters[2..<4])
        if key.allSatisfy(\.isASCIIDigitCharacter) {
            let expected = (12 + 3 * (Int(number)! % 97)) % 97
            guard Int(key)! == expected else {
                return "has the key \(key), but the key of SIREN \(number) is \(expected < 10 ? "0" : "")\(expected)"
            }
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { ("A"..."Z").contains(self) }
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
