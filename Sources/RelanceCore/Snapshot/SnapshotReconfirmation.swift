/// An export dropped again byte for byte, which dates itself by the day it is dropped (an
/// open-invoice report without an "as of" line). The first drop made it the ledger as of that
/// day; dropping the same bytes a week later says the books are still exactly that, as of the
/// later day. Without this the duplicate changed nothing, the ledger stayed a week old, and the
/// stale-ledger hold went on holding every reminder although the accountant had just dropped
/// the export it asked for.
///
/// Only the latest word on the books is confirmed again: an older export dropped by mistake
/// after a newer one (or beside one held for a person) stays a plain duplicate. The confirmation
/// is a reading of what the accountant meant, so it is said in the journal and the run's report.
public enum SnapshotReconfirmation {
    /// The import whose bytes were dropped again, as the store finds it.
    public struct EarlierImport: Sendable, Hashable {
        public var id: Int64
        public var applied: Bool
        public var authoritative: Bool
        public var asOf: CivilDate?
        /// No applied authoritative import is newer than it (by id or by date), and no import is held after it.
        public var isLatestWord: Bool

        public init(id: Int64, applied: Bool, authoritative: Bool, asOf: CivilDate?, isLatestWord: Bool) {
            self.id = id
            self.applied = applied
            self.authoritative = authoritative
            self.asOf = asOf
            self.isLatestWord = isLatestWord
        }
    }

    /// The date the earlier import now describes the books at, or nil when the duplicate changes nothing.
    public static func asOf(_ snapshot: ReceivableSnapshot, dropping earlier: EarlierImport) -> CivilDate? {
        guard snapshot.datedByDropDay == true, snapshot.isAuthoritative, earlier.applied, earlier.authoritative,
              earlier.isLatestWord, let before = earlier.asOf, before < snapshot.asOf else { return nil }
        return snapshot.asOf
    }
}
