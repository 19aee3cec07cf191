/// The digest as its templates see it: every text finished in the reader's language, every
/// amount and date formatted, so the templates only place them. Built by
/// `DigestContextBuilder.build` (a pure function) and rendered by `DigestRenderer`.
public struct DigestContext: Sendable, Hashable {
    public struct Bucket: Sendable, Hashable {
        public var label: String
        public var amount: String
        /// Width of its bar, in percent of the largest bucket (at least 1 when not empty).
        public var percent: Int
        public var color: String
    }

    public struct Item: Sendable, Hashable {
        /// `#12`; nil when the line is not a task (a promise falling due).
        public var number: String?
        public var headline: String
        public var amount: String?
        public var phone: String?
        /// `tel:+33123456789`.
        public var phoneLink: String?
        public var reason: String?
        public var lines: [String]
        public var badge: String?
        /// For the text part: the phone and the reason in one line.
        public var subline: String?
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var note: String?
        /// At most `DigestContextBuilder.listCap` items; the title keeps the true count.
        public var items: [Item]
        /// `… et 312 autres appels — voir …` when the list was cut.
        public var more: String? = nil
    }

    public var language: String
    public var subject: String
    public var creditorName: String
    public var dayText: String
    public var overdueLabel: String
    public var overdueAmount: String
    public var overdueChange: String?
    /// Red when the overdue total went up, green when it went down.
    public var changeColor: String
    public var byAgeLabel: String
    public var buckets: [Bucket]
    /// For the text part: the buckets in one line.
    public var bucketsLine: String
    public var activityLabel: String
    public var activity: String
    public var sections: [Section]
    public var nothingToDo: String?
    public var stuckTitle: String
    public var stuck: [String]
    /// There is work, or something a person must fix: the digest goes out even when
    /// `send_when_empty` is off.
    public var needsAttention: Bool
    public var footer: String
    /// For the text part: the headline in one line.
    public var headline: String
    /// `Reçu, en attente du grand livre : 912,00 €`: money the bank shows paid, not in the
    /// overdue total nor the buckets (they are what is still demanded); nil when none.
    public var received: String? = nil
    /// `Avoirs non imputés : −1 200,00 € (…)`: credits, not deducted from the overdue total; nil when none.
    public var credits: String? = nil
    /// Today's tasks, for the subject (it also counts bank receipts to link, added later).
    public var work = 0
}
