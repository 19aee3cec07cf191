import RelanceCore
import RelanceTesting
import Testing

/// The journal's line for an inbound message, word for word: in French the phrase saying how
/// it was tied to us agrees with the noun before it (a "réponse" is "rattachée", a "retour"
/// "rattaché"), and nothing of the reports' English (DSN actions, the classifier's reasons)
/// reaches a French creditor's journal.
@Suite struct InboundSummaryWordingTests {
    private let french = FrenchWording()
    private let english = EnglishWording()
    private let byID = InboundMatch.message(id: 12, byVERP: false)
    private let byVERP = InboundMatch.message(id: 12, byVERP: true)
    private let byContact = InboundMatch.contact(address: "compta@client.example", customers: 1)
    private let bySharedContact = InboundMatch.contact(address: "compta@groupe.example", customers: 3)

    @Test func feminineNounsAgreeInFrench() {
        #expect(french.replySummary(byID, hints: [])
                == "Réponse rattachée au message n°\u{00A0}12 par le Message-ID qu'elle cite.")
        #expect(french.replySummary(byContact, hints: [])
                == "Réponse envoyée par compta@client.example, contact du client.")
        #expect(french.autoReplySummary(byVERP, back: CivilDate(year: 2026, month: 12, day: 24)!)
                == "Réponse automatique rattachée au message n°\u{00A0}12 par son adresse VERP, de retour le 24/12/2026.")
        #expect(french.autoReplySummary(bySharedContact, back: nil)
                == "Réponse automatique envoyée par compta@groupe.example, contact de 3 clients, sans date de retour.")
        #expect(french.complaintSummary(byID)
                == "Plainte (message signalé comme spam ou abus) rattachée au message n°\u{00A0}12 par le Message-ID qu'elle cite.")
    }

    @Test func masculineNounsAgreeInFrench() {
        #expect(french.bounceSummary(byID) == "Retour en erreur rattaché au message n°\u{00A0}12 par le Message-ID qu'il cite.")
        #expect(french.bounceSummary(byContact) == "Retour en erreur envoyé par compta@client.example, contact du client.")
        #expect(french.notUnderstoodSummary(byVERP, why: .empty)
                == "Message rattaché au message n°\u{00A0}12 par son adresse VERP, non compris (ni texte ni objet) : enregistré seulement.")
    }

    @Test func deliveryReportActionsAreFrenchInFrench() {
        #expect(french.deliveryReportSummary(byID, actions: ["delayed"])
                == "Avis de remise (en retard) rattaché au message n°\u{00A0}12 par le Message-ID qu'il cite : enregistré seulement.")
        #expect(french.deliveryReportSummary(byID, actions: ["delivered", "relayed"])
                == "Avis de remise (remis, relayé) rattaché au message n°\u{00A0}12 par le Message-ID qu'il cite : enregistré seulement.")
        // An action RFC 3464 does not define is shown as the report wrote it, not guessed at.
        #expect(french.deliveryReportSummary(byID, actions: ["x-queued"]).contains("(x-queued)"))
    }

    @Test func whyAMessageWasNotUnderstoodIsWordedInEachLanguage() {
        for why in InboundOtherReason.allCases {
            let frenchLine = french.notUnderstoodSummary(byID, why: why)
            let englishLine = english.notUnderstoodSummary(byID, why: why)
            #expect(LanguageLeaks.englishIn(frenchLine).isEmpty, "\(frenchLine)")
            #expect(LanguageLeaks.frenchIn(englishLine).isEmpty, "\(englishLine)")
            #expect(!frenchLine.contains(why.rawValue), "\(frenchLine)")
        }
        #expect(english.notUnderstoodSummary(byID, why: .mailingList)
                == "Message matched to message #12 by the Message-ID it refers to, not understood (sent by a mailing list): recorded only.")
        #expect(french.notUnderstoodSummary(byID, why: nil)
                == "Message rattaché au message n°\u{00A0}12 par le Message-ID qu'il cite, non compris : enregistré seulement.")
    }

    @Test func englishIsUnchanged() {
        #expect(english.replySummary(byID, hints: []) == "Reply matched to message #12 by the Message-ID it refers to.")
        #expect(english.bounceSummary(byContact) == "Bounce sent by compta@client.example, a contact of the customer.")
        #expect(english.deliveryReportSummary(byVERP, actions: ["delayed"])
                == "Delivery report (delayed) matched to message #12 by its VERP address: recorded only.")
    }
}
