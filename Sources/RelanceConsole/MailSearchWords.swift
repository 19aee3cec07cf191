import Foundation
import RelanceCore
import RelanceMail

/// The codes the store keeps (a reminder's step and state, a received message's kind) whose
/// words, in the page's language, hold what a person typed: « deuxième » finds
/// `second-reminder`, « automatique » `autoreply`, « approuver » `awaiting-approval`. The page
/// offers to search by step, and shows steps in words, while the store keeps codes: before, the
/// words found nothing.
enum MailSearchWords {
    /// Shorter searches would name half the codes (« re »).
    static let minimumLength = 3

    /// `steps`: the creditor's policies' step names.
    static func codes(matching query: String, steps: Set<String>, words: ConsoleWording) -> [String] {
        let needle = folded(query.trimmingCharacters(in: .whitespaces))
        guard needle.count >= minimumLength else { return [] }
        let named = steps.sorted().map { ($0, words.language.wording.stepName($0)) }
            + OutboxState.allCases.map { ($0.rawValue, words.messageState($0)) }
            + InboundKind.allCases.map { ($0.rawValue, words.inboundKind($0.rawValue)) }
        return named.filter { folded($0.1).contains(needle) }.map(\.0)
    }

    /// Case and accents aside: « Deuxieme » is « deuxième ».
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
