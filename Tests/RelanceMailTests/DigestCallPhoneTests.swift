import Foundation
import Testing
import RelanceCore
import RelanceMail

/// A call's number in the digest and the call sheet: only a number is shown as one and linked;
/// a task whose "phones" detail holds advice in words (no number left) shows that advice whole,
/// never its first piece before a comma as if it were a number.
@Suite struct DigestCallPhoneTests {
    typealias G = DigestGoldenTests

    static func facts(phones: String?) -> DigestFacts {
        let dupont = G.customer(1, "C001", "Dupont & Fils SARL")
        var detail: [String: String] = [:]
        detail["phones"] = phones
        return DigestFacts(creditorName: "Atelier Dupont SAS", day: G.day, timeZone: G.paris,
                           openTasks: [G.task(7, .call, customer: 1, title: "Appeler", detail: detail, step: "phone-call", invoices: [1])],
                           receivables: [G.receivable(1, "F-1", dupont, due: "2026-10-01", cents: 200_000)],
                           sent: [], settled: [], received: [], previous: nil, escalateAfterDays: 3, promisesDue: [],
                           health: DigestHealth(), attachedDocuments: [:], outcomes: TaskDigestFacts())
    }

    static func call(phones: String?) throws -> CallSheetContext.Call {
        try #require(DigestContextBuilder.build(facts(phones: phones), words: FrenchWording()).calls.calls.first)
    }

    @Test func adviceInWordsIsShownWholeAndNotDialled() throws {
        let advice = FrenchWording().noPhoneLeft()
        #expect(advice.contains(","), "the case this guards: advice with commas")
        let call = try Self.call(phones: advice)
        #expect(call.phone == advice)
        #expect(call.phoneLink == nil)
        let digest = DigestContextBuilder.build(Self.facts(phones: advice), words: FrenchWording()).digest
        #expect(DigestRenderer.text(digest).contains(advice))
        #expect(!DigestRenderer.html(digest).contains("tel:"))
        // scripts/render-digest-lists.sh pictures it.
        if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
            try Data(DigestRenderer.html(digest).utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("digest-no-phone-fr.html"))
        }
    }

    @Test func theFirstNumberIsShownAsWrittenAndDialledAsDigits() throws {
        let call = try Self.call(phones: "+33 1 23 45 67 89, 06 12 34 56 78")
        #expect(call.phone == "+33 1 23 45 67 89")
        #expect(call.phoneLink == "tel:+33123456789")
    }

    @Test func noPhonesAtAllSaysSo() throws {
        #expect(try Self.call(phones: nil).phone == FrenchWording().noPhone())
    }

    @Test func onlyListsOfNumbersAreNumbers() {
        #expect(DialablePhone.list("01 23 45 67 89 / 02.34.56.78.90").map(\.dial) == ["01234567890234567890"], "one entry: a slash is a number's character")
        #expect(DialablePhone.list("aucun numéro valable : trouver un numéro (site, Infogreffe, standard)").isEmpty)
        #expect(DialablePhone.list("12-34").isEmpty, "fewer than six digits: not a number one can call")
        #expect(DialablePhone.list("0123456789, 0987654321").map(\.telLink) == ["tel:0123456789", "tel:0987654321"])
    }
}
