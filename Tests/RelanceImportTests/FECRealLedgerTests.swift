import RelanceCore
@testable import RelanceImport
import Testing

/// Real ledgers from /work/shared/corpora/fec (MIT, see Fixtures/fec/real/LICENSE).
@Suite("FEC: real ledgers")
struct FECRealLedgerTests {
    static let ledgers = ["0000000001FEC20220831.txt", "000000000FEC20231231.txt"]

    func parse(_ name: String) throws -> ParsedImport {
        try FECParser().parse(try Fixture.bytes("fec/real/" + name), fileName: name)
    }

    /// Each customer account's balance (debit − credit, in cents), computed straight from the
    /// text with none of the parser's code: split on TAB, pick the columns by header name.
    func ledgerBalances(_ name: String) throws -> [String: Int64] {
        let text = String(decoding: try Fixture.bytes("fec/real/" + name), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let account = header.firstIndex(of: "CompteNum")!, aux = header.firstIndex(of: "CompAuxNum")!
        let debit = header.firstIndex(of: "Debit")!, credit = header.firstIndex(of: "Credit")!
        func cents(_ text: String) -> Int64 {
            let parts = text.split(separator: ",")
            let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
            return Int64(parts[0])! * 100 + Int64(fraction)!
        }
        var balances: [String: Int64] = [:]
        for fields in lines.dropFirst() where fields[account].hasPrefix("411") {
            let key = fields[aux].isEmpty ? fields[account] : fields[aux]
            balances[key, default: 0] += cents(fields[debit]) - cents(fields[credit])
        }
        return balances
    }

    @Test("per customer, the open items add up to the account's ledger balance", arguments: ledgers)
    func invariant(_ name: String) throws {
        let parsed = try parse(name)
        let balances = try ledgerBalances(name)
        var sums: [String: Int64] = [:]
        for item in parsed.items { sums[item.customer, default: 0] += item.open.minorUnits }
        #expect(!balances.isEmpty)
        for (customer, balance) in balances {
            #expect(sums[customer, default: 0] == balance, "customer \(customer)")
        }
        #expect(Set(sums.keys).isSubset(of: balances.keys))
        #expect(parsed.warnings.map(\.description).isEmpty, "both real ledgers balance")
    }

    @Test("as of: the date in the file name", arguments: zip(ledgers, ["2022-08-31", "2023-12-31"]))
    func asOf(_ name: String, _ expected: String) throws {
        #expect(try parse(name).asOf == date(expected))
    }

    struct Expected: Equatable, CustomStringConvertible {
        var invoice: String, issued: String, open: String
        init(_ invoice: String, _ issued: String, _ open: String) { self.invoice = invoice; self.issued = issued; self.open = open }
        var description: String { "\(invoice) \(issued) \(open)" }
    }

    /// Written down by hand from the 411000 lines of 0000000001FEC20220831.txt, group by
    /// group (see the comments); not produced by running the parser.
    static let handChecked: [String: [Expected]] = [
        // Every lettered group pairs an invoice with its payment or credit note.
        "CATTEN": [], "CCALIX": [], "CCUIPO": [], "CCUISI": [], "CDISCO": [], "CENZA0": [], "CRIJK0": [],
        // À-nouveau 34,71 paid by a payment lettered AABD with a closed year's invoice.
        "CFLORE": [],
        // À-nouveau 6135,88 = payments AAAT 2780,98 + AAAX 3354,90; AAAZ and AABB net to zero
        // with a debit correction; AABJ is FA 220396 alone, unpaid at closing.
        "CLAURE": [Expected("FA  220396", "2022-08-31", "6661.27")],
        "CMOURL": [Expected("FA  220395", "2022-08-31", "438.88")],
        // FA 220272 and payment 9969113 are both unlettered: an open invoice and an unapplied payment.
        "CNOURR": [Expected("9969113", "2022-06-14", "-8194.19"), Expected("FA  220272", "2022-04-20", "8115.06")],
        // À-nouveau 94,95 and an unlettered OD credit of 94,95 (written off): two items, balance zero.
        "CPERR0": [Expected("RAN", "2021-09-01", "94.95"), Expected("fact 2021 gres impayée", "2022-08-10", "-94.95")],
        "CPERUZ": [],
        // À-nouveau 15689,96 paid by AAEI; AAEM and AAEP net to zero with credit notes AV 220299, AV 220373.
        "CPMTN0": [Expected("FA  220394", "2022-08-31", "18070.04")],
        // À-nouveau 35724,95 = excess credits of AARR (29602,76 − 8917,38 of this year's invoices)
        // + AARQ 7861,33 + AARP 7178,24. Groups AATF (8 invoices of 11 August) and AATG (10 of
        // 31 August) hold no payment yet.
        "CPRO00": [
            Expected("FA  220376", "2022-08-11", "1945.95"), Expected("FA  220377", "2022-08-11", "1883.18"),
            Expected("FA  220378", "2022-08-11", "1757.63"), Expected("FA  220379", "2022-08-11", "1129.91"),
            Expected("FA  220380", "2022-08-11", "1506.54"), Expected("FA  220381", "2022-08-11", "2259.81"),
            Expected("FA  220382", "2022-08-11", "1789.02"), Expected("FA  220383", "2022-08-11", "1129.91"),
            Expected("FA  220384", "2022-08-31", "1129.91"), Expected("FA  220385", "2022-08-31", "1035.75"),
            Expected("FA  220386", "2022-08-31", "2416.74"), Expected("FA  220387", "2022-08-31", "1927.49"),
            Expected("FA  220388", "2022-08-31", "797.58"), Expected("FA  220389", "2022-08-31", "963.74"),
            Expected("FA  220390", "2022-08-31", "398.79"), Expected("FA  220391", "2022-08-31", "1927.49"),
            Expected("FA  220392", "2022-08-31", "1761.32"), Expected("FA  220393", "2022-08-31", "1362.53"),
        ],
        // AACO letters FA 220301 and FA 220302 together with no payment: both open.
        "CRETAY": [Expected("FA  220301", "2022-05-24", "100.33"), Expected("FA  220302", "2022-05-25", "202.56")],
        // À-nouveau 791,25 paid by AAAY; every other group pairs an invoice with its payment.
        "CROUS0": [],
    ]

    @Test("the open items of all 17 customers of a real ledger, checked by hand")
    func handCheckedCustomers() throws {
        let parsed = try parse("0000000001FEC20220831.txt")
        let customers = Set(try ledgerBalances("0000000001FEC20220831.txt").keys)
        #expect(customers == Set(Self.handChecked.keys))
        for (customer, expected) in Self.handChecked {
            let actual = parsed.items.filter { $0.customer == customer }
                .map { Expected($0.invoice, $0.issued!.iso8601, $0.open.decimalString) }
            #expect(parsed.items.filter { $0.customer == customer }.allSatisfy { $0.due == nil && $0.open.currency == .euro })
            #expect(actual.sorted { $0.invoice < $1.invoice } == expected.sorted { $0.invoice < $1.invoice }, "customer \(customer)")
        }
        #expect(parsed.items.first { $0.customer == "CPRO00" }?.customerName == "PROSOL GESTION")
    }
}
