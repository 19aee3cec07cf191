import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon
import RelanceMail

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Show the daily digest (calls to make, replies to read, letters, what was sent and settled), or send it now.",
        discussion: "The daemon sends it by itself each day from [creditors.ID.digest] hour; this command previews or forces it.")

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("Only this creditor.", valueName: "id")) var creditor: String?
    @Option(help: ArgumentHelp("The day (YYYY-MM-DD); today by default.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("Pretend it is this date or instant (like run --now).", valueName: "date")) var now: FixedNow?
    @Flag(help: "Send it now to the configured people instead of printing it.") var send = false
    @Option(help: ArgumentHelp("Also write the digest's HTML part to this file (to look at it in a browser).", valueName: "file")) var html: String?
    @Option(help: ArgumentHelp("Also write the call sheet (every call's full script) to this HTML file.", valueName: "file")) var calls: String?

    func run() async throws {
        let context = try await CommandContext(options: options, now: now)
        let senders = context.runtime.digestSenders.filter { creditor == nil || $0.creditor.id.rawValue == creditor }
        guard !senders.isEmpty else {
            throw Failure("no digest is configured\(creditor.map { " for \($0)" } ?? ""): add [creditors.ID.digest] recipients = [...] to \(context.runtime.configuration.file.path)")
        }
        for sender in senders {
            let day = try parseDate(date, option: "--date") ?? CivilDate(context.runtime.clock.now(), in: TimeZone(identifier: sender.creditor.timeZone) ?? .current)
            if send {
                // The digest's sent mark refers to the creditor: on a store no daemon has run on yet,
                // register it first (idempotent), as `relance run` does at start.
                try await context.runtime.store.registerCreditor(sender.creditor.id, language: sender.creditor.language, at: context.runtime.clock.now())
                let sent = try await sender.send(on: day)
                // In the creditor's language, the day in words (it printed the ISO day, in English only).
                let words = sender.creditor.language.wording
                print(sent ? words.digestSentNow(creditor: "\(sender.creditor.id)", day: day, recipients: sender.settings.recipients.map(\.value))
                           : words.digestNotSentNow(creditor: "\(sender.creditor.id)", day: day))
            } else {
                let (digest, sheet) = try await sender.content(on: day)
                print(DigestRenderer.subject(digest))
                print()
                print(DigestRenderer.text(digest))
                if let html { try Data(DigestRenderer.html(digest).utf8).write(to: URL(fileURLWithPath: html), options: .atomic) }
                if let calls { try Data(DigestRenderer.callSheet(sheet).utf8).write(to: URL(fileURLWithPath: calls), options: .atomic) }
            }
        }
    }
}
