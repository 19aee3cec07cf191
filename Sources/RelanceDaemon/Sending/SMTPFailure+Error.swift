import CurlMail
import RelanceCore

extension SMTPFailure {
    /// The transport's error as facts the creditor's wording can say.
    init(_ error: SMTPError) {
        self.init(kind: Self.kind(of: error.code), detail: error.detail, serverReply: error.serverReply.map { "\($0)" },
                  libcurl: error.curlMessage, description: error.description)
    }

    /// One kind per code, spelled out so that a new code does not compile until it is worded.
    private static func kind(of code: SMTPError.Code) -> Kind {
        switch code {
        case .invalidConfiguration: .invalidConfiguration
        case .invalidEnvelopeAddress: .invalidEnvelopeAddress
        case .connectFailed: .connectFailed
        case .tlsFailed: .tlsFailed
        case .certificateUntrusted: .certificateUntrusted
        case .caFileUnreadable: .caFileUnreadable
        case .startTLSUnavailable: .startTLSUnavailable
        case .authenticationFailed: .authenticationFailed
        case .senderRefused: .senderRefused
        case .allRecipientsRefused: .allRecipientsRefused
        case .temporaryFailure: .temporaryFailure
        case .permanentFailure: .permanentFailure
        case .timeout: .timeout
        case .connectionLost: .connectionLost
        case .cancelled: .cancelled
        case .protocolError: .protocolError
        case .resourceUnavailable: .resourceUnavailable
        case .handOverDeadlinePassed: .handOverDeadlinePassed
        }
    }
}
