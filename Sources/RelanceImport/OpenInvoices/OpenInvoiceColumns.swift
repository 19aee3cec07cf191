import RelanceCore

/// Which cell of a row holds which field, once the header row is found.
struct OpenInvoiceColumns: Sendable, Hashable {
    var index: [OpenInvoiceField: Int]
    var titles: [String]
    /// True when most recognised titles are French: decides ambiguous slashed dates.
    var frenchTitles: Bool
    /// One row per invoice line, with the invoice's own amounts repeated on each (Xero): the
    /// rows of one invoice are counted once, not added up.
    var amountsRepeatOnLines = false
    /// What a person should know about how the columns were chosen (for the import report).
    var notes: [ImportWarning] = []

    func title(of field: OpenInvoiceField) -> String {
        index[field].map { titles[$0] } ?? field.description
    }

    /// No column gives the customer's code: its name is its identity.
    var customersByName: Bool { index[.customer] == nil && index[.customerName] != nil }

    /// What a usable report must have: an invoice number, an amount, and who owes it.
    var missingFields: [OpenInvoiceField] {
        var missing: [OpenInvoiceField] = []
        if index[.customer] == nil && index[.customerName] == nil { missing.append(.customer) }
        if index[.invoice] == nil { missing.append(.invoice) }
        if index[.open] == nil && index[.total] == nil { missing.append(.open) }
        return missing
    }

    /// Reads one candidate header row. Returns nil if it does not look like a header at all
    /// (or, with a column mapping, when it lacks one of the mapped titles).
    /// Throws when two columns claim an amount or a date at the same confidence: guessing would
    /// risk reading a total as an amount due. Two candidates for the customer's code are
    /// decided (the more specific title, else the first) and the choice is reported.
    static func read(_ record: DelimitedRecord, mapping: ColumnMapping?, file: String) throws(ImportError) -> OpenInvoiceColumns? {
        let titles = record.fields.map { $0.text.trimmingSpaces() }
        let normalized = titles.map(HeaderText.normalize)
        var index: [OpenInvoiceField: Int] = [:]
        var claimed = Set<Int>()
        if let mapping {
            // The person's titles come before any guess.
            for (field, title) in mapping.columns {
                guard let at = normalized.firstIndex(of: HeaderText.normalize(title)) else { return nil }
                index[field] = at
                claimed.insert(at)
            }
        }
        var best: [OpenInvoiceField: (tier: Int, columns: [Int])] = [:]
        var customerCandidates: [(column: Int, tier: Int)] = []
        func consider(_ column: Int, as field: OpenInvoiceField, tier: Int) {
            if field == .customer { customerCandidates.append((column, tier)) }
            if let current = best[field] {
                if tier < current.tier { best[field] = (tier, [column]) }
                else if tier == current.tier { best[field] = (tier, current.columns + [column]) }
            } else {
                best[field] = (tier, [column])
            }
        }
        var french = 0, english = 0
        var hasLineTitles = false
        // "Client" or "Customer" alone is the customer's id, unless another column gives the
        // id ("Code client", "Customer ID"): then it is the name printed beside it.
        var bareCustomer: [(column: Int, entry: OpenInvoiceVocabulary.Entry)] = []
        for (column, title) in normalized.enumerated() where !claimed.contains(column) {
            if OpenInvoiceVocabulary.lineTitles.contains(title) { hasLineTitles = true }
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
        var notes: [ImportWarning] = []
        if let chosen = customerChoice(customerCandidates, titles: titles) {
            best[.customer] = (chosen.tier, [chosen.column])
            notes += chosen.note.map { [$0] } ?? []
        }
        for (field, candidates) in best {
            if candidates.columns.count > 1 {
                throw ImportError(.ambiguousColumn, at: SourcePosition(file: file, line: record.line),
                                  .ambiguousColumn(titles: candidates.columns.map { titles[$0] }, field: field, header: titles))
            }
            index[field] = candidates.columns[0]
        }
        var columns = OpenInvoiceColumns(index: index, titles: titles, frenchTitles: french >= english)
        let recognised = index.count
        // A title line rarely matches three column names; a header row of a report always does.
        guard recognised >= 3 || (recognised >= 2 && index[.invoice] != nil) || mapping != nil else { return nil }
        columns.amountsRepeatOnLines = hasLineTitles && (index[.open] != nil || index[.total] != nil)
        if columns.customersByName, let name = index[.customerName] {
            notes.append(ImportWarning(.customersByName(column: titles[name])))
        }
        columns.notes = notes
        return columns
    }

    /// Several columns may name the customer's code ("N° compte tiers" and "Compte"): the most
    /// specific title wins, the first of equals next; the choice is reported, never made in silence.
    private static func customerChoice(_ candidates: [(column: Int, tier: Int)], titles: [String])
        -> (column: Int, tier: Int, note: ImportWarning?)? {
        guard let chosen = candidates.min(by: { ($0.tier, $0.column) < ($1.tier, $1.column) }) else { return nil }
        guard candidates.count > 1 else { return (chosen.column, chosen.tier, nil) }
        let others = candidates.filter { $0.column != chosen.column }
        let note = ImportWarning(.customerColumnChosen(chosen: titles[chosen.column], others: others.map { titles[$0.column] },
                                                       moreSpecific: others.allSatisfy { $0.tier > chosen.tier }))
        return (chosen.column, chosen.tier, note)
    }
}
