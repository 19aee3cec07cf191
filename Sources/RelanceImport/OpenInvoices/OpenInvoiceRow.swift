import RelanceCore

/// A data row's cells by field, before any value is interpreted.
struct OpenInvoiceRow: Sendable, Hashable {
    var cells: Cells
    var line: Int
    /// Set from a preceding group header row when the row names no customer itself.
    var customer: String?
    var customerName: String?

    /// A row's cells by field: an array indexed by the field, not a dictionary built and hashed
    /// for every row of a 100,000-row report.
    struct Cells: Sendable, Hashable {
        private static let fields = OpenInvoiceField.allCases
        private var slots = [DelimitedField?](repeating: nil, count: Cells.fields.count)

        subscript(field: OpenInvoiceField) -> DelimitedField? {
            get { slots[Self.slot(field)] }
            set { slots[Self.slot(field)] = newValue }
        }

        private static func slot(_ field: OpenInvoiceField) -> Int {
            switch field {
            case .customer: 0
            case .customerName: 1
            case .email: 2
            case .invoice: 3
            case .issued: 4
            case .due: 5
            case .total: 6
            case .open: 7
            case .paid: 8
            case .currency: 9
            }
        }
    }

    enum Kind: Sendable, Hashable {
        case furniture
        /// A row like `Client : 411DUPONT - Dupont SA` above that customer's invoices.
        case groupHeader(String)
        case data(OpenInvoiceRow)
    }

    func text(_ field: OpenInvoiceField) -> String? {
        guard let text = cells[field]?.text.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    static func classify(_ record: DelimitedRecord, columns: OpenInvoiceColumns) -> Kind {
        if record.isBlank { return .furniture }
        var cells = Cells()
        for (field, at) in columns.index where at < record.fields.count { cells[field] = record.fields[at] }
        var row = OpenInvoiceRow(cells: cells, line: record.line)
        row.customer = row.text(.customer)
        row.customerName = row.text(.customerName)

        let firstText = record.fields.first { !$0.text.trimmingSpaces().isEmpty }!
        let invoiceCell = columns.index[.invoice].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
        let invoiceEmpty = row.text(.invoice) == nil
        // A subtotal names itself in its first cell; an invoice of "Total Energies" still has an invoice number elsewhere.
        if isTotalLabel(firstText.text), invoiceEmpty || invoiceCell == firstText { return .furniture }
        // A repeated header (page breaks in PDF-to-CSV conversions) is furniture too.
        if record.fields.count == columns.titles.count,
           zip(record.fields, columns.titles).allSatisfy({ $0.text.trimmingSpaces() == $1 }) { return .furniture }
        let hasAmount = row.text(.open) != nil || row.text(.total) != nil
        if invoiceEmpty && !hasAmount {
            let label = record.fields.map { $0.text.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
            return .groupHeader(groupCustomer(label))
        }
        return .data(row)
    }

    static func isTotalLabel(_ text: String) -> Bool {
        if let ascii = asciiTotalLabel(text) { return ascii }
        let words = HeaderText.normalize(text).split(separator: " ")
        guard let first = words.first else { return false }
        if first == "total" || first == "totaux" || first == "cumul" { return true }
        return (first == "sous" || first == "grand") && words.dropFirst().first == "total"
    }

    /// `isTotalLabel` of ASCII text without building the normalized text (every data row's first
    /// cell is asked): there, `HeaderText.normalize` keeps the letters and digits, lowercased,
    /// and turns every other run into one space. Nil when a byte before the end of the second
    /// word is not ASCII.
    private static func asciiTotalLabel(_ text: String) -> Bool? {
        var first: PackedWord?
        var current = PackedWord()
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x30...0x39).contains(lower) || (0x61...0x7A).contains(lower) {
                current.append(lower)
            } else if current.length > 0 {
                if first != nil { break }
                first = current
                current = PackedWord()
            }
        }
        let (one, two) = first.map { ($0, current) } ?? (current, PackedWord())
        if one == .total || one == .totaux || one == .cumul { return true }
        return (one == .sous || one == .grand) && two == .total
    }

    /// The first eight bytes of a word, and its length: enough to tell the labels apart.
    private struct PackedWord: Equatable {
        var bytes: UInt64 = 0
        var length = 0

        mutating func append(_ byte: UInt8) {
            if length < 8 { bytes |= UInt64(byte) << (8 * UInt64(length)) }
            length += 1
        }

        init() {}

        init(_ word: StaticString) {
            word.withUTF8Buffer { for byte in $0 { append(byte) } }
        }

        static let total = PackedWord("total"), totaux = PackedWord("totaux"), cumul = PackedWord("cumul")
        static let sous = PackedWord("sous"), grand = PackedWord("grand")
    }

    /// `Client : 411DUPONT - Dupont SA` → `411DUPONT - Dupont SA` (the label, less its prefix).
    private static func groupCustomer(_ label: String) -> String {
        for prefix in ["client :", "client:", "customer:", "customer :", "tiers :", "tiers:", "compte :", "compte:"]
        where label.lowercased().hasPrefix(prefix) {
            return String(label.dropFirst(prefix.count)).trimmingSpaces()
        }
        return label
    }
}
