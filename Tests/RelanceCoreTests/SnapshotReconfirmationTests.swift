import RelanceCore
import Testing

/// When the same bytes dropped again confirm the books as of the later day: only an undated
/// export, only the latest word on the books, only later.
@Suite("An undated export dropped again")
struct SnapshotReconfirmationTests {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso8601: iso)! }

    static func snapshot(asOf: String = "2026-12-07", undated: Bool? = true, authoritative: Bool = true) -> ReceivableSnapshot {
        var snapshot = ReceivableSnapshot(items: [], asOf: day(asOf), isAuthoritative: authoritative)
        snapshot.datedByDropDay = undated
        return snapshot
    }

    static func earlier(applied: Bool = true, authoritative: Bool = true, asOf: String? = "2026-11-23",
                        latest: Bool = true) -> SnapshotReconfirmation.EarlierImport {
        .init(id: 4, applied: applied, authoritative: authoritative, asOf: asOf.map(day), isLatestWord: latest)
    }

    @Test("the latest export, undated, dropped again on a later day: the books as of that day")
    func confirms() {
        #expect(SnapshotReconfirmation.asOf(Self.snapshot(), dropping: Self.earlier()) == Self.day("2026-12-07"))
    }

    @Test("a plain duplicate otherwise", arguments: [
        ("the file states its date", snapshot(undated: nil), earlier()),
        ("the file states its date (false)", snapshot(undated: false), earlier()),
        ("not the creditor's reference export", snapshot(authoritative: false), earlier(authoritative: false)),
        ("the earlier import was not the reference", snapshot(), earlier(authoritative: false)),
        ("the earlier import waits for a person", snapshot(), earlier(applied: false)),
        ("a newer export came since: this one is old news", snapshot(), earlier(latest: false)),
        ("dropped again the same day", snapshot(asOf: "2026-11-23"), earlier()),
        ("the earlier one is dated later (a clock set back)", snapshot(asOf: "2026-11-20"), earlier()),
        ("the earlier one has no date", snapshot(), earlier(asOf: nil)),
    ] as [(String, ReceivableSnapshot, SnapshotReconfirmation.EarlierImport)])
    func plainDuplicate(_ why: String, _ snapshot: ReceivableSnapshot, _ earlier: SnapshotReconfirmation.EarlierImport) {
        #expect(SnapshotReconfirmation.asOf(snapshot, dropping: earlier) == nil, "\(why)")
    }
}
