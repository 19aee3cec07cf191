/// The sender and recipients of one mail transaction, and the commands that carry them:
/// `MAIL FROM`, one `RCPT TO` each, then `DATA`.
public struct SMTPEnvelope: Sendable, Hashable {
    public let sender: String
    public let recipients: [String]

    public init(from sender: String, to recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }

    /// Why the envelope cannot go on the wire; nil when every address is safe (see
    /// `SMTPEnvelopeAddress`: a CR LF in an address would start a command of its own).
    var problem: SMTPError? {
        if let problem = SMTPEnvelopeAddress.problem(in: sender) {
            return SMTPError(code: .invalidEnvelopeAddress, detail: "sender \(Self.quoted(sender)): \(problem)")
        }
        if recipients.isEmpty { return SMTPError(code: .invalidEnvelopeAddress, detail: "no recipient") }
        for recipient in recipients {
            if let problem = SMTPEnvelopeAddress.problem(in: recipient) {
                return SMTPError(code: .invalidEnvelopeAddress, detail: "recipient \(Self.quoted(recipient)): \(problem)")
            }
        }
        return nil
    }

    var commands: [String] {
        ["MAIL FROM:<\(sender)>"] + recipients.map { "RCPT TO:<\($0)>" } + ["DATA"]
    }

    /// The commands as one pipelined group (RFC 2920), each ended by CR LF.
    var pipelinedGroup: [UInt8] {
        Array(commands.map { $0 + "\r\n" }.joined().utf8)
    }

    /// Shows control characters escaped, so the error message itself stays on one line.
    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "\""
    }
}
