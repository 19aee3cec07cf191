import RelanceCore

/// Why a dropped file was refused, with the values its sentence needs: worded in the creditor's
/// language by `ImportProblemWording` when a person reads it (the rejection report, the console,
/// the digest), in English in the daemon's log. The everyday drops (the open-invoice report, the
/// contacts file, CSV and the workbook as a whole) are cases here; the FEC, bank statements,
/// e-invoices and a file's structure and limits are families with their own enum and wording
/// files. Every refusal is worded in both languages: there is no English-only path.
public enum ImportProblem: Sendable, Hashable {

    // Any file
    case fileEmpty
    case unknownFormat
    case workbookWithoutWorksheet
    case workbookPasswordProtected
    case notAWorkbook
    case unterminatedQuote
    case tooManyTextCells(limit: Int)

    // The families, each worded in its own files
    case fec(FECProblem)
    case bank(BankProblem)
    case eInvoice(EInvoiceProblem)
    case structure(StructureProblem)

    // The open-invoice report
    case reportWithoutRows
    case reportMissingColumns(missing: [OpenInvoiceField], seen: [String])
    case reportMappingNotFound(lacking: [MappedTitle], nearestLine: Int, nearest: [String])
    case reportWithoutHeader(widestLine: Int, seen: [String])
    case ambiguousColumn(titles: [String], field: OpenInvoiceField, header: [String])
    case missingInvoiceValue(OpenInvoiceField, column: Int?, title: String?)
    case notAnAmount(text: String, column: String, AmountProblem)
    case paidTooLarge(text: String, column: String)
    case notACurrency(text: String, column: String)
    case currencyDisagrees(symbol: String, column: String)
    case notADate(text: String, column: String, order: DayMonthOrder)
    case mixedDateOrders(dayFirst: String, dayFirstLine: Int, monthFirst: String)
    case invoiceRowsDisagree(invoice: String, customer: String, firstLine: Int, InvoiceRowConflict, String, String)
    case invoiceLinesOverflow(invoice: String)

    // The contacts file
    case contactsWithoutRows
    case contactsWithoutHeader(firstRow: [String])
    case contactDescribedTwice(customer: String, firstLine: Int)
    case contactWithoutCode(column: Int, title: String)
    case contactValue(text: String, column: String, ContactValueProblem)

    public enum AmountProblem: Sendable, Hashable {
        case notANumber
        case tooLarge
        case tooManyDecimals(digits: Int, currency: String, allowed: Int)
    }

    /// What two rows of one invoice disagree on. The two values come in machine form (a
    /// currency code, an ISO day `2026-12-01`, an amount `1092.00 EUR`); `shown` says them as a
    /// language writes them.
    public enum InvoiceRowConflict: Sendable, Hashable {
        case currencies, invoiceDates, dueDates, amountsDue, totals

        /// A value of this conflict as a reader of `language` reads it: `01/12/2026` / `1 Dec 2026`,
        /// `1 092,00 €` / `€1,092.00`; a value that does not parse is shown as it came.
        func shown(_ value: String, in language: Language) -> String {
            switch self {
            case .currencies:
                return value
            case .invoiceDates, .dueDates:
                return CivilDate(iso8601: value).map(CivilDateFormat(language).short) ?? value
            case .amountsDue, .totals:
                let parts = value.split(separator: " ")
                guard parts.count == 2, let currency = Currency(code: String(parts[1])),
                      let money = Money(decimal: parts[0], currency: currency) else { return value }
                return AmountFormat(language).string(money)
            }
        }
    }

    public enum ContactValueProblem: Sendable, Hashable {
        /// `ownSteps`: the creditor's policies' own step names, accepted as written.
        case unknownStep(ownSteps: [String])
        case notASIREN
        case notPaymentTerms
        case notYesOrNo
        case notADate
    }

    /// A title the configuration's `[creditors.ID.columns]` gives for a column (`open = "Solde"`).
    public struct MappedTitle: Sendable, Hashable {
        public var key: String
        public var title: String
    }
}
