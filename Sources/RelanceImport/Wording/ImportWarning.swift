public import RelanceCore

/// Something a parser noticed and reports without refusing the file — a guess it made, a value
/// it cleaned, a cell it did not use — with where it was found. Worded in the creditor's language
/// at the edge (`text(in:)`: the import report, the journal, the console); `code` is stable for
/// scripts and logs. Never a sentence in the parser: a French creditor reads French.
public struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    /// The cell, line or XML path it is about; nil when it is about the file as a whole.
    public var position: SourcePosition?
    public var note: ImportNote

    public init(_ note: ImportNote, at position: SourcePosition? = nil) {
        self.note = note
        self.position = position
    }

    /// A stable identifier of the kind of warning (`date-order-guessed`), for scripts.
    public var code: String { note.code }

    /// The warning as the person reads it: where, then what was noticed and what to do.
    public func text(in language: Language) -> String {
        let sentence = language.importWords.words(for: note)
        guard let position else { return sentence }
        return "\(position.text(in: language))\(language == .french ? " : " : ": ")\(sentence)"
    }

    /// In English (the log's, and what tests read).
    public var description: String { text(in: .english) }
}

/// What was noticed, with the values its sentence needs. The open-invoice report, the contacts
/// file and any workbook are cases here; the FEC, bank statements and e-invoices have their own
/// family, worded in the same files as the other warnings.
public enum ImportNote: Sendable, Hashable {
    /// A workbook's report was found on `read`, after worksheets that hold none.
    case worksheetSkipped(read: String, skipped: [String])
    /// A customer code, name or invoice number held control characters, removed.
    case identityCleaned(original: String, cleaned: String, field: IdentityField, column: String?)
    /// An email cell that is not a clean list of addresses: none of it is used.
    case emailCellRefused(text: String, column: String)
    /// No date proved the order of day and month; `order` was chosen for `reason`.
    case dateOrderGuessed(order: DayMonthOrder, reason: DateOrderReason)
    /// An empty "amount due" cell read as 0 (paid), on `line`.
    case emptyOpenReadAsZero(line: Int, column: String)
    /// Rows that are the lines of invoices, each repeating its invoice's amounts.
    case invoiceLinesFolded(rows: Int, invoices: Int, column: String)
    /// Several columns could hold the customer code; `chosen` was read.
    case customerColumnChosen(chosen: String, others: [String], moreSpecific: Bool)
    /// No customer code column: customers are identified by their name.
    case customersByName(column: String)
    /// A contacts file's language cell that is neither French nor English, on `line`.
    case unknownLanguage(line: Int, text: String)

    case fec(FECNote)
    case bank(BankNote)
    case eInvoice(EInvoiceNote)

    /// The identity values a file may carry with control characters.
    public enum IdentityField: String, Sendable, Hashable {
        case customerCode, customerName, contactName, invoiceNumber
    }

    /// Why a file without proof was read day-first or month-first.
    public enum DateOrderReason: Sendable, Hashable {
        case frenchTitles
        case americanExport
        case decimalComma
        case currency(String)
    }

    public var code: String {
        switch self {
        case .worksheetSkipped: "worksheet-skipped"
        case .identityCleaned: "identity-cleaned"
        case .emailCellRefused: "email-cell-refused"
        case .dateOrderGuessed: "date-order-guessed"
        case .emptyOpenReadAsZero: "empty-open-read-as-zero"
        case .invoiceLinesFolded: "invoice-lines-folded"
        case .customerColumnChosen: "customer-column-chosen"
        case .customersByName: "customers-by-name"
        case .unknownLanguage: "unknown-language"
        case .fec(let note): note.code
        case .bank(let note): note.code
        case .eInvoice(let note): note.code
        }
    }
}

/// What a FEC's reading noticed (see `ImportNote.fec`).
public enum FECNote: Sendable, Hashable {
    /// No account under the customer prefix (`411`): the ledger yields no open items.
    case noCustomerAccount(prefix: String)
    /// Total debit minus total credit is not zero.
    case unbalanced(difference: Money)
    /// One piece reference shared by several sales entries, read as several invoices.
    case sharedPieceReference(customer: String, reference: String, entries: [SharedEntry], labels: [String])

    /// A sales entry sharing a piece reference: its number (nil when it has none that reads) and date.
    public struct SharedEntry: Sendable, Hashable {
        public var number: Int?
        public var date: CivilDate
    }

    var code: String {
        switch self {
        case .noCustomerAccount: "fec-no-customer-account"
        case .unbalanced: "fec-unbalanced"
        case .sharedPieceReference: "fec-shared-piece-reference"
        }
    }
}

/// What a bank statement's reading noticed (see `ImportNote.bank`).
public enum BankNote: Sendable, Hashable {
    /// A camt version outside those tested (`053`, `14`), read the same way.
    case camtUntestedVersion(kind: String, version: String)
    /// Entries not yet booked, left out.
    case camtUnbookedLeftOut(count: Int)
    /// An entry's transactions do not add up to the entry's amount; `total` nil when in other currencies.
    case camtTransactionsDisagree(count: Int, total: Money?, entry: Money)
    /// A CFONB balance 01 without its closing 07; `cutShort` when the file ends there.
    case cfonbBalanceUnclosed(account: String, date: CivilDate, line: Int, cutShort: Bool)
    /// A CFONB operation outside a balance of its account.
    case cfonbOperationOutsideBalance(account: String, line: Int)
    /// A CFONB detail record 05 without its operation 04, ignored.
    case cfonbDetailWithoutOperation(line: Int)
    /// Previous balance + operations ≠ new balance.
    case cfonbBalanceGap(account: String, previous: Money, previousLine: Int, operations: Money, new: Money, line: Int, gap: Money)
    /// A new balance 07 without its previous balance 01.
    case cfonbNewBalanceWithoutPrevious(account: String, line: Int)

    var code: String {
        switch self {
        case .camtUntestedVersion: "camt-untested-version"
        case .camtUnbookedLeftOut: "camt-unbooked-left-out"
        case .camtTransactionsDisagree: "camt-transactions-disagree"
        case .cfonbBalanceUnclosed: "cfonb-balance-unclosed"
        case .cfonbOperationOutsideBalance: "cfonb-operation-outside-balance"
        case .cfonbDetailWithoutOperation: "cfonb-detail-without-operation"
        case .cfonbBalanceGap: "cfonb-balance-gap"
        case .cfonbNewBalanceWithoutPrevious: "cfonb-new-balance-without-previous"
        }
    }
}

/// What an e-invoice's reading noticed (see `ImportNote.eInvoice`).
public enum EInvoiceNote: Sendable, Hashable {
    /// No due date (BT-9): one was read from the payment terms text.
    case dueFromTerms(due: CivilDate, terms: String)

    var code: String {
        switch self {
        case .dueFromTerms: "einvoice-due-from-terms"
        }
    }
}
