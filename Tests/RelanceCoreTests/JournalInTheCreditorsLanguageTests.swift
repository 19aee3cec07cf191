import Foundation
import Testing
import RelanceCore
import RelanceTesting

/// The journal's lines (imports, the outbox, disputes, outcomes sent by email and refused) reach
/// a French creditor's people in French and an English creditor's in English (#13): the same
/// checks as `ReasonsInTheCreditorsLanguageTests`, over every sentence of `JournalWording`.
@Suite struct JournalInTheCreditorsLanguageTests {
    typealias R = LanguageLeaks
    typealias F = Fixture

    static func sentences(_ words: any Wording) -> [String] {
        let day = F.day("2026-12-07"), later = F.day("2026-12-14")
        let money = F.euros(237_680)
        let refusals: [OutcomeRefusal] = [
            .alreadyClosed(taskID: 12, state: .done, outcome: .noAnswer), .onlyLettersArePosted(taskID: 12, kind: .call),
            .postedInTheFuture(posted: later, today: day), .trackingNumberMissing,
            .acknowledgementOutOfRange(acknowledged: later, posted: day, today: day), .acknowledgementIsRecordedWithPosting,
            .supersededByTheLadderOnly, .promiseInThePast(promised: day, today: later), .promisedAmountNotPositive,
            .paidInTheFuture(paid: later, today: day), .phoneNotKnown(phone: "01 02 03 04 05", known: []),
            .callOnly(outcome: .noAnswer, taskID: 12, kind: .registeredLetter),
            .invoiceNotOnTask(invoice: "F-9", taskID: 12, open: ["F-1"]),
            .noDisputeOpen(taskID: 12), .invoiceNotDisputed(invoice: "F-9", disputed: ["F-1", "F-2"]), .noSuchTask(taskID: 12),
        ]
        let problems: [OutcomeLineProblem] = [.lineTooLong, .tooManyOutcomes(50), .noTaskNumber, .noOutcomeRecognised, .promiseNeedsDate,
                                              .notAnAmount("douze"), .newAddressNeedsAddress]
        let cancels: [MessageCancelReason] = [.paidAtTheBank(invoice: "F-1"), .settled(invoice: "F-1"), .disputed(invoice: "F-1"),
                                              .amountChanged(invoice: "F-1"), .customerPaused(kind: "promise", reason: "—")]
        var sentences = [
            words.creditorRegistered("acme"),
            words.importApplied(file: "balance.csv", kind: "open-invoices", asOf: day, new: 3, changed: 1, settled: 2, unchanged: 0, toIdentify: 1),
            words.importApplied(file: "balance.csv", kind: "open-invoices", asOf: day, new: 1, changed: 0, settled: 0, unchanged: 1, toIdentify: 0),
            words.contactsImported(file: "contacts.csv", new: 2, known: 1),
            words.invoiceSettledByImport(invoice: "F-1", file: "balance.csv", asOf: day),
            words.customerAddressesChanged(role: "to", customer: "Client Un", before: [], after: ["a@b.example"]),
            words.customerAddressesChanged(role: "cc", customer: "Client Un", before: ["a@b.example"], after: []),
            words.importDuplicate(file: "balance.csv", of: 4, held: true), words.importDuplicate(file: "balance.csv", of: 4, held: false),
            words.importReconfirmed(file: "balance.csv", of: 4, asOf: later, previous: day),
            words.bankStatementAlreadyImported(file: "releve.txt", as: 4),
            words.importRowsRefused(count: 2, file: "balance.csv", rows: [], more: true),
            words.importRowsRefused(count: 1, file: "balance.csv", rows: [], more: false),
            words.importHeld(importID: 4, file: "balance.csv",
                             reason: words.massSettlement(settling: 9, amount: money, open: money, percent: 100, threshold: 50)),
            words.heldImportConfirmed(importID: 4, file: "balance.csv"), words.heldImportRejected(importID: 4, file: "balance.csv", reason: ""),
            words.importRejected(file: "balance.csv", reason: ""),
            words.outboxPaused(creditor: "acme", reason: "—"), words.outboxResumed(creditor: "acme", since: day, reason: "—"),
            words.messageQueued(step: "first-reminder", to: ["a@b.example"], invoices: 2, plannedOn: day),
            words.messageAttempt(2, messageID: 12), words.messageUnclaimed(messageID: 12),
            words.messageSent(step: "first-reminder", messageID: 12, customer: "C001 Client Un", recipients: "a@b.example", serverReply: "250 OK"),
            words.messageRetry(messageID: 12, reason: "—", retryAt: Date(timeIntervalSince1970: 1_796_000_000)),
            words.messageFailed(messageID: 12, reason: "—"),
            words.messageApproval(messageID: 12, approved: true, by: "marie"), words.messageApproval(messageID: 12, approved: false, by: "marie"),
            words.heldMessageDecision(messageID: 12, released: true, by: "marie", wasFailed: false),
            words.heldMessageDecision(messageID: 12, released: false, by: "marie", wasFailed: true),
            words.messageSent(step: "first-reminder", messageID: 12, customer: "C001 Client Un", recipients: "a@b.example",
                              serverReply: OutboxFolderReply.reply(file: "00000012-first-reminder.eml")),
            words.missingRate(MissingRate(semester: Semester(year: 2026, half: 2)!, table: RateTable.ecbMainRefinancingRate.name)),
            words.invoiceDisputed(invoice: "F-1", reason: "—"), words.disputeResolved(invoice: "F-1", reason: "—"),
            words.disputeEndedByOutcome(.promisedToPay(on: later, amount: money), taskID: 12),
            words.disputeEndedByOutcome(.paid(on: day, means: nil), taskID: 12),
            words.disputeEndedByOutcome(.disputeResolved(invoices: ["F-1"], note: nil), taskID: 12),
            words.outcomeJournal(taskID: 12, kind: .call, outcome: .disputeResolved(invoices: ["F-1", "F-2"], note: nil), staysOpen: false,
                                 retry: nil, by: "marie", channel: .email),
            words.outcomeNotRecorded(taskID: 12, outcome: .promisedToPay(on: later, amount: nil), by: "marie@acme.example",
                                     why: words.outcomeRefusal(.promiseInThePast(promised: day, today: later))),
        ]
        // An import's per-invoice lines, every due-date source worded.
        let sources = [DueDateSource.dueDateColumn, DueDateSource.einvoiceDueDate, DueDateSource.termsText,
                       "customer terms (30 days end of month)", "creditor default (30 days)", "BT-9 (earlier import)"]
        sentences += sources.map { words.invoiceOpened(invoice: "F-1", open: money, due: day, source: $0, file: "balance.csv") }
        sentences += [
            words.invoiceOpened(invoice: "F-1", open: money, due: nil, source: nil, file: "balance.csv"),
            words.invoiceDueDisagreement(invoice: "F-1", said: [(DueDateSource.einvoiceDueDate, day), (DueDateSource.termsText, later)],
                                         kept: day, source: DueDateSource.einvoiceDueDate),
            words.invoiceTermsBeyondCap(invoice: "F-1", due: later, source: "customer terms (90 days)", issued: day),
            words.invoiceOlderSnapshot(invoice: "F-1", file: "balance.csv", asOf: day, applied: later),
            words.invoiceCustomerChanged(invoice: "F-1", customer: "C002", file: "balance.csv", formerCustomerID: 3),
            words.invoiceReopened(invoice: "F-1", file: "balance.csv", asOf: day, open: money),
            words.invoiceOpenChanged(invoice: "F-1", from: money, to: F.euros(1_000), file: "balance.csv"),
            words.invoiceDueChanged(invoice: "F-1", from: day, to: later, source: DueDateSource.dueDateColumn, file: "balance.csv"),
            words.invoiceDocumentKept(invoice: "F-1", file: "facture.pdf"),
        ]
        // The outbox's housekeeping, the purge and the bank's rematching.
        sentences += [
            words.messageSentBeforeInterruption(messageID: 12, evidence: .copyFound(messageID: "<m12@acme.example>", source: "archive")),
            words.messageRequeuedAfterInterruption(messageID: 12, evidence: .noCopy(messageID: "<m12@acme.example>", source: "archive",
                                                                                     afterSeconds: 120)),
            words.messageHeldAfterInterruption(messageID: 12, reason: .noEvidenceSource), words.checkHeldMessageTitle(messageID: 12, recipients: ["a@b.example"]),
            words.messageCopiedToSent(messageID: 12, folder: "Envoyés"),
            words.addressRefusedByServer(address: "a@b.example", role: "cc", messageID: 12, reply: "550 5.1.1"),
            words.outboxPausedTitle(creditor: "acme", reason: "—"),
            words.retentionPurged(messages: 3, inbound: 2, bankEntries: 1, customers: 1, events: 4, documents: 0),
            words.bankReceiptsRematched(1), words.bankReceiptsRematched(2),
            words.interruptionEvidence(.copyFound(messageID: "<m12@acme.example>", source: "archive")),
            words.interruptionHoldReason(.noEvidenceSource),
        ]
        // What matches nobody: "Client à identifier" tasks and their lines.
        sentences += [
            words.taskOpened(id: 12, kind: .identifyCustomer, title: "—"), words.taskOpened(id: 12, kind: .call, title: "—"),
            words.identifyBuyerTitle(invoices: ["F-1"], more: false, file: "balance.csv"),
            words.identifyBuyerTitle(invoices: ["F-1", "F-2"], more: true, file: "balance.csv"),
            words.customerWithoutContactTitle(customer: "C009"), words.buyerUnidentified(buyer: "Ets Inconnus", file: "balance.csv"),
            words.customerIdentified(customer: "C009", file: "balance.csv", closedTasks: [12]),
            words.customerIdentified(customer: "C009", file: "balance.csv", closedTasks: [12, 13]),
            words.identifyTasksClosedByLedger(file: "balance.csv"), words.namedByTheLedger(), words.invoicesBelongToAKnownCustomer(),
        ]
        // What the CLI prints or refuses for a person (`relance tasks done`, `pause`, `resume`).
        sentences += [
            words.outcomeOptionMissing(outcome: "promised", option: "--date"), words.outcomeOptionNotADate(option: "--date", value: "31/02"),
            words.outcomeOptionNotAnAmount(option: "--amount", value: "douze"), words.outcomeOptionNotAnEmail(option: "--email", value: "x"),
            words.outcomeUnknown("x", known: ["promised"]), words.outcomeRefusedOnTask(taskID: 12, why: "—"),
            words.customerPaused(customer: "C1", creditor: "acme", until: day), words.customerPaused(customer: "C1", creditor: "acme", until: nil),
            words.creditorPaused(creditor: "acme", until: day), words.creditorPaused(creditor: "acme", until: nil),
            words.invoiceWasNotDisputed(invoice: "F-1", creditor: "acme"), words.disputeResolvedByResume(invoice: "F-1", creditor: "acme", taskID: 12),
            words.customerResumed(customer: "C1", creditor: "acme"), words.creditorResumed(creditor: "acme", outboxRetried: true),
            words.creditorResumed(creditor: "acme", outboxRetried: false),
        ]
        sentences += refusals.map { words.outcomeRefusal($0) }
        sentences += problems.map { words.outcomeLineNotRead(taskID: 12, sender: "marie@acme.example", line: "#12 ?", problem: $0) }
        sentences += cancels.map { words.messageCancelled(messageID: 12, because: $0) }
        sentences += ["bank.unmatched", "outbox.paused", "task.outcome-refused", "import.rows-refused", "task.updated"].map(words.eventKind)
        return sentences
    }

