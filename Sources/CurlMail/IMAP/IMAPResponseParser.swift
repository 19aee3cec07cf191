/// Parses IMAP response lines into `IMAPResponse` values. Pure, line by line: a line this
/// library does not need becomes `.other`, never an error, so a server's extensions cannot
/// break a transfer that otherwise succeeded.
public enum IMAPResponseParser {
    public static func parse(line: some StringProtocol) -> IMAPResponse {
        let line = Substring(line)
        if line == "+" || line.hasPrefix("+ ") { return .continuation(String(line.dropFirst(2))) }
        guard let space = line.firstIndex(of: " ") else { return .other(String(line)) }
        let tag = line[..<space]
        let rest = line[line.index(after: space)...]
        if tag != "*" {
            guard let condition = condition(rest) else { return .other(String(line)) }
            return .tagged(tag: String(tag), condition: condition)
        }
        return untagged(rest) ?? .other(String(line))
    }

    /// Parses every line of `text` (CR LF or LF separated).
    public static func parse(text: some StringProtocol) -> [IMAPResponse] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            parse(line: line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }

    /// The UIDs of all `* SEARCH` responses, in the order received.
    public static func searchResults(in responses: [IMAPResponse]) -> [UInt32] {
        responses.flatMap { response -> [UInt32] in
            if case .search(let numbers) = response { return numbers }
            return []
        }
    }

    private static func untagged(_ rest: Substring) -> IMAPResponse? {
        let words = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        switch first.uppercased() {
        case "SEARCH":
            let numbers = rest.dropFirst(first.count).split(separator: " ").map { UInt32($0) }
            // A search result that is not all numbers (an extension like MODSEQ) is not ours to guess.
            guard numbers.allSatisfy({ $0 != nil }) else { return nil }
            return .search(numbers.compactMap { $0 })
        case "STATUS":
            return status(rest.dropFirst(first.count + 1))
        default:
            break
        }
        if let number = UInt32(first), words.count >= 2 {
            switch words[1].uppercased() {
            case "EXISTS": return .exists(number)
            case "FETCH":
                let attributes = words.count > 2 ? String(words[2]) : ""
                return .fetch(sequenceNumber: number, attributes: attributes)
            default: return nil
            }
        }
        return condition(rest).map { .untaggedCondition($0) }
    }

    /// `OK [CODE args] text` and friends.
    static func condition(_ text: Substring) -> IMAPCondition? {
        let word = text.prefix(while: { $0 != " " })
        guard let status = IMAPCondition.Status(rawValue: word.uppercased()) else { return nil }
        var rest = text.dropFirst(word.count).drop(while: { $0 == " " })
        var code: IMAPResponseCode?
        if rest.first == "[", let close = rest.firstIndex(of: "]") {
            code = responseCode(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...].drop(while: { $0 == " " })
        }
        return IMAPCondition(status: status, code: code, text: String(rest))
    }

    static func responseCode(_ text: Substring) -> IMAPResponseCode {
        let parts = text.split(separator: " ")
        let name = parts.first?.uppercased() ?? ""
        let numbers = parts.dropFirst().map { UInt32($0) }
        switch (name, numbers.count) {
        case ("UIDVALIDITY", 1): if let value = numbers[0] { return .uidValidity(value) }
        case ("UIDNEXT", 1): if let value = numbers[0] { return .uidNext(value) }
        case ("UNSEEN", 1): if let value = numbers[0] { return .unseen(value) }
        case ("APPENDUID", 2):
            if let validity = numbers[0], let uid = numbers[1] { return .appendUID(uidValidity: validity, uid: uid) }
        case ("READ-ONLY", 0): return .readOnly
        case ("READ-WRITE", 0): return .readWrite
        case ("TRYCREATE", 0): return .tryCreate
        case ("NONEXISTENT", 0): return .nonexistent
        default: break
        }
        return .other(String(text))
    }

    /// `"INBOX" (MESSAGES 3 UIDNEXT 8)` or `INBOX (…)`.
    private static func status(_ text: Substring) -> IMAPResponse? {
        guard let open = text.lastIndex(of: "("), text.last == ")" else { return nil }
        var mailbox = text[..<open].trimmingCharacters(" ")
        if mailbox.count >= 2, mailbox.first == "\"", mailbox.last == "\"" {
            mailbox = unquote(mailbox.dropFirst().dropLast())
        }
        let items = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: " ")
        guard items.count % 2 == 0 else { return nil }
        var attributes: [String: UInt64] = [:]
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let value = UInt64(items[index + 1]) else { return nil }
            attributes[items[index].uppercased()] = value
        }
        return .status(mailbox: mailbox, attributes: attributes)
    }

    private static func unquote(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping || character != "\\" {
                result.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingCharacters(_ character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
