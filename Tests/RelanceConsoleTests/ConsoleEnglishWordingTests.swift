import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import RelanceCore
import RelanceDaemon
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

/// One word per meaning on the English pages, as in the digest, the tasks and the letters:
/// « Phones: » before the numbers (the template wrote the French « Phones : »), « Due date »
/// for an invoice's due date (the emails and tasks said « Due », the letters « Due date »).
@Suite struct ConsoleEnglishLabelsTests {
    @Test("an English customer page says « Phones: » and « Due date »; the French page keeps « Téléphones : »")
    func phonesAndDueDate() async throws {
        let fixture = try await ConsoleFixture()
        try fixture.workspace.write("drop/globex/contacts.csv", "Code client;Email;Téléphone\nG001;ap@initech.example;+44 20 7946 0000\n")
        try fixture.workspace.write("drop/acme/contacts.csv", "Code client;Email;Téléphone\nC001;martin@client.example;02 40 00 00 01\n")
        _ = try await fixture.runtime.runOnce()
        // A user of the English creditor only reads the console in English.
        try await fixture.runtime.store.saveConsoleUser(ConsoleUser(name: "john", passwordHash: Bcrypt.hash(ConsoleFixture.password, cost: 4),
                                                                    allCreditors: false, creditors: [CreditorID("globex")!]),
                                                        at: fixture.runtime.clock.now())
        try await fixture.application().test(.router) { client in
            var browser = Browser()
            #expect(try await browser.login(client, user: "john") == .seeOther)
            let english = String(buffer: try await client.execute(uri: "/customers/globex/G001", method: .get, headers: browser.headers).body)
            #expect(english.contains("<th>Due date</th>"), "\(english)")
            #expect(english.contains("Phones: <a class=\"tel\""), "\(english)")
            browser = Browser()
            #expect(try await browser.login(client, user: "marie") == .seeOther)
            let french = String(buffer: try await client.execute(uri: "/customers/acme/C001", method: .get, headers: browser.headers).body)
            #expect(french.contains("<th>Échéance</th>"), "\(french)")
            #expect(french.contains("Téléphones : <a class=\"tel\""), "\(french)")
        }
    }
}