    @Test func everyJournalLineIsFrenchInFrench() {
        for sentence in Self.sentences(FrenchWording()) {
            #expect(R.englishIn(sentence).isEmpty, "\(sentence) — \(R.englishIn(sentence))")
            #expect(!sentence.contains("2026-12") && !sentence.contains("2026-11"), "an ISO date: \(sentence)")
        }
        let words = FrenchWording()
        #expect(words.outcomeNotRecorded(taskID: 12, outcome: .promisedToPay(on: F.day("2026-12-01"), amount: nil), by: "marie@acme.example",
                                         why: words.outcomeRefusal(.promiseInThePast(promised: F.day("2026-12-01"), today: F.day("2026-12-07"))))
                == "Tâche n°\u{00A0}12 (réponse de marie@acme.example) : résultat «\u{00A0}promesse de paiement pour le 01/12/2026\u{00A0}» non enregistré : la date promise 01/12/2026 est déjà passée (nous sommes le 07/12/2026).")
        #expect(words.importApplied(file: "balance.csv", kind: "open-invoices", asOf: F.day("2026-12-07"), new: 3, changed: 1, settled: 2,
                                    unchanged: 0, toIdentify: 0)
                == "Export balance.csv importé (balance âgée, arrêté au 07/12/2026) : 3 nouvelles, 1 modifiée, 2 réglées, 0 inchangée.")
    }

    @Test func everyJournalLineIsEnglishInEnglish() {
        for sentence in Self.sentences(EnglishWording()) {
            #expect(R.frenchIn(sentence).isEmpty, "\(sentence) — \(R.frenchIn(sentence))")
        }
        #expect(EnglishWording().outcomeLineProblem(.notAnAmount("twelve")) == "twelve is not an amount (912.00)")
    }

    /// Without an SMTP server messages are written to the outbox folder: the timeline names the
    /// file, never the server's path, and does not call it sent.
    @Test func aMessageWrittenToTheOutboxFolderNamesTheFileNotThePath() {
        let reply = OutboxFolderReply.reply(file: "00000012-first-reminder.eml")
        let french = FrenchWording().messageSent(step: "first-reminder", messageID: 12, customer: "C001 Client Un",
                                                 recipients: "a@b.example", serverReply: reply)
        #expect(french == "Message n°\u{00A0}12 (première relance) pour C001 Client Un (a@b.example) écrit dans le dossier d'envoi sous le nom 00000012-first-reminder.eml (aucun serveur SMTP configuré : le fichier n'est pas envoyé)")
        let english = EnglishWording().messageSent(step: "first-reminder", messageID: 12, customer: "C001 Client Un",
                                                   recipients: "a@b.example", serverReply: reply)
        #expect(english == "Message #12 (first reminder) for C001 Client Un (a@b.example) written to the outbox folder as 00000012-first-reminder.eml (no SMTP server configured: the file is not sent)")
    }

    /// The bundled rate tables have French names in a French sentence.
    @Test func aMissingRateNamesItsTableInFrench() {
        let missing = MissingRate(semester: Semester(year: 2026, half: 2)!, table: RateTable.ecbMainRefinancingRate.name)
        #expect(FrenchWording().missingRate(missing).contains("table «\u{00A0}taux des opérations principales de refinancement de la BCE\u{00A0}»"))
        #expect(!FrenchWording().missingRate(missing).contains("ECB main"))
    }
}
