public import RelanceCore

/// Where a reference token travels: the Message-ID (`<relance.TOKEN@domain>`), which replies
/// quote in `In-Reply-To`/`References` and bounces quote in the returned headers, and the VERP
/// envelope sender (`bounces+TOKEN@domain`), which bounces are addressed to.
public enum ReferenceAddressing {
    /// `prefix+token@domain`. Throws when the local part would exceed 64 characters or the
    /// result is not a valid address (a prefix with spaces, a bad domain).
    public static func bounceAddress(token: String, prefix: String = "bounces",
                                     domain: some StringProtocol) throws(CompositionError) -> EmailAddress {
        let local = "\(prefix)+\(token)"
        guard local.utf8.count <= 64 else {
            throw CompositionError(code: .localPartTooLong, field: "bounceAddress",
                                   message: "'\(local)' is longer than the 64 characters a local part may have; shorten the bounce prefix")
        }
        guard case .success(let address) = EmailAddress.parse("\(local)@\(domain)") else {
            throw CompositionError(code: .invalidIdentifier, field: "bounceAddress",
                                   message: "'\(local)@\(domain)' is not a valid address; check the bounce prefix and domain")
        }
        return address
    }

    /// The token part of a Message-ID we made (`relance.TOKEN@…`, with or without brackets and
    /// surrounding spaces), to pass to `ReferenceToken.verify`; nil for any other Message-ID.
    public static func token(inMessageID text: some StringProtocol) -> Substring? {
        var id = trimmed(text)
        if id.first == "<", id.last == ">" { id = id.dropFirst().dropLast() }
        guard let at = id.lastIndex(of: "@") else { return nil }
        let left = id[..<at]
        guard left.lowercased().hasPrefix("relance.") else { return nil }
        let token = left.dropFirst("relance.".count)
        return token.isEmpty ? nil : token
    }

    /// The token after the last `+` of an address's local part (`bounces+TOKEN@…`), as it
    /// appears in a bounce's `To`, `Delivered-To` or `X-Original-To`; nil without one.
    public static func token(inAddress text: some StringProtocol) -> Substring? {
        var address = trimmed(text)
        if address.first == "<", address.last == ">" { address = address.dropFirst().dropLast() }
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        guard let plus = local.lastIndex(of: "+") else { return nil }
        let token = local[local.index(after: plus)...]
        return token.isEmpty ? nil : token
    }

    private static func trimmed(_ text: some StringProtocol) -> Substring {
        var result = Substring(text)
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}
