import Foundation
import Testing
import RelanceCore

/// The journal port, against both stores (`StoreBackend`).
@Suite struct EventJournalTests {
    typealias F = StoreFixtures

    @Test(arguments: StoreBackend.all) func eventsReadBackAsRecordedNewestFirst(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoice = try #require(try await book.seed([F.item("F-1", open: 100)]).first)
            let journal = book.journal
            let before = try await journal.recentEvents(of: F.creditor, limit: 1000).count
            try await journal.record([
                NewEvent(time: F.time, kind: "test.first", creditor: F.creditor, customerID: invoice.customerID,
                         summary: "First", detail: ["b": "2", "a": "1"]),
                NewEvent(time: F.time.addingTimeInterval(1), kind: "test.second", creditor: F.creditor, invoiceID: invoice.invoiceID,
                         summary: "Second\nforged line"),
            ])
            let recent = try await journal.recentEvents(of: F.creditor, limit: 2)
            #expect(recent.map(\.event.kind) == ["test.second", "test.first"])
            #expect(recent[0].id > recent[1].id)
            #expect(recent[1].event.detail == ["a": "1", "b": "2"])
            #expect(recent[1].event.customerID == invoice.customerID)
            #expect(recent[0].event.invoiceID == invoice.invoiceID)
            #expect(recent[1].event.time == F.time)
            // A line break in a summary cannot forge a second entry: stored escaped.
            #expect(!recent[0].event.summary.contains("\n"))
            #expect(try await journal.recentEvents(of: F.creditor, limit: 1000).count == before + 2)
            #expect(try await journal.recentEvents(of: nil, limit: 1).first?.event.kind == "test.second")
        }
    }

    @Test(arguments: StoreBackend.all) func eventsOfKindsSinceATimeOldestFirst(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let journal = book.journal
            try await journal.record(NewEvent(time: F.time, kind: "test.a", creditor: F.creditor, summary: "too early"))
            try await journal.record(NewEvent(time: F.time.addingTimeInterval(60), kind: "test.a", creditor: F.creditor, summary: "a"))
            try await journal.record(NewEvent(time: F.time.addingTimeInterval(61), kind: "test.b", creditor: F.creditor, summary: "b"))
            try await journal.record(NewEvent(time: F.time.addingTimeInterval(62), kind: "test.c", creditor: F.creditor, summary: "c"))
            let found = try await journal.events(of: F.creditor, kinds: ["test.a", "test.b"], since: F.time.addingTimeInterval(60))
            #expect(found.map(\.event.summary) == ["a", "b"])
            #expect(try await journal.events(of: F.creditor, kinds: [], since: F.time).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aCustomersTimelineHoldsItsOwnEventsOnly(_ backend: StoreBackend) async throws {
        try await backend.withBook { book in
            let invoices = try await book.seed([F.item("F-1", customer: "C001", open: 100), F.item("F-2", customer: "C002", open: 200)])
            let journal = book.journal
            try await journal.record(NewEvent(time: F.time, kind: "test.mine", creditor: F.creditor, customerID: invoices[0].customerID,
                                              summary: "mine"))
            try await journal.record(NewEvent(time: F.time, kind: "test.other", creditor: F.creditor, customerID: invoices[1].customerID,
                                              summary: "other"))
            let timeline = try await journal.events(ofCustomer: invoices[0].customerID)
            #expect(timeline.contains { $0.event.summary == "mine" })
            #expect(!timeline.contains { $0.event.summary == "other" })
            #expect(timeline.map(\.id) == timeline.map(\.id).sorted())
        }
    }
}
