extension String {
    /// Every byte below 0x80. Text that is takes shortcuts: Foundation's searches compare
    /// canonically, and no ASCII character is canonically equivalent to anything but itself, so
    /// its bytes compare as Foundation would (`DiagnosticPhrases`, `replyTextNormalized`); one
    /// byte is one character (an IBAN grouped by bytes).
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
