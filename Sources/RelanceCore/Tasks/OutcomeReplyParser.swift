import Foundation

/// Reads the outcomes a person writes in reply to the digest, one per line, such as
/// `#12 promis 15/01/2027 912,00`, `#14 postée 10/11/2026 1A23456789012`, `#9 wrong number`,
/// `#7 litige résolu F-2`.
/// Quoted lines (`>`) and what follows a signature (`-- `) or the quoted digest's header
/// ("Le … a écrit :", "On … wrote:") are not read. Pure and bounded: the first 200 lines,
/// 500 characters a line, 50 outcomes.
public enum OutcomeReplyParser {
    public struct Command: Sendable, Hashable {
        public var line: Int
        public var taskID: Int64
        public var outcome: TaskOutcome
    }

    /// A line that names a task but could not be read, with why (worded per language by
    /// `JournalWording.outcomeLineProblem`): acknowledged as refused.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var taskID: Int64?
        public var text: String
        public var reason: OutcomeLineProblem
    }

    public struct Result: Sendable, Hashable {
        public var commands: [Command] = []
        public var problems: [Problem] = []
    }

    static let maximumLines = 200
    static let maximumLineLength = 500
    static let maximumCommands = 50

    public static func parse(_ body: String, today: CivilDate, currency: Currency = .euro) -> Result {
        var result = Result()
        var number = 0
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).prefix(maximumLines) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "--" || raw.hasPrefix("-- ") { break }
            let folded = fold(line)
            if (folded.hasPrefix("le ") && folded.hasSuffix("a ecrit :")) || (folded.hasPrefix("on ") && folded.hasSuffix("wrote:")) { break }
            guard line.hasPrefix("#"), !line.hasPrefix(">") else { continue }
            guard line.count <= maximumLineLength else {
                result.problems.append(Problem(line: number, taskID: nil, text: String(line.prefix(80)), reason: .lineTooLong))
                continue
            }
            guard result.commands.count < maximumCommands else {
                result.problems.append(Problem(line: number, taskID: nil, text: line, reason: .tooManyOutcomes(maximumCommands)))
                break
            }
            switch command(line, today: today, currency: currency) {
            case .success(let (id, outcome)): result.commands.append(Command(line: number, taskID: id, outcome: outcome))
            case .failure(let problem):
                result.problems.append(Problem(line: number, taskID: problem.taskID, text: line, reason: problem.reason))
            }
        }
        return result
    }

    struct LineProblem: Error {
        var taskID: Int64?
        var reason: OutcomeLineProblem
    }

    /// Lowercase, without accents: `Postée` and `postee` read the same.
    static func fold(_ text: some StringProtocol) -> String {
        String(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Keywords (folded), longest first so that `pas de reponse` wins over a shorter one.
    static let keywords: [(words: [String], code: String)] = [
        (["mauvais", "numero"], "wrong-number"), (["faux", "numero"], "wrong-number"), (["wrong", "number"], "wrong-number"),
        (["pas", "de", "reponse"], "no-answer"), (["sans", "reponse"], "no-answer"), (["no", "answer"], "no-answer"),
        (["litige", "resolu"], "dispute-resolved"), (["dispute", "resolved"], "dispute-resolved"),
        (["litige-resolu"], "dispute-resolved"), (["dispute-resolved"], "dispute-resolved"), (["resolu"], "dispute-resolved"),
        (["resolved"], "dispute-resolved"),
        (["nouvelle", "adresse"], "new-address"), (["new", "address"], "new-address"),
        (["wrong-number"], "wrong-number"), (["no-answer"], "no-answer"), (["new-address"], "new-address"),
        (["repondeur"], "no-answer"),
        (["promis"], "promised"), (["promise"], "promised"), (["promised"], "promised"), (["promesse"], "promised"),
        (["litige"], "dispute"), (["conteste"], "dispute"), (["contestation"], "dispute"), (["dispute"], "dispute"),
        (["disputed"], "dispute"),
        (["paye"], "paid"), (["regle"], "paid"), (["paid"], "paid"),
        (["postee"], "letter-posted"), (["poste"], "letter-posted"), (["envoyee"], "letter-posted"), (["posted"], "letter-posted"),
        (["letter-posted"], "letter-posted"),
        (["fait"], "done"), (["done"], "done"), (["annule"], "cancelled"), (["annulee"], "cancelled"), (["cancelled"], "cancelled"),
    ]

    private static func command(_ line: String, today: CivilDate, currency: Currency) -> Swift.Result<(Int64, TaskOutcome), LineProblem> {
        let tokens = line.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = tokens.first, let id = Int64(first.trimmingCharacters(in: CharacterSet(charactersIn: ":"))), id > 0 else {
            return .failure(LineProblem(taskID: nil, reason: .noTaskNumber))
        }
        let rest = Array(tokens.dropFirst())
        let folded = rest.map { fold($0).trimmingCharacters(in: CharacterSet(charactersIn: ":,;")) }
        guard let match = keywords.first(where: { folded.starts(with: $0.words) }) else {
            return .failure(LineProblem(taskID: id, reason: .noOutcomeRecognised))
        }
        let arguments = Array(rest.dropFirst(match.words.count))
        do {
            return .success((id, try outcome(match.code, arguments, today: today, currency: currency, taskID: id)))
        } catch {
            return .failure(error)
        }
    }

    private static func outcome(_ code: String, _ arguments: [String], today: CivilDate, currency: Currency,
                                taskID: Int64) throws(LineProblem) -> TaskOutcome {
        var words = arguments
        // A date where one is expected: the first token that reads as one.
        func takeDate() -> CivilDate? {
            guard let index = words.firstIndex(where: { OutcomeValues.date($0) != nil }) else { return nil }
            return OutcomeValues.date(words.remove(at: index))
        }
        let text: () -> String? = { words.isEmpty ? nil : words.joined(separator: " ") }
        switch code {
        case "promised":
            guard let date = takeDate() else { throw LineProblem(taskID: taskID, reason: .promiseNeedsDate) }
            var amount: Money?
            if !words.isEmpty {
                guard let parsed = OutcomeValues.amount(words.joined(separator: " "), currency: currency) else {
                    throw LineProblem(taskID: taskID, reason: .notAnAmount(words.joined(separator: " ")))
                }
                amount = parsed
            }
            return .promisedToPay(on: date, amount: amount)
        case "dispute":
            // Invoice numbers first (tokens with a digit), then the reason.
            var invoices: [String] = []
            while let word = words.first, word.contains(where: \.isNumber), !word.hasSuffix(":") {
                invoices += word.split(separator: ",").map(String.init).filter { !$0.isEmpty }
                words.removeFirst()
            }
            return .dispute(invoices: invoices, reason: text())
        case "dispute-resolved":
            var invoices: [String] = []
            while let word = words.first, word.contains(where: \.isNumber), !word.hasSuffix(":") {
                invoices += word.split(separator: ",").map(String.init).filter { !$0.isEmpty }
                words.removeFirst()
            }
            return .disputeResolved(invoices: invoices, note: text())
        case "paid":
            return .paid(on: takeDate(), means: text())
        case "wrong-number":
            return .wrongNumber(phone: text())
        case "no-answer":
            return .noAnswer
        case "new-address":
            guard let address = words.lazy.compactMap({ EmailAddress($0.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))) }).first else {
                throw LineProblem(taskID: taskID, reason: .newAddressNeedsAddress)
            }
            return .newAddress(address)
        case "letter-posted":
            let posted = takeDate() ?? today
            var acknowledged: CivilDate?
            if let marker = words.firstIndex(where: { ["ar", "ack", "acknowledged"].contains(fold($0)) }) {
                words.remove(at: marker)
                acknowledged = takeDate()
            }
            let tracking = words.first { $0.count >= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            return .letterPosted(on: posted, trackingNumber: tracking, acknowledgedOn: acknowledged)
        case "done":
            return .done(note: text())
        default:
            return .cancelled(reason: text() ?? "cancelled by email")
        }
    }
}
