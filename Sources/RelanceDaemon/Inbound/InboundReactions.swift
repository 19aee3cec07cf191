import Foundation
import RelanceCore
import RelanceMail

/// Who an inbound message concerns, as far as matching could tell.
struct InboundSubject: Sendable, Hashable {
    enum Evidence: Sendable, Hashable {
        /// A signed token named one of our messages.
        case token(SentMessageFacts, viaVERP: Bool)
        /// Sent from a contact address of the customer (no token).
        case contact(EmailAddress, customers: [Int64])
    }

    let evidence: Evidence

    var message: SentMessageFacts? {
        if case .token(let facts, _) = evidence { return facts }
        return nil
    }

    /// The customer, when it is certain: a token, or a contact address of one customer only.
    var customerID: Int64? {
        switch evidence {
        case .token(let facts, _): facts.customerID
        case .contact(_, let customers): customers.count == 1 ? customers[0] : nil
        }
    }

    /// How it was tied to us, for its journal line.
    var match: InboundMatch {
        switch evidence {
        case .token(let facts, let viaVERP): .message(id: facts.id, byVERP: viaVERP)
        case .contact(let address, let customers): .contact(address: address.value, customers: customers.count)
        }
    }
}

/// What to record about a message that is ours, and what it changes.
struct InboundDecision: Sendable, Hashable {
    var kind: InboundRecord.Kind
    var summary: String
    var excerpt: String?
    var keepRaw: Bool
    var effects: [InboundEffect]
    /// Ours alone (a bounce or auto-reply to a reminder): may go to the "handled" folder.
    var movable: Bool
}

/// Turns a classified, matched message into its reactions (issue 6). Pure: the store applies them.
struct InboundReactions: Sendable {
    let settings: InboundSettings
    /// The creditor's words: task titles, pause reasons and journal lines are read by its people.
    let words: any Wording
    let today: CivilDate
    let now: Date

    func decide(_ classification: InboundClassification, subject: InboundSubject) -> InboundDecision {
        let kind = InboundRecord.Kind(rawValue: classification.kind.rawValue) ?? .other
        let excerpt = classification.excerpt.isEmpty ? nil : classification.excerpt
        var decision = InboundDecision(kind: kind, summary: "", excerpt: excerpt, keepRaw: true, effects: [],
                                       movable: subject.message != nil)
        let matched = subject.match
        switch classification.kind {
        case .bounce:
            decision.summary = words.bounceSummary(matched)
            decision.effects = bounceEffects(classification.recipients, subject: subject)
        case .deliveryReport:
            decision.summary = words.deliveryReportSummary(matched, actions: Set(classification.recipients.map(\.action)).sorted())
        case .autoreply:
            decision.summary = words.autoReplySummary(matched, back: classification.returnDate)
            if let back = classification.returnDate, back >= today, subject.customerID != nil {
                decision.effects = [.holdCustomer(.away, until: back, reason: words.awayAutoReply(until: back))]
            }
        case .reply:
            decision.summary = words.replySummary(matched, hints: classification.hints.map(\.description))
            decision.effects = replyEffects(classification, subject: subject)
            decision.movable = false
        case .complaint:
            decision.summary = words.complaintSummary(matched)
            if let customer = subject.customerID {
                decision.effects = [
                    .holdCustomer(.complaint, until: nil, reason: words.complaintHoldReason()),
                    .openTask(InboundTaskRequest(
                        kind: .call, title: words.complaintCallTitle(),
                        detail: ["reason": "complaint"], dedupKey: "complaint:\(customer)")),
                ]
            }
            decision.movable = false
        case .other:
            decision.summary = words.notUnderstoodSummary(matched, why: classification.otherReason)
            decision.movable = false
        }
        return decision
    }

