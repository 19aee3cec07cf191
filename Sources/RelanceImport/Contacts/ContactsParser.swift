import RelanceCore

/// Reads a customer contacts file (CSV): ids, names, addresses, SIREN and VAT numbers, emails
/// (to and cc), phones, language, payment terms, policy, do-not-remind flag, note, and the
/// step already reached by hand with the date of the last contact.
public struct ContactsParser: Sendable {
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
            throw ImportError(.empty, at: SourcePosition(file: fileName), .contactsWithoutRows)
        }
        guard let headerAt = records.prefix(30).firstIndex(where: { Self.columns(of: $0).keys.contains(.customer) }) else {
            let first = records.first { !$0.isBlank }!
            throw ImportError(.missingColumn, at: SourcePosition(file: fileName, line: first.line),
                              .contactsWithoutHeader(firstRow: first.fields.map { $0.text.trimmingSpaces() }))
        }
        let columns = Self.columns(of: records[headerAt])
        let titles = records[headerAt].fields.map { $0.text.trimmingSpaces() }

        var rows: [[ContactField: [DelimitedField]]] = []
        var addresses: [[(text: String, title: String)]] = []
        var lines: [Int] = []
        var skipped = headerAt
        for record in records[(headerAt + 1)...] {
            if record.isBlank { skipped += 1; continue }
            var cells: [ContactField: [DelimitedField]] = [:]
            for (field, indices) in columns {
                cells[field] = indices.compactMap { $0 < record.fields.count ? record.fields[$0] : nil }
                    .filter { !$0.text.trimmingSpaces().isEmpty }
            }
            rows.append(cells)
            addresses.append((columns[.address] ?? []).compactMap { at in
                at < record.fields.count ? (text: record.fields[at].text, title: titles[at]) : nil
            })
            lines.append(record.line)
        }
        let order = Self.dateOrder(rows.compactMap { $0[.lastContact]?.first })

        var contacts: [ContactRecord] = []
        var warnings: [ImportWarning] = []
        let notInFile = Set(CustomerProfile.Field.allCases).subtracting(columns.keys.compactMap(\.profileField))
        var seen: [String: Int] = [:]
        for ((cells, address), line) in zip(zip(rows, addresses), lines) {
            var reader = ContactRowReader(cells: cells, titles: titles, columns: columns, file: fileName, line: line, order: order,
                                          knownSteps: options.knownSteps)
            reader.addressParts = address
            var contact = try reader.read()
            contact.notInFile = notInFile
            warnings += reader.warnings
            if let first = seen[contact.customer] {
                throw ImportError(.duplicate, at: SourcePosition(file: fileName, line: line),
                                  .contactDescribedTwice(customer: contact.customer, firstLine: first))
            }
            seen[contact.customer] = line
            contacts.append(contact)
        }
        var parsed = ParsedImport(kind: .contacts, items: [], skippedRows: skipped, warnings: warnings)
        parsed.contacts = contacts
        return parsed
    }

    /// Cell indices per field; a header needs a customer code and at least one more known title.
    static func columns(of record: DelimitedRecord) -> [ContactField: [Int]] {
        var columns: [ContactField: [Int]] = [:]
        for (index, field) in record.fields.enumerated() {
            guard let known = ContactField.titles[HeaderText.normalize(field.text)] else { continue }
            if columns[known] != nil && !known.allowsSeveralColumns { continue }
            columns[known, default: []].append(index)
        }
        return columns.count >= 2 ? columns : [:]
    }

    private static func dateOrder(_ cells: [DelimitedField]) -> DayMonthOrder {
        for cell in cells {
            if case .numeric(let a, let b, _) = DateText.shape(cell.text) {
                if b > 12 && a <= 12 { return .monthFirst }
                if a > 12 { return .dayFirst }
            }
        }
        return .dayFirst
    }
}
