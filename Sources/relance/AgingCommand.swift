import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

struct AgingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging",
        abstract: "The aged balance (balance âgée): per customer, then per invoice, by days late.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("The date to age at (YYYY-MM-DD); today by default.", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("Only this customer.", valueName: "id")) var customer: String?
    @Option(help: ArgumentHelp("Only this creditor.", valueName: "id")) var creditor: String?
    @Option(help: "table, csv or json.") var format: Format = .table

    func run() async throws {
        let context = try CommandContext(options: options)
        for target in context.runtime.creditors where creditor == nil || target.configuration.id.rawValue == creditor {
            let day = try parseDate(asOf, option: "--as-of") ?? context.runtime.today(for: target)
            var balance = AgedBalance(receivables: try await context.runtime.store.openReceivables(of: target.configuration.id), asOf: day)
            if let customer {
                balance = AgedBalance(receivables: balance.customers.filter { $0.customer.externalID == customer }
                    .flatMap { $0.invoices.map(\.receivable) }, asOf: day)
            }
            switch format {
            case .csv: print(AgedBalanceCSV.render(balance), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(balance), as: UTF8.self))
            case .table: print(AgingTable(balance: balance, creditor: target.configuration).text)
            }
        }
    }
}

/// The terminal view: fixed-width columns, one line per customer and one per invoice.
struct AgingTable {
    let balance: AgedBalance
    let creditor: CreditorConfiguration

    var text: String {
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
            let count = text.count
            guard count < width else { return text }
            return right ? String(repeating: " ", count: width - count) + text : text + String(repeating: " ", count: width - count)
        }
        let amount: (Money) -> String = { $0.isZero ? "" : $0.decimalString }
        var lines = ["Aged balance of \(creditor.id) (\(creditor.legalName)) as of \(balance.asOf)"]
        lines.append(pad("customer / invoice", 34, right: false) + pad("due", 11) + AgingBucket.allCases.map { pad($0.rawValue, 12) }.joined()
            + pad("total", 12) + "  last action")
        for customer in balance.customers {
            for totals in customer.totals {
                lines.append(pad("\(customer.customer.externalID) \(customer.customer.name ?? "")", 34, right: false) + pad("", 11)
                    + AgingBucket.allCases.map { pad(amount(totals.amount($0)), 12) }.joined() + pad(totals.totalAmount.description, 12))
            }
            for invoice in customer.invoices {
                let receivable = invoice.receivable
                let late = invoice.daysLate.map { $0 > 0 ? " (\($0) d late)" : "" } ?? ""
                lines.append(pad("  \(receivable.number)\(late)", 34, right: false) + pad(invoice.shownDue?.iso8601 ?? "", 11)
                    + AgingBucket.allCases.map { pad($0 == invoice.bucket ? receivable.open.decimalString : "", 12) }.joined()
                    + pad("", 12) + "  " + (invoice.lastAction.map { "\($0.step) \($0.on)" } ?? ""))
            }
        }
        for totals in balance.totals {
            lines.append(pad("TOTAL \(totals.currency.code)", 34, right: false) + pad("", 11)
                + AgingBucket.allCases.map { pad(amount(totals.amount($0)), 12) }.joined() + pad(totals.totalAmount.decimalString, 12))
        }
        return lines.joined(separator: "\n")
    }
}
