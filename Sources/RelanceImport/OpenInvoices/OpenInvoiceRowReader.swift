import RelanceCore

/// Turns one data row into an `OpenItem`, or says precisely which cell is wrong.
struct OpenInvoiceRowReader: Sendable {
    var columns: OpenInvoiceColumns
    var order: DayMonthOrder
    var mark: DecimalMark
    var defaultCurrency: Currency
    var file: String
    var warnings: [ImportWarning] = []
    private var emptyOpenLines: [Int] = []
    /// Email cells already read without a warning, and what they gave (see `emails`).
    var acceptedEmailCells: [String: [String]] = [:]
    /// Bounds that memory on a file of millions of distinct cells.
    static let acceptedEmailCellLimit = 200_000

    init(columns: OpenInvoiceColumns, order: DayMonthOrder, mark: DecimalMark, defaultCurrency: Currency, file: String) {
        self.columns = columns
        self.order = order
        self.mark = mark
        self.defaultCurrency = defaultCurrency
        self.file = file
    }

    mutating func item(from row: OpenInvoiceRow) throws(ImportError) -> OpenItem {
        guard let invoice = row.text(.invoice) else {
            throw missing(.invoice, row: row)
        }
        guard let customer = row.customer ?? row.customerName else {
            throw missing(columns.index[.customer] != nil ? .customer : .customerName, row: row)
        }
        // Each amount cell is cleaned once, for its currency symbol and then its value.
        let cleaned = CleanedAmounts(row)
        let currency = try readCurrency(row, cleaned: cleaned)
        var total: Money?
        if let cell = row.cells[.total] { total = try amount(cell, cleaned.total, field: .total, currency: currency) }
        let open: Money
        if let cell = row.cells[.open], let value = try amount(cell, cleaned.open, field: .open, currency: currency) {
            open = value
        } else if columns.index[.open] != nil {
            // An empty "reste dû" next to a total means nothing is left: reading it as paid never
            // sends a reminder to someone who paid, the one mistake this product must not make.
            guard total != nil else {
                throw missing(.open, row: row)
            }
            open = .zero(currency)
            warnings.append(ImportWarning(.emptyOpenReadAsZero(line: row.line, column: columns.title(of: .open))))
        } else if let total {
            // Without an open column, what is left is the total less what was paid.
            if let cell = row.cells[.paid], let paid = try amount(cell, cleaned.paid, field: .paid, currency: currency) {
                let (left, overflow) = total.minorUnits.subtractingReportingOverflow(paid.minorUnits)
                guard !overflow else {
                    throw ImportError(.badAmount, at: position(cell), .paidTooLarge(text: cell.text, column: columns.title(of: .paid)))
                }
                open = Money(minorUnits: left, currency: currency)
            } else {
                open = total
            }
        } else {
            throw missing(.total, row: row)
        }
        let addresses = emails(row)
        return cleanedIdentity(OpenItem(customer: customer, customerName: row.customerName, invoice: invoice,
                        issued: try date(row, .issued), due: try date(row, .due), open: open, total: total,
                        emails: addresses, source: SourcePosition(file: file, line: row.line)), row: row)
    }

    /// The amount cells of one row, cleaned (see `AmountText.clean`); nil for an absent or blank cell.
    private struct CleanedAmounts {
        var open: AmountText.Cleaned?
        var total: AmountText.Cleaned?
        var paid: AmountText.Cleaned?

        init(_ row: OpenInvoiceRow) {
            open = row.cells[.open].flatMap { AmountText.clean($0.text) }
            total = row.cells[.total].flatMap { AmountText.clean($0.text) }
            paid = row.cells[.paid].flatMap { AmountText.clean($0.text) }
        }

        /// The first symbol written, in the order open, total, paid.
        var currencyHint: String? { open?.currencyHint ?? total?.currencyHint ?? paid?.currencyHint }
    }

    private func readCurrency(_ row: OpenInvoiceRow, cleaned: CleanedAmounts) throws(ImportError) -> Currency {
        let symbol = cleaned.currencyHint
        guard let cell = row.cells[.currency], !cell.text.trimmingSpaces().isEmpty else {
            return symbol.flatMap { Currency(code: $0) } ?? defaultCurrency
        }
        let text = cell.text.trimmingSpaces()
        let code = text == "€" ? "EUR" : text == "$" ? "USD" : text == "£" ? "GBP" : text
        guard let currency = Currency(code: code) else {
            throw ImportError(.badCurrency, at: position(cell), .notACurrency(text: text, column: columns.title(of: .currency)))
        }
        if let symbol, symbol != currency.code {
            throw ImportError(.badCurrency, at: position(cell), .currencyDisagrees(symbol: symbol, column: currency.code))
        }
        return currency
    }

    private func amount(_ cell: DelimitedField, _ cleaned: AmountText.Cleaned?, field: OpenInvoiceField,
                        currency: Currency) throws(ImportError) -> Money? {
        guard let cleaned else { return nil }
        switch AmountText.money(cleaned, mark: mark, currency: currency) {
        case .success(let money): return money
        case .failure(let problem):
            let why: ImportProblem.AmountProblem = switch problem {
            case .tooManyDecimals(let digits): .tooManyDecimals(digits: digits, currency: currency.code, allowed: currency.minorDigits)
            case .overflow: .tooLarge
            case .empty, .notANumber: .notANumber
            }
            throw ImportError(.badAmount, at: position(cell), .notAnAmount(text: cell.text, column: columns.title(of: field), why))
        }
    }

    private func date(_ row: OpenInvoiceRow, _ field: OpenInvoiceField) throws(ImportError) -> CivilDate? {
        guard let cell = row.cells[field], !cell.text.trimmingSpaces().isEmpty else { return nil }
        if let date = DateText.resolve(DateText.shape(cell.text), order: order) { return date }
        if DatePlausibility.isSpreadsheetDayZero(cell.text) { return DatePlausibility.excelDayZero }
        throw ImportError(.badDate, at: position(cell), .notADate(text: cell.text, column: columns.title(of: field), order: order))
    }

    private func missing(_ field: OpenInvoiceField, row: OpenInvoiceRow) -> ImportError {
        let column = columns.index[field].map { $0 + 1 }
        let cell = row.cells[field]
        return ImportError(.missingValue, at: SourcePosition(file: file, line: cell?.line ?? row.line, column: cell?.column),
                           .missingInvoiceValue(field, column: column, title: column.map { _ in columns.title(of: field) }))
    }

    private func position(_ cell: DelimitedField) -> SourcePosition {
        SourcePosition(file: file, line: cell.line, column: cell.column)
    }
}
