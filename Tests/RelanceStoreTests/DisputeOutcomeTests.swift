import Foundation
import Testing
import RelanceCore
import RelanceStore

/// Issue #11, "The ladder": a dispute recorded by a person, as a task's outcome, freezes the
/// invoice through the one dispute path, until `relance resume --invoice` ends it.
@Suite struct DisputeOutcomeTests {
    typealias F = StoreFixtures

    @Test func closingATaskWithADisputeFreezesTheInvoiceUntilResumed() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 50)]), at: F.time)
        let receivables = try await store.openReceivables(of: F.creditor)
        let f2 = try #require(receivables.first { $0.number == "F-2" })
        let task = try await store.openTask(NewTask(creditor: F.creditor, customerID: f2.customer.id, kind: .call,
                                                    title: "Call Client C001", dedupKey: "call:C001"), at: F.time)
        try await store.closeTask(task.id, outcome: .dispute(invoices: ["F-2"]), at: F.time)
        #expect(try await store.disputedInvoices(of: F.creditor) == [f2.invoiceID])
        let events = try await store.events(ofCustomer: f2.customer.id).map(\.event)
        #expect(events.contains { $0.kind == "invoice.disputed" && $0.summary.contains("task #\(task.id)") })

        #expect(try await store.resolveDispute(invoice: "F-2", of: F.creditor, reason: "credit note agreed", at: F.time))
        #expect(try await store.disputedInvoices(of: F.creditor).isEmpty)
        #expect(!(try await store.resolveDispute(invoice: "F-2", of: F.creditor, reason: "again", at: F.time)))
    }

    @Test func aLaterPromiseOnATaskAboutTheInvoiceEndsTheDispute() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100), F.item("F-2", open: 50)]), at: F.time)
        let f2 = try #require(try await store.openReceivables(of: F.creditor).first { $0.number == "F-2" })
        let call = try await store.openTask(NewTask(creditor: F.creditor, customerID: f2.customer.id, kind: .call,
                                                    title: "Call Client C001", dedupKey: "call:C001"), at: F.time)
        try await store.closeTask(call.id, outcome: .dispute(invoices: ["F-2"]), at: F.time)
        // A reply about F-2 is read later: the customer now promises to pay it.
        let reply = try await store.openTask(NewTask(creditor: F.creditor, customerID: f2.customer.id, kind: .readReply,
                                                     title: "Read the reply", dedupKey: "reply:1", invoiceIDs: [f2.invoiceID]), at: F.time)
        try await store.closeTask(reply.id, outcome: .promisedToPay(on: F.date("2026-12-15")), at: F.time)
        #expect(try await store.disputedInvoices(of: F.creditor).isEmpty)
        let events = try await store.events(ofCustomer: f2.customer.id).map(\.event)
        #expect(events.contains { $0.kind == "invoice.dispute-resolved" && $0.summary.contains("promise to pay recorded on task #\(reply.id)") })
    }

    @Test func aDisputeOnAnUnknownInvoiceLeavesTheTaskOpen() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([F.item("F-1", open: 100)]), at: F.time)
        let customer = try #require(try await store.openReceivables(of: F.creditor).first).customer
        let task = try await store.openTask(NewTask(creditor: F.creditor, customerID: customer.id, kind: .call,
                                                    title: "Call Client C001", dedupKey: "call:C001"), at: F.time)
        await #expect(throws: StoreError.self) { try await store.closeTask(task.id, outcome: .dispute(invoices: ["F-9"]), at: F.time) }
        #expect(try await store.tasks(of: F.creditor, state: .open).map(\.id) == [task.id])
        await #expect(throws: StoreError.self) { _ = try await store.resolveDispute(invoice: "F-9", of: F.creditor, reason: "", at: F.time) }
    }
}
