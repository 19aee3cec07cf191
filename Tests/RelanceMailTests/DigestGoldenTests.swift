import Foundation
import Testing
import RelanceCore
import RelanceMail

/// The digest and the call sheet of a morning with every kind of work, in each language,
/// compared with the golden files in Fixtures/golden. To accept a deliberate change, run with
/// RELANCE_UPDATE_GOLDEN=1 and read the diff.
@Suite struct DigestGoldenTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let day = CivilDate(iso8601: "2026-12-07")!
    static let acme = CreditorID("acme")!

    static func at(_ iso: String, hour: Int = 9) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        let date = CivilDate(iso8601: iso)!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour))!
    }

    static func customer(_ id: Int64, _ external: String, _ name: String) -> CustomerSummary {
        CustomerSummary(id: id, externalID: external, name: name, language: .french,
                        emails: [try! EmailAddress.parse("compta@\(external.lowercased()).example").get()])
    }

    static func receivable(_ id: Int64, _ number: String, _ customer: CustomerSummary, due: String, cents: Int64) -> Receivable {
        Receivable(invoiceID: id, number: number, customer: customer, issued: CivilDate(iso8601: due)!.adding(days: -30),
                   due: CivilDate(iso8601: due)!, open: Money(minorUnits: cents, currency: .euro), total: nil, history: [])
    }

    static func task(_ id: Int64, _ kind: WorkTask.Kind, customer: Int64?, title: String, detail: [String: String] = [:],
                     step: String? = nil, invoices: [Int64] = [], opened: String = "2026-12-07", document: String? = nil) -> WorkTask {
        WorkTask(id: id, creditor: acme, customerID: customer, kind: kind, state: .open, title: title, detail: detail, step: step,
                 invoiceIDs: invoices, createdAt: at(opened, hour: 7), dueOn: nil, outcome: nil, closedAt: nil, documentPath: document)
    }

    static func event(_ kind: String, _ detail: [String: String] = [:]) -> JournalEntry {
        JournalEntry(id: 1, event: NewEvent(time: at("2026-12-06", hour: 10), kind: kind, creditor: acme, summary: kind, detail: detail))
    }

    /// A creditor's Monday: two calls (one planned, one after a bounce), a reply with a
    /// promise, a registered letter, an overdue call, a customer to identify, a promise due,
    /// a stale ledger and a held import. What the store keeps already worded (tasks' titles and
    /// details, the call script) is worded as Relance words it, in the creditor's language: an
    /// English digest is shown with an English creditor's tasks.
    static func facts(_ language: Language = .french) -> DigestFacts {
        let words = language.wording
        func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }
        let dupont = customer(1, "C001", "Dupont & Fils SARL")
        let martin = customer(2, "C002", "Martin Bâtiment")
        let lefebvre = customer(3, "C003", "Lefebvre Logistique")
        let garnier = customer(4, "C004", "Garnier Conseil")
        let receivables = [
            receivable(11, "F-2026-0412", dupont, due: "2026-09-04", cents: 237_680),
            receivable(12, "F-2026-0519", dupont, due: "2026-10-20", cents: 91_200),
            receivable(21, "F-2026-0601", martin, due: "2026-11-02", cents: 1_250_000),
            receivable(31, "F-2026-0377", lefebvre, due: "2026-08-15", cents: 480_000),
            receivable(41, "F-2026-0702", garnier, due: "2026-12-20", cents: 65_000),
            receivable(42, "F-2026-0655", garnier, due: "2026-11-30", cents: 12_000),
        ]
        let script = CallScript.lines(for: PlannedTask(
            kind: .call, customer: dupont, step: Policy.standard.steps[3],
            invoices: [PlannedInvoice(receivable: receivables[0], step: "phone-call", daysLate: 94),
                       PlannedInvoice(receivable: receivables[1], step: "phone-call", daysLate: 48)],
            priorActions: [PriorAction(on: CivilDate(iso8601: "2026-09-09")!, step: "first-reminder", channel: .email, invoices: ["F-2026-0412"]),
                           PriorAction(on: CivilDate(iso8601: "2026-09-24")!, step: "second-reminder", channel: .email, invoices: ["F-2026-0412"])],
            phoneNumbers: ["+33 4 72 10 20 30"]), creditorName: "Atelier Dupont SAS", language: language).joined(separator: "\n")
        func title(_ kind: WorkTask.Kind, _ who: CustomerSummary, _ cents: Int64) -> String {
            words.taskTitle(kind, customer: who.name ?? who.externalID, customerID: who.externalID, total: euros(cents).formatted(locale: language))
        }
        var tasks = [
            task(1, .call, customer: 1, title: title(.call, dupont, 328_880),
                 detail: ["step": words.stepName("phone-call"), "phones": "+33 4 72 10 20 30, +33 6 12 34 56 78",
                          "invoices": [words.taskInvoice(number: "F-2026-0412", amount: euros(237_680), daysLate: 94),
                                       words.taskInvoice(number: "F-2026-0519", amount: euros(91_200), daysLate: 48)].joined(separator: ", "),
                          "script": script], step: "phone-call", invoices: [11, 12]),
            task(2, .call, customer: 2, title: words.wrongAddressCallTitle(address: "compta@c002.example", cause: .unknownUser),
                 detail: ["reason": BounceCause.unknownUser.plainWords(words), "bounced_address": "compta@c002.example",
                          "amount_due": "12500.00 EUR", "phone": "01 45 67 89 10"]),
            task(3, .readReply, customer: 3, title: words.readReplyTitle(customerKnown: true),
                 detail: ["excerpt": language == .french
                            ? "Bonjour, nous réglerons la facture F-2026-0377 le 15/12/2026 par virement. Cordialement, Mme Lefebvre"
                            : "Hello, we will pay invoice F-2026-0377 by bank transfer on 15 December. Kind regards, Ms Lefebvre",
                          "hints": "promise:2026-12-15", "from": "compta@c003.example"]),
            task(4, .registeredLetter, customer: 3, title: title(.registeredLetter, lefebvre, 480_000),
                 step: "registered-letter", invoices: [31], opened: "2026-12-01", document: "/var/lib/relance/documents/acme/C003.html"),
            task(5, .call, customer: 4, title: title(.call, garnier, 12_000), detail: [:], step: "phone-call",
                 invoices: [42], opened: "2026-11-30"),
            task(6, .identifyCustomer, customer: nil, title: words.identifyBuyerTitle(invoices: ["F-2026-0800"], more: false,
                                                                                      file: "balance-2026-12-04.csv")),
        ]
        // The registered letter, written on 1 December, is not confirmed as posted: escalated on the 4th.
        tasks[3].stepOn = CivilDate(iso8601: "2026-12-01")!
        tasks[3].escalatedAt = at("2026-12-04", hour: 8)
        var outcomes = TaskDigestFacts()
        outcomes.acknowledged = [RecordedTaskOutcome(
            id: 1, taskID: 7, customerID: 2,
            outcome: .promisedToPay(on: CivilDate(iso8601: "2027-01-15")!, amount: Money(minorUnits: 91_200, currency: .euro)),
            recordedBy: "claire.martin@atelier-dupont.example", channel: .email, recordedAt: at("2026-12-06", hour: 18))]
        let health = DigestHealth(lastSent: CivilDate(iso8601: "2026-11-20")!, latestExport: CivilDate(iso8601: "2026-11-27")!,
                                  maximumLedgerAgeDays: 7,
                                  heldImports: [HeldImport(importID: 9, creditor: acme, fileName: "balance-2026-12-04.csv",
                                                           asOf: CivilDate(iso8601: "2026-12-04")!, heldAt: "", reason: "")])
        return DigestFacts(
            creditorName: "Atelier Dupont SAS", day: day, timeZone: paris, openTasks: tasks, receivables: receivables,
            sent: [event("message.sent"), event("message.sent"), event("message.sent")],
            settled: [event("invoice.settled")],
            received: [event("mail.received", ["kind": "reply"]), event("mail.received", ["kind": "bounce"])],
            previous: PreviousDigest(day: CivilDate(iso8601: "2026-12-04")!, overdue: [Money(minorUnits: 1_900_000, currency: .euro)]),
            escalateAfterDays: 3,
            promisesDue: [PromiseDue(customerID: 4, promisedOn: day)],
            health: health, attachedDocuments: [4: ["4-C003-registered-letter.html"]], outcomes: outcomes)
    }

    static func golden(_ name: String, _ actual: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/\(name)")
        if ProcessInfo.processInfo.environment["RELANCE_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; RELANCE_UPDATE_GOLDEN=1 rewrites it")
    }

    @Test(arguments: Language.allCases)
    func digestTextAndHTMLMatchTheirGoldenFiles(language: Language) throws {
        let (digest, calls) = DigestContextBuilder.build(Self.facts(language), words: language.wording)
        try Self.golden("digest-\(language.rawValue).txt", DigestRenderer.subject(digest) + "\n\n" + DigestRenderer.text(digest))
        try Self.golden("digest-\(language.rawValue).html", DigestRenderer.html(digest))
        try Self.golden("calls-\(language.rawValue).html", DigestRenderer.callSheet(calls))
    }

    @Test func theFrenchDigestSpeaksFrenchInFrenchFormats() {
        let (digest, calls) = DigestContextBuilder.build(Self.facts(), words: FrenchWording())
        let text = DigestRenderer.text(digest)
        let html = DigestRenderer.html(digest)
        // The summary line: overdue total (every invoice but one not yet due) and its change since the 4th.
        #expect(digest.overdueAmount == "20\u{202F}708,80\u{00A0}€")
        #expect(digest.overdueChange == "+1\u{202F}708,80\u{00A0}€ depuis le 04/12")
        #expect(text.contains("3 relances envoyées · 1 facture réglée · 1 réponse reçue · 1 courriel rejeté"))
        // Calls: phone as a tel: link, a one-line reason, the script only in the sheet.
        #expect(html.contains("href=\"tel:+33472102030\""))
        #expect(text.contains("relance téléphonique · 94 jours de retard"))
        #expect(text.contains("courriel rejeté (la boîte aux lettres n'existe pas)"))
        #expect(!text.contains("Demander la personne chargée"))
        #expect(calls.calls.first?.script.first?.hasPrefix("Demander la personne chargée du règlement") == true)
        #expect(text.contains("promet de payer le 15/12/2026"))
        #expect(text.contains("Document joint : 4-C003-registered-letter.html"))
        // Letters to post, escalated tasks and emailed outcomes (#13), agreeing with the facts.
        #expect(text.contains("Écrite le 01/12/2026, pas encore confirmée comme postée : la suite attend. Une fois postée, répondez «\u{00A0}#4 postée JJ/MM/AAAA N° de suivi\u{00A0}»."))
        #expect(text.contains("pas confirmée comme postée à temps : signalée le 04/12/2026"))
        #expect(digest.sections.first?.title == "Enregistré d'après vos réponses")
        #expect(text.contains("Promesse de paiement de 912,00\u{00A0}€ pour le 15/01/2027 — résultat enregistré d'après la réponse de claire.martin@atelier-dupont.example"))
        #expect(html.contains("signalée"))
        // What is stuck, and no server path anywhere.
        #expect(text.contains("Aucun envoi depuis le 20/11 : le dernier export date de plus de 7 jours"))
        #expect(!text.contains("/var/lib") && !html.contains("/var/lib"))
        for english in ["open since", "days late", "address:", "amounts:", "first-reminder", "phone-call", "2376.80"] {
            #expect(!text.contains(english) && !html.contains(english), "\(english)")
        }
    }

    @Test func aQuietDayNeedsNoAttention() {
        let facts = DigestFacts(creditorName: "Atelier Dupont SAS", day: Self.day, timeZone: Self.paris, openTasks: [], receivables: [],
                                health: DigestHealth(latestExport: Self.day))
        let (digest, _) = DigestContextBuilder.build(facts, words: FrenchWording())
        #expect(!digest.needsAttention)
        #expect(digest.nothingToDo == "Rien à faire aujourd'hui.")
        #expect(digest.stuck.isEmpty)
        var stale = facts
        stale.health.latestExport = Self.day.adding(days: -8)
        #expect(DigestContextBuilder.build(stale, words: FrenchWording()).digest.needsAttention)
    }
}
