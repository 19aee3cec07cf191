import Foundation

/// The Message-IDs an incoming message points to, and the VERP token of the address it
/// was delivered to. Both are only read here; verifying a token is the caller's job.
enum MessageReferences {
    private static let messageIDPattern = try! NSRegularExpression(pattern: #"<([^<>\s]+@[^<>\s]+)>"#)

    static func messageIDs(in value: String) -> [String] {
        let range = NSRange(value.startIndex..., in: value)
        return messageIDPattern.matches(in: value, range: range).compactMap { match in
            Range(match.range(at: 1), in: value).map { String(value[$0]) }
        }
    }

    /// In-Reply-To and References first (a reply's own pointers), then the Message-IDs of
    /// the original messages a bounce or report quotes.
    static func references(of message: MIMEMessage, originals: [MIMEHeaders]) -> [String] {
        var ids: [String] = []
        for name in ["In-Reply-To", "References"] {
            ids += message.headers.all(name).flatMap(messageIDs(in:))
        }
        for headers in originals {
            ids += headers.all("Message-ID").flatMap(messageIDs(in:))
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// `bounces+TOKEN@domain` in To, Delivered-To or X-Original-To (and the envelope
    /// Return-Path for mail that kept it): the TOKEN, raw.
    static func verpToken(_ headers: MIMEHeaders) -> String? {
        for name in ["Delivered-To", "X-Original-To", "To", "Envelope-To", "X-Envelope-To"] {
            for value in headers.all(name) {
                for address in AddressExtraction.matches(in: value).map(\.raw) {
                    let local = address.split(separator: "@").first ?? ""
                    if local.lowercased().hasPrefix("bounces+") {
                        let token = local.dropFirst("bounces+".count)
                        if !token.isEmpty { return String(token) }
                    }
                }
            }
        }
        return nil
    }
}
