/// Compiles a Mustache template into `TemplateNode`s, once, at load.
///
/// A port of swift-mustache's parser (`Template+Parser.swift`, the version pinned in
/// Package.resolved) for the tags mail templates may use, so that what is rendered is what
/// swift-mustache rendered, byte for byte: text is cut after each line break, a section,
/// comment, partial or delimiter tag alone on its line (blanks around it) leaves no line,
/// the blanks before a standalone partial indent every line it writes. It works on
/// `Character`s as that parser does. The renderer runs swift-mustache's parser first, so syntax
/// errors keep its wording and positions; this one only adds what it cannot follow:
/// parents and blocks (`{{<…}}`, `{{$…}}`) and dynamic partials (`{{>*…}}`), refused here as
/// the template checker refuses them.
struct TemplateCompiler {
    enum Failure: Error {
        case unsupported(sigil: String, line: Int, column: Int)
        /// Text swift-mustache's parser accepted but this port does not: a divergence to report.
        case malformed(line: Int, column: Int)
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]

        func inSection(_ name: String, transforms: [String], newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            if !newLine { state.newLine = false }
            return state
        }
    }

    private let chars: [Character]
    private var position = 0

    private init(_ source: String) { chars = Array(source) }

    /// The nodes of `source`; `isText` starts them with the TEXT content type (no escaping),
    /// as the renderer's `{{% CONTENT_TYPE: TEXT }}` line did for swift-mustache.
    static func compile(_ source: String, isText: Bool) throws(Failure) -> [TemplateNode] {
        var compiler = TemplateCompiler(source)
        let nodes = try compiler.parse(State())
        return isText ? [.contentType(isText: true)] + nodes : nodes
    }

    // MARK: - The parser

    private mutating func parse(_ initial: State) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var blanksBefore = ""
        while !atEnd {
            if state.newLine {
                blanksBefore = String(read(while: { $0 == " " || $0 == "\t" }))
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                nodes.append(.text(blanksBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(blanksBefore + text))
                blanksBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            let tagStart = position - state.startDelimiter.count
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    standalone = true
                } else if !blanksBefore.isEmpty {
                    nodes.append(.text(blanksBefore))
                    blanksBefore = ""
                }
                let inner = try parse(state.inSection(name, transforms: transforms, newLine: standalone))
                let path = TemplatePath(name: name, transforms: transforms)
                nodes.append(inverted ? .inverted(path, inner) : .section(path, inner))
            case "/":
                position += 1
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw malformed(at: tagStart) }
                if !isStandalone(state), !blanksBefore.isEmpty {
                    nodes.append(.text(blanksBefore))
                }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case "{", "&":
                if !blanksBefore.isEmpty {
                    nodes.append(.text(blanksBefore))
                    blanksBefore = ""
                }
                let triple = current == "{"
                position += 1
                let (name, transforms) = try parseName(state)
                if triple {
                    guard current == "}" else { throw malformed(at: tagStart) }
                    position += 1
                }
                nodes.append(.variable(TemplatePath(name: name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw unsupported(">*", at: tagStart) }
                let name = try parsePartialName(state)
                if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name: name, indentation: blanksBefore))
                } else {
                    nodes.append(.partial(name: name, indentation: nil))
                }
                blanksBefore = ""
            case "<", "$":
                throw unsupported(String(current), at: tagStart)
            case "=":
                position += 1
                state = try setDelimiters(state, tagStart: tagStart)
                standalone = isStandalone(state)
            case "%":
                position += 1
                nodes.append(try readPragma(state, tagStart: tagStart))
                standalone = isStandalone(state)
            default:
                if !blanksBefore.isEmpty {
                    nodes.append(.text(blanksBefore))
                    blanksBefore = ""
                }
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(TemplatePath(name: name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw malformed(at: position) }
        return nodes
    }

    /// Text up to the next tag (its opening delimiter consumed) or line break (not consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(Failure) -> String {
        let first = state.startDelimiter[0]
        var text = ""
        while !atEnd {
            text += String(read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first }))
            if current.isNewline { break }
            if current == first {
                guard position + state.startDelimiter.count <= chars.count else { throw malformed(at: position) }
                if matches(state.startDelimiter) {
                    position += state.startDelimiter.count
                    break
                }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithBrackets.union("/")

    /// `name` or `outer(inner(name))`, then the closing delimiter.
    private mutating func parseName(_ state: State) throws(Failure) -> (String, [String]) {
        let start = position
        _ = read(while: \.isWhitespace)
        let text = Array(read(while: { Self.nameCharactersWithBrackets.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.endDelimiter) else { throw malformed(at: start) }
        var index = 0
        func word() -> String {
            let begin = index
            while index < text.count, Self.nameCharacters.contains(text[index]) { index += 1 }
            return String(text[begin..<index])
        }
        let head = word()
        guard index < text.count else { return (head, []) }
        guard text[index] == "(" else { throw malformed(at: start) }
        index += 1
        var transforms = [head]
        while true {
            let name = word()
            guard index < text.count else { throw malformed(at: start) }
            if text[index] == "(" {
                index += 1
                transforms.append(name)
                continue
            }
            guard text[index] == ")" else { throw malformed(at: start) }
            index += 1
            var closing = 0
            while index < text.count, text[index] == ")" { index += 1; closing += 1 }
            guard closing + 1 == transforms.count, index == text.count else { throw malformed(at: start) }
            return (name, transforms)
        }
    }

    private mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        let start = position
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.partialNameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.endDelimiter) else { throw malformed(at: start) }
        return name
    }

    private mutating func skipComment(_ state: State) throws(Failure) {
        let start = position
        while position + state.endDelimiter.count <= chars.count {
            if matches(state.endDelimiter) {
                position += state.endDelimiter.count
                return
            }
            position += 1
        }
        throw malformed(at: start)
    }

    /// `{{=<% %>=}}`.
    private mutating func setDelimiters(_ state: State, tagStart: Int) throws(Failure) -> State {
        _ = read(while: \.isWhitespace)
        let start = Array(read(while: { !$0.isWhitespace }))
        guard !atEnd else { throw malformed(at: tagStart) }
        _ = read(while: \.isWhitespace)
        let end = Array(read(while: { $0 != "=" && !$0.isWhitespace }))
        guard !atEnd else { throw malformed(at: tagStart) }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw malformed(at: tagStart) }
        position += 1
        guard readDelimiter(state.endDelimiter), !start.isEmpty, !end.isEmpty else { throw malformed(at: tagStart) }
        var next = state
        next.startDelimiter = start
        next.endDelimiter = end
        return next
    }

    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML`: the only pragma swift-mustache knows.
    private mutating func readPragma(_ state: State, tagStart: Int) throws(Failure) -> TemplateNode {
        let word: (Character) -> Bool = { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        let variable = String(read(while: word))
        _ = read(while: \.isWhitespace)
        guard current == ":" else { throw malformed(at: tagStart) }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = String(read(while: word))
        _ = read(while: \.isWhitespace)
        guard readDelimiter(state.endDelimiter), variable == "CONTENT_TYPE" else { throw malformed(at: tagStart) }
        switch value {
        case "TEXT": return .contentType(isText: true)
        case "HTML": return .contentType(isText: false)
        default: throw unsupported("%", at: tagStart)
        }
    }

    /// A tag alone on its line: only blanks after it up to a line break (consumed) or the end.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < chars.count, chars[probe] == " " || chars[probe] == "\t" { probe += 1 }
        guard probe < chars.count, chars[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    // MARK: - Reading

    private var atEnd: Bool { position >= chars.count }
    /// NUL at the end, as swift-mustache's parser.
    private var current: Character { atEnd ? "\0" : chars[position] }

    private mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while position < chars.count, predicate(chars[position]) { position += 1 }
        return chars[start..<position]
    }

    private func matches(_ delimiter: [Character]) -> Bool {
        guard position + delimiter.count <= chars.count else { return false }
        for (offset, character) in delimiter.enumerated() where chars[position + offset] != character { return false }
        return true
    }

    private mutating func readDelimiter(_ delimiter: [Character]) -> Bool {
        guard matches(delimiter) else { return false }
        position += delimiter.count
        return true
    }

    /// Line and column as `TemplateTag` counts them, so that a problem found here and by the
    /// checker's scan is one problem.
    private func place(of index: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in chars[..<min(index, chars.count)] {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private func unsupported(_ sigil: String, at index: Int) -> Failure {
        let (line, column) = place(of: index)
        return .unsupported(sigil: sigil, line: line, column: column)
    }

    private func malformed(at index: Int) -> Failure {
        let (line, column) = place(of: index)
        return .malformed(line: line, column: column)
    }
}
