extension EnglishWording {
    /// The words these lines always had; what came from a server or the system follows a colon.
    public func sendFailure(_ failure: SendFailure) -> String {
        switch failure {
        case .reported(let text):
            text
        case .notAttempted:
            "not attempted"
        case .addressRefused(let address, let reply):
            "\(address) refused: \(reply)"
        case .everyRecipientRefused(let replies):
            "every recipient was refused: " + replies.map { "\($0.address): \($0.reply)" }.joined(separator: listSeparator)
        case .everyRecipientRefusedAtOnce(let failure):
            "every recipient was refused at once, for no address-related reason: \(sendFailure(failure))"
        case .outboxFolderUnwritable(let folder, let error):
            "cannot write into \(folder): \(error)"
        case .outboxFileNotRenamed(let file, let error):
            "cannot rename \(file): \(error)"
        case .gaveUp(let attempts, let last):
            "gave up after \(attempts) \(attempts == 1 ? "attempt" : "attempts"): \(sendFailure(last))"
        }
    }

    public func messageNotSentTitle(messageID: Int64, failure: SendFailure) -> String {
        "Reminder #\(messageID) could not be sent: \(sendFailure(failure))"
    }
}
