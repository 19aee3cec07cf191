import Foundation
import RelanceCore
import Testing

/// French lines word for word where their grammar depends on what is put in them: a count of
/// one or several ("1 relance n'est pas arrivée en 1 jour"), a name after "de" ("d'Atelier"),
/// a phrase that must agree with the noun it follows, a partly paid invoice, a date unknown.
/// Each was wrong once, as a French reviewer read it.
@Suite struct FrenchAgreementTests {
    typealias F = Fixture
    private let words = FrenchWording()
    private let day = CivilDate(year: 2026, month: 12, day: 7)!

    @Test func countsOfOneAreSingular() {
        #expect(words.temporaryBouncesCallTitle(count: 1, days: 1, cause: .mailboxFull)
                == "Appeler le client : 1 relance n'est pas arrivée en 1 jour (la boîte aux lettres est pleine)")
        #expect(words.temporaryBouncesCallTitle(count: 3, days: 30, cause: .mailboxFull)
                == "Appeler le client : 3 relances ne sont pas arrivées en 30 jours (la boîte aux lettres est pleine)")
        #expect(words.checkPaymentTitle(customer: "Client Un", invoices: ["F-1"])
                == "Vérifier le paiement annoncé par Client Un (facture F-1) : le relevé ne le montre pas")
        #expect(words.contactInterval(last: day, next: day, businessDays: 1).hasSuffix("(1 jour ouvré d'écart)"))
        #expect(words.outcome(.dispute(invoices: ["F-1", "F-2"])) == "litige sur les factures F-1, F-2")
        #expect(words.outcome(.dispute(invoices: ["F-1"])) == "litige sur la facture F-1")
        #expect(words.bankStatementImported(file: "releve.txt", format: "cfonb120", newEntries: 1, knownEntries: 0, matched: 1,
                                            invoices: 1, unmatched: 0, reversed: 0)
                == "Relevé bancaire releve.txt importé (cfonb120) : 1 nouvelle opération, 0 déjà connue, 1 encaissement rapproché "
                    + "de 1 facture, 0 non rapproché, 0 encaissement annulé.")
        #expect(words.retentionPurged(messages: 1, inbound: 2, bankEntries: 1, customers: 1, events: 1, documents: 1)
                == "Purge de conservation : 1 contenu de message envoyé et 2 courriels reçus effacés, payeurs et libellés de 1 écriture "
                    + "bancaire effacés, 1 client inactif anonymisé (1 ligne du journal expurgée, 1 document de facture libéré).")
        #expect(words.moreImportWarnings(file: "export.csv", count: 1)
                == "export.csv : 1 autre avertissement (relance import --dry-run export.csv les donne tous).")
        #expect(words.taskOverdue(openedOn: day, daysOpen: 1) == "ouverte le 07/12/2026, il y a 1 jour")
    }

    @Test func aContactsFileCountsItsCustomers() {
        #expect(words.runImported(file: "contacts.csv", items: 12, customers: true, new: 3, changed: 1, settled: 0, importID: 4)
                == "Importé : contacts.csv : 12 clients ; 3 nouveaux, 1 modifié (import n°\u{00A0}4)")
        #expect(words.runImported(file: "export.csv", items: 12, customers: false, new: 3, changed: 1, settled: 0, importID: 4)
                == "Importé : export.csv : 12 factures ouvertes ; 3 nouvelles, 1 modifiée, 0 réglée (import n°\u{00A0}4)")
    }

    @Test func deElidesBeforeAVowel() {
        #expect(words.agingTitle(creditor: "atelier", legalName: "Atelier Lumière SARL", asOf: day)
                == "Balance âgée d'Atelier Lumière SARL (atelier) au 07/12/2026")
        #expect(words.taskTitle(.handOff, customer: "Imprimerie Martin", customerID: "C1", total: "912,00 €")
                == "Confier au recouvrement le dossier d'Imprimerie Martin (C1) — 912,00 €")
        #expect(words.acknowledgement(outcome: .noAnswer, by: "anne@acme.example")
                == "Pas de réponse — résultat enregistré d'après la réponse d'anne@acme.example")
        #expect(words.bankUnmatched(amount: F.euros(10_000), booked: day, payer: "Entreprise Roux", remittance: "VIR")
                == "Paiement de 100,00\u{00A0}€ reçu le 07/12/2026 d'Entreprise Roux : aucune facture ouverte ne correspond avec certitude — VIR")
    }

    @Test func wordsAgreeWithTheNounTheyFollow() {
        // "rappel" is masculine, "relance" feminine: review mode names its own noun.
        let invoices = [PlannedInvoice(receivable: F.invoice("F-1", id: 1, due: "2026-11-01"), step: "courtesy-reminder", daysLate: 36)]
        #expect(words.contactPlanned(step: "courtesy-reminder", invoices: invoices, reviewMode: true)
                .hasSuffix(" — mode relecture : message rédigé pour être relu, non envoyé"))
        #expect(words.outcomeJournal(taskID: 3, kind: .call, outcome: .promisedToPay(on: day), staysOpen: false, retry: nil,
                                     by: "marie", channel: .console)
                == "Tâche n°\u{00A0}3 (appel) : promesse de paiement pour le 07/12/2026 — résultat enregistré par marie (console).")
        #expect(words.paidAwaitingLedger(payment: "paiement de 400,00\u{00A0}€ reçu le 18/10 (VIR)", stillDue: F.euros(100_000))
                == "paiement de 400,00\u{00A0}€ reçu le 18/10 (VIR) : partiellement payée, en attente du grand livre ; reste dû 1\u{202F}000,00\u{00A0}€")
        #expect(words.bankMatched(invoice: "F-1", payment: "paiement", ledgerOpen: F.euros(100_000), method: .reference)
                .contains("; partiellement payée, en attente du grand livre"))
    }

    @Test func anUnknownDateIsNotWrittenAsADate() {
        #expect(words.invoiceDueChanged(invoice: "F-1", from: nil, to: day, source: nil, file: "export.csv")
                == "Échéance de la facture F-1 fixée au 07/12/2026 par export.csv.")
        #expect(words.invoiceDueChanged(invoice: "F-1", from: day, to: nil, source: nil, file: "export.csv")
                == "Échéance de la facture F-1 retirée (elle était au 07/12/2026) par export.csv.")
        #expect(words.invoiceTermsBeyondCap(invoice: "F-1", due: day, source: nil, issued: nil)
                .hasPrefix("La facture F-1 échoit le 07/12/2026 : au-delà des plafonds légaux"))
    }

    @Test func aMomentIsWrittenTheFrenchWay() {
        let time = Date(timeIntervalSince1970: 1_796_623_080) // 2026-12-07 05:58 UTC
        #expect(words.rejectionReport(file: "export.csv", importID: 9, at: time, reason: "—")
                .hasPrefix("Relance a refusé export.csv (import n°\u{00A0}9) le 07/12/2026 à 5\u{00A0}h\u{00A0}58 (UTC)."))
    }

    /// The hold for a stale or missing ledger names the export to drop, as the digest does: it
    /// said « relevé de référence », which a controller reads as the bank statement.
    @Test func aStaleLedgerAsksForAnExportNotAStatement() {
        #expect(words.staleSnapshot(asOf: CivilDate(year: 2026, month: 11, day: 27)!, ageDays: 11, maximumDays: 7)
                == "le dernier export de référence (grand livre ou balance âgée) date du 27/11/2026, il y a 11 jours (plus de 7) : "
                + "rien ne part avant l'import d'un export récent, des clients ont pu payer depuis")
        #expect(words.noAuthoritativeSnapshot(creditor: "acme")
                == "aucun export de référence (grand livre ou balance âgée) n'a été importé pour le créancier acme : rien ne part avant, des clients ont pu payer")
    }

    @Test func aMissingRateNamesItsHalfYear() {
        let rate = MissingRate(semester: Semester(year: 2026, half: 2)!, table: RateTable.ecbMainRefinancingRate.name)
        #expect(words.missingRate(rate) == "taux inconnu pour le 2e\u{00A0}semestre\u{00A0}2026 (table «\u{00A0}taux des opérations principales de "
                + "refinancement de la BCE\u{00A0}») : ajoutez-le dans [penalties] de la configuration (clé «\u{00A0}2026-S2\u{00A0}»)")
        #expect(words.interestUnknown(missing: [words.missingRate(rate)]).hasPrefix("intérêts non calculables, taux manquant : "))
        #expect(EnglishWording().missingRate(rate).hasPrefix("rate unknown for the second half of 2026 (table"))
        // One missing rate is singular in English too (it read « rates missing: » for one).
        let english = EnglishWording()
        #expect(english.interestUnknown(missing: [english.missingRate(rate)]).hasPrefix("interest cannot be computed, rate missing: rate unknown"))
        #expect(english.interestUnknown(missing: ["a", "b"]) == "interest cannot be computed, rates missing: a; b")
        #expect(words.interestUnknown(missing: ["a", "b"]) == "intérêts non calculables, taux manquants : a ; b")
    }
}
