import RelanceCore
import Testing
@testable import RelanceConsole

/// The console's English as an English-speaking credit controller reads it: "inclusive" (not the
/// French « inclus » carried over as "included"), "Send as is", an address "treated as invalid",
/// "No imports yet", and a paid outcome whose note says how it was paid (not "means").
@Suite struct ConsoleEnglishWordingTests {
    let words = ConsoleWording.english

    @Test("the English labels, word for word")
    func labels() {
        #expect(words.pauseUntil == "until (inclusive, optional)")
        #expect(words.sendMessage == "Send as is")
        #expect(words.correctAddressHint
            == "Added to the reminders' recipients until the next contacts file, which prevails; the address is no longer treated as invalid.")
        #expect(words.noImports == "No imports yet.")
        #expect(words.outcomes.first { $0.code == "paid" }?.label == "Already paid (date; how, in the note)")
    }

    @Test("review mode's hints say who approves and skips (not « Approved, the reminder leaves as it is »)")
    func reviewHints() {
        #expect(words.reviewWords["awaitingHint"]
            == "Review mode: nothing leaves without your approval. If you approve a reminder, it is sent as it stands; if you skip it, its step counts as taken.")
        #expect(words.reviewWords["doNotRemindPersonHint"] == "No reminders are sent while this mark stays; a contacts file does not clear it.")
    }

    @Test("the French labels are unchanged")
    func french() {
        #expect(ConsoleWording.french.pauseUntil == "jusqu’au (inclus, facultatif)")
        #expect(ConsoleWording.french.sendMessage == "Envoyer tel quel")
    }
}
