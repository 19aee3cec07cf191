extension EnglishWording {
    /// The words these lines always had; what came from a server or the system follows a colon.
    public func sendFailure(_ failure: SendFailure) -> String {
        switch failure {
        case .reported(let text):
            text
        case .smtp(let failure):
            failure.description
        case .setting(let fault):
            settingFault(fault)
        case .notAttempted:
            "not attempted"
        case .addressRefused(let address, let reply):
            "\(address) refused: \(reply)"
        case .archiveRefused(let address, let reply):
            "the archive address (archive_bcc, \(address)) was refused, so crash recovery has no evidence: \(reply)"
        case .everyRecipientRefused(let replies):
            "every recipient was refused: " + replies.map { "\($0.address): \($0.reply)" }.joined(separator: listSeparator)
        case .everyRecipientRefusedAtOnce(let failure):
            "every recipient was refused at once, for no address-related reason: \(sendFailure(failure))"
        case .outboxFolderUnwritable(let failure):
            "cannot write into the outbox folder: \(fileSystemFailure(failure))"
        case .outboxFileNotRenamed(let failure):
            "cannot give the file its final name: \(fileSystemFailure(failure))"
        case .gaveUp(let attempts, let last):
            "gave up after \(attempts) \(attempts == 1 ? "attempt" : "attempts"): \(sendFailure(last))"
        }
    }

    public func messageGivenUpTitle(messageID: Int64, attempts: Int) -> String {
        "Reminder #\(messageID) could not be sent: gave up after \(attempts) \(attempts == 1 ? "attempt" : "attempts")"
    }
}
