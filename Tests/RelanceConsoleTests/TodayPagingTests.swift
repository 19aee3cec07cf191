import Foundation
import HummingbirdTesting
@testable import RelanceConsole
import RelanceCore
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
}
