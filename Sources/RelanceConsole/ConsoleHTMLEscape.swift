import Mustache

/// Mustache's HTML escaping, byte by byte: the same five entities as its own (`&`, `<`, `>`,
/// `"`, `'`), but read from the UTF-8 bytes rather than character by character through a
/// dictionary, which was half of the time of a page of fifty calls with their scripts
/// (benchmarks/console-p95.sh, perf). Every console template names it in its first line
/// (`ConsolePage`). Text with nothing to escape is returned as it is.
struct ConsoleHTMLEscape: MustacheContentType {
    static let name = "RELANCE_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
