import Foundation
import GRDB
@testable import RelanceStore
import RelanceCore
import Testing

/// The console's narrowed reads (`ConsolePagesStore`) must be exactly the whole-book reads they
/// replace, filtered, paged or cut as the console used to do it in Swift.
@Suite struct ConsolePagesStoreTests {
    typealias F = StoreFixtures
    static let other = CreditorID("beta")!

    /// Twelve customers, one with a name in capitals with accents, one owing in two currencies,
    /// a credit, and another creditor whose book must never show.
    static func book() async throws -> AppDatabase {
        let store = try await F.freshStore()
        try await store.registerCreditor(other, at: F.time)
        var items: [OpenItem] = []
        for n in 1...12 {
            let code = String(format: "C%03d", n)
            let name = n == 4 ? "ÉRIC DURAND SARL" : n == 5 ? "Œuvres Öko" : "Client \(code)"
            for k in 1...(n % 3 + 1) {
                items.append(OpenItem(customer: code, customerName: name, invoice: "FA-2026-\(n)\(k)", issued: F.date("2026-09-15"),
                                      due: F.date("2026-10-\(10 + k)"), open: F.euros(Int64(1_000 * n + k)),
                                      emails: [n == 7 ? "Compta@Sept.example" : "ap\(n)@client\(n).example"]))
            }
        }
        items.append(OpenItem(customer: "C006", customerName: "Client C006", invoice: "US-1", due: F.date("2026-10-01"),
                              open: Money(minorUnits: 50_000, currency: Currency(code: "USD")!), emails: ["ap6@client6.example"]))
        items.append(OpenItem(customer: "C008", customerName: "Client C008", invoice: "AVOIR-É1", open: F.euros(-2_500),
                              emails: ["ap8@client8.example"]))
        _ = try await store.importSnapshot(F.file("a.csv"), F.snapshot(items), at: F.time)
        _ = try await store.importSnapshot(ImportedFile(creditor: other, fileName: "b.csv", sha256: String(repeating: "b", count: 64),
                                                        byteCount: 100, kind: "open-invoices"),
                                           F.snapshot([OpenItem(customer: "C001", customerName: "Client C001 de beta", invoice: "FA-2026-11",
                                                                open: F.euros(700), emails: ["beta@client.example"])]),
                                           at: F.time)
        return store
    }

