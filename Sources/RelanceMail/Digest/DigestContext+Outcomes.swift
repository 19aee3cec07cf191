/// What the task model (#13) adds to a built digest: how to answer it (the outcomes people
/// emailed are acknowledged by `DigestContextBuilder`, from `DigestFacts.outcomes`).
extension DigestContext {
    /// The footer says how to record an outcome by answering (only a signed digest may be answered).
    public mutating func addReplyHelp(_ text: String) {
        footer += footer.isEmpty ? text : "\n\n" + text
    }
}
