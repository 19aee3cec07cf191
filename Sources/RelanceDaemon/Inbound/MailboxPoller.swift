import Foundation
public import Logging
public import RelanceCore
public import RelanceMail

/// Polls one creditor's mailbox: what is new since the stored mark, fetched in batches without
/// touching a flag (`Mailbox.fetch` reads with IMAP `BODY.PEEK[]`), each message matched to our
/// reminders and its effects recorded in the transaction that moves the mark.
/// Mail that is not ours is read, left exactly as it was (unread stays unread, even if we die
/// in the middle: nothing is ever put back) and never stored.
public struct MailboxPoller: Sendable {
    public struct Report: Sendable, Hashable {
        /// Messages fetched and read.
        public var fetched = 0
        /// Recorded as ours (with their effects).
        public var recorded = 0
        /// Ours, but already recorded under another UID (rescan or another folder).
        public var duplicates = 0
        /// Not ours: left alone, not stored.
        public var ignored = 0
        public var tasksOpened = 0
        public var moved = 0
        /// Messages over `maximum_message_megabytes`, read cut to that size.
        public var truncated = 0
        /// Folders that could not be polled, and why.
        public var failures: [String: MailboxError] = [:]

        public init() {}
    }

    public let creditor: CreditorConfiguration
    let mailbox: any Mailbox
    let store: any InboundStore & TaskOutcomeStore
    let secret: ReferenceSecret
    let clock: any WallClock
    let logger: Logger
    let crashPoints: CrashPoints

    public init(creditor: CreditorConfiguration, mailbox: any Mailbox, store: any InboundStore & TaskOutcomeStore, secret: ReferenceSecret,
                clock: any WallClock, logger: Logger, crashPoints: CrashPoints = .disabled) {
        self.crashPoints = crashPoints
        self.creditor = creditor
        self.mailbox = mailbox
        self.store = store
        self.secret = secret
        self.clock = clock
        self.logger = logger
    }

    private var settings: InboundSettings { creditor.inbound }
    private var timeZone: TimeZone { TimeZone(identifier: creditor.timeZone) ?? .current }

    /// Every configured folder. A folder that fails (server down, wrong password, TLS) is logged
    /// and reported; its mark stays where it was, so the next poll resumes there.
    /// Store failures are thrown: nothing was lost, but the caller must know.
    public func poll() async throws -> Report {
        var report = Report()
        for folder in settings.folders {
            do {
                try await poll(folder, into: &report)
            } catch let error as MailboxError {
                report.failures[folder] = error
                logger.error("mailbox poll failed; retrying at the next poll", metadata: [
                    "creditor": "\(creditor.id)", "folder": "\(folder)", "code": "\(error.code.rawValue)", "error": "\(error.message)",
                ])
            }
        }
        return report
    }

    private func poll(_ folder: String, into report: inout Report) async throws {
        let state = try await mailbox.state(of: folder)
        let stored = try await store.mailboxMark(of: creditor.id, folder: folder)
        let range: MailboxRange
        let firstUID: UInt32
        if let stored, stored.uidValidity == state.uidValidity {
            // Idle: nothing arrived since the last processed UID. One STATUS, whatever the size.
            if state.uidNext <= stored.lastUID &+ 1 { return }
            range = .uids(from: stored.lastUID + 1)
            firstUID = stored.lastUID + 1
        } else {
            // First poll, or the server renumbered the folder: look back a few days, not years;
            // messages already recorded are recognised by their Message-ID.
            let from = (stored.map { CivilDate($0.polledAt, in: timeZone) } ?? today).adding(days: -settings.lookBackDays)
            if let stored {
                logger.warning("the folder's UIDVALIDITY changed: rescanning recent mail", metadata: [
                    "creditor": "\(creditor.id)", "folder": "\(folder)", "old": "\(stored.uidValidity)", "new": "\(state.uidValidity)",
                    "since": "\(from)",
                ])
            }
            range = .since(from)
            firstUID = 1
        }
        let entries = try await mailbox.list(folder, uidValidity: state.uidValidity, range).filter { $0.uid >= firstUID }
        crashPoints.reach(.pollAfterList)
        var saved = stored?.uidValidity == state.uidValidity ? stored?.lastUID : nil
        for batch in FetchBatches.plan(entries, maximumMessageBytes: settings.maximumMessageBytes) {
            let messages = try await mailbox.fetch(folder, uidValidity: state.uidValidity, uids: batch)
            crashPoints.reach(.pollAfterFetch)
            for message in messages {
                report.fetched += 1
                if message.isTruncated {
                    report.truncated += 1
                    logger.warning("a message over maximum_message_megabytes was read cut to that size", metadata: [
                        "creditor": "\(creditor.id)", "folder": "\(folder)", "uid": "\(message.uid)",
                        "bytes": "\(message.size)", "read": "\(message.bytes.count)",
                    ])
                }
                let mark = MailboxMark(folder: folder, uidValidity: state.uidValidity, lastUID: message.uid, polledAt: clock.now())
                if try await handle(message.bytes, folder: folder, uidValidity: state.uidValidity, uid: message.uid, mark: mark,
                                    report: &report) {
                    saved = message.uid
                }
            }
        }
        // Past the messages that were not ours, and past UIDs that were expunged before we saw them.
        // If this poll fails before here, those are read again next time: harmless, they change nothing.
        let last = max(saved ?? 0, entries.last?.uid ?? 0, state.uidNext &- 1)
        crashPoints.reach(.pollBeforeMark)
        if saved != last {
            try await store.saveMailboxMark(MailboxMark(folder: folder, uidValidity: state.uidValidity, lastUID: last,
                                                        polledAt: clock.now()), of: creditor.id)
        }
    }

