import RelanceCore
@testable import RelanceImport
import Testing

/// A FEC is read in two stretches, one per core, split at a line break (issue #17): the result
/// is the one-stretch read's, and a bad line in either stretch is reported at its line in the file.
@Suite("FEC: read in two stretches")
struct FECParallelReadTests {
    static let files = ["lettering.txt", "pipe-crlf-latin9-padded.txt", "montant-sens-cr-cp1252.txt", "cash-22-columns.txt",
                        "shared-piece-ref.txt", "unbalanced.txt", "real/0000000001FEC20220831.txt", "real/000000000FEC20231231.txt"]

    func parse(_ bytes: [UInt8], _ name: String, split: Bool) throws -> ParsedImport {
        var parser = FECParser()
        parser.minimumSplit = split ? 1 : .max
        return try parser.parse(bytes, fileName: name)
    }

    @Test("two stretches read what one does", arguments: files)
    func sameItems(_ name: String) throws {
        let bytes = try Fixture.bytes("fec/" + name)
        let whole = try parse(bytes, name, split: false)
        let split = try parse(bytes, name, split: true)
        #expect(split.items == whole.items)
        #expect(split.warnings == whole.warnings)
        #expect(split.asOf == whole.asOf)
    }

    @Test("the split falls after a line feed past the middle")
    func splitPoint() {
        let text = Array("JournalCode\tX\n1\t2\n3\t4\n5\t6\n".utf8)
        text.withUnsafeBufferPointer { body in
            let parts = FECParser.split(body, minimumSplit: 1)
            #expect(parts.count == 2)
            #expect(parts.map(\.count).reduce(0, +) == text.count)
            #expect(parts[0].last == 0x0A)
            #expect(FECParser.split(body, minimumSplit: text.count + 1).count == 1)
        }
    }

    /// A copy of a real ledger with one amount broken near its end: the second stretch finds it,
    /// and says the file's line and column.
    @Test("a bad line in the second stretch is reported at its line in the file")
    func errorInSecondStretch() throws {
        let name = "real/000000000FEC20231231.txt"
        var lines = String(decoding: try Fixture.bytes("fec/" + name), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let broken = lines.count - 3
        var fields = lines[broken].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let debit = try #require(header.firstIndex(of: "Debit"))
        fields[debit] = "12,34,5"
        lines[broken] = fields.joined(separator: "\t")
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for split in [false, true] {
            let error = try #require(throws: ImportError.self) { try parse(bytes, name, split: split) }
            #expect(error.code == .badAmount)
            #expect(error.position.line == broken + 1, "split: \(split)")
            #expect(error.position.column == fields[..<debit].map { $0.count + 1 }.reduce(1, +))
        }
        // And one in the first stretch wins over one in the second.
        var early = lines
        var first = early[2].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        first[debit] = "abc"
        early[2] = first.joined(separator: "\t")
        let error = try #require(throws: ImportError.self) { try parse(Array(early.joined(separator: "\n").utf8), name, split: true) }
        #expect(error.position.line == 3)
    }
}
