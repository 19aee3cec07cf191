import Foundation
import RelanceCore
@testable import RelanceImport
import Testing

/// An open-invoice report read as a stream (`OpenInvoiceReportStream`, issue #17: bounded
/// memory) gives what the whole-file parse gives — items, warnings, refused rows, skipped rows,
/// the same error at the same line — or declines the file to the whole-file parse.
@Suite("Open-invoice report: read as a stream")
struct ReportStreamTests {
    /// What a parse gave, as comparable text: declined, an error, or the whole result.
    enum Outcome: Equatable {
        case declined
        case refused(ImportError)
        case parsed(items: [OpenItem], warnings: [ImportWarning], refused: [RefusedRow], skipped: Int, asOf: CivilDate?, byName: Bool)
    }

    static let options = ImportOptions(exportDate: CivilDate(iso8601: "2026-11-30")!)

    static func whole(_ bytes: [UInt8], _ name: String) -> Outcome {
        do throws(ImportError) {
            let parsed = try ImportParser.parse(bytes: bytes, fileName: name, options: options)
            guard parsed.kind == .openInvoices else { return .declined }
            return .parsed(items: parsed.items, warnings: parsed.warnings, refused: parsed.refusedRows, skipped: parsed.skippedRows,
                           asOf: parsed.asOf, byName: parsed.customersByName)
        } catch {
            return .refused(error)
        }
    }

    /// The stream drained `limit` items at a time, the pages handed back checked to lie behind
    /// the read.
    static func streamed(_ bytes: [UInt8], _ name: String, limit: Int) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            let (base, count) = (Int(bitPattern: buffer.baseAddress), buffer.count)
            let pagesRead = PagesRead(stride: 64) { read in
                let start = Int(bitPattern: read.baseAddress) - base
                precondition(start >= 0 && start + read.count <= count, "a page handed back lies outside the file")
            }
            do throws(ImportError) {
                guard var stream = try OpenInvoiceReportStream.begin(inPlace: buffer, fileName: name, options: options,
                                                                    pagesRead: pagesRead) else { return .declined }
                var items: [OpenItem] = []
                while let batch = try stream.next(limit: limit) {
                    #expect(batch.count <= limit)
                    items += batch
                }
                if stream.needsWholeFile { return .declined }
                return .parsed(items: items, warnings: stream.warnings, refused: stream.refusedRows, skipped: stream.skippedRows,
                               asOf: stream.asOf, byName: stream.customersByName)
            } catch {
                return .refused(error)
            }
        }
    }

    @Test func everyReportFixtureReadsAsTheWholeFileReadsIt() throws {
        var streamedCount = 0
        for name in try Fixture.names(in: "csv") {
            let bytes = try Fixture.bytes("csv/" + name)
            let whole = Self.whole(bytes, name)
            for limit in [1, 3, 4_096] {
                let streamed = Self.streamed(bytes, name, limit: limit)
                if streamed == .declined { continue }
                #expect(streamed == whole, "\(name), \(limit) at a time")
                if limit == 1 { streamedCount += 1 }
            }
        }
        #expect(streamedCount >= 15, "most report fixtures are UTF-8 reports the stream reads")
    }

    /// Not UTF-8, invoice lines to fold: the whole-file parse reads these.
    @Test func declinesWhatOnlyTheWholeFileReads() throws {
        #expect(Self.streamed(try Fixture.bytes("csv/sage-balance-agee-cp1252.csv"), "cp1252.csv", limit: 10) == .declined)
        #expect(Self.streamed(try Fixture.bytes("csv/lines-folded.csv"), "lines.csv", limit: 10) == .declined)
        #expect(Self.streamed(Array("Client;Nom\nC1;Dupont\n".utf8), "contacts.csv", limit: 10) == .declined)
    }

    /// A report of `rows` invoices, one of them (at `badRow`) with an amount nobody can read.
    static func report(rows: Int, badRow: Int? = nil, repeatRow: Int? = nil) -> [UInt8] {
        var text = "Balance âgée au 30/11/2026\nCode client;Nom;Facture;Date facture;Échéance;Montant TTC;Reste dû\n"
        for n in 0..<rows {
            let number = n == repeatRow ? 0 : n
            let open = n == badRow ? "12,3,4" : "\(100 + n % 900),\(n % 100 < 10 ? "0" : "")\(n % 100)"
            text += "C\(n % 97);Client \(n % 97);F-\(number);01/10/2026;31/10/2026;\(open);\(open)\n"
        }
        return Array(text.utf8)
    }

    @Test func aRowRefusedFarIntoALargeFileIsNamedByItsLine() {
        let bytes = Self.report(rows: 20_000, badRow: 19_500)
        let streamed = Self.streamed(bytes, "large.csv", limit: 256)
        guard case .refused(let error) = streamed else {
            Issue.record("expected a refusal, got \(streamed)")
            return
        }
        #expect(error.position.line == 19_503, "\(error)")
        #expect(error.position.column != nil)
        #expect(streamed == Self.whole(bytes, "large.csv"))
    }

    @Test func aLargeReportReadsAsTheWholeFileReadsIt() {
        let bytes = Self.report(rows: 20_000)
        guard case .parsed(let items, _, _, _, let asOf, _) = Self.streamed(bytes, "large.csv", limit: 1_000) else {
            Issue.record("expected items")
            return
        }
        #expect(items.count == 20_000)
        #expect(asOf == CivilDate(iso8601: "2026-11-30"))
        #expect(Self.streamed(bytes, "large.csv", limit: 1_000) == Self.whole(bytes, "large.csv"))
    }

    /// Row 4,074 is customer C0's again, with F-0's number: lines of one invoice to fold.
    @Test func aRepeatedInvoiceSendsTheFileToTheWholeParse() {
        let declined = Self.streamed(Self.report(rows: 5_000, repeatRow: 4_074), "repeat.csv", limit: 100) == .declined
        #expect(declined)
    }
}
