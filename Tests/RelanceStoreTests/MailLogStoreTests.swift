import Foundation
import RelanceCore
import RelanceStore
import Testing

/// The console's mail log, against both stores (`StoreBackend`): reminders and received mail
/// newest first, a search that takes its wildcards literally, one entry with its raw bytes.
@Suite struct MailLogStoreTests {
    typealias F = StoreFixtures

    /// C001's reminder sent at +30 s, C002's still queued (created at 0), a reply from C001 at +60 s.
    private func mail(_ book: any BookUnderTest) async throws -> (sent: Int64, queued: Int64, received: Int64) {
        let invoices = try await book.seed([F.item("F-1", customer: "C001", open: 100),
                                            F.item("F-2", customer: "C002", open: 200, email: "paie@deux.example")])
        var ids: [Int64] = []
        for invoice in invoices {
            let draft = MessageDraft(creditor: F.creditor, customerID: invoice.customerID, step: "first-reminder",
                                     plannedOn: F.date("2026-11-23"),
                                     invoices: [InvoiceMention(invoiceID: invoice.invoiceID, step: "first-reminder", open: invoice.open)],
                                     to: invoice.emails)
            ids.append(try #require(try await book.outbox.enqueue(draft, at: F.time, compose: F.composed)))
        }
        _ = try await book.outbox.claimNextMessage(now: F.time, skipping: [])
        try await book.outbox.markSent(ids[0], at: F.time.addingTimeInterval(30), serverReply: "250 2.0.0 Ok")
        let received = try await book.receive(InboundRecord(
            creditor: F.creditor, folder: "INBOX", uidValidity: 7, uid: 3, rfcMessageID: "<r1@client.example>", kind: .reply,
            messageID: ids[0], customerID: invoices[0].customerID, summary: "Reply from compta@client.example: 100% paid",
            excerpt: "Réglé.", raw: Array("Subject: Re: test\r\n\r\nRéglé.\r\n".utf8)), at: F.time.addingTimeInterval(60))
        return (ids[0], ids[1], received)
    }

    @Test(arguments: StoreBackend.all) func bothWaysNewestFirstAndLimited(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (sent, queued, received) = try await mail(book)
            let log = try await book.mailLog.mailLog(of: F.creditor, search: nil, limit: 10)
            #expect(log.map(\.id) == [received, sent, queued])
            #expect(log.map(\.direction) == [.received, .sent, .sent])
            #expect(log.map(\.what) == [.received(kind: "reply"), .reminder(step: "first-reminder", state: .sent),
                                         .reminder(step: "first-reminder", state: .queued)])
            #expect(log.map(\.counterpart) == ["Reply from compta@client.example: 100% paid", "compta@client.example", "paie@deux.example"])
            #expect(log.map(\.customerCode) == ["C001", "C001", "C002"])
            #expect(log.map(\.time) == [F.time.addingTimeInterval(60), F.time.addingTimeInterval(30), F.time])
            #expect(log.allSatisfy { $0.raw == nil })
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: nil, limit: 2).map(\.id) == [received, sent])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: nil, limit: 0).isEmpty)
            #expect(try await book.mailLog.mailLog(of: CreditorID("other")!, search: nil, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aSearchIgnoresCaseAndTakesWildcardsLiterally(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (sent, queued, received) = try await mail(book)
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: " c002 ", limit: 10).map(\.id) == [queued])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "COMPTA@", limit: 10).map(\.id) == [received, sent])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "100%", limit: 10).map(\.id) == [received])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "%", limit: 10).map(\.id) == [received])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "_", limit: 10).isEmpty)
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "queued", limit: 10).map(\.id) == [queued])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "   ", limit: 10).count == 3)
        }
    }

    @Test(arguments: StoreBackend.all) func aSearchInWordsFindsTheCodesTheyName(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (sent, queued, received) = try await mail(book)
            // « première » names `first-reminder`; the text alone is found nowhere.
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "première", limit: 10).isEmpty)
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "première", codes: ["first-reminder"], limit: 10).map(\.id)
                    == [sent, queued])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "en file", codes: ["queued"], limit: 10).map(\.id) == [queued])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "réponse", codes: ["reply", "autoreply"], limit: 10).map(\.id)
                    == [received])
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "deuxième", codes: ["second-reminder"], limit: 10).isEmpty)
            // The text still counts beside the codes.
            #expect(try await book.mailLog.mailLog(of: F.creditor, search: "c002", codes: ["reply"], limit: 10).map(\.id) == [received, queued])
        }
    }

    @Test(arguments: StoreBackend.all) func oneEntryComesWithItsBytesAndOnlyForItsCreditor(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let (sent, _, received) = try await mail(book)
            let reminder = try #require(try await book.mailLog.mailEntry(.sent, id: sent, of: F.creditor))
            #expect(reminder.raw == F.composed(sent).bytes && reminder.what == .reminder(step: "first-reminder", state: .sent))
            let reply = try #require(try await book.mailLog.mailEntry(.received, id: received, of: F.creditor))
            #expect(reply.raw == Array("Subject: Re: test\r\n\r\nRéglé.\r\n".utf8) && reply.customerName == "Client C001")
            #expect(try await book.mailLog.mailEntry(.sent, id: sent, of: CreditorID("other")!) == nil)
            #expect(try await book.mailLog.mailEntry(.received, id: sent + received + 100, of: F.creditor) == nil)
        }
    }
}
