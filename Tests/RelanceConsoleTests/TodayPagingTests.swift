import Foundation
import HummingbirdTesting
@testable import RelanceConsole
import RelanceCore
import RelanceStore
import Testing

@Suite("Today on a big book")
struct TodayPagingTests {
    static func tasks(_ kinds: [(WorkTask.Kind, Int)]) -> [WorkTask] {
        var id: Int64 = 0
        return kinds.flatMap { kind, count in
            (0..<count).map { _ in
                id += 1
                return WorkTask(id: id, creditor: CreditorID("acme")!, customerID: id, kind: kind, state: .open, title: "t\(id)",
                                detail: [:], step: nil, invoiceIDs: [], createdAt: Date(timeIntervalSince1970: 0), dueOn: nil,
                                outcome: nil, closedAt: nil)
            }
        }
    }

    @Test("Today shows the first of each kind in the order given, and how many more of each")
    func firstOfEachKind() {
        let sorted = Self.tasks([(.call, 1_000), (.letter, 3), (.readReply, 25)])
        let paging = TodayPaging(sorted: sorted, kind: nil, page: nil)
        #expect(paging.shown.count == 20 + 3 + 20)
        #expect(paging.shown.prefix(20).map(\.id) == Array(1...20))
        #expect(paging.more.map(\.kind) == [.call, .readReply])
        #expect(paging.more.map(\.count) == [980, 5])
        #expect(paging.page == nil)
    }

    @Test("one kind pages by fifty; a page past the end shows the last one")
    func pages() {
        let sorted = Self.tasks([(.letter, 3), (.call, 120)])
        let second = TodayPaging(sorted: sorted, kind: .call, page: 2)
        #expect(second.shown.map(\.id) == Array(54...103))
        #expect(second.page?.number == 2 && second.page?.count == 3 && second.page?.total == 120)
        #expect(second.more.isEmpty)
        let past = TodayPaging(sorted: sorted, kind: .call, page: 99)
        #expect(past.page?.number == 3 && past.shown.count == 20)
        #expect(TodayPaging(sorted: sorted, kind: .handOff, page: nil).shown.isEmpty)
    }

    @Test("the page links to the rest of a kind, and that kind's page says which tasks it shows, in French")
    func route() async throws {
        let fixture = try await ConsoleFixture()
        let acme = CreditorID("acme")!
        for n in 1...23 {
            _ = try await fixture.runtime.store.openTask(NewTask(creditor: acme, customerID: nil, kind: .identifyCustomer,
                                                                 title: "Identifier le client n° \(n)", dedupKey: "who-\(n)"),
                                                         at: fixture.runtime.clock.now())
        }
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            #expect(try await browser.login(client, user: "marie") == .seeOther)
            try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Appeler Boulangerie Martin"))
                #expect(html.components(separatedBy: "Identifier le client n° ").count - 1 == 20)
                #expect(html.contains(#"href="/?kind=identify-customer""#))
                #expect(html.contains("Et 3 autres tâches"))
            }
            try await client.execute(uri: "/?kind=identify-customer", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "Identifier le client n° ").count - 1 == 23)
                #expect(html.contains("1 à 23 sur 23 (page 1 sur 1)"))
                #expect(!html.contains("Appeler Boulangerie Martin"))
            }
        }
    }

    /// Today's order as the console computed it before the store paged: kind, then due date
    /// (none last), stable over the store's order of opening.
    static func priority(_ a: WorkTask, _ b: WorkTask) -> Bool {
        let order = WorkTask.Kind.todayOrder
        let left = order.firstIndex(of: a.kind)!, right = order.firstIndex(of: b.kind)!
        return left != right ? left < right : (a.dueOn ?? .init(year: 9999, month: 12, day: 31)!) < (b.dueOn ?? .init(year: 9999, month: 12, day: 31)!)
    }

    @Test("the store's pages of each kind show what every open task sorted and paged showed")
    func storePagesAreTheWholeBooksPages() async throws {
        let acme = CreditorID("acme")!
        let store = try AppDatabase.inMemory()
        let time = Date(timeIntervalSince1970: 1_795_000_000)
        try await store.registerCreditor(acme, at: time)
        _ = try await store.importSnapshot(
            ImportedFile(creditor: acme, fileName: "a.csv", sha256: String(repeating: "a", count: 64), byteCount: 1, kind: "open-invoices"),
            ReceivableSnapshot(items: (1...70).map { n in
                OpenItem(customer: "C\(n)", invoice: "F-\(n)", due: CivilDate(year: 2026, month: 10, day: 1)!,
                         open: Money(minorUnits: 100, currency: .euro), emails: ["c\(n)@client.example"])
            }, asOf: CivilDate(year: 2026, month: 11, day: 20)!, isAuthoritative: true), at: time)
        let customers = try await store.customerProfiles(of: acme).map(\.id)
        func due(_ n: Int) -> CivilDate? { n % 7 == 3 ? nil : CivilDate(year: 2026, month: 12, day: 1 + n % 11)! }
        for (n, customer) in customers.enumerated() {
            _ = try await store.openTask(NewTask(creditor: acme, customerID: customer, kind: .call, title: "Appeler \(n)", dueOn: due(n)),
                                         at: time.addingTimeInterval(Double(n % 4)))
            if n < 23 {
                _ = try await store.openTask(NewTask(creditor: acme, customerID: customer, kind: .letter, title: "Lettre \(n)",
                                                     dueOn: due(n + 1)), at: time)
            }
        }
        for n in 1...21 {
            _ = try await store.openTask(NewTask(creditor: acme, customerID: nil, kind: .identifyCustomer, title: "Qui \(n)",
                                                 dedupKey: "who-\(n)", dueOn: due(n)), at: time)
        }
        let sorted = try await store.tasks(of: acme, state: .open).sorted(by: Self.priority)
        let counts = try await store.openTaskCounts(of: acme)
        for kind in [nil] + WorkTask.Kind.allCases {
            for page in [nil, 1, 2, 3, 9] {
                let whole = TodayPaging(sorted: sorted, kind: kind, page: page)
                var paged = TodayPaging(counts: counts, kind: kind, page: page)
                try await paged.fetch { try await store.openTasks(of: acme, kind: $0.kind, offset: $0.offset, limit: $0.limit) }
                #expect(paged.shown.map(\.id) == whole.shown.map(\.id), "\(String(describing: kind)) \(String(describing: page))")
                #expect(paged.more.map(\.kind) == whole.more.map(\.kind) && paged.more.map(\.count) == whole.more.map(\.count))
                #expect(paged.page.map { [$0.number, $0.count, $0.total] } == whole.page.map { [$0.number, $0.count, $0.total] })
                #expect(paged.page?.kind == whole.page?.kind)
            }
        }
        #expect(TodayPaging(counts: counts, kind: nil, page: nil).more.map(\.kind) == [.call, .letter, .identifyCustomer])
    }
}
