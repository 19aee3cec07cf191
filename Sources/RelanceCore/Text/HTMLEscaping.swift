/// `< > & " '` written as entities, compared as whole characters (an `&` carrying a combining
/// accent is one character, left as it is): the escaping of swift-mustache's `{{x}}`, which the
/// reminders' renderer must match byte for byte, and of the pages and documents Relance writes.
public enum HTMLEscaping {
    public static func append(_ text: some StringProtocol, to output: inout String) {
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
    }

    public static func escaped(_ text: some StringProtocol) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }
}
