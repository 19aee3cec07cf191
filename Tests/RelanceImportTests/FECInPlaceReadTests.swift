import Foundation
import RelanceCore
@testable import RelanceImport
import Synchronization
import Testing

/// A FEC is read where its bytes lie (a mapped file, issue #17), its pages handed back behind
/// the read: the result is the copy's, in every encoding, and whatever problem the file has.
@Suite("FEC: read in place")
struct FECInPlaceReadTests {
    static let files = ["lettering.txt", "pipe-crlf-latin9-padded.txt", "montant-sens-cr-cp1252.txt", "cash-22-columns.txt",
                        "shared-piece-ref.txt", "unbalanced.txt", "bad-amount.txt", "bad-date.txt", "bad-sens.txt",
                        "empty.txt", "missing-column.txt", "overflow.txt", "semicolon.txt", "wrong-field-count.txt",
                        "real/0000000001FEC20220831.txt", "real/000000000FEC20231231.txt"]

    /// Every range handed back, in the order given.
    final class Handed: Sendable {
        let ranges = Mutex<[Range<Int>]>([])
    }

    /// The parse's result or its error, as text, read from a copy or in place (each in one
    /// stretch or two); in place, the ranges handed back are checked to lie in the file.
    func outcome(_ bytes: [UInt8], _ name: String, inPlace: Bool, split: Bool) -> String {
        var parser = FECParser()
        parser.minimumSplit = split ? 1 : .max
        let handed = Handed()
        let result: Result<ParsedImport, ImportError> = bytes.withUnsafeBufferPointer { buffer in
            let base = Int(bitPattern: buffer.baseAddress)
            let pagesRead = PagesRead(stride: 1) { read in
                let start = Int(bitPattern: read.baseAddress) - base
                handed.ranges.withLock { $0.append(start..<(start + read.count)) }
            }
            do throws(ImportError) {
                return .success(inPlace ? try parser.parse(inPlace: buffer, fileName: name, pagesRead: pagesRead)
                                        : try parser.parse(bytes, fileName: name))
            } catch {
                return .failure(error)
            }
        }
        for range in handed.ranges.withLock({ $0 }) {
            #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count && !range.isEmpty)
        }
        switch result {
        case let .success(parsed):
            return parsed.items.map { "\($0.customer)|\($0.customerName ?? "-")|\($0.invoice)|\($0.issued?.iso8601 ?? "-")|\($0.open.decimalString)|\($0.source?.line ?? 0)" }
                .joined(separator: "\n") + "\n" + parsed.warnings.map { $0.text(in: .english) }.joined(separator: "\n") + "\n\(parsed.asOf?.iso8601 ?? "-")"
        case let .failure(error):
            return "\(error.code) \(error.position) \(error.text(in: .english))"
        }
    }

    @Test("in place reads what a copy reads", arguments: files)
    func sameOutcome(_ name: String) throws {
        let bytes = try Fixture.bytes("fec/" + name)
        let copy = outcome(bytes, name, inPlace: false, split: false)
        #expect(outcome(bytes, name, inPlace: true, split: false) == copy)
        #expect(outcome(bytes, name, inPlace: true, split: true) == copy)
    }