    /// Only recipients whose delivery failed act; `delayed` and `relayed` are the journey, not its end.
    private func bounceEffects(_ recipients: [BounceRecipient], subject: InboundSubject) -> [InboundEffect] {
        guard let facts = subject.message else { return [] }
        var effects: [InboundEffect] = []
        let failed = recipients.filter { $0.action == "failed" }
        if failed.isEmpty {
            return [.event(kind: "mail.bounce-unclear", summary: words.bounceWithoutFailure(messageID: facts.id))]
        }
        for recipient in failed {
            let address = bouncedAddress(recipient, of: facts)
            let evidence = [recipient.status, recipient.diagnostic].compactMap { $0 }.joined(separator: " ")
            let cause = recipient.cause.plainWords(words)
            var detail = ["reason": cause, "status": recipient.status ?? "", "diagnostic": recipient.diagnostic ?? "",
                          "message": String(facts.id)]
            detail["bounced_address"] = address?.value ?? recipient.address ?? ""
            if recipient.wrongAddress && recipient.permanent {
                guard let address else {
                    effects.append(.event(kind: "mail.bounce-unclear", summary: words.bounceWrongAddressUnnamed(messageID: facts.id, cause: recipient.cause)))
                    continue
                }
                effects.append(.markAddressInvalid(address, reason: cause, evidence: evidence.isEmpty ? nil : evidence))
                effects.append(.openTask(InboundTaskRequest(
                    kind: .call, title: words.wrongAddressCallTitle(address: address.value, cause: recipient.cause),
                    detail: detail, dedupKey: "wrong-address:\(facts.customerID):\(address.value)")))
            } else if recipient.permanent && Self.operatorCauses.contains(recipient.cause) {
                // Our sender, our server or our reputation: the operator fixes it, the customer is not at fault.
                effects.append(.openTask(InboundTaskRequest(
                    kind: .fixConfiguration, title: words.sendingRefusedTitle(cause: recipient.cause),
                    detail: detail, dedupKey: "bounce-\(recipient.cause.rawValue)", aboutCustomer: false)))
            } else {
                let since = now.addingTimeInterval(-Double(settings.temporaryBounceDays) * 86_400)
                effects.append(.countTemporaryBounce(threshold: settings.temporaryBouncesBeforeCall, since: since, task: InboundTaskRequest(
                    kind: .call,
                    title: words.temporaryBouncesCallTitle(count: settings.temporaryBouncesBeforeCall, days: settings.temporaryBounceDays,
                                                           cause: recipient.cause),
                    detail: detail, dedupKey: "bounces:\(facts.customerID)")))
            }
        }
        return effects
    }

    private static let operatorCauses: Set<BounceCause> = [.senderRejected, .transport, .refused]

    /// The address of ours that bounced: the report's, when we wrote to it; else our only recipient
    /// (a forwarding server may report the final address instead of the one we used).
    private func bouncedAddress(_ recipient: BounceRecipient, of facts: SentMessageFacts) -> EmailAddress? {
        if let reported = recipient.address?.lowercased(),
           let ours = facts.recipients.first(where: { $0.value.lowercased() == reported }) {
            return ours
        }
        return facts.recipients.count == 1 ? facts.recipients[0] : nil
    }

    private func replyEffects(_ classification: InboundClassification, subject: InboundSubject) -> [InboundEffect] {
        var detail = ["excerpt": classification.excerpt, "hints": classification.hints.map(\.description).joined(separator: ", ")]
        if case .contact(let address, let customers) = subject.evidence {
            detail["from"] = address.value
            if customers.count > 1 { detail["customers"] = customers.map(String.init).joined(separator: ", ") }
        }
        if let facts = subject.message { detail["message"] = String(facts.id) }
        var effects: [InboundEffect] = []
        if subject.customerID != nil {
            let until = settings.replyPauseDays.map { today.adding(days: $0) }
            effects.append(.holdCustomer(.reply, until: until, reason: words.replyHoldReason()))
            if settings.promisePauses {
                for case .promise(let day) in classification.hints where day >= today {
                    effects.append(.holdCustomer(.promise, until: day, reason: words.promisedInReply(day)))
                }
            }
        }
        let title = words.readReplyTitle(customerKnown: subject.customerID != nil)
        effects.append(.openTask(InboundTaskRequest(kind: .readReply, title: title, detail: detail)))
        return effects
    }
}
