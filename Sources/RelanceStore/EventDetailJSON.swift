import RelanceCore

/// An event's or a task's detail as a JSON object with sorted keys — what `JSONEncoder` with
/// `.sortedKeys` writes — without an encoder per row: creating and running one costs more than
/// the INSERT it feeds, and the outbox writes several events per message.
enum EventDetailJSON {
    static func encode(_ object: [String: String]) -> String {
        guard !object.isEmpty else { return "{}" }
        return "{" + object.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }

    static func encode(_ array: [String]) -> String {
        "[" + array.map(quoted).joined(separator: ",") + "]"
    }

    private static func quoted(_ text: String) -> String { JSONString.literal(text) }
}
