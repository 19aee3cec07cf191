import RelanceCore

/// Reads open-invoice and aged-balance reports ("balance âgée", "factures non réglées",
/// "aged receivables") exported as CSV by accounting tools.
///
/// The header row is found wherever it sits; everything around the data (titles, the "as of"
/// line, group headers, blank lines, subtotals) is skipped and counted. Date order and decimal
/// mark are decided from the whole file, never row by row, so `03/04/2026` on one line cannot
/// be read as April while `04/13/2026` on another is read as US.
public struct OpenInvoiceReportParser: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    public func parse(_ bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedImport {
        let text = try TextEncodingDetector.decode(bytes, file: fileName)
        let separator = DelimitedTextReader.detectSeparator(utf8: text.utf8)
        let records = try DelimitedTextReader.records(utf8: text.utf8, separator: separator, file: fileName)
        return try parse(records: records, fileName: fileName)
    }

    func parse(records: [DelimitedRecord], fileName: String) throws(ImportError) -> ParsedImport {
        guard records.contains(where: { !$0.isBlank }) else {
            throw ImportError(.empty, at: SourcePosition(file: fileName), .reportWithoutRows)
        }
        let (headerAt, columns) = try findHeader(records, fileName: fileName)
        var skipped = headerAt
        var asOf: CivilDate?
        for record in records[..<headerAt] where asOf == nil {
            asOf = AsOfLine.date(in: record.fields.map(\.text).joined(separator: " "))
        }

        // First pass: classify rows and keep the data rows' raw cells.
        var rows: [OpenInvoiceRow] = []
        var groupLabel: String?
        for record in records[(headerAt + 1)...] {
            switch OpenInvoiceRow.classify(record, columns: columns) {
            case .furniture: skipped += 1
            case .groupHeader(let label): skipped += 1; groupLabel = label
            case .data(var row):
                if row.customer == nil && row.customerName == nil { row.customer = groupLabel }
                rows.append(row)
            }
        }

        // Decide the file-wide formats, then read every value.
        var warnings: [ImportWarning] = []
        let mark = options.columnMapping?.decimalMark ?? AmountColumnDecision.decide(rows: rows, columns: columns)
        let order = try DateColumnDecision.decide(rows: rows, columns: columns, forced: options.columnMapping?.dayMonthOrder,
                                                  file: fileName, mark: mark, currency: options.defaultCurrency,
                                                  warnings: &warnings)
        var reader = OpenInvoiceRowReader(columns: columns, order: order, mark: mark,
                                          defaultCurrency: options.defaultCurrency, file: fileName)
        var folded = InvoiceFolder(file: fileName, repeatedAmounts: columns.amountsRepeatOnLines)
        var refused: [RefusedRow] = []
        for row in rows {
            let item = try reader.item(from: row)
            if let problem = DatePlausibility.problem(issued: item.issued, due: item.due, exportDate: asOf ?? options.exportDate) {
                let cell = row.cells[problem.field == .issued ? .issued : .due]
                refused.append(RefusedRow(position: SourcePosition(file: fileName, line: cell?.line ?? row.line, column: cell?.column),
                                          invoice: item.invoice, customer: item.customer, problem: problem.problem))
                continue
            }
            try folded.add(item, line: row.line)
        }
        warnings = columns.notes + warnings + reader.warnings
        if columns.amountsRepeatOnLines && folded.foldedRows > 0 {
            warnings.append(ImportWarning(.invoiceLinesFolded(rows: rows.count, invoices: folded.items.count,
                                                              column: columns.title(of: columns.index[.open] != nil ? .open : .total))))
        }
        var parsed = ParsedImport(kind: .openInvoices, items: folded.items.filter { !$0.open.isZero }, asOf: asOf,
                                  skippedRows: skipped, warnings: warnings)
        parsed.customersByName = columns.customersByName
        parsed.refusedRows = refused
        return parsed
    }

    func findHeader(_ records: [DelimitedRecord], fileName: String) throws(ImportError) -> (Int, OpenInvoiceColumns) {
        var bestPartial: (Int, OpenInvoiceColumns)?
        for (at, record) in records.prefix(60).enumerated() where !record.isBlank {
            guard let columns = try OpenInvoiceColumns.read(record, mapping: options.columnMapping, file: fileName) else { continue }
            if columns.missingFields.isEmpty { return (at, columns) }
            if bestPartial == nil || columns.index.count > bestPartial!.1.index.count { bestPartial = (at, columns) }
        }
        if let (at, columns) = bestPartial {
            throw ImportError(.missingColumn, at: SourcePosition(file: fileName, line: records[at].line),
                              .reportMissingColumns(missing: columns.missingFields, seen: columns.titles))
        }
        let widest = records.prefix(60).max { $0.fields.count < $1.fields.count }!
        if let mapping = options.columnMapping, !mapping.columns.isEmpty {
            // Say which of the person's titles the file lacks, against the row that has most of them.
            let rows = records.prefix(60).map { Set($0.fields.map { HeaderText.normalize($0.text) }) }
            let wanted = mapping.columns.values.map(HeaderText.normalize)
            // The row with most of the mapped titles; among equals, the widest (the header, usually).
            var closest = 0
            var closestScore = (-1, -1)
            for (at, row) in rows.enumerated() {
                let score = (wanted.filter(row.contains).count, records[at].fields.count)
                if score > closestScore { closest = at; closestScore = score }
            }
            let lacking = mapping.columns.sorted { $0.key.configurationKey < $1.key.configurationKey }
                .filter { !rows[closest].contains(HeaderText.normalize($0.value)) }
                .map { ImportProblem.MappedTitle(key: $0.key.configurationKey, title: $0.value) }
            throw ImportError(.missingColumn, at: SourcePosition(file: fileName, line: records[closest].line),
                              .reportMappingNotFound(lacking: lacking, nearestLine: records[closest].line,
                                                     nearest: records[closest].fields.map { $0.text.trimmingSpaces() }))
        }
        throw ImportError(.missingColumn, at: SourcePosition(file: fileName, line: widest.line),
                          .reportWithoutHeader(widestLine: widest.line, seen: widest.fields.map { $0.text.trimmingSpaces() }))
    }
}
