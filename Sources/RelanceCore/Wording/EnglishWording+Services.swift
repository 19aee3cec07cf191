extension EnglishWording {
    public func serviceName(_ name: String) -> String {
        switch name {
        case "digest": "Daily digest"
        case "intake": "Export intake"
        case "mailbox": "Mailbox"
        case "planner": "Planner"
        case "sender": "Sender"
        case "retention": "Retention"
        case "reload": "Reload"
        default: name
        }
    }

    public func serviceNote(_ note: ServiceNote) -> String {
        switch note {
        case .digestsSent(let sent):
            return counted(sent, "digest sent", "digests sent")
        case .imported(let imported, let rejected, let held):
            return counted(imported, "export imported", "exports imported") + ", \(rejected) rejected"
                + (held > 0 ? ", \(held) held for confirmation (`relance import held`)" : "")
        case .mailboxRead(let recorded, let unreadable):
            return counted(recorded, "message of ours recorded", "messages of ours recorded")
                + (unreadable.isEmpty ? "" : ", NOT READ: " + unreadable.sorted().joined(separator: ", "))
        case .planned(let hour, let minute, let queued):
            return "planned at \(dates.time(hour: hour, minute: minute)), \(queued) queued"
        case .sent(let sent, let waiting, let paused):
            return "\(sent) sent, \(waiting) waiting" + (paused.isEmpty ? "" : ", PAUSED: " + paused.sorted().joined(separator: ", "))
        case .purged(let mails, let files, let customers):
            return "purged " + counted(mails, "mail", "mails") + ", " + counted(files, "file", "files") + ", "
                + counted(customers, "customer", "customers")
        }
    }
}
