extension String {
    /// The first letter in upper case, the rest as it is: a label made from a key, an outcome
    /// that opens a sentence, the digest's « Lundi 7 décembre 2026 » (`é` → `É` too).
    /// One for every module: the digest kept its own twin until it was made public here.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// The first letter in lower case: words that follow a colon in French.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
