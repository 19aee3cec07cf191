import Testing
import RelanceCore

/// A promise not kept: the ladder resumes, and the next message carries the day and amount
/// promised so that it says so (#13, "promesse non tenue").
@Suite struct BrokenPromisePlanTests {
    typealias F = Fixture

    static let due = [F.invoice("F-1", id: 1, due: "2026-10-15")]

    static func promise(amount: Money?) -> CustomerState {
        var hold = F.hold(.promise, until: F.day("2026-10-16"))
        hold.amount = amount
        return CustomerState(holds: [hold])
    }

    @Test func theNextEmailCarriesTheBrokenPromise() throws {
        let plan = F.plan(on: "2026-10-20", Self.due, customers: [1: Self.promise(amount: F.euros(50_000))],
                          creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-19"))))
        let contact = try #require(plan.contacts.first)
        #expect(contact.brokenPromise == PromiseNotKept(promisedFor: F.day("2026-10-16"), amount: F.euros(50_000)))
        #expect(plan.decisions(.promiseBroken).map(\.reason) == ["promesse non tenue : règlement promis pour le 16/10/2026 (500,00\u{00A0}€)"])
    }

    @Test func aPromiseKeptOrNotYetBrokenIsNotMentioned() throws {
        // The snapshot predates the promised day: nobody knows yet; the customer stays held.
        let pending = F.plan(on: "2026-10-20", Self.due, customers: [1: Self.promise(amount: nil)],
                             creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-10-16"))))
        #expect(pending.contacts.isEmpty && pending.decisions(.promiseBroken).isEmpty)
        // No promise at all: the first reminder goes out without a word about one.
        let plain = F.plan(on: "2026-10-20", Self.due)
        #expect(try #require(plain.contacts.first).brokenPromise == nil)
    }

    @Test func aBrokenPromiseIsSaidOnceOnly() throws {
        // A contact already made after the promised day: the promise was recalled then.
        let state = Self.promise(amount: nil)
        let later = [F.invoice("F-1", id: 1, due: "2026-10-15", steps: [("first-reminder", "2026-10-20")])]
        let plan = F.plan(on: "2026-11-05", later, customers: [1: state],
                          creditor: CreditorState(ledger: .latestAuthoritativeSnapshot(F.day("2026-11-02"))))
        #expect(plan.decisions(.promiseBroken).isEmpty)
        #expect(plan.contacts.allSatisfy { $0.brokenPromise == nil })
    }
}
