import GRDB
public import RelanceCore

extension AppDatabase: TaskReportStore {
    public func openTasksFingerprint(of creditor: CreditorID) async throws -> String {
        try await writer.read { db in
            // Every column, whatever columns a later migration adds: a change to any of them
            // (a call moved on to a later step, an attempt recorded, a letter escalated) is a change.
            let statement = try db.makeStatement(sql: "SELECT * FROM task WHERE creditor_id = ? AND state = 'open' ORDER BY id")
            let rows = try Row.fetchCursor(statement, arguments: [creditor.rawValue])
            let columns = StatementColumns(statement.sqliteStatement)
            let count = CInt(statement.columnCount)
            var digest = FNV1a64()
            var tasks = 0
            while try rows.next() != nil {
                tasks += 1
                for index in 0..<count {
                    // A NULL and an empty text differ: each value is tagged.
                    if let text = columns.string(index) {
                        digest.add(1)
                        digest.add(text)
                    } else {
                        digest.add(0)
                    }
                }
                digest.add(0xFF)
            }
            return "\(tasks)-" + String(digest.value, radix: 16)
        }
    }
}

/// FNV-1a, 64 bits: a fast, stable digest for noticing a change (not for security).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(0xFE)
    }
}
