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
        let context = try await CommandContext(options: options, readOnly: true)
        for target in context.runtime.creditors where creditor == nil || target.configuration.id.rawValue == creditor {
            let day = try parseDate(asOf, option: "--as-of") ?? context.runtime.today(for: target)
            let balance = AgedBalanceFilter(customerCode: customer)
                .apply(to: AgedBalance(receivables: try await BankAwareReceivables.read(target.configuration.id, from: context.runtime.store), asOf: day))
            switch format {
            case .csv: print(AgedBalanceCSV.render(balance, format: target.configuration.spreadsheet, language: target.configuration.language), terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(balance), as: UTF8.self))
            case .table:
                print(AgingTable(balance: balance, creditor: target.configuration).text)
                // The ledger's figures stay as they are; what the bank already shows paid is said beside them.
                let payments = try await context.runtime.store.bankPayments(of: target.configuration.id)
                    .filter { payment in customer == nil || balance.customers.contains { $0.customer.id == payment.customerID } }
                if !payments.isEmpty {
                    let words = target.configuration.language.wording
                    print(words.receivedAwaitingLedger())
                    for payment in payments {
                        print("  " + words.labelled(payment.invoiceNumber, payment.sentence(in: target.configuration.language)).printable)
                    }
                }
            }
        }
    }
}

/// The terminal view, in the creditor's language: fixed-width columns, one line per customer
/// and one per invoice.
struct AgingTable {
    let balance: AgedBalance
    let creditor: CreditorConfiguration

    var text: String {
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
            let count = text.count
            guard count < width else { return text }
            return right ? String(repeating: " ", count: width - count) + text : text + String(repeating: " ", count: width - count)
        }
        let words = creditor.language.wording
        let columns = words.agingColumns()
        let amount: (Money) -> String = { $0.isZero ? "" : words.amount($0) }
        var lines = [words.agingTitle(creditor: creditor.id.rawValue, legalName: creditor.legalName, asOf: balance.asOf)]
        lines.append(pad(columns.customerOrInvoice, 40, right: false) + pad(columns.due, 12) + AgingBucket.allCases.map { pad(words.bucket($0), 15) }.joined()
            + pad(columns.total, 15) + "  " + columns.lastAction)
        for customer in balance.customers {
            for totals in customer.totals {
                lines.append(pad("\(customer.customer.externalID) \(customer.customer.name ?? "")", 40, right: false) + pad("", 12)
                    + AgingBucket.allCases.map { pad(amount(totals.amount($0)), 15) }.joined() + pad(words.amount(totals.totalAmount), 15))
            }
            for invoice in customer.invoices {
                let receivable = invoice.receivable
                let late = invoice.daysLate.map { $0 > 0 ? " (\(words.daysLate($0)))" : "" } ?? ""
                lines.append(pad("  \(receivable.number)\(late)", 40, right: false) + pad(invoice.shownDue.map(words.date) ?? "", 12)
                    + AgingBucket.allCases.map { pad($0 == invoice.bucket ? words.amount(receivable.demanded) : "", 15) }.joined()
                    + pad("", 15) + "  " + (invoice.lastAction.map { words.lastAction(step: $0.step, on: $0.on) } ?? ""))
            }
        }
        for totals in balance.totals {
            lines.append(pad(words.agingTotal(currency: totals.currency), 40, right: false) + pad("", 12)
                + AgingBucket.allCases.map { pad(amount(totals.amount($0)), 15) }.joined() + pad(words.amount(totals.totalAmount), 15))
            // The digest's figure: the late buckets, credits told apart rather than deducted.
            lines.append(words.labelled("\(words.overdueLabel()) (\(totals.currency.code))", words.amount(totals.overdueAmount))
                + (totals.creditAmount.isZero ? "" : " · " + words.unappliedCredits(words.amount(totals.creditAmount))))
            // Set apart, so the total above is what the plan demands and the ledger's is still in view.
            if totals.received != 0 {
                lines.append(pad(words.receivedAwaitingLedger(), 40, right: false) + pad("", 12 + 15 * AgingBucket.allCases.count)
                    + pad(words.amount(totals.receivedAmount), 15))
                lines.append(pad(words.ledgerTotal(currency: totals.currency), 40, right: false) + pad("", 12 + 15 * AgingBucket.allCases.count)
                    + pad(words.amount(totals.ledgerAmount), 15))
            }
        }
        // One entry per line: imported names and numbers are escaped there (`PrintableText`).
        return lines.map(\.printable).joined(separator: "\n")
    }
}
