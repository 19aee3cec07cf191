public import RelanceCore

/// An open-invoice report (UTF-8 CSV) read as it is imported, over bytes the caller lends (a
/// mapped file): the store writes each batch of items before the next is read, so a report
/// of a million rows never has its records or its items in memory at once.
///
/// It reads the file twice. `begin` finds the header in the first 60 records and reads every
/// data row once for what is decided file-wide (date order, decimal mark: `ColumnDecisions`),
/// keeping no row; `next` then reads the rows again into items, in file order. The items,
/// errors, warnings and refused rows are `OpenInvoiceReportParser`'s for the same bytes
/// (`ReportStreamTests` compares them). What the stream does not read itself, it declines:
/// `begin` returns nil (not UTF-8, a workbook, a contacts file, a file without rows), and
/// `needsWholeFile` is set when a row repeats an invoice already read (invoice lines to fold,
/// a rare export shape) — the caller then parses the whole file, and undoes what it wrote.
public struct OpenInvoiceReportStream {
    public let fileName: String
    /// The "as of" date the lines above the header give, if any.
    public let asOf: CivilDate?
    /// The report has no customer code: each item's `customer` is the customer's name.
    public let customersByName: Bool
    /// Report furniture skipped so far (titles, subtotals, blank lines, group headers).
    public private(set) var skippedRows: Int
    /// Rows refused on their own so far (an implausible date).
    public private(set) var refusedRows: [RefusedRow] = []
    /// A row repeated an invoice already read: `next` returns nil from then on.
    public private(set) var needsWholeFile = false

    private let exportDate: CivilDate?
    private let notes: [ImportWarning]
    private let decisionWarnings: [ImportWarning]
    private var reader: OpenInvoiceRowReader
    private var cursor: DelimitedRecordCursor
    private let pagesRead: PagesRead?
    private var handedBack = 0
    private var groupLabel: String?
    private var identityWarnings: [ImportWarning] = []
    /// A hash of each row's customer and invoice number: a repeated one means lines to fold.
    /// A collision only sends the file to the whole-file parse, which is never wrong.
    private var rowKeys = Set<Int>()

    /// What the parse noticed, in `OpenInvoiceReportParser`'s order. Complete once `next`
    /// returned nil.
    public var warnings: [ImportWarning] { notes + decisionWarnings + reader.warnings + identityWarnings }

    /// The stream over `bytes`, after the first reading; nil when the bytes are not a UTF-8
    /// open-invoice report this stream reads (the whole-file parse then decides what they are).
    /// Throws what the whole-file parse would throw for a missing header or column, a broken
    /// record, too many cells, or mixed date orders.
    public static func begin(inPlace bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: ImportOptions = ImportOptions(),
                             pagesRead: PagesRead? = nil) throws(ImportError) -> OpenInvoiceReportStream? {
        guard !bytes.isEmpty, bytes.count > 4 else { return nil }
        let head = Array(bytes.prefix(64 * 1024 + 1024))
        guard ImportParser.sniff(bytes: head) == .openInvoices, !head.starts(with: [0x50, 0x4B, 0x03, 0x04]),
              !head.starts(with: [0xFF, 0xFE]), !head.starts(with: [0xFE, 0xFF]) else { return nil }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
        guard isValidUTF8(body, pagesRead: pagesRead) else { return nil }
        let separator = DelimitedTextReader.detectSeparator(utf8: Array(body.prefix(256 * 1024)))
        let start = DelimitedRecordCursor(body, separator: separator, file: fileName, maximumCells: options.limits.textCells)

        var cursor = start
        var first: [DelimitedRecord] = []
        while first.count < 60, let record = try cursor.next() { first.append(record) }
        guard first.contains(where: { !$0.isBlank }), !ImportParser.readsAsContacts(first, options: options) else { return nil }
        let headerAt: Int, columns: OpenInvoiceColumns
        do {
            (headerAt, columns) = try OpenInvoiceReportParser(options: options).findHeader(first, fileName: fileName)
        } catch {
            // The whole-file parse reads every record before it looks for the header: a broken
            // record further on is the error it gives.
            while try cursor.next() != nil {}
            throw error
        }
        var asOf: CivilDate?
        for record in first[..<headerAt] where asOf == nil {
            asOf = AsOfLine.date(in: record.fields.map(\.text).joined(separator: " "))
        }
        var rows = start
        for _ in 0...headerAt { _ = try rows.next() }

        // First reading: what is decided from every row.
        var marks = AmountColumnDecision.Evidence()
        var dates = DateColumnDecision.Evidence()
        var scan = rows
        var handedBack = 0
        while let record = try scan.next() {
            if case .data(let row) = OpenInvoiceRow.classify(record, columns: columns) {
                marks.see(row)
                dates.see(row)
            }
            handBack(body, upTo: scan.offset, from: &handedBack, pagesRead)
        }
        var decisionWarnings: [ImportWarning] = []
        let mark = options.columnMapping?.decimalMark ?? marks.decide(columns: columns)
        let order = try dates.decide(columns: columns, forced: options.columnMapping?.dayMonthOrder, file: fileName, mark: mark,
                                     currency: options.defaultCurrency, warnings: &decisionWarnings)
        let reader = OpenInvoiceRowReader(columns: columns, order: order, mark: mark, defaultCurrency: options.defaultCurrency, file: fileName)
        return OpenInvoiceReportStream(fileName: fileName, asOf: asOf, customersByName: columns.customersByName, skippedRows: headerAt,
                                       exportDate: asOf ?? options.exportDate, notes: columns.notes, decisionWarnings: decisionWarnings,
                                       reader: reader, cursor: rows, pagesRead: pagesRead)
    }

