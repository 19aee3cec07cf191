/// Hostile camt statements, made in memory like `HostileShapes`: one shape per limit of the
/// camt reader (nesting depth, one element's text, one entry's elements, the statement's elements).
public enum HostileBankStatements {
    static let head = "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><Stmt>"
        + "<Acct><Id><IBAN>FR7630004001230001234567890</IBAN></Id></Acct>\n"
    static let tail = "</Stmt></BkToCstmrStmt></Document>\n"

    /// One booked receipt of 1.00 EUR, with `remittance` as its free text.
    public static func entry(remittance: String = "FA26-0001") -> String {
        "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-03</Dt></BookgDt>"
            + "<NtryDtls><TxDtls><RmtInf><Ustrd>\(remittance)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
    }

    /// An entry whose details nest `depth` elements (100,000: 1.1 MB).
    public static func nested(depth: Int = 100_000) -> [UInt8] {
        Array((head + "<Ntry><AddtlNtryInf>" + String(repeating: "<X>", count: depth) + String(repeating: "</X>", count: depth)
               + "</AddtlNtryInf></Ntry>\n" + tail).utf8)
    }

    /// A remittance text of `bytes` bytes (16 MB by default).
    public static func hugeText(bytes: Int = 16 * 1_048_576) -> [UInt8] {
        Array((head + entry(remittance: String(repeating: "A", count: bytes)) + tail).utf8)
    }

    /// One entry holding `transactions` empty transaction details.
    public static func fatEntry(transactions: Int = 300_000) -> [UInt8] {
        Array((head + "<Ntry><NtryDtls>" + String(repeating: "<TxDtls/>", count: transactions) + "</NtryDtls></Ntry>\n" + tail).utf8)
    }

    /// A well-formed statement of `entries` receipts.
    public static func manyEntries(_ entries: Int) -> [UInt8] {
        var text = head
        for number in 0..<entries { text += entry(remittance: "FA26-\(number)") }
        return Array((text + tail).utf8)
    }
}
