import Foundation
import Testing
import RelanceCore
import RelanceStore

/// The console's customer page reads one customer's receivables; they must be exactly the book's
/// read filtered to that customer — invoices, addresses, order and history.
@Suite struct OneCustomerReceivablesTests {
    typealias F = StoreFixtures

    @Test func oneCustomersReadIsTheBooksReadFilteredToIt() async throws {
        let store = try await F.freshStore()
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot([
            F.item("F-2", customer: "C001", open: 50, due: "2026-10-20"), F.item("F-1", customer: "C001", open: 100),
            F.item("F-3", customer: "C002", open: 70, email: "ap@two.example"), F.item("F-4", customer: "C003", open: 90),
        ]), at: F.time)
        let book = try await store.openReceivables(of: F.creditor)
        let two = try #require(book.first { $0.number == "F-3" })
        // A step a person carried out, so that the history is read through the customer's tasks too.
        _ = try await store.openTask(NewTask(creditor: F.creditor, customerID: two.customer.id, kind: .call, title: "Appeler",
                                             step: "call", invoiceIDs: [two.invoiceID]), at: F.time)
        let after = try await store.openReceivables(of: F.creditor)
        #expect(after.first { $0.number == "F-3" }?.history.isEmpty == false)
        for id in Set(after.map(\.customer.id)) {
            let one = try await store.openReceivables(of: F.creditor, customer: id)
            #expect(one == after.filter { $0.customer.id == id })
            #expect(!one.isEmpty)
        }
        #expect(try await store.openReceivables(of: F.creditor, customer: 999_999).isEmpty)
    }
}
