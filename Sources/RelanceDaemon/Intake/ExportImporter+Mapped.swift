import Crypto
import Foundation
import RelanceCore
import RelanceImport

/// A file a person names (`relance import FILE`), mapped (`ExportFile.withMapped`) rather than
/// read: a UTF-8 open-invoice report is read twice where it lies and its items written as they
/// come (`OpenInvoiceReportStream`, `OpenItemFeed`), a ledger is parsed in place; the pages
/// read are given back, so neither the file nor a report's rows are ever all in memory. The
/// rules and the outcome are `importExport(_:fileName:)`'s for the same bytes.
extension ExportImporter {
    public func importExport(mapped file: MappedExportFile, fileName: String) async throws -> Outcome {
        let bytes = file.bytes
        let sha256 = Self.sha256(bytes, pagesRead: file.pagesRead)
        let options = parseOptions
        do {
            if let stream = try OpenInvoiceReportStream.begin(inPlace: bytes, fileName: fileName, options: options, pagesRead: file.pagesRead) {
                return try await importStream(stream, fileName: fileName, sha256: sha256, byteCount: bytes.count)
            }
        } catch let error as ImportError {
            return try await rejected(error, fileName: fileName, sha256: sha256, byteCount: bytes.count)
        } catch is WholeFileNeeded {
            // Lines to fold, or a snapshot to hold: the store wrote nothing; read the whole file.
        }
        let parsed: ParsedImport
        do {
            parsed = try ExportParsing.parse(file, fileName: fileName, options: options)
        } catch {
            return try await rejected(error, fileName: fileName, sha256: sha256, byteCount: bytes.count)
        }
        return try await apply(parsed, fileName: fileName, sha256: sha256, byteCount: bytes.count) { Array(bytes) }
    }

    /// The report's items into the store batch by batch, in the store's one transaction. A row
    /// the parse refuses far into the file throws from inside it: nothing is kept, and the file
    /// is recorded as refused, as when the whole file was parsed first.
    private func importStream(_ stream: OpenInvoiceReportStream, fileName: String, sha256: String,
                              byteCount: Int) async throws -> Outcome {
        let reading = StreamReading(stream)
        let language = creditor.language
        let feed = OpenItemFeed(next: { try reading.stream.next() }, end: {
            OpenItemFeed.End(refusedRows: reading.stream.refusedRows, warnings: reading.stream.warnings.map { $0.text(in: language) },
                             needsWholeFile: reading.stream.needsWholeFile)
        })
        let file = ImportedFile(creditor: creditor.id, fileName: fileName, sha256: sha256, byteCount: byteCount,
                                kind: ParsedImport.Kind.openInvoices.rawValue)
        let snapshot = ReceivableSnapshot(
            items: [], asOf: stream.asOf ?? today, isAuthoritative: creditor.authoritativeSource == .openInvoices,
            statedDueSource: DueDateSource.dueDateColumn, defaultTerms: PaymentTermsRule(days: creditor.defaultPaymentTermsDays),
            massSettlementThresholdPercent: creditor.massSettlementThresholdPercent)
        var withNames = snapshot
        if stream.customersByName { withNames.customersByName = true }
        if stream.asOf == nil { withNames.datedByDropDay = true }
        var receipt = try await store.importSnapshot(file, withNames, feed: feed, at: clock.now())
        if snapshot.isAuthoritative, receipt.datesTheBooks {
            _ = try await store.reviewBankPayments(of: creditor.id, ledgerAsOf: snapshot.asOf, waitDays: creditor.bankMatchWaitDays,
                                                   language: creditor.language, at: clock.now())
        }
        let read = reading.stream
        receipt.warnings += read.warnings.map { $0.text(in: language) }
        // What a caller may look at besides the receipt; the items went to the store.
        var parsed = ParsedImport(kind: .openInvoices, items: [], asOf: read.asOf, skippedRows: read.skippedRows, warnings: read.warnings)
        parsed.customersByName = read.customersByName
        parsed.refusedRows = read.refusedRows
        return .imported(receipt, parsed)
    }

    /// The SHA-256 of mapped bytes, the pages given back behind the hash.
    static func sha256(_ bytes: UnsafeBufferPointer<UInt8>, pagesRead: PagesRead) -> String {
        var hash = SHA256()
        var start = 0
        while start < bytes.count {
            let end = min(start + pagesRead.stride, bytes.count)
            let stretch = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end])
            hash.update(bufferPointer: stretch)
            pagesRead.done(stretch)
            start = end
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The stream a feed reads, shared by its two closures; used by the store's writer only, one
/// call at a time.
private final class StreamReading: @unchecked Sendable {
    var stream: OpenInvoiceReportStream
    init(_ stream: OpenInvoiceReportStream) { self.stream = stream }
}
