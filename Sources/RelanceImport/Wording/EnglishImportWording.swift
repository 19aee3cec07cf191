import RelanceCore

struct EnglishImportWording: ImportProblemWording {
    let toDoLabel = "What to do"

    func everyWorksheetTried(_ names: [String]) -> String {
        "Every worksheet was tried (\(names.map { "\"\($0)\"" }.joined(separator: ", "))); this is what the first one lacks."
    }

    /// A cell's text, cut when long (`QuotedCell`), between straight quotes.
    func quotedCell(_ text: String) -> String { QuotedCell.quoted(text, quote: { "\"\($0)\"" }, characters: "characters") }

    private func field(_ field: OpenInvoiceField) -> String { field.description }

    /// Days as every English line says them (`7 Dec 2026`), never the ISO `2026-12-07`.
    var dates: CivilDateFormat { CivilDateFormat(.english) }
    /// Amounts as every English line writes them (`€2,376.80`, `−€6.80`), never `2376.80 EUR`.
    var amounts: AmountFormat { AmountFormat(.english) }

    func words(for problem: ImportProblem) -> (what: String, toDo: String?) {
        switch problem {
        case .fec(let problem):
            return words(for: problem)
        case .bank(let problem):
            return words(for: problem)
        case .eInvoice(let problem):
            return words(for: problem)
        case .structure(let problem):
            return words(for: problem)
        case .fileEmpty:
            return ("the file is empty", "Export the file again; it may have been saved before the export finished.")
        case .unknownFormat:
            return ("this file is none of the formats Relance reads",
                    "Drop one of: a FEC ledger (TAB or | separated, header JournalCode…), an open-invoice or aged-balance report (CSV or XLSX), a contacts file (CSV or XLSX), a UBL 2.1 or CII e-invoice (XML), a Factur-X / ZUGFeRD PDF, or a bank statement (CFONB 120, camt.053 / camt.054, OFX).")
        case .workbookWithoutWorksheet:
            return ("the workbook has no worksheet", "Save the workbook again as .xlsx, or export the report as CSV.")
        case .workbookPasswordProtected:
            return ("the workbook is password-protected", "Save the workbook again without a password.")
        case .notAWorkbook:
            return ("this ZIP file is not an Excel workbook (no xl/workbook.xml)", "Drop an .xlsx workbook, or export the report as CSV.")
        case .unterminatedQuote:
            return ("a quoted cell opens here and is never closed",
                    "Check this cell for a stray double quote (\"); inside a quoted cell a quote must be written twice (\"\").")
        case .tooManyTextCells(let limit):
            return ("the file has more than \(Language.english.grouped(limit)) cells (the cell limit for CSV files)", "Split the export into several files.")

        case .reportWithoutRows:
            return ("the file holds no rows", "Export the report again; the file may have been saved before the export finished.")
        case .reportMissingColumns(let missing, let seen):
            return ("the header row has no column for: \(missing.map(field).joined(separator: ", ")); columns seen: \(seen.joined(separator: " | "))",
                    "Add the missing column to the export, or name it in the configuration: [creditors.ID.columns] "
                        + missing.map { "\($0.configurationKey) = \"…\"" }.joined(separator: ", ") + " (the export's own title).")
        case .reportMappingNotFound(let lacking, let line, let nearest):
            return ("the column mapping ([creditors.ID.columns]) names titles this file does not have: "
                        + lacking.map { "\($0.key) = \"\($0.title)\"" }.joined(separator: ", ")
                        + "; the nearest row (line \(line)) was: \(nearest.joined(separator: " | "))",
                    "Correct the titles in [creditors.ID.columns] to the export's own (case, accents and punctuation do not matter), or remove the ones this export lacks.")
        case .reportWithoutHeader(let line, let seen):
            return ("no header row with an invoice number, an amount and a customer in the first 60 lines; the widest row (line \(line)) was: \(seen.joined(separator: " | "))",
                    "Export the report with its column titles, or name its columns in the configuration: [creditors.ID.columns] invoice = \"…\", open = \"…\", customer = \"…\" (see examples/relance.toml).")
        case .ambiguousColumn(let titles, let field, let header):
            return ("the columns \(titles.map { "\"\($0)\"" }.joined(separator: ", ")) could all be the \(self.field(field)); the header row was \(header.joined(separator: " | "))",
                    "Name the \(self.field(field)) column in the configuration: [creditors.ID.columns] \(field.configurationKey) = \"…\" (the title as the export writes it).")
        case .missingInvoiceValue(let field, let column, let title):
            let place = column.map { " (column \($0), \"\(title ?? "")\")" } ?? ""
            let toDo = switch field {
            case .invoice: "Every row with an amount needs its invoice number; if this row is a subtotal, start its first cell with \"Total\"."
            case .open: "Fill in the amount still due (0 if paid)."
            case .total: "Fill in the amount of this invoice."
            default: "Fill in the customer of this invoice."
            }
            return ("the \(self.field(field)) is empty\(place)", toDo)
        case .notAnAmount(let text, let column, let why):
            let reason = switch why {
            case .tooManyDecimals(let digits, let currency, let allowed): "has \(digits) decimals but \(currency) has \(allowed)"
            case .tooLarge: "is too large to be an amount"
            case .notANumber: "is not an amount"
            }
            return ("\(quotedCell(text)) in column \"\(column)\" \(reason)",
                    "Write amounts as digits with one decimal mark, such as 1234,56, 1 234,56 €, -12,50 or (12,50).")
        case .paidTooLarge(let text, let column):
            return ("\(quotedCell(text)) in column \"\(column)\" is too large to be an amount", "Correct the amount paid.")
        case .notACurrency(let text, let column):
            return ("\(quotedCell(text)) in column \"\(column)\" is not a currency code", "Use an ISO 4217 code such as EUR, USD or GBP.")
        case .currencyDisagrees(let symbol, let code):
            return ("the amount is written in \(symbol) but the currency column says \(code)",
                    "Correct the currency column or the amount's symbol so they agree.")
        case .notADate(let text, let column, let order):
            return ("\(quotedCell(text)) in column \"\(column)\" is not a date",
                    "Write dates as DD/MM/YYYY or YYYY-MM-DD (this file's slashed dates are read as \(order.rawValue)), and check that the day exists.")
        case .mixedDateOrders(let day, let line, let month):
            return ("the dates mix two orders: \"\(day)\" (line \(line)) is day/month but \"\(month)\" here is month/day",
                    "Export all dates in one format (preferably YYYY-MM-DD), or correct the wrong ones.")
        case .invoiceRowsDisagree(let invoice, let customer, let firstLine, let conflict, let a, let b):
            let what = switch conflict {
            case .currencies: "currencies"
            case .invoiceDates: "invoice dates"
            case .dueDates: "due dates"
            case .amountsDue: "amounts due"
            case .totals: "invoice totals"
            }
            return ("invoice \(invoice) of \(customer) appears on line \(firstLine) and here with different \(what) "
                    + "(\(conflict.shown(a, in: .english)) and \(conflict.shown(b, in: .english)))",
                    "Rows with the same invoice number are added up as lines of one invoice; correct the \(what) or the invoice number.")
        case .invoiceLinesOverflow(let invoice):
            return ("the lines of invoice \(invoice) add up beyond what can be counted",
                    "The file is damaged, or an amount has stray digits; correct it and export again.")

        case .contactsWithoutRows:
            return ("the file holds no rows", "Export the contacts again; the file may have been saved before the export finished.")
        case .contactsWithoutHeader(let first):
            return ("no header row with a customer code column in the first 30 lines; the first row was: " + first.joined(separator: " | "),
                    "Add a column titled \"Code client\" (or \"Customer\") holding the customer's account or code.")
        case .contactDescribedTwice(let customer, let firstLine):
            return ("customer \(customer) is already described on line \(firstLine)",
                    "Keep one row per customer; put several emails in one cell, separated by ;")
        case .contactWithoutCode(let column, let title):
            return ("the customer code (column \(column), \"\(title)\") is empty",
                    "Fill in the customer's code as the accounting software knows it (e.g. its 411 account).")
        case .contactValue(let text, let column, let why):
            switch why {
            case .unknownStep(let own):
                let accepted = (StepReachedText.englishNames + own).map { "\"\($0)\"" }.joined(separator: ", ")
                return ("\(quotedCell(text)) in column \"\(column)\" is not a step Relance knows",
                        "Write the step already reached as one of: \(accepted); or leave the cell empty.")
            case .notASIREN:
                return ("\(quotedCell(text)) in column \"\(column)\" is not a SIREN (9 digits) nor a SIRET (14 digits)",
                        "Write the SIREN as its 9 digits, such as 732 829 320.")
            case .notADate:
                return ("\(quotedCell(text)) in column \"\(column)\" is not a date", "Write dates as DD/MM/YYYY or YYYY-MM-DD.")
            case .notYesOrNo:
                return ("\(quotedCell(text)) in column \"\(column)\" is neither yes nor no", "Write oui or non (yes or no), or leave the cell empty for no.")
            case .notPaymentTerms:
                return ("\(quotedCell(text)) in column \"\(column)\" cannot be read as payment terms",
                        "Write terms such as \"30 jours\", \"45 jours fin de mois\", \"60\" or \"comptant\".")
            }
        }
    }
}
