/// One `{{…}}` tag of a template, with where it starts: the checker's own lexer, because
/// swift-mustache keeps its tokens private and has no strict mode.
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case variable, unescaped, section, inverted, close, partial, comment
        /// `{{=…=}}`, `{{%…}}`, `{{<…}}`, `{{$…}}`: legal Mustache the checker cannot follow.
        case unsupported(String)
    }

    let kind: Kind
    let name: String
    let line: Int
    let column: Int

    /// Tags in order; `unclosed` is a tag whose `}}` never comes (scanning stops there).
    static func scan(_ source: String) -> (tags: [TemplateTag], unclosed: TemplateTag?) {
        var tags: [TemplateTag] = []
        let chars = Array(source)
        var index = 0
        var line = 1
        var column = 1
        func advance(_ count: Int) {
            for _ in 0..<count where index < chars.count {
                if chars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        // Compared in place: copying both sides into arrays at every character made this
        // scan most of the start-up time of every `relance` command.
        func matches(_ pattern: [Character], at position: Int) -> Bool {
            guard position + pattern.count <= chars.count else { return false }
            return pattern.indices.allSatisfy { chars[position + $0] == pattern[$0] }
        }
        let open: [Character] = ["{", "{"]
        let tripleOpen: [Character] = ["{", "{", "{"]
        while index < chars.count {
            guard matches(open, at: index) else { advance(1); continue }
            let (startLine, startColumn) = (line, column)
            let isTriple = matches(tripleOpen, at: index)
            let closing: [Character] = isTriple ? ["}", "}", "}"] : ["}", "}"]
            var end = index + (isTriple ? 3 : 2)
            while end < chars.count, !matches(closing, at: end) { end += 1 }
            guard end < chars.count else {
                return (tags, TemplateTag(kind: .unsupported("unclosed"), name: "", line: startLine, column: startColumn))
            }
            var body = String(chars[(index + (isTriple ? 3 : 2))..<end])
            var kind: Kind = isTriple ? .unescaped : .variable
            if !isTriple, let sigil = body.first {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                case "&": kind = .unescaped
                case "=", "%", "<", "$": kind = .unsupported(String(sigil))
                default: break
                }
                if kind != .variable { body.removeFirst() }
            }
            tags.append(TemplateTag(kind: kind, name: body.trimmedBlanks(), line: startLine, column: startColumn))
            advance(end + closing.count - index)
        }
        return (tags, nil)
    }
}

private extension String {
    func trimmedBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
