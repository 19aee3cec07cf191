import CCurl

/// Connects libcurl's C callbacks to a `TransferContext`.
///
/// The callbacks are capture-free `@convention(c)` closures installed once per handle; each
/// transfer points their userdata at its own context with an unretained reference, which is
/// safe because `perform` keeps the context alive until `curl_easy_perform` returns and
/// clears the pointers before handing the context back.
enum CurlTransfer {
    static func installCallbacks(on easy: CurlEasy) {
        let handle = easy.handle
        relance_curl_setopt_data_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, userdata in
            guard let buffer, let context = TransferContext.from(userdata) else { return 0 }
            return context.readUpload(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
        }
        relance_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { buffer, size, count, userdata in
            guard let buffer, let context = TransferContext.from(userdata) else { return size * count }
            context.receive(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return size * count
        }
        relance_curl_setopt_debug_callback(handle) { _, type, data, size, userdata in
            // Also called while the handle is cleaned up (QUIT, LOGOUT), when no context is set.
            guard let data, let context = TransferContext.from(userdata) else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            switch type {
            case CURLINFO_HEADER_OUT: context.record(bytes, direction: .client)
            case CURLINFO_HEADER_IN: context.record(bytes, direction: .server)
            default: break  // message bodies and TLS records are not part of the transcript
            }
            return 0
        }
        relance_curl_setopt_xferinfo_callback(handle) { userdata, _, _, _, _ in
            guard let context = TransferContext.from(userdata) else { return 0 }
            return context.cancellation?.isCancelled == true ? 1 : 0
        }
        easy.set(CURLOPT_NOPROGRESS, false)
        // The debug callback only runs in verbose mode; nothing goes to stderr once it is set.
        easy.set(CURLOPT_VERBOSE, true)
    }

    static func perform(_ easy: CurlEasy, context: TransferContext) -> CURLcode {
        let pointer = Unmanaged.passUnretained(context).toOpaque()
        let options = [CURLOPT_READDATA, CURLOPT_WRITEDATA, CURLOPT_DEBUGDATA, CURLOPT_XFERINFODATA]
        for option in options { relance_curl_setopt_pointer(easy.handle, option, pointer) }
        let code = withExtendedLifetime(context) { easy.perform() }
        for option in options { relance_curl_setopt_pointer(easy.handle, option, nil) }
        return code
    }
}

extension TransferContext {
    fileprivate static func from(_ userdata: UnsafeMutableRawPointer?) -> TransferContext? {
        guard let userdata else { return nil }
        return Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    }
}
