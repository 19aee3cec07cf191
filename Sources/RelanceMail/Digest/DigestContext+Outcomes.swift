/// What the task model (#13) adds to a built digest: the outcomes people emailed since the last
/// one (recorded, or refused with why) as the first section, and how to answer it.
extension DigestContext {
    public mutating func addOutcomeAcknowledgements(_ lines: [String], title: String) {
        guard !lines.isEmpty else { return }
        sections.insert(Section(title: title, note: nil, items: lines.map {
            Item(number: nil, headline: $0, amount: nil, phone: nil, phoneLink: nil, reason: nil, lines: [], badge: nil, subline: nil)
        }), at: 0)
        needsAttention = true
    }

    /// The footer says how to record an outcome by answering (only a signed digest may be answered).
    public mutating func addReplyHelp(_ text: String) {
        footer += footer.isEmpty ? text : "\n\n" + text
    }
}
