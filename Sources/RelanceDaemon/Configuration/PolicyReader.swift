import RelanceCore

/// Reads `[policies.NAME]` tables; the built-in policies (`standard`, `standard-fr`, `standard-en`) are always there.
enum PolicyReader {
    static func read(_ table: ConfigTable?) throws(ConfigurationError) -> [String: Policy] {
        var policies = Dictionary(uniqueKeysWithValues: Policy.builtIn.map { ($0.name, $0) })
        guard let table else { return policies }
        for name in table.table.keys.sorted() {
            guard let policyTable = try table.subtable(name) else { continue }
            try policyTable.refuseUnknownKeys(["steps", "minimum_days_between_contacts"])
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
            policies[name] = Policy(name: name, steps: parsed,
                                    minimumBusinessDaysBetweenContacts: try policyTable.int("minimum_days_between_contacts", in: 0...365) ?? 5)
        }
        return policies
    }

    private static func readStep(_ step: ConfigTable) throws(ConfigurationError) -> PolicyStep {
        try step.refuseUnknownKeys(["name", "channel", "after_due_days", "after_previous_days"])
        let name = try step.requiredString("name", hint: "the step's name, also its template's name (e.g. \"first-reminder\")")
        let channelName = try step.string("channel") ?? "email"
        guard let channel = PolicyStep.Channel(rawValue: channelName) else {
            throw step.error("channel", "unknown channel \"\(channelName)\"; channels: \(PolicyStep.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let afterDue = try step.int("after_due_days", in: -90...3650)
        let afterPrevious = try step.int("after_previous_days", in: 0...3650)
        switch (afterDue, afterPrevious) {
        case (let days?, nil): return PolicyStep(name: name, channel: channel, trigger: .afterDue(days: days))
        case (nil, let days?): return PolicyStep(name: name, channel: channel, trigger: .afterPrevious(days: days))
        default: throw step.error("after_due_days", "give exactly one of after_due_days or after_previous_days")
        }
    }
}
