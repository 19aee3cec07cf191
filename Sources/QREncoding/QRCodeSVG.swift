import CQREncode
import Foundation

/// A QR code drawn by libqrencode (a well-kept encoder, never a hand-written one) as a small
/// SVG: one path of dark modules, the four-module quiet zone the standard asks for, crisp edges
/// for print. Used for the EPC payment code on letters (`EPCQRPayload`).
public enum QRCodeSVG {
    /// The dark modules, row by row; nil when the text does not fit in a QR code.
    /// Byte mode (the EPC payload is UTF-8), error correction level M.
    public static func modules(_ text: String) -> [[Bool]]? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }

    /// The SVG document, `size` wide and high (a CSS length: `32mm`); nil when the text does not fit.
    public static func svg(_ text: String, size: String = "32mm", label: String) -> String? {
        guard let modules = modules(text) else { return nil }
        let quiet = 4
        let side = modules.count + 2 * quiet
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else { x += 1; continue }
                // A run of dark modules in a row is one rectangle.
                var end = x
                while end < row.count, row[end] { end += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(end - x)v1h-\(end - x)z"
                x = end
            }
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(size)" height="\(size)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges" role="img" aria-label="\(escaped)"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path d="\(path)" fill="#000"/></svg>
            """
    }

    /// The SVG as a `data:` URI, for an `<img>` of an HTML template (escaped text only reaches
    /// templates; the printed letter's policy allows `data:` images and nothing fetched).
    public static func dataURI(_ text: String, size: String = "32mm", label: String) -> String? {
        svg(text, size: size, label: label).map { "data:image/svg+xml;base64," + Data($0.utf8).base64EncodedString() }
    }
}