    /// Returns true when the message was ours (recorded with the mark).
    private func handle(_ bytes: [UInt8], folder: String, uidValidity: UInt32, uid: UInt32, mark: MailboxMark,
                        report: inout Report) async throws -> Bool {
        let message = MIMEMessage.parse(bytes)
        let classification = InboundClassifier.classify(message)
        let now = clock.now()
        var record = InboundRecord(creditor: creditor.id, folder: folder, uidValidity: uidValidity, uid: uid,
                                   rfcMessageID: message.ownMessageID, kind: .other, messageID: nil, customerID: nil,
                                   summary: "", excerpt: nil, raw: nil)
        // A reply to the digest from one of the creditor's people records outcomes, never a customer's reaction.
        switch DigestReplyMatcher.match(message, classification, creditor: creditor.id, people: creditor.outcomePeople,
                                        secret: secret, today: today) {
        case .notDigest:
            break
        case .refused(let why):
            record.kind = .reply
            record.summary = "A reply to the digest not read for outcomes: \(why)."
            return try await self.record(record, effects: [], mark: mark, report: &report)
        case .reply(let day, let from):
            let reply = DigestReplyOutcomes(creditor: creditor, recorder: TaskOutcomeRecorder(store: store, creditors: [creditor], clock: clock))
            let effects = try await reply.effects(of: message, from: from, today: self.today)
            record.kind = .reply
            record.summary = "A reply to the digest of \(day) from \(from): \(effects.count) outcome line(s)."
            record.excerpt = String(ReplyText.newText(of: message).prefix(500))
            return try await self.record(record, effects: effects, mark: mark, report: &report)
        }
        let decision: InboundDecision
        switch InboundMatcher.token(of: message, classification, creditor: creditor.id, bounceAddress: creditor.bounceAddress, secret: secret) {
        case .unverified(let what):
            // Addressed to us but not signed by us: a forgery or another installation's. Nothing acts on it.
            record.summary = "A \(classification.kind.rawValue) carrying \(what), which does not verify: nothing done."
            return try await self.record(record, effects: [], mark: mark, report: &report)
        case .verified(let token, let viaVERP):
            guard let facts = try await store.sentMessage(token.messageID, of: creditor.id) else {
                record.summary = "A \(classification.kind.rawValue) about message #\(token.messageID), which is not in the store: nothing done."
                return try await self.record(record, effects: [], mark: mark, report: &report)
            }
            decision = reactions(now).decide(classification, subject: InboundSubject(evidence: .token(facts, viaVERP: viaVERP)))
            record.messageID = facts.id
            record.customerID = facts.customerID
        case .none:
            // Without a token, only a person or their autoresponder writing from a known contact address is ours.
            guard [.reply, .autoreply, .complaint].contains(classification.kind),
                  let sender = message.addresses(inHeaders: ["From"]).first.flatMap({ EmailAddress($0) })
            else {
                report.ignored += 1
                return false
            }
            let customers = try await store.customers(withContact: sender, of: creditor.id)
            guard !customers.isEmpty else {
                report.ignored += 1
                return false
            }
            let subject = InboundSubject(evidence: .contact(sender, customers: customers))
            decision = reactions(now).decide(classification, subject: subject)
            record.customerID = subject.customerID
        }
        record.kind = decision.kind
        record.summary = decision.summary
        record.excerpt = decision.excerpt
        record.raw = decision.keepRaw ? bytes : nil
        let ours = try await self.record(record, effects: decision.effects, mark: mark, report: &report)
        crashPoints.reach(.pollAfterRecord)
        if decision.movable, let destination = settings.moveHandledTo {
            do {
                if try await mailbox.move(folder, uid: uid, to: destination) { report.moved += 1 }
                crashPoints.reach(.pollAfterMove)
            } catch {
                // Moving is a courtesy: the message is handled either way.
                logger.warning("could not move a handled message", metadata: ["folder": "\(folder)", "uid": "\(uid)", "error": "\(error)"])
            }
        }
        return ours
    }

    private func record(_ record: InboundRecord, effects: [InboundEffect], mark: MailboxMark, report: inout Report) async throws -> Bool {
        let outcome = try await store.recordInbound(record, effects: effects, mark: mark, at: clock.now())
        if outcome.duplicate {
            report.duplicates += 1
        } else {
            report.recorded += 1
            report.tasksOpened += outcome.openedTasks.count
            logger.info("inbound mail", metadata: ["creditor": "\(creditor.id)", "kind": "\(record.kind.rawValue)", "summary": "\(record.summary)"])
        }
        return true
    }

    private var today: CivilDate { CivilDate(clock.now(), in: timeZone) }

    private func reactions(_ now: Date) -> InboundReactions {
        InboundReactions(settings: settings, words: creditor.language.wording, today: CivilDate(now, in: timeZone), now: now)
    }
}
