public import Foundation
public import RelanceCore

/// What the people of one creditor should know this morning: the day's human work first,
/// then what happened since the last digest, then the aged balance totals.
public struct DigestContent: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var title: String
        public var details: [String]

        public init(title: String, details: [String] = []) {
            self.title = title
            self.details = details
        }
    }

    public var creditorName: String
    public var day: CivilDate
    public var calls: [Line]
    public var replies: [Line]
    public var letters: [Line]
    public var otherTasks: [Line]
    /// Open tasks older than the escalation delay, listed again at the top.
    public var overdueTasks: [Line]
    public var sent: [Line]
    public var settled: [Line]
    public var totals: [BucketTotals]
    /// The task model's facts (#13) as data; `acknowledgements` and `promisesDue` are their lines.
    public var taskFacts = TaskDigestFacts()
    /// Outcomes received by email since the last digest: recorded, or refused with why.
    public var acknowledgements: [Line] = []
    public var promisesDue: [Line] = []

    public init(creditorName: String, day: CivilDate, calls: [Line], replies: [Line], letters: [Line], otherTasks: [Line],
                overdueTasks: [Line], sent: [Line], settled: [Line], totals: [BucketTotals]) {
        self.creditorName = creditorName
        self.day = day
        self.calls = calls
        self.replies = replies
        self.letters = letters
        self.otherTasks = otherTasks
        self.overdueTasks = overdueTasks
        self.sent = sent
        self.settled = settled
        self.totals = totals
    }

    /// Nothing for a person to do today.
    public var hasWork: Bool {
        !(calls.isEmpty && replies.isEmpty && letters.isEmpty && otherTasks.isEmpty && acknowledgements.isEmpty && promisesDue.isEmpty)
    }

    /// Nothing to do and nothing happened.
    public var isEmpty: Bool { !hasWork && sent.isEmpty && settled.isEmpty }

    /// Sorts tasks into the digest's sections; `escalateAfterDays` marks the ones left open too long.
    public static func build(creditorName: String, day: CivilDate, tasks: [WorkTask], sent: [JournalEntry],
                             settled: [JournalEntry], aging: AgedBalance, escalateAfterDays: Int,
                             timeZone: TimeZone) -> DigestContent {
        var calls: [Line] = [], replies: [Line] = [], letters: [Line] = [], other: [Line] = [], overdue: [Line] = []
        for task in tasks where task.state == .open {
            let details = task.detail.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                + (task.documentPath.map { ["document: \($0)"] } ?? [])
            let line = Line(title: "#\(task.id) \(task.title)", details: details)
            switch task.kind {
            case .call: calls.append(line)
            case .readReply: replies.append(line)
            case .letter, .registeredLetter, .formalNotice, .legalAction, .handOff: letters.append(line)
            case .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: other.append(line)
            }
            let opened = CivilDate(task.createdAt, in: timeZone)
            if opened.days(until: day) > escalateAfterDays {
                overdue.append(Line(title: "#\(task.id) open since \(opened): \(task.title)"))
            }
        }
        return DigestContent(creditorName: creditorName, day: day, calls: calls, replies: replies, letters: letters,
                             otherTasks: other, overdueTasks: overdue,
                             sent: sent.map { Line(title: $0.event.summary) }, settled: settled.map { Line(title: $0.event.summary) },
                             totals: aging.totals)
    }
}

