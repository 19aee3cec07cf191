import CCurl

/// The protocol-independent meaning of a libcurl result code, shared by SMTP and IMAP errors.
enum TransportFailure: Sendable, Hashable {
    case connectFailed
    case timeout
    case certificateUntrusted
    case caFileUnreadable
    case tlsFailed
    case startTLSUnavailable
    case authenticationFailed
    case cancelled
    case connectionLost
    case resourceUnavailable

    /// nil for codes whose meaning depends on the protocol (a refused command, a bad reply…).
    init?(_ code: CURLcode) {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT: self = .connectFailed
        case CURLE_OPERATION_TIMEDOUT: self = .timeout
        case CURLE_PEER_FAILED_VERIFICATION: self = .certificateUntrusted
        case CURLE_SSL_CACERT_BADFILE: self = .caFileUnreadable
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_INITFAILED:
            self = .tlsFailed
        case CURLE_USE_SSL_FAILED: self = .startTLSUnavailable
        case CURLE_LOGIN_DENIED: self = .authenticationFailed
        case CURLE_ABORTED_BY_CALLBACK: self = .cancelled
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING: self = .connectionLost
        case CURLE_OUT_OF_MEMORY, CURLE_FAILED_INIT: self = .resourceUnavailable
        default: return nil
        }
    }
}

/// What libcurl said about a failed transfer: its code and the error buffer's text.
struct CurlFailure: Sendable {
    let code: CURLcode
    let message: String

    init(code: CURLcode, errorBuffer: String) {
        self.code = code
        // The error buffer is more precise ("SSL certificate problem: unable to get local issuer
        // certificate"); curl_easy_strerror is the fallback when libcurl left it empty.
        message = errorBuffer.isEmpty ? String(cString: curl_easy_strerror(code)) : errorBuffer
    }
}
