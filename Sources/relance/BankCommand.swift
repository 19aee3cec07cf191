import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon

/// Money received at the bank that no invoice could be matched to: list it, link it to the
/// customer who paid (which teaches their IBAN and name), or set it aside.
struct BankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "Bank receipts no invoice could be matched to: list them, link one to a customer, or set one aside.",
        subcommands: [Unmatched.self, Link.self, Dismiss.self],
        defaultSubcommand: Unmatched.self)

    struct Unmatched: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unmatched", abstract: "List the receipts to link, oldest first.")
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
        @Flag(help: "Print one JSON object per receipt.") var json = false

        func run() async throws {
            let context = try await CommandContext(options: options, readOnly: true)
            let creditorID = try context.creditorID(creditor)
            let receipts = try await context.runtime.store.unmatchedReceipts(of: creditorID)
            if json {
                for receipt in receipts {
                    let object: [String: Any] = [
                        "entry": receipt.entryID, "booked": receipt.booked.iso8601, "amount": receipt.amount.decimalString,
                        "currency": receipt.amount.currency.code, "payer": receipt.payer ?? NSNull(), "payer_iban": receipt.payerIBAN ?? NSNull(),
                        "remittance": receipt.remittance, "account": receipt.account,
                    ]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                }
                return
            }
            let words = context.language(of: creditorID).wording
            guard !receipts.isEmpty else { return print(words.noUnmatchedReceipts()) }
            print(words.unmatchedReceiptsTitle(receipts.count))
            for receipt in receipts {
                // Imported texts (payer, label) are escaped: none can forge a line.
                print("  #\(receipt.entryID)  \(words.amount(receipt.amount))  " + words.unmatchedReceiptHeadline(booked: receipt.booked, payer: receipt.payer?.printable))
                print("      " + words.unmatchedReceiptDetail(remittance: receipt.remittance.printable, payerIBAN: receipt.payerIBAN))
            }
            print(words.unmatchedReceiptsNote(count: receipts.count))
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link a receipt to the customer who paid: it pays their open invoices of that amount, and their next transfers are recognised.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The receipt's number (relance bank unmatched lists them).", valueName: "entry")) var entry: Int64
        @Argument(help: ArgumentHelp("The customer's id in the creditor's books.", valueName: "customer")) var customer: String
        @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
        @Option(help: ArgumentHelp("Who decided (default: the Unix user).", valueName: "name")) var by: String?

        func run() async throws {
            try await BankCommand.resolve(entry, customer: customer, creditor: creditor, by: by, options: options)
        }
    }

    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Set a receipt aside: it pays no invoice (a refund, a loan, a sale at the counter) and leaves the digest.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The receipt's number (relance bank unmatched lists them).", valueName: "entry")) var entry: Int64
        @Option(help: ArgumentHelp("The creditor (needed when several are configured).", valueName: "id")) var creditor: String?
        @Option(help: ArgumentHelp("Who decided (default: the Unix user).", valueName: "name")) var by: String?

        func run() async throws {
            try await BankCommand.resolve(entry, customer: nil, creditor: creditor, by: by, options: options)
        }
    }

    static func resolve(_ entry: Int64, customer: String?, creditor: String?, by: String?, options: GlobalOptions) async throws {
        let context = try await CommandContext(options: options)
        let creditorID = try context.creditorID(creditor)
        let person = by ?? PersonName.current
        guard person.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }), (1...254).contains(person.utf8.count) else {
            throw Failure("--by: a name of 1 to 254 characters without control characters")
        }
        let resolution = try await PeopleActions(runtime: context.runtime).resolveReceipt(entry, of: creditorID, customer: customer, by: person, channel: .cli)
        print(context.language(of: creditorID).wording.receiptResolved(resolution))
    }
}

extension CommandContext {
    /// The creditor's language, for what a command prints.
    func language(of creditor: CreditorID) -> Language {
        runtime.creditors.first { $0.configuration.id == creditor }?.configuration.language ?? .french
    }
}
