import Foundation
public import RelanceCore

/// Turns the digest's facts into its context, in the reader's language. Pure: facts and
/// words in, finished texts out; the golden tests of each language run through here.
///
/// Order, as a credit controller works: the one-line summary (overdue total and its change,
/// amounts by age, what went out and came back), then today's work — calls, replies to read,
/// letters to post, promises due, tasks overdue, anything else — then what is stuck and why.
public enum DigestContextBuilder {
    /// The most items a digest list shows: past it, a line says how many more and where they are
    /// (a digest of 300 calls is not read; the call sheet and the console list them all).
    public static let listCap = 25

    /// The letter-list tasks (letters, registered letters, formal notices, dossiers) the digest
    /// shows: the first `listCap` open ones by number. Only their documents are attached; the
    /// rest are in the console, as the list's last line says.
    public static func listedLetterTasks(_ tasks: [WorkTask]) -> Set<Int64> {
        Set(tasks.filter { $0.state == .open && isLetterList($0.kind) }.map(\.id).sorted().prefix(listCap))
    }

    public static func isLetterList(_ kind: WorkTask.Kind) -> Bool {
        switch kind {
        case .letter, .registeredLetter, .formalNotice, .legalAction, .handOff: true
        case .call, .readReply, .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment: false
        }
    }

