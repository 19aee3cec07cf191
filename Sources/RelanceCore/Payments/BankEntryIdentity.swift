/// Which entries of a statement are new: the rule both stores apply when an overlapping
/// statement (a month's, after the weeks') brings movements already read. An entry is the same
/// movement as a stored one when their keys agree, on the same account; a statement is the same
/// statement when its fingerprint does. The SHA-256 is given by the store (RelanceCore has no
/// cryptography of its own); the keys must agree byte for byte between the stores, so that a
/// book copied from SQLite to PostgreSQL still recognises the entries it holds.
public enum BankEntryIdentity {
    /// What makes an entry the same in two overlapping statements: the bank's reference when it
    /// gives one, else date + amount + label.
    public static func identity(_ entry: BankEntry) -> String {
        if let reference = entry.bankReference { return "ref:" + reference }
        let label = entry.remittance.uppercased().split(separator: " ").joined(separator: " ")
        return "day:\(entry.booked.iso8601)|\(entry.amount.minorUnits)\(entry.amount.currency.code)|\(label)"
    }

    /// The stored key: the identity with the label as its SHA-256 (lowercase hex), so that the
    /// retention, which empties a settled entry's label, payer and IBAN, leaves no copy of the
    /// label behind.
    public static func dedupKey(_ entry: BankEntry, sha256: (String) -> String) -> String {
        storedKey(identity(entry), sha256: sha256)
    }

    /// `day:DATE|AMOUNT|LABEL` → `day:DATE|AMOUNT|sha256:HEX`; a bank reference stays as it is,
    /// and so does a key already digested (the SQLite migration `v14-bank-dedup-digest` turns
    /// the keys stored before it with this).
    public static func storedKey(_ identity: String, sha256: (String) -> String) -> String {
        guard identity.hasPrefix("day:") else { return identity }
        let parts = identity.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].hasPrefix("sha256:") else { return identity }
        return parts[0] + "|" + parts[1] + "|sha256:" + sha256(String(parts[2]))
    }

    /// The statement's fingerprint: the SHA-256 of its accounts and identities in order (a
    /// digest already: the labels are not kept).
    public static func fingerprint(_ statement: BankStatement, sha256: (String) -> String) -> String {
        sha256(statement.entries.map { $0.account + "\u{1F}" + identity($0) + "\u{1E}" }.joined())
    }
}
