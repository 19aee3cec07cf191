import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop contacting a customer, or a whole creditor, until a date or until `relance resume`.")

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
    @Option(help: ArgumentHelp("Pause only this customer (its id in the creditor's books).", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Last day of the pause (YYYY-MM-DD); until resumed otherwise.", valueName: "date")) var until: String?
    @Option(help: "Why, for the journal (your name is kept with it).") var reason: String?

    func run() async throws {
        let context = try await CommandContext(options: options)
        let creditorID = try context.creditorID(creditor)
        let untilDate = try parseDate(until, option: "--until")
        let now = context.runtime.clock.now()
        let words = context.words(of: creditorID)
        if let customer {
            let id = try await context.customerID(customer, creditor: creditorID)
            try await PeopleActions(runtime: context.runtime).pauseCustomer(id, until: untilDate, reason: reason, by: PersonName.current)
            print(words.customerPaused(customer: customer, creditor: creditorID.rawValue, until: untilDate))
        } else {
            var state = try await context.runtime.store.creditorState(creditorID)
            state.paused = true
            state.pausedUntil = untilDate
            let said = PeopleActions.said(reason, by: PersonName.current)
            state.pauseReason = said
            try await context.runtime.store.setCreditorState(state, of: creditorID, reason: said, at: now)
            print(words.creditorPaused(creditor: creditorID.rawValue, until: untilDate))
        }
    }
}

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Contact a paused customer, or creditor, again; or end the dispute on an invoice.",
        discussion: """
            With --invoice, the invoice a customer disputed (a task closed with --outcome dispute) goes \
            back on the ladder where it was: reminders, letters and notices may demand it again. It is \
            the outcome dispute-resolved recorded on that task (relance tasks done ID --outcome dispute-resolved).
            """)

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
    @Option(help: ArgumentHelp("Resume only this customer.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("End the dispute on this invoice (its number in the creditor's books).", valueName: "number"))
    var invoice: String?
    @Option(help: "Why, for the journal (your name is kept with it).") var reason: String?

    func run() async throws {
        let context = try await CommandContext(options: options)
        let creditorID = try context.creditorID(creditor)
        let now = context.runtime.clock.now()
        let words = context.words(of: creditorID)
        if let invoice {
            // The one outcome path: `dispute-resolved` on the task that recorded the dispute.
            guard let task = try await context.runtime.store.disputeTask(invoice: invoice, of: creditorID) else {
                print(words.invoiceWasNotDisputed(invoice: invoice, creditor: creditorID.rawValue))
                return
            }
            let said = reason
            do {
                try await PeopleActions(runtime: context.runtime).recordOutcome(.disputeResolved(invoices: [invoice], note: said), onTask: task,
                                                                                by: PersonName.current, channel: .cli)
            } catch let error as TaskOutcomeError {
                throw Failure(words.outcomeRefusedOnTask(taskID: task, why: error.message) + " (code `\(error.code.rawValue)`)")
            }
            print(words.disputeResolvedByResume(invoice: invoice, creditor: creditorID.rawValue, taskID: task))
        } else if let customer {
            let id = try await context.customerID(customer, creditor: creditorID)
            try await PeopleActions(runtime: context.runtime).resumeCustomer(id, reason: reason, by: PersonName.current)
            print(words.customerResumed(customer: customer, creditor: creditorID.rawValue))
        } else {
            var state = try await context.runtime.store.creditorState(creditorID)
            state.paused = false
            state.pausedUntil = nil
            state.pauseReason = nil
            let said = PeopleActions.said(reason, by: PersonName.current)
            try await context.runtime.store.setCreditorState(state, of: creditorID, reason: said, at: now)
            // An outbox paused for a fault is tried again too (the next round sends, or pauses again).
            let faultLifted = try await context.runtime.store.resumeOutbox(creditorID, reason: said, at: now)
            print(words.creditorResumed(creditor: creditorID.rawValue, outboxRetried: faultLifted))
        }
    }
}
