import Foundation
import RelanceCore
import Testing

/// A person gives a customer's right address (the console's customer page), on both stores: it
/// becomes the customer's, is no longer marked invalid, and the journal says who gave it.
@Suite struct CorrectedAddressStoreTests {
    typealias F = StoreFixtures

    @Test(arguments: StoreBackend.all) func aCorrectedAddressIsTheCustomersAndNoLongerInvalid(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100, email: "old@client.example")]).first)
            let right = try #require(EmailAddress("right@client.example"))
            #expect(try await book.people.markAddressInvalid(right, of: F.creditor, reason: "bounced", evidence: nil, at: F.time))
            try await book.correctedAddresses.addCorrectedAddress(right, toCustomer: invoice.customerID, by: "marie", at: F.time)
            let open = try await book.receivables.openReceivables(of: F.creditor)
            #expect(open.first?.customer.emails.map(\.value).sorted() == ["old@client.example", "right@client.example"])
            #expect(try await book.people.invalidAddresses(of: F.creditor).isEmpty)
            let line = try #require(try await book.journal.recentEvents(of: F.creditor, limit: 1).first?.event)
            #expect(line.kind == "customer.address-corrected" && line.customerID == invoice.customerID)
            #expect(line.summary == Language.english.wording.addressCorrected("right@client.example", by: "marie"))
            // A customer that does not exist is said so, nothing written.
            await #expect { try await book.correctedAddresses.addCorrectedAddress(right, toCustomer: 999_999, by: "marie", at: F.time) } throws: {
                book.isNotFound($0)
            }
        }
    }
}
