extension EnglishWording {
    public func digestSubject(creditor: String, day: CivilDate, work: Int, receipts: Int) -> String {
        let tasks = switch work {
        case 0: receipts == 0 ? "nothing to do today" : nil
        case 1: "1 task today"
        default: "\(work) tasks today"
        }
        let toLink = receipts == 0 ? nil : receipts == 1 ? "1 bank receipt to link" : "\(receipts) bank receipts to link"
        let what = [tasks, toLink].compactMap { $0 }.joined(separator: ", ")
        return "Relance — \(creditor) — \(what) (\(date(day)))"
    }

    public func digestDay(_ day: CivilDate) -> String { "\(dates.weekday(day)) \(dates.long(day))" }
    public func overdueLabel() -> String { "Overdue" }
    public func unappliedCredits(_ amount: String) -> String { "Unapplied credits: \(amount) (not deducted from the overdue total)" }

    public func overdueChange(_ change: Money, since previous: CivilDate, today: CivilDate) -> String {
        let since = previous.adding(days: 1) == today ? "since yesterday" : "since \(dates.dayAndMonth(previous))"
        if change.isZero { return "unchanged \(since)" }
        return "\(change.isNegative ? Money.minusSign : "+")\(amount(change.magnitude)) \(since)"
    }

    public func byAgeLabel() -> String { "By age" }
    public func sentCount(_ count: Int) -> String { count == 1 ? "1 reminder sent" : "\(count) reminders sent" }
    public func settledCount(_ count: Int) -> String { count == 1 ? "1 invoice settled" : "\(count) invoices settled" }
    public func repliesCount(_ count: Int) -> String { count == 1 ? "1 reply received" : "\(count) replies received" }
    public func bouncesCount(_ count: Int) -> String { count == 1 ? "1 email bounced" : "\(count) emails bounced" }
    public func nothingHappened() -> String { "nothing sent or received" }
    public func sinceLastDigest() -> String { "Since the last digest" }

    public func moreInList(_ count: Int, _ list: DigestList) -> String {
        let one = count == 1
        let what = switch list {
        case .calls: one ? "other call" : "other calls"
        case .replies: one ? "other reply to read" : "other replies to read"
        case .letters: one ? "other letter to post" : "other letters to post"
        case .promises: one ? "other promise falling due" : "other promises falling due"
        case .overdueTasks: one ? "other overdue task" : "other overdue tasks"
        case .otherTasks: one ? "other task" : "other tasks"
        case .acknowledgements: one ? "other outcome received" : "other outcomes received"
        case .unmatchedReceipts: one ? "other bank receipt to link" : "other bank receipts to link"
        }
        let where_ = switch list {
        case .calls: "see the attached call sheet or the console"
        case .promises, .acknowledgements: "see the console"
        case .letters: one ? "its document is not attached: see the console or tasks.html" : "their documents are not attached: see the console or tasks.html"
        case .unmatchedReceipts: "see the console's Bank receipts page or relance bank unmatched"
        default: "see tasks.html or the console"
        }
        return "… and \(count) \(what) — \(where_)"
    }

    public func callsTitle(_ count: Int) -> String { count == 1 ? "1 call to make" : "\(count) calls to make" }
    public func repliesTitle(_ count: Int) -> String { count == 1 ? "1 reply to read" : "\(count) replies to read" }
    public func lettersTitle(_ count: Int) -> String { count == 1 ? "1 letter to post" : "\(count) letters to post" }
    public func promisesTitle(_ count: Int) -> String { count == 1 ? "1 promise to pay falls due" : "\(count) promises to pay fall due" }
    public func overdueTasksTitle(_ count: Int) -> String { count == 1 ? "1 overdue task" : "\(count) overdue tasks" }
    public func otherTasksTitle(_ count: Int) -> String { count == 1 ? "1 other task" : "\(count) other tasks" }
    public func stuckTitle() -> String { "What is stuck" }
    public func nothingToDo() -> String { "Nothing to do today." }

