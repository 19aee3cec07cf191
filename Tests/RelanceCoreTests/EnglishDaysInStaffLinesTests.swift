import Foundation
import RelanceCore
import Testing

/// The English lines an import, the journal and the purge leave for the creditor's people say a
/// day as every other English line does (`7 Dec 2026`), a moment with its time in UTC, never
/// `2026-12-07` or `2026-12-07T05:58:00Z`; a folder keeps its name as it is on disk.
@Suite struct EnglishDaysInStaffLinesTests {
    let words = EnglishWording()
    static let day = CivilDate(iso8601: "2026-12-07")!

    @Test("the import receipt's due-date disagreements and refused rows")
    func importReceipt() {
        let disagreement = DueDisagreement(invoice: "F-1", said: [
            .init(source: DueDateSource.dueDateColumn, date: Self.day), .init(source: DueDateSource.einvoiceDueDate, date: Self.day.adding(days: 30)),
        ])
        #expect(words.receiptDueDisagreements(count: 1, invoices: [disagreement], more: false)
            == "1 invoice whose sources disagree on the due date; the date the invoice states is kept (the legal one), check the customer's "
            + "terms with the accountant: F-1 (the export's due-date column: 7 Dec 2026, the e-invoice's due date (BT-9): 6 Jan 2027).")
        #expect(words.refusedRowReason(.dueBeforeIssue(due: Self.day, issued: Self.day.adding(days: 3)))
            == "the due date 7 Dec 2026 is before the issue date 10 Dec 2026; check both cells")
        #expect(words.refusedRowReason(.before1990(.issued, CivilDate(iso8601: "1926-12-07")!))
            == "the issue date 7 Dec 1926 is before 1990; check the cell (a two-digit year, or a number that is not a date)")
        #expect(words.refusedRowReason(.dueTooFarAhead(due: CivilDate(iso8601: "2036-12-07")!, exportDate: Self.day, years: 5))
            == "the due date 7 Dec 2036 is more than 5 years after the export date 7 Dec 2026; check the cell (a mistyped year?)")
    }

    @Test("the journal: an invoice settled by an import, a retry, a refused file")
    func journal() {
        #expect(words.invoiceSettledByImport(invoice: "F-1", file: "balance.csv", asOf: Self.day)
            == "Invoice F-1 is no longer open in balance.csv (as of 7 Dec 2026): settled; its reminders stop.")
        let time = Date(timeIntervalSince1970: 1_796_623_080)  // 2026-12-07 05:58 UTC
        #expect(words.messageRetry(messageID: 12, reason: "451 try later", retryAt: time)
            == "Message #12 not sent (451 try later); next attempt on 7 Dec 2026 at 05:58 (UTC).")
        #expect(words.rejectionReport(file: "export.csv", importID: 9, at: time, reason: "—")
            .hasPrefix("Relance refused export.csv (import #9) on 7 Dec 2026 at 05:58 (UTC).\n"))
    }

    @Test("relance digest --send says the day in words, in the creditor's language")
    func digestSentNow() {
        #expect(words.digestSentNow(creditor: "acme", day: Self.day, recipients: ["a@acme.example", "b@acme.example"])
            == "Digest of acme for 7 Dec 2026 sent to a@acme.example, b@acme.example.")
        #expect(words.digestNotSentNow(creditor: "acme", day: Self.day)
            == "Nothing to do for acme on 7 Dec 2026: no digest sent (send_when_empty = false).")
        #expect(FrenchWording().digestSentNow(creditor: "acme", day: Self.day, recipients: ["a@acme.example"])
            == "Point quotidien du 07/12/2026 envoyé pour acme à a@acme.example.")
        #expect(FrenchWording().digestNotSentNow(creditor: "acme", day: Self.day)
            == "Rien à faire pour acme le 07/12/2026 : pas de point quotidien envoyé (send_when_empty = false).")
    }

    @Test("the purge names the day in words and the folder as it is on disk, in both languages")
    func purge() {
        #expect(words.processedFilesPurged(day: Self.day, folder: "2026-12-07", olderThanDays: 30)
            == "Processed files of 7 Dec 2026 removed (folder processed/2026-12-07, older than 30 days).")
        #expect(FrenchWording().processedFilesPurged(day: Self.day, folder: "2026-12-07", olderThanDays: 1)
            == "Fichiers traités le 07/12/2026 supprimés (dossier processed/2026-12-07, conservés plus d'un jour).")
    }
}
