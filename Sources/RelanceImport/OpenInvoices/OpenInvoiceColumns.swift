import RelanceCore

/// Which cell of a row holds which field, once the header row is found.
struct OpenInvoiceColumns: Sendable, Hashable {
    var index: [OpenInvoiceField: Int]
    var titles: [String]
    /// True when most recognised titles are French: decides ambiguous slashed dates.
    var frenchTitles: Bool

    func title(of field: OpenInvoiceField) -> String {
        index[field].map { titles[$0] } ?? field.description
    }

    /// What a usable report must have: an invoice number, an amount, and who owes it.
    var missingFields: [OpenInvoiceField] {
        var missing: [OpenInvoiceField] = []
        if index[.customer] == nil && index[.customerName] == nil { missing.append(.customer) }
        if index[.invoice] == nil { missing.append(.invoice) }
        if index[.open] == nil && index[.total] == nil { missing.append(.open) }
        return missing
    }

    /// Reads one candidate header row. Returns nil if it does not look like a header at all.
    /// Throws when two columns claim the same field at the same confidence: guessing would
    /// risk reading a total as an amount due.
    static func read(_ record: DelimitedRecord, mapping: ColumnMapping?, file: String) throws(ImportError) -> OpenInvoiceColumns? {
        let titles = record.fields.map { $0.text.trimmingSpaces() }
        let normalized = titles.map(HeaderText.normalize)
        var index: [OpenInvoiceField: Int] = [:]
        var claimed = Set<Int>()
        if let mapping {
            for (field, title) in mapping.columns {
                guard let at = normalized.firstIndex(of: HeaderText.normalize(title)) else { return nil }
                index[field] = at
                claimed.insert(at)
            }
        }
        var best: [OpenInvoiceField: (tier: Int, columns: [Int])] = [:]
        func consider(_ column: Int, as field: OpenInvoiceField, tier: Int) {
            if let current = best[field] {
                if tier < current.tier { best[field] = (tier, [column]) }
                else if tier == current.tier { best[field] = (tier, current.columns + [column]) }
            } else {
                best[field] = (tier, [column])
            }
        }
        var french = 0, english = 0
        // "Client" or "Customer" alone is the customer's id, unless another column gives the
        // id ("Code client", "Customer ID"): then it is the name printed beside it.
        var bareCustomer: [(column: Int, entry: OpenInvoiceVocabulary.Entry)] = []
        for (column, title) in normalized.enumerated() where !claimed.contains(column) {
            guard let entry = OpenInvoiceVocabulary.entries[title], index[entry.field] == nil else { continue }
            if entry.french { french += 1 } else { english += 1 }
            if OpenInvoiceVocabulary.bareCustomerTitles.contains(title) {
                bareCustomer.append((column, entry))
            } else {
                consider(column, as: entry.field, tier: entry.tier)
            }
        }
        for (column, entry) in bareCustomer {
            let idElsewhere = index[.customer] != nil || best[.customer] != nil
            let nameElsewhere = index[.customerName] != nil || best[.customerName] != nil
            if idElsewhere && !nameElsewhere {
                best[.customerName] = (entry.tier, [column])
            } else {
                consider(column, as: entry.field, tier: entry.tier)
            }
        }
        for (field, candidates) in best {
            if candidates.columns.count > 1 {
                let names = candidates.columns.map { "\"\(titles[$0])\"" }.joined(separator: ", ")
                throw ImportError(.ambiguousColumn, at: SourcePosition(file: file, line: record.line),
                                  "the columns \(names) could all be the \(field); the header row was \(titles.joined(separator: " | "))",
                                  hint: "Name the \(field) column explicitly in the column mapping of the configuration.")
            }
            index[field] = candidates.columns[0]
        }
        let columns = OpenInvoiceColumns(index: index, titles: titles, frenchTitles: french >= english)
        let recognised = index.count
        // A title line rarely matches three column names; a header row of a report always does.
        guard recognised >= 3 || (recognised >= 2 && index[.invoice] != nil) || mapping != nil else { return nil }
        return columns
    }
}
