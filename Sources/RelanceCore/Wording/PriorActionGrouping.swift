/// What was already done for a customer, one line per message (#13): one email covering
/// several invoices at different steps (F-1 at its first reminder, F-2 at its second, sent the
/// same day) is one action, not one line per step.
extension Wording {
    /// `21/12/2026 : première relance (F-1) et deuxième relance (F-2) ; 04/01/2027 : relance téléphonique (promesse …)`.
    public func priorActions(_ actions: [PriorAction]) -> String {
        Self.groupedByMessage(actions).map { group in
            group.count == 1 ? priorAction(group[0]) : priorActionOfSeveralSteps(group)
        }.joined(separator: listSeparator)
    }

    /// Emails sent the same day are one message (the sender writes one per customer and day);
    /// a task's outcome or a contact made by hand stays its own line. Order is kept.
    static func groupedByMessage(_ actions: [PriorAction]) -> [[PriorAction]] {
        var groups: [[PriorAction]] = []
        var emailGroup: [CivilDate: Int] = [:]
        for action in actions {
            let isEmail = (action.channel ?? .email) == .email && action.detail == nil
            if isEmail, let index = emailGroup[action.on] {
                groups[index].append(action)
            } else {
                if isEmail { emailGroup[action.on] = groups.count }
                groups.append([action])
            }
        }
        return groups
    }
}
