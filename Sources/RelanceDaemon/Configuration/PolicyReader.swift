import RelanceCore

/// Reads `[policies.NAME]` tables; the built-in policies (`standard`, `standard-fr`, `standard-en`) are always there.
enum PolicyReader {
    static func read(_ table: ConfigTable?) throws(ConfigurationError) -> [String: Policy] {
        var policies = Dictionary(uniqueKeysWithValues: Policy.builtIn.map { ($0.name, $0) })
        guard let table else { return policies }
        for name in table.table.keys.sorted() {
            guard let policyTable = try table.subtable(name) else { continue }
            try policyTable.refuseUnknownKeys(["steps", "minimum_days_between_contacts", "formal_notice_deadline_days",
                                               "task_outcome_wait_business_days", "minimum_net_balance", "escalate_after_days",
                                               "no_answer_attempts", "paid_wait_days"])
            guard let steps = policyTable.table["steps"]?.array, !steps.isEmpty else {
                throw policyTable.error("steps", "a policy needs at least one step: [[policies.\(name).steps]]")
            }
            var parsed: [PolicyStep] = []
            for (index, element) in steps.enumerated() {
                guard let stepTable = element.table else {
                    throw policyTable.error("steps", "each step must be a table ([[policies.\(name).steps]])")
                }
                let step = ConfigTable(table: stepTable, path: "policies.\(name).steps[\(index + 1)]", file: table.file)
                parsed.append(try readStep(step))
            }
            if Set(parsed.map(\.name)).count != parsed.count {
                throw policyTable.error("steps", "two steps have the same name; each step name must be unique")
            }
            var policy = Policy(name: name, steps: parsed,
                                minimumBusinessDaysBetweenContacts: try policyTable.int("minimum_days_between_contacts", in: 0...365) ?? 5)
            policy.formalNoticeDeadlineDays = try policyTable.int("formal_notice_deadline_days", in: 1...90) ?? policy.formalNoticeDeadlineDays
            policy.taskOutcomeWaitBusinessDays = try policyTable.int("task_outcome_wait_business_days", in: 1...90) ?? policy.taskOutcomeWaitBusinessDays
            if let minimum = try euros(policyTable, "minimum_net_balance") { policy.minimumNetBalance = minimum }
            policy.escalateAfterDays = try policyTable.int("escalate_after_days", in: 1...365) ?? policy.escalateAfterDays
            policy.noAnswerAttempts = try policyTable.int("no_answer_attempts", in: 1...10) ?? policy.noAnswerAttempts
            policy.paidWaitDays = try policyTable.int("paid_wait_days", in: 1...90) ?? policy.paidWaitDays
            policies[name] = policy
        }
        return policies
    }

    private static func readStep(_ step: ConfigTable) throws(ConfigurationError) -> PolicyStep {
        try step.refuseUnknownKeys(["name", "channel", "after_due_days", "after_previous_days", "after_previous_business_days", "template",
                                    "minimum_open_amount", "minimum_days_late", "attach_statement"])
        let name = try step.requiredString("name", hint: "the step's name, also its template's name (e.g. \"first-reminder\")")
        let channelName = try step.string("channel") ?? "email"
        guard let channel = PolicyStep.Channel(rawValue: channelName) else {
            throw step.error("channel", "unknown channel \"\(channelName)\"; channels: \(PolicyStep.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let afterDue = try step.int("after_due_days", in: -90...3650)
        let afterPrevious = try step.int("after_previous_days", in: 0...3650)
        let afterPreviousBusiness = try step.int("after_previous_business_days", in: 0...2500)
        let trigger: PolicyStep.Trigger
        switch (afterDue, afterPrevious, afterPreviousBusiness) {
        case (let days?, nil, nil): trigger = .afterDue(days: days)
        case (nil, let days?, nil): trigger = .afterPrevious(days: days)
        case (nil, nil, let days?): trigger = .afterPreviousBusinessDays(days: days)
        default:
            throw step.error("after_due_days",
                             "give exactly one of after_due_days, after_previous_days (calendar days) or after_previous_business_days (business days: weekends and the creditor's public holidays do not count)")
        }
        let conditions = StepConditions(minimumOpenAmount: try euros(step, "minimum_open_amount"),
                                        minimumDaysLate: try step.int("minimum_days_late", in: 0...3650))
        return PolicyStep(name: name, channel: channel, trigger: trigger, template: try step.string("template"), conditions: conditions)
            .attachingStatement(try step.bool("attach_statement") ?? false)
    }

    /// An amount in euros written as a number or a decimal string: `100`, `"150.50"`.
    private static func euros(_ table: ConfigTable, _ name: String) throws(ConfigurationError) -> Money? {
        if let text = try? table.string(name) {
            guard let money = Money(decimal: text, currency: .euro) else { throw table.error(name, "must be an amount in euros like \"150.00\"") }
            return money
        }
        guard let number = try table.double(name, in: 0...1_000_000_000) else { return nil }
        return Money(minorUnits: Int64((number * 100).rounded()), currency: .euro)
    }
}
