public import Foundation

/// What one row of a contacts file does to its customer, the same on both stores: the columns
/// it sets (an empty cell clears the value: the file is the truth; a field the file has no
/// column for keeps its stored value), which of them change, whether a placeholder becomes a
/// customer, and the journal's line. Each store reads the customer's stored values and writes
/// the columns this returns.
public struct ContactsProfileDecision: Sendable {
    /// One column a contacts file sets, and its value.
    public struct Column: Sendable, Hashable {
        public enum Value: Sendable, Hashable {
            case text(String?)
            case flag(Bool)
        }

        public var field: CustomerProfile.Field
        public var column: String
        public var value: Value

        /// As the stores compare it and the journal shows it: a text as it is, a flag as 1 or 0.
        public var shown: String? {
            switch value {
            case .text(let text): text
            case .flag(let flag): flag ? "1" : "0"
            }
        }
    }

    /// The columns to write: all of the file's for a new customer, the changed ones otherwise.
    public var writes: [Column] = []
    /// A placeholder the file names: a customer now.
    public var identifies = false
    public var event: NewEvent?

    /// `stored`: the customer's values of the file's columns as `Column.shown` spells them
    /// (nil for a new customer), with whether it is a placeholder.
    public init(_ profile: CustomerProfile, stored: (values: [String: String?], needsIdentification: Bool)?, customerID: Int64,
                file: ImportedFile, importID: Int64, time: Date, words: any Wording) {
        let columns = Self.columns(of: profile)
        let position = profile.source ?? file.fileName
        func line(_ kind: String, _ summary: String) -> NewEvent {
            NewEvent(time: time, kind: kind, creditor: file.creditor, customerID: customerID, importID: importID, summary: summary,
                     detail: ["position": position])
        }
        guard let stored else {
            writes = columns
            event = line("customer.created", words.customerCreatedFromContacts(code: profile.externalID, name: profile.name, file: file.fileName))
            return
        }
        var changes: [ContactsChange] = []
        for column in columns {
            let before = stored.values[column.column] ?? nil
            guard before != column.shown else { continue }
            changes.append(ContactsChange(field: column.field, before: before, after: column.shown))
            writes.append(column)
        }
        identifies = stored.needsIdentification
        if !changes.isEmpty || identifies {
            event = line("customer.updated", words.customerUpdatedFromContacts(code: profile.externalID, file: file.fileName, changes: changes,
                                                                                identified: identifies))
        }
    }

    /// The columns a contacts file sets.
    public static func columns(of profile: CustomerProfile) -> [Column] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let phones = String(decoding: (try? encoder.encode(profile.phones)) ?? Data("[]".utf8), as: UTF8.self)
        let all: [Column] = [
            Column(field: .name, column: "name", value: .text(profile.name)),
            Column(field: .postalAddress, column: "postal_address",
                   value: .text(profile.postalAddress.isEmpty ? nil : profile.postalAddress.joined(separator: "\n"))),
            Column(field: .siren, column: "siren", value: .text(profile.siren)),
            Column(field: .vatNumber, column: "vat_number", value: .text(profile.vatNumber)),
            Column(field: .phones, column: "phones", value: .text(phones)),
            Column(field: .language, column: "language", value: .text(profile.language?.rawValue)),
            Column(field: .paymentTerms, column: "payment_terms", value: .text(profile.paymentTerms?.stored)),
            Column(field: .policy, column: "policy", value: .text(profile.policy)),
            Column(field: .note, column: "note", value: .text(profile.note)),
            Column(field: .doNotRemind, column: "do_not_remind", value: .flag(profile.doNotRemind)),
            Column(field: .initialStep, column: "initial_step", value: .text(profile.initialStep)),
            Column(field: .lastManualContact, column: "last_manual_contact_on", value: .text(profile.lastManualContact?.iso8601)),
        ]
        return all.filter { !profile.notInFile.contains($0.field) }
    }

    /// The note of an `identify-customer` task a usable contact in the file answered.
    public static func answeredNote(file: ImportedFile) -> String {
        "{\"note\":\"answered by \(file.fileName.filter { $0 != "\"" && $0 != "\\" })\"}"
    }
}