    @Test func openTaskPagesAreTheOpenTasksSortedForTodayThenCut() async throws {
        let store = try await Self.book()
        let customers = try await store.customerProfiles(of: F.creditor).map(\.id)
        let dues: [String?] = ["2026-12-03", nil, "2026-12-01", "2026-12-03", nil, "2026-11-30"]
        var closing: [Int64] = []
        for (n, customer) in customers.enumerated() {
            // Opened in an order that is not the due dates', some at the same instant.
            let at = F.time.addingTimeInterval(Double((n * 7) % 5) * 60)
            let due = dues[n % dues.count].map(F.date)
            let call = try await store.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .call, title: "Appeler \(n)",
                                                        detail: ["script": String(repeating: "parler ", count: 50)], dueOn: due), at: at)
            if n % 4 == 0 {
                _ = try await store.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .registeredLetter,
                                                     title: "Lettre \(n)", dueOn: due), at: at)
            }
            _ = try await store.openTask(NewTask(creditor: F.creditor, customerID: customer, kind: .readReply, title: "Réponse \(n)",
                                                 dedupKey: "reply-\(n)", dueOn: dues[(n + 1) % dues.count].map(F.date)), at: at)
            if n % 5 == 0 { closing.append(call.id) }
        }
        for n in 1...3 {
            _ = try await store.openTask(NewTask(creditor: F.creditor, customerID: nil, kind: .checkPayment, title: "Banque \(n)",
                                                 dedupKey: "bank-\(n)"), at: F.time)
        }
        _ = try await store.openTask(NewTask(creditor: Self.other, customerID: nil, kind: .call, title: "Autre créancier"), at: F.time)
        // Closed through the one outcome path (closeTask is gone): a person says the customer paid.
        for id in closing { try #require(try await F.recordOutcome(.paid(), on: id, in: store) != nil) }

        // The whole-book computation the console did before: every open task, sorted in Swift
        // by kind (Today's order) then due date (none last), stably over the store's order.
        let open = try await store.tasks(of: F.creditor, state: .open)
        let rank = { (kind: WorkTask.Kind) in WorkTask.Kind.todayOrder.firstIndex(of: kind)! }
        let last = CivilDate(year: 9999, month: 12, day: 31)!
        let sorted = open.sorted { a, b in
            rank(a.kind) != rank(b.kind) ? rank(a.kind) < rank(b.kind) : (a.dueOn ?? last) < (b.dueOn ?? last)
        }
        let counts = try await store.openTaskCounts(of: F.creditor)
        #expect(counts == Dictionary(grouping: open, by: \.kind).mapValues(\.count))
        #expect(counts[.call] == customers.count - closing.count && counts[.checkPayment] == 3)
        for kind in WorkTask.Kind.allCases {
            let ofKind = sorted.filter { $0.kind == kind }
            for (offset, limit) in [(0, 100), (0, 5), (5, 5), (3, 1), (10, 50), (100, 5)] {
                let page = try await store.openTasks(of: F.creditor, kind: kind, offset: offset, limit: limit)
                #expect(page == Array(ofKind.dropFirst(offset).prefix(limit)), "\(kind) \(offset) \(limit)")
            }
        }
        #expect(try await store.openTasks(of: Self.other, kind: .call, offset: 0, limit: 10).map(\.title) == ["Autre créancier"])
        let every = try await store.tasks(of: nil, state: nil)
        for task in every { #expect(try await store.task(id: task.id) == task) }
        #expect(try await store.task(id: 999_999) == nil)
    }

    @Test func todaysOrderNamesEveryKindOnce() {
        #expect(WorkTask.Kind.todayOrder.count == WorkTask.Kind.allCases.count)
        #expect(Set(WorkTask.Kind.todayOrder) == Set(WorkTask.Kind.allCases))
    }

    @Test func openTaskPagesWalkTheIndexWithoutSorting() async throws {
        let store = try await Self.book()
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM task t WHERE t.creditor_id = 'acme' AND t.state = 'open' AND t.kind = 'call'
                ORDER BY COALESCE(t.due_on, '9999-12-31'), t.created_at, t.id LIMIT 20 OFFSET 0
                """).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("task_open_by_kind") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    @Test func theOutboxPauseAndTheSearchReadIndexesNotTables() async throws {
        let store = try await Self.book()
        let plans = try await store.writer.read { db in
            try [
                """
                SELECT at, detail FROM event WHERE creditor_id = 'acme' AND kind = 'outbox.paused'
                AND id > COALESCE((SELECT MAX(id) FROM event WHERE creditor_id = 'acme' AND kind IN ('message.sent', 'outbox.resumed')), 0)
                ORDER BY id DESC LIMIT 1
                """,
                "SELECT i.customer_id FROM invoice i INDEXED BY invoice_open_number WHERE i.creditor_id = 'acme' AND i.status = 'open' AND i.number LIKE '%1%'",
            ].map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
        }
        #expect(plans[0].allSatisfy { !$0.hasPrefix("SCAN") } && plans[0].contains { $0.contains("event_creditor_kind") }, "\(plans[0])")
        #expect(plans[1].contains { $0.contains("COVERING INDEX invoice_open_number") }, "\(plans[1])")
    }

    @Test func oneCustomersHoldsAndTimelineAreTheBooksFilteredAndCut() async throws {
        let store = try await Self.book()
        let customers = try await store.customerProfiles(of: F.creditor).map(\.id)
        // A second import: each customer's timeline lists both imports that showed its invoices.
        let book = try await store.openReceivables(of: F.creditor)
        _ = try await store.importSnapshot(F.file("b.csv", sha: "c"), F.snapshot(book.dropFirst(3).map {
            OpenItem(customer: $0.customer.externalID, customerName: $0.customer.name, invoice: $0.number, due: $0.due, open: $0.open,
                     emails: $0.customer.emails.map(\.value))
        }, asOf: "2026-11-25"), at: F.time.addingTimeInterval(86_400))
        for (n, customer) in customers.enumerated() where n % 2 == 0 {
            _ = try await store.holdCustomer(customer, kind: .away, until: F.date("2026-12-04"), reason: "absent", at: F.time)
            _ = try await store.holdCustomer(customer, kind: .reply, until: nil, reason: "réponse", at: F.time)
        }
        try await store.resumeCustomer(customers[0], kinds: [.reply], reason: "lu", at: F.time)
        let holds = try await store.liveHolds(of: F.creditor)
        for customer in customers {
            #expect(try await store.liveHolds(of: F.creditor, customer: customer) == holds.filter { $0.customerID == customer })
            let timeline = try await store.events(ofCustomer: customer)
            #expect(!timeline.isEmpty)
            for last in [0, 1, 3, 200] {
                #expect(try await store.events(ofCustomer: customer, last: last) == Array(timeline.suffix(last)))
            }
        }
        #expect(try await store.liveHolds(of: Self.other, customer: customers[2]).isEmpty)
    }

    /// The console's search as it was: every customer and every open invoice read, then filtered —
    /// the customers' fields folded (`SearchFolding`: accents off) since v20-console-search.
    static func searchedTheOldWay(_ store: AppDatabase, _ creditor: CreditorID, _ text: String, limit: Int) async throws -> [CustomerSearchHit] {
        let needle = text.lowercased(), folded = SearchFolding.fold(text)
        let open = try await store.openReceivables(of: creditor)
        let invoiceMatches = Set(open.filter { $0.number.lowercased().contains(needle) }.map(\.customer.id))
        let openByCustomer = Dictionary(grouping: open, by: \.customer.id)
        var hits: [CustomerSearchHit] = []
        for customer in try await store.customerProfiles(of: creditor) where hits.count < limit {
            let profile = customer.profile
            let haystack = ([profile.externalID, profile.name ?? ""] + profile.emailsTo + profile.emailsCc).map(SearchFolding.fold)
            guard invoiceMatches.contains(customer.id) || (!folded.isEmpty && haystack.contains(where: { $0.contains(folded) })) else { continue }
            hits.append(CustomerSearchHit(customerID: customer.id, externalID: profile.externalID, name: profile.name,
                                          openByCurrency: Demand.sumByCurrency((openByCustomer[customer.id] ?? []).map(\.open))))
        }
        return hits
    }

    @Test(arguments: ["c00", "C01", "éric", "ÉRIC DUR", "œuvres ö", "fa-2026-1", "FA-2026-61", "us-1", "avoir-é", "compta@sept",
                      "@client1", "client", "1", "zzz", "beta", "%", "_"])
    func theSearchIsTheOldWholeBookFilter(_ text: String) async throws {
        let store = try await Self.book()
        for limit in [200, 3, 1] {
            let hits = try await store.searchCustomers(of: F.creditor, containing: text, limit: limit)
            #expect(hits == (try await Self.searchedTheOldWay(store, F.creditor, text, limit: limit)), "\(text) \(limit)")
        }
        #expect(try await store.searchCustomers(of: F.creditor, containing: "", limit: 200).isEmpty)
    }

    @Test func searchFindsByEachFieldAndSumsPerCurrency() async throws {
        let store = try await Self.book()
        #expect(try await store.searchCustomers(of: F.creditor, containing: "éric", limit: 10).map(\.externalID) == ["C004"])
        #expect(try await store.searchCustomers(of: F.creditor, containing: "SEPT.EXAMPLE", limit: 10).map(\.externalID) == ["C007"])
        #expect(try await store.searchCustomers(of: F.creditor, containing: "fa-2026-121", limit: 10).map(\.externalID) == ["C012"])
        let six = try #require(try await store.searchCustomers(of: F.creditor, containing: "C006", limit: 10).first)
        #expect(six.openByCurrency == [F.euros(6_001), Money(minorUnits: 50_000, currency: Currency(code: "USD")!)])
        #expect(try await store.searchCustomers(of: Self.other, containing: "client", limit: 10).map(\.name) == ["Client C001 de beta"])
    }
}
