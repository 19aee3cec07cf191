import Foundation
import Testing
import RelanceCore
import RelanceMail
import RelanceTesting

/// A digest on a big book (#13): each list shows at most `listCap` items and says how many
/// more and where they are; titles and the summary line keep the true counts, and the call
/// sheet still lists every call.
@Suite struct DigestBigBookTests {
    typealias G = DigestGoldenTests

    /// 337 calls, 40 replies, 30 letters and 26 promises due, every call overdue (opened 10 days ago).
    static func facts() -> DigestFacts {
        var receivables: [Receivable] = []
        var tasks: [WorkTask] = []
        var promises: [PromiseDue] = []
        for index in 1...337 {
            let customer = G.customer(Int64(index), "C\(index)", "Client \(index)")
            receivables.append(G.receivable(Int64(index), "F-\(index)", customer, due: "2026-10-01", cents: 10_000))
            tasks.append(G.task(Int64(index), .call, customer: Int64(index), title: "Appeler Client \(index)",
                                detail: ["phones": "01 02 03 04 05"], step: "phone-call", invoices: [Int64(index)], opened: "2026-11-27"))
        }
        for index in 1...40 {
            tasks.append(G.task(Int64(1_000 + index), .readReply, customer: Int64(index), title: "Lire la réponse",
                                detail: ["excerpt": "Bonjour", "from": "compta@c\(index).example"]))
        }
        for index in 1...30 {
            tasks.append(G.task(Int64(2_000 + index), .formalNotice, customer: Int64(index), title: "Mise en demeure", step: "formal-notice"))
        }
        for index in 1...26 { promises.append(PromiseDue(customerID: Int64(index), promisedOn: G.day)) }
        return DigestFacts(creditorName: "Atelier Dupont SAS", day: G.day, timeZone: G.paris, openTasks: tasks, receivables: receivables,
                           sent: [], settled: [], received: [], previous: nil, escalateAfterDays: 3, promisesDue: promises,
                           health: DigestHealth(), attachedDocuments: [:], outcomes: TaskDigestFacts())
    }

