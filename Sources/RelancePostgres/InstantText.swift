/// An instant written as text by SQLite (GRDB writes `2026-11-30 09:00:00.369`, in UTC) or by
/// PostgreSQL (`2026-11-30 09:00:00.369+00` under `TimeZone = 'UTC'`), read as microseconds
/// since 1970 so that both spellings compare. Also `T` between day and time, `Z`, and offsets
/// `+02`, `+02:00`, `-0530`. Nil for anything else.
enum InstantText {
    static func microsecondsSinceEpoch(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var at = 0
        func number(_ count: Int) -> Int64? {
            guard at + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[at..<at + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            at += count
            return value
        }
        func expect(_ characters: Set<UInt8>) -> Bool {
            guard at < bytes.count, characters.contains(bytes[at]) else { return false }
            at += 1
            return true
        }
        guard let year = number(4), expect([0x2D]), let month = number(2), expect([0x2D]), let day = number(2),
              (1...12).contains(month), (1...31).contains(day),
              expect([0x20, 0x54]), let hour = number(2), expect([0x3A]), let minute = number(2), expect([0x3A]), let second = number(2),
              hour < 24, minute < 60, second < 61 else { return nil }
        var fraction: Int64 = 0
        if expect([0x2E]) {
            var digits = 0
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
                // Beyond microseconds neither store keeps anything.
                if digits < 6 { fraction = fraction * 10 + Int64(bytes[at] - 0x30) }
                digits += 1
                at += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if expect([0x5A]) {
            // Z: UTC.
        } else if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D {
            let sign: Int64 = bytes[at] == 0x2D ? -1 : 1
            at += 1
            guard let hours = number(2) else { return nil }
            var minutes: Int64 = 0
            if at < bytes.count {
                _ = expect([0x3A])
                guard let parsed = number(2) else { return nil }
                minutes = parsed
            }
            offsetSeconds = sign * (hours * 3_600 + minutes * 60)
        }
        guard at == bytes.count else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return seconds * 1_000_000 + fraction
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
