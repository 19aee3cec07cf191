/// A SQL `LIKE … ESCAPE '\'` pattern matching any text that contains a needle: the needle's
/// own `%`, `_` and `\` are literal. Both stores' searches use it with that escape character.
public enum LikePattern {
    public static func containing(_ needle: String) -> String {
        "%" + needle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
