import Foundation
import Testing
import RelanceCore
import RelanceStore

@Suite struct InboundStoreTests {
    typealias F = StoreFixtures

    private func storeWithCustomer() async throws -> (AppDatabase, Receivable) {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 50)]), at: F.time)
        return (store, try #require(try await store.openReceivables(of: F.creditor).first))
    }

    private func record(uid: UInt32, customer: Int64?, id: String? = nil) -> InboundRecord {
        InboundRecord(creditor: F.creditor, folder: "INBOX", uidValidity: 7, uid: uid, rfcMessageID: id ?? "m\(uid)@client.example",
                      kind: .reply, messageID: nil, customerID: customer, summary: "Reply", excerpt: "Vu.", raw: Array("x".utf8))
    }

    private func mark(_ uid: UInt32) -> MailboxMark {
        MailboxMark(folder: "INBOX", uidValidity: 7, lastUID: uid, polledAt: F.time)
    }

    @Test func aMessageItsEffectsAndTheMarkCommitTogether() async throws {
        let (store, receivable) = try await storeWithCustomer()
        let task = InboundTaskRequest(kind: .readReply, title: "Read the reply", detail: ["excerpt": "Vu."])
        let outcome = try await store.recordInbound(record(uid: 3, customer: receivable.customer.id),
                                                    effects: [.holdCustomer(.reply, until: nil, reason: "replied"), .openTask(task)],
                                                    mark: mark(3), at: F.time)
        #expect(!outcome.duplicate)
        #expect(outcome.openedTasks.count == 1)
        #expect(try await store.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 3)
        let opened = try #require(try await store.tasks(of: F.creditor, state: .open).first)
        #expect(opened.detail["customer"] == "Client C001")
        #expect(opened.detail["amount_due"] == "1.50 EUR")
        #expect(opened.detail["invoices"]?.contains("F-1") == true)
        #expect(try await store.liveHolds(of: F.creditor).map(\.kind) == [.reply])
    }

    @Test func theSameMessageIDActsOnce() async throws {
        let (store, receivable) = try await storeWithCustomer()
        let hold = InboundEffect.holdCustomer(.reply, until: nil, reason: "replied")
        _ = try await store.recordInbound(record(uid: 3, customer: receivable.customer.id, id: "same@x"), effects: [hold], mark: mark(3), at: F.time)
        let again = try await store.recordInbound(record(uid: 9, customer: receivable.customer.id, id: "same@x"), effects: [hold], mark: mark(9), at: F.time)
        #expect(again.duplicate)
        #expect(try await store.liveHolds(of: F.creditor).count == 1)
        #expect(try await store.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 9)   // the mark still moves
    }

    @Test func aFailingEffectLeavesTheMarkWhereItWas() async throws {
        let (store, _) = try await storeWithCustomer()
        try await store.saveMailboxMark(mark(2), of: F.creditor)
        // A customer that does not exist: the insert fails, and nothing of the transaction stays.
        await #expect(throws: (any Error).self) {
            _ = try await store.recordInbound(record(uid: 3, customer: 999_999), effects: [], mark: mark(3), at: F.time)
        }
        #expect(try await store.mailboxMark(of: F.creditor, folder: "INBOX")?.lastUID == 2)
    }

    @Test func aKnownContactFindsItsCustomerWhateverTheCase() async throws {
        let (store, receivable) = try await storeWithCustomer()
        #expect(try await store.customers(withContact: EmailAddress("Compta@Client.example")!, of: F.creditor) == [receivable.customer.id])
        #expect(try await store.customers(withContact: EmailAddress("other@client.example")!, of: F.creditor).isEmpty)
    }

    @Test func aTaskAboutOurOwnSetupNamesNoCustomer() async throws {
        let (store, receivable) = try await storeWithCustomer()
        let task = InboundTaskRequest(kind: .fixConfiguration, title: "Sender refused", dedupKey: "bounce-sender-rejected", aboutCustomer: false)
        _ = try await store.recordInbound(record(uid: 1, customer: receivable.customer.id), effects: [.openTask(task)], mark: mark(1), at: F.time)
        let opened = try #require(try await store.tasks(of: F.creditor, state: .open).first)
        #expect(opened.customerID == nil)
        #expect(opened.detail["phones"] == nil)
    }
}
