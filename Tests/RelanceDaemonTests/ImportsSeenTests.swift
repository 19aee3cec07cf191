@testable import RelanceDaemon
import RelanceCore
import Testing

/// On a shared book, a daemon's intake notices a file another daemon applied, so that its planner
/// looks at the day even if that daemon died before planning.
@Suite struct ImportsSeenTests {
    let acme = CreditorID("acme")!
    let other = CreditorID("other")!

    @Test func theFirstLookOnlyRemembers() {
        let seen = ImportsSeen()
        #expect(!seen.isNew(7, for: acme))
        #expect(!seen.isNew(7, for: acme))
    }

    @Test func anImportAppliedAfterAnEmptyBookIsNew() {
        let seen = ImportsSeen()
        #expect(!seen.isNew(nil, for: acme))
        #expect(seen.isNew(1, for: acme))
        #expect(!seen.isNew(1, for: acme), "seen once, not again")
    }

    @Test func onlyANewerImportOfThatCreditorIsNew() {
        let seen = ImportsSeen()
        _ = seen.isNew(3, for: acme)
        _ = seen.isNew(nil, for: other)
        #expect(seen.isNew(5, for: acme))
        #expect(!seen.isNew(4, for: acme), "an older one confirmed late: the day was planned after the newer one")
        #expect(!seen.isNew(nil, for: other))
    }
}
