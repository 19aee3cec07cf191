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

    func run() async throws {
        let context = try CommandContext(options: options, now: now)
        let senders = context.runtime.digestSenders.filter { creditor == nil || $0.creditor.id.rawValue == creditor }
        guard !senders.isEmpty else {
            throw Failure("no digest is configured\(creditor.map { " for \($0)" } ?? ""): add [creditors.ID.digest] recipients = [...] to \(context.runtime.configuration.file.path)")
        }
        for sender in senders {
            let day = try parseDate(date, option: "--date") ?? CivilDate(context.runtime.clock.now(), in: TimeZone(identifier: sender.creditor.timeZone) ?? .current)
            if send {
                let sent = try await sender.send(on: day)
                print(sent ? "Digest of \(sender.creditor.id) for \(day) sent to \(sender.settings.recipients.map(\.value).joined(separator: ", "))."
                           : "Nothing to do for \(sender.creditor.id) on \(day): no digest sent (send_when_empty = false).")
            } else {
                let content = try await sender.content(on: day)
                print(DigestRenderer.subject(content, language: sender.settings.language))
                print(DigestRenderer.text(content, language: sender.settings.language))
            }
        }
    }
}