    private init(fileName: String, asOf: CivilDate?, customersByName: Bool, skippedRows: Int, exportDate: CivilDate?,
                 notes: [ImportWarning], decisionWarnings: [ImportWarning], reader: OpenInvoiceRowReader,
                 cursor: DelimitedRecordCursor, pagesRead: PagesRead?) {
        self.fileName = fileName
        self.asOf = asOf
        self.customersByName = customersByName
        self.skippedRows = skippedRows
        self.exportDate = exportDate
        self.notes = notes
        self.decisionWarnings = decisionWarnings
        self.reader = reader
        self.cursor = cursor
        self.pagesRead = pagesRead
    }

    /// The next items (at most `limit`), or nil when the report is read (or `needsWholeFile`).
    /// An item whose amount due is zero is not one (as in the whole-file parse).
    public mutating func next(limit: Int = 4_096) throws(ImportError) -> [OpenItem]? {
        guard !needsWholeFile else { return nil }
        var items: [OpenItem] = []
        items.reserveCapacity(min(limit, 4_096))
        while items.count < limit, let record = try cursor.next() {
            switch OpenInvoiceRow.classify(record, columns: reader.columns) {
            case .furniture: skippedRows += 1
            case .groupHeader(let label): skippedRows += 1; groupLabel = label
            case .data(var row):
                if row.customer == nil && row.customerName == nil { row.customer = groupLabel }
                var item = try reader.item(from: row)
                if let problem = DatePlausibility.problem(issued: item.issued, due: item.due, exportDate: exportDate) {
                    let cell = row.cells[problem.field == .issued ? .issued : .due]
                    refusedRows.append(RefusedRow(position: SourcePosition(file: fileName, line: cell?.line ?? row.line, column: cell?.column),
                                                  invoice: item.invoice, customer: item.customer, problem: problem.problem))
                    continue
                }
                var key = Hasher()
                key.combine(item.customer)
                key.combine(item.invoice)
                guard rowKeys.insert(key.finalize()).inserted else {
                    needsWholeFile = true
                    return nil
                }
                guard !item.open.isZero else { continue }
                IdentityText.clean(&item, warnings: &identityWarnings)
                items.append(item)
            }
            Self.handBack(cursor.bytes, upTo: cursor.offset, from: &handedBack, pagesRead)
        }
        return items.isEmpty ? nil : items
    }

    /// Gives back the pages behind a stretch read, a few MB at a time.
    private static func handBack(_ bytes: UnsafeBufferPointer<UInt8>, upTo offset: Int, from handedBack: inout Int, _ pagesRead: PagesRead?) {
        guard let pagesRead, offset - handedBack >= pagesRead.stride else { return }
        pagesRead.done(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[handedBack..<offset]))
        handedBack = offset
    }

    /// `TextEncodingDetector`'s check, a stretch at a time, the pages given back behind it.
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, pagesRead: PagesRead?) -> Bool {
        let stretch = pagesRead?.stride ?? bytes.count
        var start = 0
        while start < bytes.count {
            var end = min(start + max(stretch, 1), bytes.count)
            // A character cut by the stretch's end is finished in it (at most three continuation bytes).
            var extra = 0
            while end < bytes.count, extra < 3, bytes[end] & 0xC0 == 0x80 { end += 1; extra += 1 }
            guard TextEncodingDetector.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return false }
            pagesRead?.done(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end]))
            start = end
        }
        return true
    }
}
