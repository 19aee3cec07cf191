/// What the store knows about a creditor that changes what may be done today.
public struct CreditorState: Sendable, Hashable, Codable {
    /// A new creditor's messages and documents are planned and rendered for a person to read;
    /// nothing is sent until the creditor is activated.
    public var reviewMode: Bool
    /// `relance pause --creditor`: nil when not paused.
    public var pause: Pause?
    /// The date of the latest authoritative snapshot (ledger or aged balance), for the
    /// stale-ledger rule.
    public var ledger: LedgerEvidence
    /// A ledger older than this (calendar days) stops everything: the customer may have paid since.
    public var maximumLedgerAgeDays: Int

    public init(reviewMode: Bool = false, pause: Pause? = nil, ledger: LedgerEvidence = .notTracked,
                maximumLedgerAgeDays: Int = 7) {
        self.reviewMode = reviewMode
        self.pause = pause
        self.ledger = ledger
        self.maximumLedgerAgeDays = maximumLedgerAgeDays
    }

    public struct Pause: Sendable, Hashable, Codable {
        /// Last paused day; nil until `relance resume`.
        public var until: CivilDate?
        public var reason: String?

        public init(until: CivilDate? = nil, reason: String? = nil) {
            self.until = until
            self.reason = reason
        }
    }

    /// The state the store keeps (commands over the configuration's `active`).
    public init(stored: CreditorStoredState, configuredActive: Bool, ledger: LedgerEvidence, maximumLedgerAgeDays: Int = 7) {
        self.init(reviewMode: !(stored.active ?? configuredActive),
                  pause: stored.paused ? Pause(until: stored.pausedUntil, reason: stored.pauseReason) : nil,
                  ledger: ledger, maximumLedgerAgeDays: maximumLedgerAgeDays)
    }

    public enum LedgerEvidence: Sendable, Hashable, Codable {
        /// The caller does not track snapshot dates: the stale-ledger rule is not applied.
        case notTracked
        /// No authoritative snapshot was ever imported: nothing may be sent.
        case noAuthoritativeSnapshot
        /// The `asOf` date of the latest authoritative snapshot.
        case latestAuthoritativeSnapshot(CivilDate)
    }
}