    @Test func eachListIsCutWithALineSayingHowManyMoreInFrench() throws {
        let (digest, calls) = DigestContextBuilder.build(Self.facts(), words: FrenchWording())
        let cap = DigestContextBuilder.listCap
        #expect(cap == 25)
        let byTitle = Dictionary(digest.sections.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
        let callSection = try #require(byTitle["337 appels à passer"], "\(byTitle.keys)")
        #expect(callSection.items.count == cap)
        #expect(callSection.more == "… et 312 autres appels — voir la feuille d'appels jointe ou la console")
        #expect(byTitle["40 réponses à lire"]?.more == "… et 15 autres réponses à lire — voir tasks.html ou la console")
        #expect(byTitle["30 courriers à poster"]?.more
                == "… et 5 autres courriers à poster — leurs documents ne sont pas joints : voir la console ou tasks.html")
        #expect(byTitle["26 promesses de paiement arrivent à échéance"]?.more == "… et 1 autre promesse à échéance — voir la console",
                "\(byTitle.keys)")
        let overdue = try #require(digest.sections.first { $0.title.contains("en retard") }, "\(byTitle.keys)")
        #expect(overdue.items.count == cap && overdue.more == "… et 312 autres tâches en retard — voir tasks.html ou la console")
        for section in digest.sections { #expect(section.items.count <= cap) }
        // The summary keeps the true totals: every call, reply, letter and promise.
        #expect(digest.work == 337 + 40 + 30 + 26)
        #expect(digest.subject.contains("433"), "\(digest.subject)")
        #expect(digest.overdueAmount == "33\u{202F}700,00\u{00A0}€")
        // Both parts say it; the attached call sheet lists every call.
        #expect(DigestRenderer.text(digest).contains("… et 312 autres appels — voir la feuille d'appels jointe ou la console"))
        #expect(DigestRenderer.html(digest).contains("… et 312 autres appels — voir la feuille d&#39;appels jointe ou la console")
                || DigestRenderer.html(digest).contains("… et 312 autres appels — voir la feuille d'appels jointe ou la console"))
        #expect(calls.calls.count == 337)
        // scripts/render-digest-lists.sh pictures it.
        if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
            try Data(DigestRenderer.html(digest).utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("digest-big-book-fr.html"))
            try Data(DigestRenderer.text(digest).utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("digest-big-book-fr.txt"))
        }
        for section in digest.sections {
            let more = section.more ?? ""
            #expect(LanguageLeaks.englishIn(more).isEmpty, "\(more)")
        }
    }

    @Test func eachListIsCutInEnglishToo() throws {
        let (digest, _) = DigestContextBuilder.build(Self.facts(), words: EnglishWording())
        let callSection = try #require(digest.sections.first { $0.title == "337 calls to make" })
        #expect(callSection.items.count == DigestContextBuilder.listCap)
        #expect(callSection.more == "… and 312 other calls — see the attached call sheet or the console")
        for section in digest.sections {
            #expect(LanguageLeaks.frenchIn(section.more ?? "").isEmpty, "\(section.more ?? "")")
        }
    }

    /// 40 bank receipts no invoice matched, as the digest lists them.
    static func unmatched(_ count: Int) -> [UnmatchedReceipt] {
        (1...count).map { index in
            UnmatchedReceipt(entryID: Int64(index), booked: G.day, amount: Money(minorUnits: Int64(index) * 12_345, currency: .euro),
                             payer: "Payeur \(index) SARL", payerIBAN: "FR7630001007941234567890185", remittance: "VIR FACT \(index)",
                             account: "FR7630004000031234567890143")
        }
    }

    /// #13: the bank's unmatched receipts are cut like every other list, with the same line.
    @Test func unmatchedReceiptsAreCutLikeTheOtherLists() throws {
        var (digest, _) = DigestContextBuilder.build(Self.facts(), words: FrenchWording())
        digest.addUnmatchedReceipts(Self.unmatched(40), day: G.day, words: FrenchWording())
        let section = try #require(digest.sections.last)
        #expect(section.items.count == DigestContextBuilder.listCap)
        #expect(section.more == "… et 15 autres virements à rattacher — voir la page Virements de la console ou relance bank unmatched")
        #expect(DigestRenderer.text(digest).contains("… et 15 autres virements à rattacher"))
        if let folder = ProcessInfo.processInfo.environment["RELANCE_SCREENSHOT_FOLDER"] {
            try Data(DigestRenderer.html(digest).utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("digest-unmatched-fr.html"))
        }
        var (english, _) = DigestContextBuilder.build(Self.facts(), words: EnglishWording())
        english.addUnmatchedReceipts(Self.unmatched(26), day: G.day, words: EnglishWording())
        #expect(english.sections.last?.more == "… and 1 other bank receipt to link — see the console's Bank receipts page or relance bank unmatched")
        var few = DigestContextBuilder.build(Self.facts(), words: FrenchWording()).digest
        few.addUnmatchedReceipts(Self.unmatched(25), day: G.day, words: FrenchWording())
        #expect(few.sections.last?.items.count == 25 && few.sections.last?.more == nil)
    }

    /// #13: a cut letter list attaches only the letters it shows, the first 25 by number.
    @Test func onlyTheListedLettersTravelWithTheDigest() {
        let listed = DigestContextBuilder.listedLetterTasks(Self.facts().openTasks)
        #expect(listed == Set((2_001...2_025).map(Int64.init)))
    }

    /// A list at the cap is shown whole, with no "more" line.
    @Test func aListAtTheCapIsShownWhole() {
        var facts = Self.facts()
        facts.openTasks = Array(facts.openTasks.filter { $0.kind == .call }.prefix(DigestContextBuilder.listCap))
        facts.promisesDue = []
        let (digest, _) = DigestContextBuilder.build(facts, words: FrenchWording())
        #expect(digest.sections.allSatisfy { $0.more == nil })
        #expect(digest.sections.first { $0.title == "25 appels à passer" }?.items.count == 25)
    }
}
