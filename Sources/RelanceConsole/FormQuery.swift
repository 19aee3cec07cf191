import Foundation
import Hummingbird
import HummingbirdCore

/// A page's query as a browser's GET form writes it (`application/x-www-form-urlencoded`): a
/// space is `+`, anything else percent-encoded. Hummingbird's `queryParameters` decodes the
/// percent escapes only, so a search for « Boulangerie Martin » looked for
/// « Boulangerie+Martin » and found nothing. Every query the console reads goes through here.
struct FormQuery {
    private var values: [String: String] = [:]

    init(_ uri: URI) {
        for pair in (uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), values[name] == nil else { continue }
            // An undecodable value (a stray `%`) reads as empty, as a missing one.
            values[name] = parts.count > 1 ? Self.decoded(parts[1]) ?? "" : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// `+` is a space; `%2B` (a plus typed by the person) stays a plus, decoded after.
    static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    var formQuery: FormQuery { FormQuery(uri) }
}
