import RelanceCore
@testable import RelanceImport
import Testing

/// A FEC is read in one stretch per core, cut at line feeds (issue #17). These pin the cuts
/// themselves: whatever the number of stretches, and wherever a cut falls (inside a label
/// holding quotes, between the CR and LF of a Windows line break, after blank lines), the
/// items, warnings and any error are those of a read in one stretch.
@Suite("FEC: read in 1, 2 or N stretches")
struct FECStretchSplitTests {
    static let header = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise"

    /// Two lines per invoice (customer and sales), lettered every third; labels carry quotes
    /// (FEC has no quoting: a `"` is a byte like any other, and a cut beside one changes nothing).
    static func ledger(invoices: Int, lineBreak: String = "\n", blankEvery: Int = 0) -> String {
        var lines = [header]
        for number in 1...invoices {
            let customer = "C\(number % 7)"
            let amount = "\(number),\(number % 100 < 10 ? "0" : "")\(number % 100)"
            let letter = number % 3 == 0 ? "A\(number)" : ""
            lines.append("VE\tVentes\t\(number)\t202601\(Self.format2(number % 28 + 1))\t411000\tClients\t\(customer)\tClient \"\(customer)\"\tF\(number)\t20260101\t\"Facture\" \"\(number)\"\t\(amount)\t0,00\t\(letter)\t\t20260101\t\t")
            lines.append("VE\tVentes\t\(number)\t20260101\t706000\tVentes\t\t\tF\(number)\t20260101\tx\"\t0,00\t\(amount)\t\t\t20260101\t\t")
            if letter != "" {
                lines.append("BQ\tBanque\t\(number)\t20260201\t411000\tClients\t\(customer)\tClient \"\(customer)\"\tP\(number)\t20260201\t\"\"\t0,00\t\(amount)\t\(letter)\t\t20260201\t\t")
                lines.append("BQ\tBanque\t\(number)\t20260201\t512000\tBanque\t\t\tP\(number)\t20260201\tx\t\(amount)\t0,00\t\t\t20260201\t\t")
            }
            if blankEvery > 0, number % blankEvery == 0 { lines.append("") }
        }
        return lines.joined(separator: lineBreak) + lineBreak
    }

    static func format2(_ day: Int) -> String { day < 10 ? "0\(day)" : "\(day)" }

    func parse(_ text: String, stretches: Int) throws -> ParsedImport {
        var parser = FECParser()
        parser.minimumSplit = 1
        parser.stretches = stretches
        return try parser.parse(Array(text.utf8), fileName: "split.txt")
    }

    @Test("1, 2, 3, 5 and 8 stretches read the same items, warnings and date", arguments: ["\n", "\r\n", "\r\r\n"])
    func sameForEveryCount(_ lineBreak: String) throws {
        let text = Self.ledger(invoices: 400, lineBreak: lineBreak, blankEvery: 37)
        let one = try parse(text, stretches: 1)
        #expect(one.items.count > 100)
        for count in [2, 3, 5, 8] {
            let read = try parse(text, stretches: count)
            #expect(read.items == one.items, "\(count) stretches")
            #expect(read.warnings == one.warnings, "\(count) stretches")
            #expect(read.asOf == one.asOf, "\(count) stretches")
        }
    }

    @Test("every fixture reads the same in 1 and in 5 stretches", arguments: FECParallelReadTests.files)
    func fixtures(_ name: String) throws {
        let bytes = try Fixture.bytes("fec/" + name)
        var parser = FECParser()
        parser.minimumSplit = 1
        parser.stretches = 1
        let one = try parser.parse(bytes, fileName: name)
        parser.stretches = 5
        let five = try parser.parse(bytes, fileName: name)
        #expect(five.items == one.items)
        #expect(five.warnings == one.warnings)
    }

    /// More customer lines than one segment holds (`FECChunk.segmentLength`): the lines of an
    /// account spread over several segments and stretches are still gathered whole, in order.
    @Test("customer lines over several segments: every unpaid invoice, with its amount")
    func manySegments() throws {
        let invoices = 9_000
        let text = Self.ledger(invoices: invoices)
        #expect(invoices * 4 / 3 > FECChunk.segmentLength)
        let unpaid = (1...invoices).filter { $0 % 3 != 0 }
        let expected = unpaid.reduce(Int64(0)) { $0 + Int64($1) * 100 + Int64($1 % 100) }
        for count in [1, 3] {
            let read = try parse(text, stretches: count)
            #expect(read.items.count == unpaid.count, "\(count) stretches")
            #expect(read.items.reduce(Int64(0)) { $0 + $1.open.minorUnits } == expected, "\(count) stretches")
            #expect(Set(read.items.map(\.invoice)) == Set(unpaid.map { "F\($0)" }), "\(count) stretches")
        }
    }

