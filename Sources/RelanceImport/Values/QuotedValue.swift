/// A cell's text as an English sentence quotes it (see `QuotedCell`): for the refusals and
/// warnings not yet worded per language.
enum QuotedValue {
    static func quoted(_ text: some StringProtocol) -> String {
        QuotedCell.quoted(String(text), open: "\"", close: "\"", characters: "characters")
    }
}
