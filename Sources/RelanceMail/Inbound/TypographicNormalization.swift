import Foundation

/// The curly apostrophe written as a straight one, as the phrase lists spell it. ASCII text is
/// returned as it is, without Foundation's search: it holds no "’", and none of its characters
/// is canonically equivalent to one (Foundation's `replacingOccurrences` compares canonically).
func apostrophesStraightened(_ text: String) -> String {
    if text.isASCII { return text }
    return text.replacingOccurrences(of: "’", with: "'")
}

/// A reply's text as `ReplyHintDetector`'s patterns read it: curly apostrophes straightened and
/// no-break spaces made plain (French puts one before « : » and inside amounts). ASCII text holds
/// neither, so it skips Foundation's two searches, each through `NSString`.
func replyTextNormalized(_ text: String) -> String {
    if text.isASCII { return text }
    return text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "\u{00A0}", with: " ")
}
