import RelanceCore
@testable import RelanceImport
import Testing

/// A FEC's customer lines keep their piece reference and letter as bytes in one buffer, not as
/// Strings (issue #17): the lettering and the shared references must find the same keys equal
/// that Strings did, Unicode's canonical equivalence included, and a line stays a plain value.
@Suite("FEC: references and letters kept as bytes")
struct FECLedgerTextTests {
    static let texts = ["", "A", "AB", "AC", "BA", "FA000001", "FA000002", "FA0000010", "FA0000011", "FA00000100000001",
                        "FA00000100000002", "GA00000100000001", "VE  0623", "VE  0623 ", "\u{E9}", "e\u{301}", "E\u{301}", "\u{C9}",
                        "K", "\u{212A}", "caf\u{E9}-12345678", "cafe\u{301}-12345678"]

    @Test("two keys are equal exactly when their Strings are, and then hash alike")
    func equalAsStrings() {
        for a in Self.texts {
            for b in Self.texts {
                // A line with any byte above 0x7F compares its keys as Strings; an ASCII key
                // from such a line must still meet its twin from an ASCII line.
                for (asciiA, asciiB) in [(true, true), (false, true), (true, false), (false, false)] {
                    let bytesA = Array(a.utf8), bytesB = Array(b.utf8)
                    bytesA.withUnsafeBufferPointer { pa in
                        bytesB.withUnsafeBufferPointer { pb in
                            let ka = TextBytes(pa, isASCII: asciiA && a.utf8.allSatisfy { $0 < 0x80 })
                            let kb = TextBytes(pb, isASCII: asciiB && b.utf8.allSatisfy { $0 < 0x80 })
                            #expect((ka == kb) == (a == b), "\(Array(a.unicodeScalars)) \(Array(b.unicodeScalars))")
                            if ka == kb { #expect(ka.hashValue == kb.hashValue) }
                            #expect(ka.string == a)
                        }
                    }
                }
            }
        }
    }

    @Test("a line is a plain value of 48 bytes: nothing to retain or release when it is copied")
    func plainLine() {
        #expect(_isPOD(LedgerEntry.self))
        #expect(MemoryLayout<LedgerEntry>.stride == 48)
    }

    @Test("an entry's reference and letter are read back from where it says")
    func readBack() {
        let bytes = Array("FA-1AAVIR2".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let text = LedgerText(bytes: buffer)
            let date = CivilDate(year: 2026, month: 1, day: 5)!
            let invoice = LedgerEntry(account: 0, isOpening: false, date: date, textStart: 0, pieceRefLength: 4, letterLength: 2,
                                      textIsASCII: true, pieceDate: nil, amount: 100, line: 2)
            let payment = LedgerEntry(account: 0, isOpening: false, date: date, textStart: 6, pieceRefLength: 4, letterLength: 0,
                                      textIsASCII: true, pieceDate: nil, amount: -100, line: 3)
            #expect(text.pieceRef(of: invoice).string == "FA-1" && text.letter(of: invoice).string == "AA")
            #expect(text.pieceRef(of: payment).string == "VIR2" && text.letter(of: payment).isEmpty && !payment.hasLetter)
        }
    }

    static let header = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
        + "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n"

    static func line(_ journal: String, _ number: Int, _ date: String, _ pieceRef: String, debit: String, credit: String,
                     letter: String) -> String {
        "\(journal)\tJ\t\(number)\t\(date)\t411000\tClients\tDURAND\tDurand SARL\t\(pieceRef)\t\(date)\tx\t\(debit)\t\(credit)\t\(letter)\t\t\(date)\t\t\n"
    }

    @Test("a letter written in two Unicode forms letters its lines together, as it did when read as Strings",
          arguments: [1, 2])
    func lettersInTwoForms(stretches: Int) throws {
        // É precomposed on the invoice, E + combining acute on its payment: one letter.
        let text = Self.header
            + Self.line("VE", 1, "20260105", "FA-1", debit: "100,00", credit: "0,00", letter: "\u{C9}")
            + Self.line("VE", 2, "20260106", "FA-2", debit: "40,00", credit: "0,00", letter: "")
            + Self.line("BQ", 3, "20260120", "VIR1", debit: "0,00", credit: "100,00", letter: "E\u{301}")
        var parser = FECParser()
        parser.minimumSplit = stretches == 1 ? .max : 1
        let parsed = try parser.parse(Array(text.utf8), fileName: "FEC.txt")
        #expect(parsed.items.map(\.invoice) == ["FA-2"])
        #expect(parsed.items.map(\.open.minorUnits) == [4_000])
    }

    @Test("a shared reference written in two Unicode forms is one reference, named as before", arguments: [1, 2])
    func sharedReferenceInTwoForms(stretches: Int) throws {
        let text = Self.header
            + Self.line("VE", 1, "20260105", "CAF\u{C9}", debit: "100,00", credit: "0,00", letter: "")
            + Self.line("VE", 2, "20260210", "CAFE\u{301}", debit: "70,00", credit: "0,00", letter: "")
        var parser = FECParser()
        parser.minimumSplit = stretches == 1 ? .max : 1
        let parsed = try parser.parse(Array(text.utf8), fileName: "FEC.txt")
        #expect(parsed.items.map(\.invoice) == ["CAFE\u{301}", "CAFE\u{301}/2"])
        #expect(parsed.items.map(\.open.minorUnits) == [10_000, 7_000])
    }
}

extension FECLedgerTextTests {
    @Test("each account's lines are lent in file order, each with its own reference and letter")
    func linesByAccount() {
        // Two stretches' lines, accounts interleaved; each line's text names its account and line.
        var text: [UInt8] = []
        var parts: [[LedgerEntry]] = [[], []]
        let date = CivilDate(year: 2026, month: 3, day: 1)!
        for line in 1...40 {
            let account = line * 7 % 5
            // References of 4 to 25 bytes: copied eight bytes at a time, then the rest one by one.
            let pieceRef = Array("R\(account)-\(String(repeating: "x", count: line % 19))\(line)".utf8)
            let letter = line % 3 == 0 ? [] : Array("L\(line)".utf8)
            parts[line <= 25 ? 0 : 1].append(LedgerEntry(account: account, isOpening: false, date: date, textStart: text.count,
                                                        pieceRefLength: UInt32(pieceRef.count), letterLength: UInt32(letter.count),
                                                        textIsASCII: true, pieceDate: nil, amount: Int64(line), line: line))
            text += pieceRef + letter
        }
        // A sixth account without lines (as when a read names a customer it keeps no line of).
        let byAccount = LinesByAccount(parts, accounts: 6)
        #expect(byAccount.lineCount == 40)
        var lent: [Int] = []
        byAccount.forEachAccount(of: parts, text: text) { account, lines, ledgerText in
            lent.append(account)
            #expect(lines.map(\.line) == (1...40).filter { $0 * 7 % 5 == account })
            for entry in lines {
                #expect(Int(entry.account) == account)
                #expect(ledgerText.pieceRef(of: entry).string == "R\(account)-\(String(repeating: "x", count: entry.line % 19))\(entry.line)")
                #expect(ledgerText.letter(of: entry).string == (entry.line % 3 == 0 ? "" : "L\(entry.line)"))
            }
            // An account's texts lie together, in its lines' order, and nothing else is lent.
            #expect(lines.map(\.textStart) == lines.indices.map { index in
                lines[..<index].reduce(0) { $0 + Int($1.pieceRefLength) + Int($1.letterLength) }
            })
            #expect(ledgerText.bytes.count == lines.reduce(0) { $0 + Int($1.pieceRefLength) + Int($1.letterLength) })
        }
        #expect(lent == Array(0..<6))
    }
}

extension FECLedgerTextTests {
    @Test("customer lines without any reference or letter: no text at all, each line its own item", arguments: [1, 2])
    func noText(stretches: Int) throws {
        let text = Self.header
            + Self.line("VE", 1, "20260105", "", debit: "100,00", credit: "0,00", letter: "")
            + Self.line("VE", 2, "20260106", "", debit: "40,00", credit: "0,00", letter: "")
        var parser = FECParser()
        parser.minimumSplit = stretches == 1 ? .max : 1
        let parsed = try parser.parse(Array(text.utf8), fileName: "FEC.txt")
        #expect(parsed.items.map(\.invoice) == ["LIGNE-2", "LIGNE-3"])
        #expect(parsed.items.map(\.open.minorUnits) == [10_000, 4_000])
    }
}
