import RelanceCore
import RelanceTesting
import Testing

/// #13, "French throughout": the store's own receipt warnings, its journal lines outside an
/// import (bank reversals, a creditor's mode, console users, an address a person gave) and the
/// run's per-creditor summary are worded in the creditor's language — French formats for a
/// French creditor, no English word left; English for an English one.
@Suite struct StoredLinesWordingTests {
    static let day = CivilDate(iso8601: "2026-12-07")!
    static let amount = Money(minorUnits: 237_680, currency: .euro)
    static let row = RefusedRow(position: SourcePosition(file: "b.xlsx", line: 12, column: 5), invoice: "F-2", customer: "C001",
                                problem: .dueBeforeIssue(due: day, issued: day.adding(days: 3)))

    /// Every sentence of the three families, for one wording.
    static func sentences(_ words: any Wording) -> [String] {
        [
            words.receiptTermsBeyondCap(count: 3, invoices: ["F-1", "F-2", "F-3"], more: false),
            words.receiptDueDisagreements(count: 1, invoices: [DueDisagreement(invoice: "F-1", said: [
                .init(source: DueDateSource.dueDateColumn, date: day), .init(source: DueDateSource.einvoiceDueDate, date: day.adding(days: 30)),
            ])], more: true),
            words.receiptRowRefused(row),
            words.receiptCustomerMatchedByName(name: "Boulangerie Martin", file: "a.csv", customer: "411BRAS"),
            words.customerResolvedByName(name: "Boulangerie Martin", file: "a.csv", customer: "411BRAS"),
            words.moreImportWarnings(file: "a.csv", count: 12),
            words.reversalUnmatched(amount: amount, on: day, label: "VIR SEPA", candidates: 2),
            words.reversalUnmatched(amount: amount, on: day, label: "VIR SEPA", candidates: nil),
            words.reversedReceiptPaidNothing(amount: amount, booked: day, label: "VIR SEPA", reversedOn: day.adding(days: 2), method: .remittance),
            words.reversedPayment(invoice: "F-1", payment: words.bankPayment(amount: amount, booked: day, label: "VIR SEPA"),
                                  reversedOn: day.adding(days: 2), method: .payerIBAN, lettered: true),
            words.reversedPayment(invoice: "F-1", payment: words.bankPayment(amount: amount, booked: day, label: "VIR SEPA"),
                                  reversedOn: day.adding(days: 2), method: .amountAndDate, lettered: false),
            words.creditorStateChanged(creditor: "acme", active: false, paused: true, until: day, reason: "marie"),
            words.addressGivenAsRight(by: "marie", taskID: nil),
            words.addressGivenAsRight(by: nil, taskID: 12),
            words.consoleUserSaved(name: "marie", added: true, creditors: ["acme"]),
            words.consoleUserSaved(name: "marie", added: false, creditors: nil),
            words.consoleUserRemoved(name: "marie"),
            words.runCreditor(id: "acme", name: "ACME SAS", active: false),
            words.runNoNewFile(),
            words.runImportDuplicate(file: "a.csv", importID: 3, reconfirmedAsOf: nil),
            words.runImportDuplicate(file: "a.csv", importID: 3, reconfirmedAsOf: day),
            words.runImportHeld(file: "a.csv", importID: 3),
            words.runImported(file: "a.csv", items: 12, customers: false, new: 2, changed: 1, settled: 4, importID: 3),
            words.runToIdentify(2),
            words.runWarning("…"),
            words.runRejected(file: "a.csv"),
            words.runLeftInPlace(file: "a.csv"),
            words.runWaiting(file: "a.csv"),
            words.runMailbox(fetched: 3, recorded: 2, duplicates: 0, ignored: 1, tasksOpened: 1),
            words.runMailboxTruncated(1),
            words.runMailboxNotRead(folder: "INBOX", error: "…"),
            words.runPlan(date: day, emails: 2, tasks: 1),
            words.runContact(customer: "C001", name: "Boulangerie Martin", step: "first-reminder", emails: "a@b.example",
                             invoices: [RunInvoice(number: "F-1", open: amount, daysLate: 94), RunInvoice(number: "F-2", open: amount, daysLate: -3)]),
            words.runTask(customer: "C001", name: "Boulangerie Martin", kind: .call, step: "phone-call", invoices: "F-1", note: nil),
            words.runDecision(waits: true, customer: "C001", invoice: "F-1", reason: "…"),
            words.runQueued(2), words.runAwaitingApproval(2), words.runTasksOpened(1),
            words.runToPrint(path: "/x"), words.runFailed(customer: "C001", reason: "…"), words.runForReview(path: "/x"),
            words.statusCreditor(id: "acme", active: true, paused: true, outboxPaused: true, openTasks: 3, heldImports: 1),
            words.statusOutboxPaused(since: "2026-12-07T09:00:00Z", reason: "…"),
            words.statusToResume("relance resume"), words.statusProblem("…"),
            words.statusLastImport(at: "2026-12-07T09:00:00Z", summary: "…"),
            words.statusSendWindowClosed(until: "2026-12-07T09:00:00Z"), words.statusNextRetry("2026-12-07T09:00:00Z"),
            words.digestSent(day: day, to: ["compta@acme.example"], serverReply: "250 2.0.0 4F2A1B"),
            words.digestNotNeeded(day: day),
            words.runSent(sent: 3, retrying: 1, failed: 0),
            words.runDelivery([.smtp(creditor: "acme", host: "smtp.example", port: 587), .files(creditor: "bravo", folder: "/x/outbox/bravo")]),
            words.runOutsideSendWindow(creditor: "acme", until: "2026-12-07T08:00:00Z"),
            words.runPaused(["acme", "bravo"]),
        ]
    }

    @Test func everyLineIsFrenchForAFrenchCreditor() {
        let french = Self.sentences(FrenchWording())
        let english = Self.sentences(EnglishWording())
        for (text, other) in zip(french, english) {
            #expect(LanguageLeaks.englishIn(text).isEmpty, "English in: \(text)")
            #expect(text != other || text.count < 4, "falls back to English: \(text)")
        }
        #expect(french[6].contains("2\u{202F}376,80\u{A0}€") && french[6].contains("07/12/2026"), "\(french[6])")
        #expect(french[1].contains("07/12/2026"), "\(french[1])")
        #expect(french[2].hasPrefix("ligne refusée : b.xlsx, cellule E12 : facture F-2"), "\(french[2])")
        #expect(french[32].contains("2\u{202F}376,80\u{A0}€, 94 j de retard"), "\(french[32])")
    }

    @Test func everyLineIsEnglishForAnEnglishCreditor() {
        for text in Self.sentences(EnglishWording()) {
            #expect(LanguageLeaks.frenchIn(text).isEmpty, "French in: \(text)")
        }
        let english = Self.sentences(EnglishWording())
        // The English lines are those scripts and tests already read.
        #expect(english[2] == "row refused: b.xlsx:12:5 (cell E12): invoice F-2 (customer C001) refused: \(EnglishWording().refusedRowReason(Self.row.problem))")
        #expect(english[17] == "Creditor acme (ACME SAS) — review mode, nothing is sent")
    }
}
