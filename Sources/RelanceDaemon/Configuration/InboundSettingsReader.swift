/// Reads the mailbox keys of an `[….imap]` table (the server keys are `CreditorReader`'s).
struct InboundSettingsReader {
    static let keys: Set<String> = [
        "folders", "move_handled_to", "reply_pause_days", "promise_pauses", "temporary_bounces_before_call",
        "temporary_bounce_days", "look_back_days", "poll_interval_seconds",
        "maximum_message_megabytes",
    ]

    let table: ConfigTable

    func read() throws(ConfigurationError) -> InboundSettings {
        let defaults = InboundSettings()
        let folders = try table.strings("folders") ?? defaults.folders
        if folders.isEmpty { throw table.error("folders", "lists no folder; write [\"INBOX\"] or remove the key") }
        for folder in folders where !Self.isFolderName(folder) {
            throw table.error("folders", "\"\(folder)\" is not a usable folder name (empty, or with a control character)")
        }
        let moveTo = try table.string("move_handled_to")
        if let moveTo, !Self.isFolderName(moveTo) {
            throw table.error("move_handled_to", "\"\(moveTo)\" is not a usable folder name (empty, or with a control character)")
        }
        if let moveTo, folders.contains(moveTo) {
            throw table.error("move_handled_to", "\"\(moveTo)\" is also polled: handled messages would be read again; choose another folder")
        }
        // 0 days means "until a person resumes the customer".
        let pause = try table.int("reply_pause_days", in: 0...365)
        return InboundSettings(
            folders: folders, moveHandledTo: moveTo,
            replyPauseDays: pause.map { $0 == 0 ? nil : $0 } ?? defaults.replyPauseDays,
            promisePauses: try table.bool("promise_pauses") ?? defaults.promisePauses,
            temporaryBouncesBeforeCall: try table.int("temporary_bounces_before_call", in: 1...100) ?? defaults.temporaryBouncesBeforeCall,
            temporaryBounceDays: try table.int("temporary_bounce_days", in: 1...365) ?? defaults.temporaryBounceDays,
            lookBackDays: try table.int("look_back_days", in: 1...365) ?? defaults.lookBackDays,
            pollIntervalSeconds: try table.int("poll_interval_seconds", in: 10...86_400) ?? defaults.pollIntervalSeconds,
            maximumMessageBytes: try table.int("maximum_message_megabytes", in: 1...1_000).map { $0 << 20 } ?? defaults.maximumMessageBytes)
    }

    private static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