    public func callSheetNote(fileName: String) -> String { "Each call's script is in the attached call sheet (\(fileName))." }
    public func callSheetFileName(day: CivilDate) -> String { "calls-\(day.iso8601).html" }
    public func callSheetTitle(creditor: String, day: CivilDate) -> String { "Calls for \(date(day)) — \(creditor)" }

    public func callReason(step: String, daysLate: Int?) -> String {
        [stepName(step), daysLate.map(self.daysLate)].compactMap { $0 }.joined(separator: " · ")
    }
    public func bounceReason(_ reason: String) -> String { "email bounced (\(reason))" }
    public func replyFrom(_ sender: String) -> String { "From \(sender)" }
    public func hintsLine(_ hints: String) -> String { "Hints: \(hints)" }
    public func quoted(_ text: String) -> String { "“\(text)”" }
    public func documentsAttached(_ names: [String]) -> String {
        names.count == 1 ? "Attached: \(names[0])" : "Attached: \(names.joined(separator: ", "))"
    }
    public func documentMissing() -> String { "Document not found: make it again before posting" }
    public func taskOverdue(openedOn: CivilDate, daysOpen: Int) -> String { "opened \(date(openedOn)), \(counted(daysOpen, "day", "days")) ago" }
    public func overdueBadge() -> String { "overdue" }
    public func promiseDue(promisedOn: CivilDate) -> String { "payment promised for \(date(promisedOn)): check it arrived" }
    public func recordOutcomeHint(taskID: Int64) -> String { "relance tasks done \(taskID) --outcome …" }
    public func letterToPost(kind: WorkTask.Kind, writtenOn: CivilDate, taskID: Int64) -> String {
        let tracking = kind == .registeredLetter ? " TRACKING-NUMBER" : ""
        return "Written on \(date(writtenOn)), not yet confirmed as posted: the next step waits. Once posted, reply \"#\(taskID) posted YYYY-MM-DD\(tracking)\"."
    }
    public func escalatedBadge() -> String { "escalated" }
    public func escalated(_ kind: WorkTask.Kind, on day: CivilDate) -> String {
        "\(kind.needsPosting ? "not confirmed as posted in time" : "no outcome in time"): escalated on \(date(day))"
    }

    public func staleLedger(lastSent: CivilDate?, latestExport: CivilDate, maximumAgeDays: Int) -> String {
        let since = lastSent.map { "Nothing sent since \(dates.dayAndMonth($0))" } ?? "Nothing sent"
        return "\(since): the latest export is more than \(maximumAgeDays) days old (as of \(date(latestExport))). Drop a fresh export."
    }
    public func noExportYet() -> String { "Nothing sent: no aged balance or ledger has been imported yet." }
    public func outboxPaused(reason: String) -> String { "Sending paused: the mail server refuses our emails (\(reason))." }
    public func heldImport(fileName: String, asOf: CivilDate?, importID: Int64) -> String {
        let when = asOf.map { " (as of \(date($0)))" } ?? ""
        return "The export “\(fileName)”\(when) is held: it would settle too many invoices at once. Check it, then confirm it (relance import confirm \(importID))."
    }
    public func dropFolderMissing() -> String { "The exports' drop folder cannot be found: no export is read any more." }
    public func creditorPaused(until: CivilDate?) -> String {
        until.map { "Reminders paused until \(date($0)) inclusive." } ?? "Reminders paused until resumed (relance resume)."
    }
    public func reviewMode() -> String { "Review mode: reminders are written for a person to read, nothing is sent." }
    public func digestFooter(creditor: String) -> String {
        "Relance's daily digest for \(creditor). Amounts are those of the latest export imported."
    }
    public func phoneLabel() -> String { "Phone" }
    public func scriptLabel() -> String { "Script" }
    public func noPhone() -> String { "no number known: find one" }
}
