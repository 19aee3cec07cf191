public import RelanceCore

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
    case invoiceRowsDisagree(invoice: String, customer: String, firstLine: Int, InvoiceRowConflict)
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

    /// What two rows of one invoice disagree on, with the first row's value and this one's:
    /// worded as a language writes them (`shown(in:)`), never carried as text to be read back.
    public enum InvoiceRowConflict: Sendable, Hashable {
        case currencies(Currency, Currency)
        case invoiceDates(CivilDate, CivilDate)
        case dueDates(CivilDate, CivilDate)
        case amountsDue(Money, Money)
        case totals(Money, Money)

        /// The two values as a reader of `language` reads them: `01/12/2026` / `1 Dec 2026`,
        /// `1 092,00 €` / `€1,092.00`, a currency by its code.
        func shown(in language: Language) -> (first: String, this: String) {
            switch self {
            case .currencies(let a, let b):
                return (a.code, b.code)
            case .invoiceDates(let a, let b), .dueDates(let a, let b):
                let format = CivilDateFormat(language)
                return (format.short(a), format.short(b))
            case .amountsDue(let a, let b), .totals(let a, let b):
                let format = AmountFormat(language)
                return (format.string(a), format.string(b))
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
