import CCurl

/// Owns one libcurl easy handle and what libcurl keeps a pointer to: the error buffer.
/// libcurl does not copy it, so it must live as long as the handle; tying it to this object's
/// lifetime makes that impossible to get wrong.
///
/// Not thread-safe and deliberately not `Sendable`: each connection confines its
/// `CurlEasy` to one serial queue.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var isClosed = false

    /// Returns nil when libcurl cannot be initialised or cannot allocate a handle.
    init?() {
        guard CurlGlobal.isReady, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = relance_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        close()
        errorBuffer.deallocate()
    }

    /// Closes the connections (QUIT, LOGOUT: this waits for the server) and frees the handle.
    /// The handle must not be used afterwards; owners call this only when they are going away.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        // The handle goes first: cleanup may still write into the error buffer.
        curl_easy_cleanup(handle)
    }

    /// The text libcurl wrote into the error buffer during the last transfer, if any.
    var errorText: String {
        let text = String(cString: errorBuffer)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    func clearErrorText() { errorBuffer[0] = 0 }

    @discardableResult
    func set(_ option: CURLoption, _ value: Int) -> CURLcode {
        relance_curl_setopt_long(handle, option, value)
    }

    @discardableResult
    func set(_ option: CURLoption, _ value: Bool) -> CURLcode {
        relance_curl_setopt_long(handle, option, value ? 1 : 0)
    }

    /// libcurl copies string options (since 7.17), so the C string only has to live for the call.
    @discardableResult
    func set(_ option: CURLoption, _ value: String?) -> CURLcode {
        guard let value else { return relance_curl_setopt_string(handle, option, nil) }
        return value.withCString { relance_curl_setopt_string(handle, option, $0) }
    }

    @discardableResult
    func setSize(_ option: CURLoption, _ value: Int64) -> CURLcode {
        relance_curl_setopt_off_t(handle, option, curl_off_t(value))
    }

    /// Runs the transfer on the calling thread; callers make sure that is not a thread of
    /// Swift's cooperative pool.
    func perform() -> CURLcode {
        clearErrorText()
        return curl_easy_perform(handle)
    }
}
