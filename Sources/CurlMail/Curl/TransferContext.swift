/// What one transfer's C callbacks read from and write to: the bytes to upload, the bytes
/// received, and the redacted protocol transcript.
///
/// Lives on the connection's thread for the duration of one `curl_easy_perform`; libcurl
/// reaches it through the userdata pointer (see `CurlTransfer`).
final class TransferContext {
    private let upload: [UInt8]
    private var uploadOffset = 0
    private(set) var received: [UInt8] = []
    private(set) var transcript: [ProtocolLine] = []
    let cancellation: CancellationFlag?

    private let sink: ProtocolLogSink?
    private var redactor = ProtocolRedactor()
    private var partialClientLine: [UInt8] = []
    private var partialServerLine: [UInt8] = []

    init(upload: [UInt8] = [], sink: ProtocolLogSink?, cancellation: CancellationFlag?) {
        self.upload = upload
        self.sink = sink
        self.cancellation = cancellation
    }

    /// Copies the next chunk of the upload into libcurl's buffer; 0 means end of data.
    func readUpload(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, upload.count - uploadOffset)
        guard count > 0 else { return 0 }
        upload.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[uploadOffset..<uploadOffset + count]))
        }
        uploadOffset += count
        return count
    }

    func receive(_ bytes: UnsafeRawBufferPointer) {
        received.append(contentsOf: bytes)
    }

    /// Protocol lines may arrive split or several per call; only complete lines are recorded.
    func record(_ bytes: UnsafeRawBufferPointer, direction: ProtocolLine.Direction) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                emit(direction == .client ? partialClientLine : partialServerLine, direction: direction)
                if direction == .client { partialClientLine.removeAll() } else { partialServerLine.removeAll() }
            } else if direction == .client {
                partialClientLine.append(byte)
            } else {
                partialServerLine.append(byte)
            }
        }
    }

    private func emit(_ bytes: [UInt8], direction: ProtocolLine.Direction) {
        var line = bytes
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        let redacted = redactor.redact(ProtocolLine(direction: direction, text: String(decoding: line, as: UTF8.self)))
        transcript.append(redacted)
        sink?(redacted)
    }
}
