import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "A customer's whole timeline: imports, reminders, replies, bounces, tasks, and each decision's reason.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp("The customer's id in the creditor's books.", valueName: "id")) var customer: String
    @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
    @Flag(help: "Print as JSON lines.") var json = false

    func run() async throws {
        let context = try CommandContext(options: options, readOnly: true)
        let creditorID = try context.creditorID(creditor)
        let id = try await context.customerID(customer, creditor: creditorID)
        let open = try await context.runtime.store.openReceivables(of: creditorID).filter { $0.customer.id == id }
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
        let name = open.first?.customer.name ?? ""
        print("Customer \(customer.printable) \(name.printable) (creditor \(creditorID))")
        if let emails = open.first?.customer.emails, !emails.isEmpty { print("  Email: \(emails.map(\.value).joined(separator: ", "))") }
        print("  Open: " + (open.isEmpty ? "nothing" : open.map { "\($0.number.printable) \($0.open) due \($0.due?.iso8601 ?? "?")" }.joined(separator: "; ")))
        print("Timeline:")
        for entry in timeline {
            print("  \(entry.event.time.formatted(.iso8601))  \(entry.event.kind): \(entry.event.summary.printable)")
        }
    }
}