    @Test("the pages of a large ledger are handed back behind the read, in each stretch")
    func pagesHandedBack() throws {
        let bytes = try Fixture.bytes("fec/real/000000000FEC20231231.txt")
        var parser = FECParser()
        parser.minimumSplit = 1
        let handed = Handed()
        _ = try bytes.withUnsafeBufferPointer { buffer in
            let base = Int(bitPattern: buffer.baseAddress)
            return try parser.parse(inPlace: buffer, fileName: "FEC.txt", pagesRead: PagesRead(stride: 256) { read in
                let start = Int(bitPattern: read.baseAddress) - base
                handed.ranges.withLock { $0.append(start..<(start + read.count)) }
            })
        }
        let ranges = handed.ranges.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
        #expect(ranges.count > 4)
        for (earlier, later) in zip(ranges, ranges.dropFirst()) { #expect(earlier.upperBound <= later.lowerBound) }
        #expect(ranges.map(\.count).reduce(0, +) > bytes.count / 2)
    }

    /// A ledger whose first lines are UTF-8 and whose last label is Latin-1: it is single-byte
    /// text as a whole, and reads exactly as its transcoded copy does, split or not.
    @Test("a Latin-1 line past UTF-8 ones makes the whole file read as single-byte text")
    func latin1AfterUTF8() throws {
        var lines = try lettering()
        lines[1] = lines[1].replacingOccurrences(of: "Dupont SA", with: "Dupont é SA")
        var bytes = Array(lines.joined(separator: "\n").utf8)
        bytes += Array("\n".utf8) + Array(lines[lines.count - 1].utf8)
        let label = try #require(bytes.lastIndex(of: UInt8(ascii: "C")))
        bytes.insert(0xE9, at: label)
        let copy = outcome(bytes, "FEC.txt", inPlace: false, split: false)
        #expect(copy.contains("Ã©"))
        #expect(outcome(bytes, "FEC.txt", inPlace: true, split: false) == copy)
        #expect(outcome(bytes, "FEC.txt", inPlace: true, split: true) == copy)
    }

    /// A bad amount written in what reads as UTF-8, before a Latin-1 byte further down: the
    /// error is given as the transcoded copy gives it, not in the encoding first assumed.
    @Test("a problem met before a Latin-1 line is told as in the transcoded file")
    func errorBeforeLatin1() throws {
        let lines = try lettering()
        let header = lines[0].components(separatedBy: "\t")
        let debit = try #require(header.firstIndex(of: "Debit"))
        var fields = lines[1].components(separatedBy: "\t")
        fields[debit] = "12é"
        var bytes = Array(([lines[0], fields.joined(separator: "\t")] + lines[2...]).joined(separator: "\n").utf8)
        bytes += [0x0A] + Array("VE\tVentes é".utf8)
        bytes[bytes.count - 2] = 0xE9
        bytes.removeLast()
        let copy = outcome(bytes, "FEC.txt", inPlace: false, split: false)
        #expect(copy.hasPrefix("bad-amount"))
        #expect(outcome(bytes, "FEC.txt", inPlace: true, split: false) == copy)
        #expect(outcome(bytes, "FEC.txt", inPlace: true, split: true) == copy)
    }

    @Test("a file other than a FEC is read from a copy, as before")
    func otherKinds() throws {
        let bytes = Array("Client;Facture;Date;Échéance;Montant\nC1;F1;01/02/2026;03/03/2026;120,00\n".utf8)
        let copy = try ImportParser.parse(bytes: bytes, fileName: "report.csv")
        let inPlace = try bytes.withUnsafeBufferPointer { try ImportParser.parse(inPlace: $0, fileName: "report.csv") }
        #expect(inPlace == copy)
        let ledger = try Fixture.bytes("fec/lettering.txt")
        let ledgerInPlace = try ledger.withUnsafeBufferPointer { try ImportParser.parse(inPlace: $0, fileName: "FEC.txt") }
        #expect(ledgerInPlace == (try ImportParser.parse(bytes: ledger, fileName: "FEC.txt")))
    }

    @Test("customer ids are numbered in the order met, by their bytes")
    func customerNumbers() {
        var numbers = CustomerNumbers()
        let keys = (0..<5_000).map { Array("C\($0)".utf8) } + [[], Array("C1 ".utf8)]
        for (expected, key) in keys.enumerated() {
            let found = key.withUnsafeBufferPointer { numbers.number(of: $0) }
            #expect(found.number == expected && found.isNew, "\(key)")
        }
        for (expected, key) in keys.enumerated().reversed() {
            let found = key.withUnsafeBufferPointer { numbers.number(of: $0) }
            #expect(found.number == expected && !found.isNew)
        }
        #expect(numbers.count == keys.count)
    }

    private func lettering() throws -> [String] {
        String(decoding: try Fixture.bytes("fec/lettering.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
