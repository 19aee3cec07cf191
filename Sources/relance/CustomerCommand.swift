import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "A customer's whole timeline: imports, reminders, replies, bounces, tasks, and each decision's reason.",
        discussion: """
            --do-not-remind REASON marks the customer "do not remind" (journaled with your name; a contacts \
            import does not clear it), --remind-again removes that mark: the same operation as the console's customer page.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The customer's id in the creditor's books.", valueName: "id")) var customer: String
    @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
    @Flag(help: "Print as JSON lines.") var json = false
    @Option(name: .customLong("do-not-remind"), help: ArgumentHelp("Stop reminding this customer, for this reason.", valueName: "reason"))
    var doNotRemind: String?
    @Flag(name: .customLong("remind-again"), help: "Remove a do-not-remind set by a person.") var remindAgain = false

    func validate() throws {
        if doNotRemind != nil && remindAgain { throw ValidationError("--do-not-remind and --remind-again exclude each other.") }
        if let doNotRemind, PersonDoNotRemind.validReason(doNotRemind) == nil {
            throw ValidationError("--do-not-remind needs a reason on one line, 1 to \(PersonDoNotRemind.maximumReasonLength) characters.")
        }
    }

    func run() async throws {
        if doNotRemind != nil || remindAgain { return try await changeDoNotRemind() }
        let context = try await CommandContext(options: options, readOnly: true)
        let creditorID = try context.creditorID(creditor)
        let id = try await context.customerID(customer, creditor: creditorID)
        // Net of what the bank shows paid: the « reste dû » of the plan and the aged balance.
        let open = try await BankAwareReceivables.read(creditorID, customer: id, from: context.runtime.store)
        let timeline = try await context.runtime.store.events(ofCustomer: id)
        if json {
            for entry in timeline {
                let object: [String: Any] = ["id": entry.id, "time": entry.event.time.formatted(.iso8601),
                                             "kind": entry.event.kind, "summary": entry.event.summary]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            }
            return
        }
        let configuration = context.runtime.creditors.first { $0.configuration.id == creditorID }?.configuration
        let words = (configuration?.language ?? .french).wording
        let timeZone = TimeZone(identifier: configuration?.timeZone ?? "Europe/Paris") ?? .current
        print(words.customerHeading(customerID: customer.printable, name: open.first?.customer.name?.printable, creditor: creditorID.rawValue))
        if let emails = open.first?.customer.emails, !emails.isEmpty { print("  " + words.customerEmails(emails.map(\.value))) }
        print("  " + words.customerOpen(open.map { words.openItem(number: $0.number.printable, amount: $0.demanded, due: $0.due, received: $0.received) }))
        print(words.timelineHeading())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        for entry in timeline {
            let time = calendar.dateComponents([.hour, .minute], from: entry.event.time)
            let when = "\(words.date(CivilDate(entry.event.time, in: timeZone))) \(words.dates.clock(hour: time.hour ?? 0, minute: time.minute ?? 0))"
            // Imported names in a summary are escaped (`PrintableText`): none can forge a line.
            print("  \(when)  " + words.labelled(words.eventKind(entry.event.kind), entry.event.summary.printable))
        }
    }

    /// The do-not-remind through `PeopleActions`, as the console does.
    private func changeDoNotRemind() async throws {
        let context = try await CommandContext(options: options)
        let creditorID = try context.creditorID(creditor)
        let id = try await context.customerID(customer, creditor: creditorID)
        let actions = PeopleActions(runtime: context.runtime)
        do {
            if let doNotRemind {
                try await actions.setDoNotRemind(customerID: id, reason: doNotRemind, by: PersonName.current)
                print("Customer \(customer.printable) will not be reminded: \(doNotRemind.printable). `relance customer \(customer.printable) --remind-again` undoes it.")
            } else {
                try await actions.removeDoNotRemind(customerID: id, by: PersonName.current)
                print("Customer \(customer.printable) will be reminded again, from the next plan.")
            }
        } catch {
            throw Failure("customer \(customer.printable): \(error)")
        }
    }
}
