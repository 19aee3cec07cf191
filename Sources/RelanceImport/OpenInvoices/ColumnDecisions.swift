import RelanceCore

/// Decides once per file whether slashed dates are DD/MM or MM/DD, from every date cell.
/// One day above 12 in first position proves DD/MM, in second position proves MM/DD; a file
/// that proves both is refused rather than read half one way, half the other.
/// A file with no proof is read DD/MM unless everything about it points to the United States
/// (English titles, decimal point, dollars): MM/DD is the American order, and reading a European
/// export month-first turns "01/10" into January, which made a reminder say "324 days late".
enum DateColumnDecision {
    static func decide(rows: [OpenInvoiceRow], columns: OpenInvoiceColumns, forced: DayMonthOrder?, file: String,
                       mark: DecimalMark, currency: Currency,
                       warnings: inout [ImportWarning]) throws(ImportError) -> DayMonthOrder {
        var evidence = Evidence()
        if forced == nil { for row in rows { evidence.see(row) } }
        return try evidence.decide(columns: columns, forced: forced, file: file, mark: mark, currency: currency, warnings: &warnings)
    }

    /// What the date cells prove, gathered row by row (a report read as a stream keeps this
    /// rather than its rows).
    struct Evidence: Sendable {
        private var dayFirstProof: DelimitedField?
        private var monthFirstProof: DelimitedField?
        private var sawAmbiguous = false

        mutating func see(_ row: OpenInvoiceRow) {
            for field in [OpenInvoiceField.issued, .due] {
                guard let cell = row.cells[field], case .numeric(let a, let b, _) = DateText.shape(cell.text) else { continue }
                if a > 12 && b <= 12 { dayFirstProof = dayFirstProof ?? cell }
                else if b > 12 && a <= 12 { monthFirstProof = monthFirstProof ?? cell }
                else if a <= 12 && b <= 12 { sawAmbiguous = true }
            }
        }

        func decide(columns: OpenInvoiceColumns, forced: DayMonthOrder?, file: String, mark: DecimalMark, currency: Currency,
                    warnings: inout [ImportWarning]) throws(ImportError) -> DayMonthOrder {
            if let forced { return forced }
            switch (dayFirstProof, monthFirstProof) {
            case let (day?, month?):
                throw ImportError(.badDate, at: SourcePosition(file: file, line: month.line, column: month.column),
                                  .mixedDateOrders(dayFirst: day.text.trimmingSpaces(), dayFirstLine: day.line, monthFirst: month.text.trimmingSpaces()))
            case (_?, nil): return .dayFirst
            case (nil, _?): return .monthFirst
            case (nil, nil):
                let american = !columns.frenchTitles && mark == .point && currency.code == "USD"
                let order: DayMonthOrder = american ? .monthFirst : .dayFirst
                if sawAmbiguous {
                    let why: ImportNote.DateOrderReason = columns.frenchTitles ? .frenchTitles
                        : american ? .americanExport
                        : mark == .comma ? .decimalComma : .currency(currency.code)
                    warnings.append(ImportWarning(.dateOrderGuessed(order: order, reason: why)))
                }
                return order
            }
        }
    }
}

/// Decides once per file whether amounts use a decimal comma or a decimal point.
enum AmountColumnDecision {
    static func decide(rows: [OpenInvoiceRow], columns: OpenInvoiceColumns) -> DecimalMark {
        var evidence = Evidence()
        for row in rows { evidence.see(row) }
        return evidence.decide(columns: columns)
    }

    /// The amount cells' decimal marks counted row by row.
    struct Evidence: Sendable {
        private var comma = 0, point = 0

        mutating func see(_ row: OpenInvoiceRow) {
            for field in [OpenInvoiceField.open, .total] {
                guard let text = row.text(field), let cleaned = AmountText.clean(text) else { continue }
                switch AmountText.evidence(cleaned) {
                case .comma: comma += 1
                case .point: point += 1
                case nil: break
                }
            }
        }

        func decide(columns: OpenInvoiceColumns) -> DecimalMark {
            if comma != point { return comma > point ? .comma : .point }
            return columns.frenchTitles ? .comma : .point
        }
    }
}