    public static func build(_ facts: DigestFacts, words: any Wording) -> (digest: DigestContext, calls: CallSheetContext) {
        let book = Book(facts.receivables, day: facts.day)
        let overdue = book.overdueTotals
        var calls: [DigestContext.Item] = [], sheet: [CallSheetContext.Call] = []
        var replies: [DigestContext.Item] = [], letters: [DigestContext.Item] = [], others: [DigestContext.Item] = []
        var late: [DigestContext.Item] = []
        for task in facts.openTasks.sorted(by: { $0.id < $1.id }) where task.state == .open {
            let opened = CivilDate(task.createdAt, in: facts.timeZone)
            let daysOpen = opened.days(until: facts.day)
            // Escalated by the ladder (no outcome in time, a letter not posted) or simply open too long.
            let escalatedOn = task.escalatedAt.map { CivilDate($0, in: facts.timeZone) }
            let isLate = daysOpen > facts.escalateAfterDays || escalatedOn != nil
            let customer = book.name(of: task.customerID)
            var item = DigestContext.Item(number: "#\(task.id)", headline: customer ?? task.title,
                                          amount: book.amount(for: task).map(words.amounts.total), phone: nil, phoneLink: nil,
                                          reason: nil, lines: [], badge: escalatedOn != nil ? words.escalatedBadge() : isLate ? words.overdueBadge() : nil,
                                          subline: nil)
            switch task.kind {
            case .call:
                let phones = task.detail["phones"] ?? task.detail["phone"] ?? ""
                let phone = DialablePhone.list(phones).first
                // No number to dial: the task's own advice in full ("aucun numéro valable : trouver…"), if it has one.
                item.phone = phone?.shown ?? (phones.isEmpty ? words.noPhone() : phones)
                item.phoneLink = phone?.telLink
                item.reason = callReason(task, book: book, words: words)
                calls.append(item)
                sheet.append(CallSheetContext.Call(
                    number: item.number ?? "", customer: item.headline, amount: item.amount, phone: item.phone, phoneLink: item.phoneLink,
                    reason: item.reason, details: TaskDetails.ordered(task.detail)
                        .filter { !["script", "phones", "phone", "step"].contains($0.key) }
                        .map { CallSheetContext.Detail(label: words.detailLabel($0.key), value: words.detailValue($0.key, $0.value)) },
                    script: scriptLines(task.detail["script"]), outcomeHint: words.recordOutcomeHint(taskID: task.id)))
            case .readReply:
                if customer == nil, let from = task.detail["from"] { item.headline = from }
                if let from = task.detail["from"], customer != nil { item.lines.append(words.replyFrom(from)) }
                if let text = task.detail["excerpt"], !text.isEmpty { item.lines.append(words.quoted(excerpt(text))) }
                if let hints = task.detail["hints"], !hints.isEmpty { item.lines.append(words.hintsLine(words.detailValue("hints", hints))) }
                replies.append(item)
            case .letter, .registeredLetter, .formalNotice, .legalAction, .handOff:
                item.headline = words.labelled(words.taskKind(task.kind), customer ?? task.title)
                if task.kind.needsPosting {
                    item.lines.append(words.letterToPost(kind: task.kind, writtenOn: task.stepOn ?? opened, taskID: task.id))
                }
                if let names = facts.attachedDocuments[task.id], !names.isEmpty {
                    item.lines.append(words.documentsAttached(names))
                } else if task.documentPath != nil {
                    item.lines.append(words.documentMissing())
                }
                letters.append(item)
            case .reviewMessage, .fixConfiguration, .identifyCustomer, .checkPayment:
                item.headline = words.taskKind(task.kind)
                item.reason = task.title
                item.amount = nil
                others.append(item)
            }
            if isLate {
                late.append(DigestContext.Item(number: "#\(task.id)", headline: words.labelled(words.taskKind(task.kind), customer ?? task.title),
                                               amount: nil, phone: nil, phoneLink: nil,
                                               reason: escalatedOn.map { words.escalated(task.kind, on: $0) } ?? words.taskOverdue(openedOn: opened, daysOpen: daysOpen),
                                               lines: [], badge: nil, subline: nil))
            }
        }
        let promises = facts.promisesDue.map { promise in
            DigestContext.Item(number: nil, headline: book.name(of: promise.customerID) ?? "?",
                               amount: book.overdue(of: promise.customerID).map(words.amounts.total), phone: nil, phoneLink: nil,
                               reason: words.promiseDue(promisedOn: promise.promisedOn), lines: [], badge: nil, subline: nil)
        }
        var sections: [DigestContext.Section] = []
        // Each list is cut at `listCap` on a big book; its title and the summary keep the true counts.
        func add(_ title: String, note: String? = nil, _ items: [DigestContext.Item], _ list: DigestList) {
            guard !items.isEmpty else { return }
            var section = DigestContext.Section(title: title, note: note, items: Array(items.prefix(listCap)))
            if items.count > listCap { section.more = words.moreInList(items.count - listCap, list) }
            sections.append(section)
        }
        let acknowledged = acknowledgements(facts.outcomes, book: book, words: words)
        add(words.acknowledgementsTitle(), acknowledged, .acknowledgements)
        add(words.callsTitle(calls.count), note: words.callSheetNote(fileName: words.callSheetFileName(day: facts.day)), calls, .calls)
        add(words.repliesTitle(replies.count), replies, .replies)
        add(words.lettersTitle(letters.count), letters, .letters)
        add(words.promisesTitle(promises.count), promises, .promises)
        add(words.overdueTasksTitle(late.count), late, .overdueTasks)
        add(words.otherTasksTitle(others.count), others, .otherTasks)

        let work = calls.count + replies.count + letters.count + promises.count + others.count
        let overdueText = words.amounts.total(overdue)
        let delta = facts.previous.flatMap { Self.change(from: $0.overdue, to: overdue) }
        let changeText = facts.previous.flatMap { previous in
            delta.map { words.overdueChange($0, since: previous.day, today: facts.day) }
        }
        let activity = activityLine(facts, words: words)
        let headline = words.labelled(words.overdueLabel(), overdueText + (changeText.map { " (\($0))" } ?? "")) + " · " + activity
        let bucketList = buckets(book, words: words)
        for index in sections.indices {
            for item in sections[index].items.indices {
                let entry = sections[index].items[item]
                let parts = [entry.phone, entry.reason].compactMap { $0 }
                sections[index].items[item].subline = parts.isEmpty ? nil : parts.joined(separator: " · ")
            }
        }
        var digest = DigestContext(
            language: words.language.rawValue,
            subject: words.digestSubject(creditor: facts.creditorName, day: facts.day, work: work, receipts: 0),
            creditorName: facts.creditorName, dayText: words.digestDay(facts.day).capitalizedFirst,
            overdueLabel: words.overdueLabel(), overdueAmount: overdueText, overdueChange: changeText,
            changeColor: (delta?.minorUnits ?? 0) > 0 ? "#b3261e" : (delta?.minorUnits ?? 0) < 0 ? "#2e7d32" : "#6b7280",
            byAgeLabel: words.byAgeLabel(), buckets: bucketList,
            bucketsLine: words.labelled(words.byAgeLabel(), bucketList.map { "\($0.label) \($0.amount)" }.joined(separator: " · ")),
            activityLabel: words.sinceLastDigest(), activity: activity, sections: sections,
            nothingToDo: work == 0 ? words.nothingToDo() : nil, stuckTitle: words.stuckTitle(),
            stuck: stuck(facts, words: words), needsAttention: work > 0 || !acknowledged.isEmpty || blocked(facts), footer: words.digestFooter(creditor: facts.creditorName), headline: headline)
        let received = book.receivedTotals
        if !received.isEmpty { digest.received = words.labelled(words.receivedAwaitingLedger(), words.amounts.total(received)) }
        let credits = book.creditTotals
        if !credits.isEmpty { digest.credits = words.unappliedCredits(words.amounts.total(credits)) }
        digest.work = work
        let callSheet = CallSheetContext(language: words.language.rawValue,
                                         title: words.callSheetTitle(creditor: facts.creditorName, day: facts.day),
                                         phoneLabel: words.phoneLabel(), scriptLabel: words.scriptLabel(), calls: sheet)
        return (digest, callSheet)
    }

