import RelanceCore
import Testing

/// `relance run --once` ends with lines for every creditor at once (sent, delivery, send windows,
/// paused transports): a French creditor's run ends in French, an English one's in the English
/// the operators' scripts already read. Pinned word for word.
@Suite struct RunClosingLinesWordingTests {
    static func lines(_ words: any Wording) -> [String] {
        [
            words.runSent(sent: 3, retrying: 1, failed: 0),
            words.runDelivery([.smtp(creditor: "acme", host: "smtp.example", port: 587), .files(creditor: "bravo", folder: "/x/outbox/bravo")]),
            words.runOutsideSendWindow(creditor: "acme", until: "2026-12-07T08:00:00Z"),
            words.runPaused(["acme", "bravo"]),
        ]
    }

    @Test func french() {
        #expect(Self.lines(FrenchWording()) == [
            "Messages envoyés : 3, à réessayer plus tard : 1, en échec : 0",
            "Acheminement : acme par SMTP via smtp.example:587 ; bravo en fichiers .eml dans /x/outbox/bravo",
            "Hors de la plage d'envoi d'acme : ses messages attendent jusqu'à 2026-12-07T08:00:00Z.",
            "EN PAUSE (un problème de notre côté, voir les logs du service) : acme, bravo",
        ])
    }

    @Test func englishAsBefore() {
        #expect(Self.lines(EnglishWording()) == [
            "Sent: 3, retrying later: 1, failed: 0",
            "Delivery: acme via SMTP smtp.example:587; bravo as .eml files in /x/outbox/bravo",
            "Outside acme's send window: its messages wait until 2026-12-07T08:00:00Z.",
            "PAUSED (a problem on our side, see the log): acme, bravo",
        ])
    }
}
