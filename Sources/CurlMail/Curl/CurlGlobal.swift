import CCurl

/// libcurl's process-wide initialisation, done exactly once.
///
/// `curl_global_init` is not thread-safe and must run before any easy handle exists; a
/// `static let` is initialised lazily under `swift_once`, which gives exactly that guarantee
/// without a lock of our own.
enum CurlGlobal {
    private static let initializationCode: CURLcode = relance_curl_global_init_all()

    /// Whether libcurl could be initialised; callers turn `false` into their own error.
    static var isReady: Bool { initializationCode == CURLE_OK }
}
