@testable import RelanceConsole
import RelanceMail
import Testing

/// What a person types on the Mail page, in the page's words, names the store's codes.
@Suite struct MailSearchWordsTests {
    static let steps: Set<String> = ["courtesy-reminder", "first-reminder", "second-reminder", "phone-call", "final-reminder", "formal-notice"]

    @Test("French words, with or without accents and capitals", arguments: [
        ("deuxième", ["second-reminder"]), ("Deuxieme", ["second-reminder"]), ("  PREMIÈRE ", ["first-reminder"]),
        ("automatique", ["autoreply"]), ("approuver", ["awaiting-approval"]), ("mise en demeure", ["formal-notice"]),
        ("relance", ["final-reminder", "first-reminder", "phone-call", "second-reminder"]),
        ("re", []), ("", []), ("C0003", []),
    ])
    func french(_ query: String, _ codes: [String]) {
        #expect(MailSearchWords.codes(matching: query, steps: Self.steps, words: .french) == codes)
    }

    @Test("English words", arguments: [
        ("second", ["second-reminder"]), ("auto-reply", ["autoreply"]), ("Courtesy", ["courtesy-reminder"]), ("première", []),
    ])
    func english(_ query: String, _ codes: [String]) {
        #expect(MailSearchWords.codes(matching: query, steps: Self.steps, words: .english) == codes)
    }

    @Test("every kind of received message has its words in both languages")
    func everyKindWorded() {
        for kind in InboundKind.allCases {
            #expect(ConsoleWording.french.inboundKinds[kind.rawValue] != nil && ConsoleWording.english.inboundKinds[kind.rawValue] != nil,
                    "\(kind)")
        }
    }
}
