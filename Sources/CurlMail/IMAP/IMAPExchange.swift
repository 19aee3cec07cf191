/// The responses of one IMAP transfer, read back from its transcript, with each tagged
/// completion matched to the command that carried its tag.
struct IMAPExchange: Sendable {
    struct Completion: Sendable {
        /// The command name, upper-cased (`SELECT`, `UID`, `APPEND`, `LOGIN`…).
        let command: String
        let condition: IMAPCondition
    }

    private(set) var responses: [IMAPResponse] = []
    private(set) var completions: [Completion] = []

    init(transcript: [ProtocolLine]) {
        var commandsByTag: [String: String] = [:]
        for line in transcript {
            switch line.direction {
            case .client:
                let words = line.text.split(separator: " ", maxSplits: 2)
                if words.count >= 2 { commandsByTag[String(words[0])] = words[1].uppercased() }
            case .server:
                let response = IMAPResponseParser.parse(line: line.text)
                responses.append(response)
                if case .tagged(let tag, let condition) = response {
                    completions.append(Completion(command: commandsByTag[tag] ?? "", condition: condition))
                }
            }
        }
    }

    /// The last command the server did not answer with OK.
    var lastFailure: Completion? { completions.last { $0.condition.status != .ok } }

    /// The UIDVALIDITY the server announced when it selected a mailbox during this transfer.
    var selectedUIDValidity: UInt32? {
        responses.reversed().lazy.compactMap { response -> UInt32? in
            if case .untaggedCondition(let condition) = response, case .uidValidity(let value) = condition.code { return value }
            return nil
        }.first
    }

    var appendUID: (uidValidity: UInt32, uid: UInt32)? {
        for completion in completions.reversed() {
            if case .appendUID(let validity, let uid) = completion.condition.code { return (validity, uid) }
        }
        return nil
    }
}
