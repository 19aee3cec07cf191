/// Email cells may hold several addresses: `a@x.fr; b@x.fr`, `a@x.fr, b@x.fr` or spaces.
enum EmailList {
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{00A0}" })
            .map(String.init)
    }
}