    /// The outcomes people emailed since the last digest: each recorded one with its customer and
    /// what was recorded, in the reader's words; then each refused line, with why.
    static func acknowledgements(_ outcomes: TaskDigestFacts, book: Book, words: any Wording) -> [DigestContext.Item] {
        outcomes.acknowledged.map { recorded in
            DigestContext.Item(number: "#\(recorded.taskID)", headline: book.name(of: recorded.customerID) ?? words.taskKind(.call),
                               amount: nil, phone: nil, phoneLink: nil,
                               reason: words.acknowledgement(outcome: recorded.outcome, by: recorded.recordedBy),
                               lines: [], badge: nil, subline: nil)
        } + outcomes.refused.map {
            DigestContext.Item(number: nil, headline: $0, amount: nil, phone: nil, phoneLink: nil, reason: nil, lines: [], badge: nil, subline: nil)
        }
    }

    /// The overdue amounts on `day`, per currency.
    public static func overdueTotals(_ receivables: [Receivable], on day: CivilDate) -> [Money] {
        Book(receivables, day: day).overdueTotals
    }

    /// The change of the overdue total, when both days have one currency in common (the main one).
    static func change(from previous: [Money], to current: [Money]) -> Money? {
        let currency = current.max { $0.minorUnits < $1.minorUnits }?.currency ?? previous.first?.currency
        guard let currency else { return nil }
        let before = previous.first { $0.currency == currency }?.minorUnits ?? 0
        let now = current.first { $0.currency == currency }?.minorUnits ?? 0
        return Money(minorUnits: now - before, currency: currency)
    }

    static func activityLine(_ facts: DigestFacts, words: any Wording) -> String {
        let replies = facts.received.filter { $0.event.detail["kind"] == "reply" }.count
        let bounces = facts.received.filter { $0.event.detail["kind"] == "bounce" }.count
        var parts: [String] = []
        if !facts.sent.isEmpty { parts.append(words.sentCount(facts.sent.count)) }
        if !facts.settled.isEmpty { parts.append(words.settledCount(facts.settled.count)) }
        if replies > 0 { parts.append(words.repliesCount(replies)) }
        if bounces > 0 { parts.append(words.bouncesCount(bounces)) }
        return parts.isEmpty ? words.nothingHappened() : parts.joined(separator: " · ")
    }

    static func buckets(_ book: Book, words: any Wording) -> [DigestContext.Bucket] {
        guard let totals = book.mainTotals else { return [] }
        let colors = ["#4f8a4c", "#c9a227", "#e08a1e", "#d35400", "#b3261e", "#5b7fa6"]
        let largest = max(AgingBucket.allCases.map { totals.amount($0).minorUnits }.max() ?? 1, 1)
        // Credits (never late) get their line only when there are some.
        return AgingBucket.allCases.enumerated().filter { $0.element != .credit || !totals.amount(.credit).isZero }.map { index, bucket in
            let amount = totals.amount(bucket)
            let percent = amount.minorUnits <= 0 ? 0 : max(1, Int(amount.minorUnits * 100 / largest))
            return DigestContext.Bucket(label: words.bucket(bucket), amount: words.amount(amount), percent: percent, color: colors[index])
        }
    }

    static func stuck(_ facts: DigestFacts, words: any Wording) -> [String] {
        let health = facts.health
        var lines: [String] = []
        if health.dropFolderMissing { lines.append(words.dropFolderMissing()) }
        if health.reviewMode { lines.append(words.reviewMode()) }
        if health.creditorPaused { lines.append(words.creditorPaused(until: health.creditorPausedUntil)) }
        if let reason = health.outboxPausedReason { lines.append(words.outboxPaused(reason: reason)) }
        if health.ledgerTracked {
            if let export = health.latestExport {
                if export.days(until: facts.day) > health.maximumLedgerAgeDays {
                    lines.append(words.staleLedger(lastSent: health.lastSent, latestExport: export, maximumAgeDays: health.maximumLedgerAgeDays))
                }
            } else {
                lines.append(words.noExportYet())
            }
        }
        for held in health.heldImports {
            lines.append(words.heldImport(fileName: held.fileName, asOf: held.asOf, importID: held.importID))
        }
        return lines
    }

    /// Something stops Relance that a person must fix (not merely a state chosen on purpose).
    static func blocked(_ facts: DigestFacts) -> Bool {
        let health = facts.health
        let stale = health.ledgerTracked && (health.latestExport.map { $0.days(until: facts.day) > health.maximumLedgerAgeDays } ?? false)
        return health.dropFolderMissing || health.outboxPausedReason != nil || !health.heldImports.isEmpty || stale
    }

    static func callReason(_ task: WorkTask, book: Book, words: any Wording) -> String {
        if let address = task.detail["bounced_address"], !address.isEmpty {
            return words.bounceReason(task.detail["reason"] ?? address)
        }
        if let step = task.step {
            return words.callReason(step: step, daysLate: book.daysLate(of: task))
        }
        return task.title
    }

    /// Scripts are kept one sentence a line (older tasks: joined by ` / `).
    static func scriptLines(_ script: String?) -> [String] {
        guard let script, !script.isEmpty else { return [] }
        let lines = script.contains("\n") ? script.split(separator: "\n") : script.components(separatedBy: " / ").map { Substring($0) }
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A reply's excerpt, cut at a word near 280 characters.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > 280 else { return flat }
        let cut = flat.prefix(280)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