    /// Each stretch's sums fit; only together do they overflow: the error still names the line
    /// where the running sum overflows, as a read in one stretch does.
    @Test("sums that overflow only once stretches are merged name their line")
    func overflowAcrossStretches() throws {
        var lines = Self.ledger(invoices: 200).split(separator: "\n").map(String.init)
        for line in [10, lines.count - 10] {
            var fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[11] = "90000000000000000,00"
            fields[12] = "0,00"
            lines[line] = fields.joined(separator: "\t")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let one = try #require(throws: ImportError.self) { try parse(text, stretches: 1) }
        #expect(one.position.line == lines.count - 9)
        for count in [2, 5] {
            let error = try #require(throws: ImportError.self) { try parse(text, stretches: count) }
            #expect(error.position == one.position, "\(count) stretches")
            #expect(error.text(in: .english) == one.text(in: .english), "\(count) stretches")
        }
    }

    /// A later stretch whose own sums end where they started (a debit and its negative) but
    /// go past Int64 on the way once added to the sums before it: a read in one stretch refuses
    /// the file at that line, and so does a read in several.
    @Test("a running sum that overflows only in passing, in a later stretch, names its line")
    func overflowInPassing() throws {
        var lines = Self.ledger(invoices: 200).split(separator: "\n").map(String.init)
        let sales = lines.indices.filter { lines[$0].contains("\t706000\t") }
        let big = sales[2], up = sales[sales.count - 6], down = sales[sales.count - 4]
        for (line, debit) in [(big, "90000000000000000,00"), (up, "5000000000000000,00"), (down, "-5000000000000000,00")] {
            var fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[11] = debit
            fields[12] = "0,00"
            lines[line] = fields.joined(separator: "\t")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let one = try #require(throws: ImportError.self) { try parse(text, stretches: 1) }
        #expect(one.position.line == up + 1)
        for count in [2, 3] {
            let error = try #require(throws: ImportError.self) { try parse(text, stretches: count) }
            #expect(error.position == one.position, "\(count) stretches")
        }
    }

    @Test("a cut that lands inside a quoted label, or between a CR and its LF, moves to just after the LF")
    func cutsFallAfterLineFeeds() {
        // The middle of this body is the CR of the second line's break, inside the quotes' reach.
        let body = Array("A\t\"x\ty\"\r\nB\t\"pq\"\r\nC\t\"q r s t\"\r\n".utf8)
        #expect(body[body.count / 2] == 0x0D)
        body.withUnsafeBufferPointer { bytes in
            for parts in 2...6 {
                let stretches = FECParser.split(bytes, into: parts, minimumSplit: 1)
                #expect(stretches.map(\.count).reduce(0, +) == body.count, "\(parts) parts")
                for stretch in stretches.dropLast() { #expect(stretch.last == 0x0A, "\(parts) parts") }
                for stretch in stretches.dropFirst() { #expect(stretch.first != 0x0A, "\(parts) parts") }
                #expect(stretches.count <= 3, "never more stretches than lines")
            }
            let middle = FECParser.split(bytes, into: 2, minimumSplit: 1)
            #expect(Array(middle[0]) == Array("A\t\"x\ty\"\r\nB\t\"pq\"\r\n".utf8))
            // A CR CR LF break stays whole too.
            let doubled = Array("A\tx\r\r\nB\ty\r\r\n".utf8)
            doubled.withUnsafeBufferPointer { bytes in
                let halves = FECParser.split(bytes, into: 2, minimumSplit: 1)
                #expect(halves.map { Array($0) } == [Array("A\tx\r\r\n".utf8), Array("B\ty\r\r\n".utf8)])
            }
        }
    }

    @Test("lines ended by CR alone have no line feed to cut at: one stretch")
    func carriageReturnsOnly() throws {
        let text = Self.ledger(invoices: 50, lineBreak: "\r")
        let body = Array(text.utf8)
        body.withUnsafeBufferPointer { #expect(FECParser.split($0, into: 4, minimumSplit: 1).count == 1) }
        #expect(try parse(text, stretches: 4).items == parse(text, stretches: 1).items)
    }

    /// A bad amount far into the file (in the 4th of 5 stretches, after blank lines and CRLF
    /// breaks in the stretches before it) is reported at its line and column in the file, as
    /// a one-stretch read reports it; a bad line earlier wins over it.
    @Test("an error in a later stretch names its line and column in the file", arguments: ["\n", "\r\n", "\r\r\n"])
    func errorInLaterStretch(_ lineBreak: String) throws {
        var lines = Self.ledger(invoices: 300, lineBreak: "\n", blankEvery: 11).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        lines.removeLast()
        // The first non-blank line from 70 % of the file on.
        let line = try #require(lines.indices.first { $0 >= lines.count * 7 / 10 && !lines[$0].isEmpty })
        var fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[11] = "12,3x"
        lines[line] = fields.joined(separator: "\t")
        let text = lines.joined(separator: lineBreak) + lineBreak
        let expectedColumn = fields[..<11].map { $0.count + 1 }.reduce(1, +)
        for count in [1, 2, 5] {
            let error = try #require(throws: ImportError.self) { try parse(text, stretches: count) }
            #expect(error.code == .badAmount, "\(count) stretches")
            #expect(error.position.line == line + 1, "\(count) stretches")
            #expect(error.position.column == expectedColumn, "\(count) stretches")
        }
        // A bad date in the first stretch is the one reported, whatever comes after it.
        var early = lines
        var first = early[3].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        first[3] = "2026-13-45"
        early[3] = first.joined(separator: "\t")
        for count in [1, 5] {
            let error = try #require(throws: ImportError.self) { try parse(early.joined(separator: lineBreak) + lineBreak, stretches: count) }
            #expect(error.code == .badDate)
            #expect(error.position.line == 4)
        }
    }
}
