/// Words that give one language away inside a sentence meant for the other: the checks that a
/// French creditor's people read no English and an English creditor's no French (#13), shared
/// by the plan's reasons, the journal's sentences and the store's journal lines.
public enum LanguageLeaks {
    /// Words that give an English sentence away; none is French.
    public static let englishWords: Set<String> = [
        "the", "is", "was", "by", "until", "waiting", "customer", "not", "and", "days", "late", "for", "from",
        "payment", "paid", "reply", "step", "sent", "held", "before", "after", "letter", "with", "none", "no",
        "task", "when", "waits", "every", "credit", "email", "ledger", "snapshot", "received", "matched",
        "digest", "digests", "imported", "rejected", "queued", "planned", "resumed", "unknown", "needs", "expected", "dispute",
        "resolved", "invoice", "copy", "configured", "others", "calls",
    ]
    /// Words that give a French sentence away ("Relance" is also the product's name).
    public static let frenchWords: Set<String> = ["le", "la", "les", "du", "des", "est", "jusqu", "pour", "une", "aucun", "reçu", "tâche"]

    public static func words(_ text: String) -> [String] {
        // Code spans (`relance resume`) are commands, not words.
        let prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
        return prose.lowercased().split { !$0.isLetter }.map(String.init)
    }

    public static func englishIn(_ text: String) -> [String] { words(text).filter(englishWords.contains) }
    public static func frenchIn(_ text: String) -> [String] { words(text).filter(frenchWords.contains) }
}
