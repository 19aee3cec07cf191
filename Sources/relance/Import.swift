import ArgumentParser
import Foundation
import RelanceCore
import RelanceDaemon
import RelanceImport

/// `relance import FILE…` (the default), `relance import held`, `relance import confirm ID`, `relance import reject ID`.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import export files by hand, check them with --dry-run, or confirm a held snapshot.",
        subcommands: [ImportFilesCommand.self, ImportHeldCommand.self, ImportConfirmCommand.self, ImportRejectCommand.self],
        defaultSubcommand: ImportFilesCommand.self)
}

struct ImportFilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "Import export files by hand, or check them with --dry-run (the default subcommand).",
        discussion: """
            Without --dry-run, applies each file to the store exactly as the drop folder would (one transaction \
            per file), but leaves the file where it is. With --dry-run, only parses: no configuration and no \
            store are needed (with --creditor, that creditor's column mapping applies), and --json prints the open \
            items as a JSON array, for contacts files the customers as read (customer, name, emails, cc, phones, \
            address, terms, language, do_not_remind, step_reached, last_contact), and for a bank statement \
            one JSON object per line and entry (booked, value_date, amount, currency, counterparty, \
            counterparty_iban, remittance, reference, bank_reference, account).
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Export files (open-invoice CSV, FEC…).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("The creditor the files belong to (needed when several are configured).", valueName: "id"))
    var creditor: String?

    @Flag(help: "Parse only; change nothing.")
    var dryRun = false

    @Flag(help: "With --dry-run: print the open items (or, for contacts files, the customers as read) as JSON.")
    var json = false

    func run() async throws {
        var failed = false
        if dryRun {
            // With --creditor, the creditor's column mapping and policy steps apply, as in the daemon.
            let parsing = try creditor.map { _ in try chooseCreditorConfiguration(options.loadConfiguration()) }
            let importOptions = parsing.map { ExportImporter.importOptions(for: $0) } ?? ImportOptions()
            var all: [OpenItem] = []
            var contacts: [ContactRecord] = []
            var kinds: Set<ParsedImport.Kind> = []
            var refused: [RefusedRow] = []
            var onlyStatements = !files.isEmpty
            var parseOptions = importOptions
            parseOptions.exportDate = CivilDate(Date(), in: .current)
            for file in files {
                do {
                    // Mapped, not read: a large ledger is parsed in place (`MappedExportFile`).
                    let parsed = try mapped(file) { try ExportParsing.parse($0, fileName: file, options: parseOptions) }
                    if let statement = parsed.bankStatement {
                        // A statement's entries print as JSON Lines, one object per entry.
                        if json {
                            if !statement.entries.isEmpty { print(BankEntriesJSON.lines(statement.entries)) }
                        } else {
                            print("\(file): bank statement (\(statement.format.rawValue)), \(statement.entries.count) entries, accounts \(statement.accounts.joined(separator: ", "))")
                        }
                    } else {
                        onlyStatements = false
                        kinds.insert(parsed.kind == .contacts ? .contacts : .openInvoices)
                        if !json {
                            let count = parsed.kind == .contacts ? "\(parsed.contacts.count) customers" : "\(parsed.items.count) open items"
                            print("\(file): \(parsed.kind.rawValue), \(count), \(parsed.skippedRows) rows skipped\(parsed.refusedRows.isEmpty ? "" : ", \(parsed.refusedRows.count) rows refused")\(parsed.asOf.map { ", as of \($0)" } ?? "")")
                        }
                    }
                    // Kept only to be printed: a million-line ledger's 42,000 items are 12 MB to copy.
                    if json {
                        all += parsed.items
                        contacts += parsed.contacts
                    }
                    refused += parsed.refusedRows
                    if !json { for row in parsed.refusedRows { print("  refused: \(row)".printable) } }
                    // With --creditor, in the creditor's language; the code in brackets is for scripts.
                    for warning in parsed.warnings {
                        let text = warning.text(in: parsing?.language ?? .english)
                        FileHandle.standardError.write(Data("\(file): warning: \(text.printable) [\(warning.code)]\n".utf8))
                    }
                } catch let error as ImportError {
                    failed = true
                    // With --creditor, in the creditor's language, as the daemon's rejection report.
                    FileHandle.standardError.write(Data("\(error.text(in: parsing?.language ?? .english))\n".utf8))
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
            if json, !onlyStatements {
                guard kinds.count < 2 else {
                    throw Failure("--json prints either open items or contacts: check the contacts files and the exports in two runs")
                }
                print(kinds == [.contacts] ? ContactsJSON.encode(contacts) : OpenItemsJSON.encode(all, refused: refused), terminator: "")
            }
            if failed { throw ExitCode.failure }
            return
        }
        let configuration = try options.loadConfiguration()
        let runtime = try await RelanceRuntime.open(configuration: configuration, clock: SystemWallClock(), logger: options.makeLogger(), composesMail: false)
        try await runtime.prepare()
        guard let target = try chooseCreditor(runtime) else { return }
        for file in files {
            do {
                let receipt = try await ManualImport(importer: target.intake.importer).importFile(at: URL(fileURLWithPath: file))
                if let bank = receipt.bank {
                    print("\(file): import #\(receipt.importID) \(receipt.outcome.rawValue): \(bank.newEntries) new entries, \(bank.knownEntries) already known; \(bank.matchedReceipts) receipts matched to \(bank.paidInvoices) invoices (paid, awaiting the ledger), \(bank.unmatchedReceipts) not matched; \(bank.reversedReceipts) earlier receipts reversed")
                } else {
                    print("\(file): import #\(receipt.importID) \(receipt.outcome.rawValue): \(receipt.newInvoices) new, \(receipt.updatedInvoices) changed, \(receipt.settledInvoices) settled"
                        + (receipt.rematchedReceipts > 0 ? "; \(receipt.rematchedReceipts) earlier bank receipts now matched" : ""))
                }
                // The receipt's warnings are already in the creditor's language; so is their label.
                for warning in receipt.warnings { print("  " + target.configuration.language.wording.runWarning(warning.printable)) }
                if receipt.outcome == .held { print("  nothing changed; `relance import confirm \(receipt.importID)` applies it") }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func mapped<R>(_ file: String, _ body: (MappedExportFile) throws -> R) throws -> R {
        do {
            return try ExportFile.withMapped(at: URL(fileURLWithPath: file), body)
        } catch let error as IntakeError {
            throw Failure("\(error)")
        }
    }

    private func chooseCreditorConfiguration(_ configuration: RelanceConfiguration) throws -> CreditorConfiguration {
        guard let found = configuration.creditors.first(where: { $0.id.rawValue == creditor }) else {
            throw Failure("no creditor \"\(creditor ?? "")\" in \(configuration.file.path)")
        }
        return found
    }

    private func chooseCreditor(_ runtime: RelanceRuntime) throws -> RelanceRuntime.CreditorRuntime? {
        if let creditor {
            guard let found = runtime.creditors.first(where: { $0.configuration.id.rawValue == creditor }) else {
                throw Failure("no creditor \"\(creditor)\" in \(runtime.configuration.file.path)")
            }
            return found
        }
        guard runtime.creditors.count == 1 else {
            throw Failure("several creditors are configured: say which with --creditor (\(runtime.creditors.map(\.configuration.id.rawValue).joined(separator: ", ")))")
        }
        return runtime.creditors.first
    }
}
