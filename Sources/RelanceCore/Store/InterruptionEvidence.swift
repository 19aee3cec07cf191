/// What the server-side evidence showed about a message interrupted mid-send, as facts: the
/// journal words it in the creditor's language, the event's detail keeps the code (#13).
public enum InterruptionEvidence: Sendable, Hashable {
    /// A copy with this Message-ID is in the evidence folder (`source`): the message went out.
    case copyFound(messageID: String, source: String)
    /// No copy is in the evidence folder `afterSeconds` after the attempt: the server never took it.
    case noCopy(messageID: String, source: String, afterSeconds: Int)

    /// Where the evidence was searched (`archive`, the Sent folder): the event's `source`.
    public var source: String {
        switch self {
        case .copyFound(_, let source), .noCopy(_, let source, _): source
        }
    }

    /// The event detail's code.
    public var code: String {
        switch self {
        case .copyFound: "copy-found"
        case .noCopy: "no-copy"
        }
    }
}

/// Why a message interrupted mid-send is held for a person rather than decided, as a code.
public enum InterruptionHoldReason: String, Sendable, Hashable {
    /// Neither `archive_bcc` nor `sent_copy_lookup` is configured: nothing can show whether it went out.
    case noEvidenceSource = "no-evidence-source"
}
