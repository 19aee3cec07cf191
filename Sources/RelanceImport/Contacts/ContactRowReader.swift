import RelanceCore

/// Reads one contacts row, refusing values that would mislead the reminders (a SIREN that is
/// not nine digits, a flag that is neither yes nor no, terms that cannot be understood).
struct ContactRowReader {
    var cells: [ContactField: [DelimitedField]]
    var titles: [String]
    var columns: [ContactField: [Int]]
    var file: String
    var line: Int
    var order: DayMonthOrder
    var knownSteps: Set<String>
    /// The address cells with their column titles, in column order (empty ones included).
    var addressParts: [(text: String, title: String)] = []
    var warnings: [ImportWarning] = []

    init(cells: [ContactField: [DelimitedField]], titles: [String], columns: [ContactField: [Int]], file: String, line: Int,
         order: DayMonthOrder, knownSteps: Set<String> = []) {
        self.knownSteps = knownSteps
        self.cells = cells
        self.titles = titles
        self.columns = columns
        self.file = file
        self.line = line
        self.order = order
    }

    private func texts(_ field: ContactField) -> [String] { (cells[field] ?? []).map { $0.text.trimmingSpaces() } }
    private func text(_ field: ContactField) -> String? { texts(field).first }

    mutating func read() throws(ImportError) -> ContactRecord {
        guard let customer = text(.customer) else {
            let column = columns[.customer]!.first! + 1
            throw ImportError(.missingValue, at: SourcePosition(file: file, line: line),
                              .contactWithoutCode(column: column, title: titles[column - 1]))
        }
        var contact = ContactRecord(customer: customer, source: SourcePosition(file: file, line: line))
        contact.name = text(.name)
        contact.address = ContactAddress.lines(fromCells: addressParts)
        contact.emailsTo = emails(.emailTo)
        contact.emailsCc = emails(.emailCc)
        contact.phones = texts(.phone).flatMap { $0.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "/" }) }
            .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        contact.policy = text(.policy)
        contact.note = text(.note)
        if let cell = cells[.stepReached]?.first {
            switch StepReachedText.read(cell.text, knownSteps: knownSteps) {
            case .nothing: break
            case .step(let step): contact.stepReached = step
            case .unknown:
                throw bad(cell, .stepReached, .unknownStep(ownSteps: StepReachedText.ownSteps(knownSteps)))
            }
        }
        contact.vatNumber = text(.vatNumber).map { $0.uppercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" } }

        if let cell = cells[.siren]?.first {
            let digits = cell.text.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
            guard digits.allSatisfy(\.isASCIIDigit), digits.count == 9 || digits.count == 14 else {
                throw bad(cell, .siren, .notASIREN)
            }
            contact.siren = String(digits.prefix(9))
        }
        if let cell = cells[.language]?.first {
            if let language = Language(tag: cell.text.trimmingSpaces()) ?? Self.languageNames[HeaderText.normalize(cell.text)] {
                contact.language = language
            } else {
                warnings.append(ImportWarning(.unknownLanguage(line: line, text: cell.text)))
            }
        }
        if let cell = cells[.paymentTerms]?.first {
            guard let terms = PaymentTerms(text: cell.text) else {
                throw bad(cell, .paymentTerms, .notPaymentTerms)
            }
            contact.paymentTerms = terms
        }
        if let cell = cells[.doNotRemind]?.first {
            switch HeaderText.normalize(cell.text) {
            case "oui", "o", "yes", "y", "x", "1", "true", "vrai": contact.doNotRemind = true
            case "non", "n", "no", "0", "false", "faux", "": contact.doNotRemind = false
            default:
                throw bad(cell, .doNotRemind, .notYesOrNo)
            }
        }
        if let cell = cells[.lastContact]?.first {
            guard let date = DateText.resolve(DateText.shape(cell.text), order: order) else {
                throw bad(cell, .lastContact, .notADate)
            }
            contact.lastContact = date
        }
        return cleanedIdentity(contact)
    }

    private static let languageNames: [String: Language] = ["francais": .french, "french": .french, "anglais": .english, "english": .english]

    private func bad(_ cell: DelimitedField, _ field: ContactField, _ why: ImportProblem.ContactValueProblem) -> ImportError {
        let title = columns[field].flatMap(\.first).map { titles[$0] } ?? field.description
        return ImportError(.badValue, at: SourcePosition(file: file, line: cell.line, column: cell.column),
                           .contactValue(text: cell.text, column: title, why))
    }
}
