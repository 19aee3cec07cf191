import RelanceCore

/// Renders compiled templates (`TemplateNode`) from a typed value (`TemplateValue`): the
/// rendering swift-mustache did for the reminder templates (`Template+Render.swift`,
/// `Context.swift`, `Sequence.swift` of the pinned version), rule for rule, without a cast.
///
/// The rules kept, because templates rely on them:
/// - a name is looked up in the innermost value that has its first part, then strictly inside;
/// - a list section renders once per element (nothing when empty), a flag section renders in
///   the same scope when true, any other value present (text, even empty, a number, an object)
///   renders once with that value as the innermost scope; an absent value renders nothing;
///   an inverted section renders for an empty list, a false flag or an absent value;
/// - `first()`, `last()`, `index()`, `even()`, `odd()` answer for the list element being
///   rendered, and are absent inside a partial or a non-list section;
/// - a partial starts HTML-escaped (text partials carry the TEXT content type) and, included
///   alone on its line, prefixes its indentation to each piece of output that starts a line.
struct TemplateEngine: Sendable {
    /// Partials by the name `{{> …}}` uses, all of one language and format.
    let partials: [String: [TemplateNode]]

    /// Where a value is being rendered from, apart from the stack of values, which one array
    /// holds for the whole render: a section pushes its value and pops it when done, where a copy
    /// of the stack for every list element was an allocation per invoice (issue #17).
    struct Scope {
        var position: Position?
        var indentation: String?
        var escapesHTML: Bool
    }

    /// The element of a list being rendered.
    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// The rendered text. Written as UTF-8 bytes, one string made at the end: appending each
    /// piece to a `String` was most of the time left in rendering (issue #17).
    func render(_ nodes: [TemplateNode], value: TemplateValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        var stack: [TemplateValue] = []
        stack.reserveCapacity(8)
        stack.append(value)
        render(nodes, scope: Scope(position: nil, indentation: nil, escapesHTML: true), stack: &stack, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func render(_ nodes: [TemplateNode], scope initial: Scope, stack: inout [TemplateValue], into output: inout [UInt8]) {
        var scope = initial
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, scope: &scope, stack: &stack, into: &output) }
            return
        }
        // As swift-mustache: each node's output, when not empty, is indented if this template's
        // own output so far ends a line.
        let start = output.count
        for node in nodes {
            var piece: [UInt8] = []
            render(node, scope: &scope, stack: &stack, into: &piece)
            if !piece.isEmpty, Self.endsLine(output, from: start) { output.append(contentsOf: indentation.utf8) }
            output += piece
        }
    }

    /// Whether `output` from byte `start` on is not empty and its last character is "\n" (a
    /// "\r\n" pair is one character, not "\n").
    private static func endsLine(_ output: [UInt8], from start: Int) -> Bool {
        guard output.count > start, output.last == UInt8(ascii: "\n") else { return false }
        guard output.count - 1 > start else { return true }
        return output[output.count - 2] != UInt8(ascii: "\r")
    }

    private func render(_ node: TemplateNode, scope: inout Scope, stack: inout [TemplateValue], into output: inout [UInt8]) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text.utf8)
        case .variable(let path, let escaped):
            guard let value = lookUp(path, in: scope, stack: stack) else { return }
            if escaped, scope.escapesHTML {
                Self.appendEscapingHTML(value.renderedText, to: &output)
            } else {
                output.append(contentsOf: value.renderedText.utf8)
            }
        case .section(let path, let inner):
            switch lookUp(path, in: scope, stack: stack) {
            case .none, .flag(false)?:
                return
            case .flag(true)?:
                render(inner, scope: scope, stack: &stack, into: &output)
            case .list(let items)?:
                var element = scope
                for (index, item) in items.enumerated() {
                    element.position = Position(first: index == 0, last: index == items.count - 1, index: index)
                    stack.append(item)
                    render(inner, scope: element, stack: &stack, into: &output)
                    stack.removeLast()
                }
            case let value?:
                render(inner, entering: value, scope: scope, stack: &stack, into: &output)
            }
        case .inverted(let path, let inner):
            switch lookUp(path, in: scope, stack: stack) {
            case .none, .flag(false)?:
                render(inner, scope: scope, stack: &stack, into: &output)
            case .list(let items)? where items.isEmpty:
                render(inner, entering: .list(items), scope: scope, stack: &stack, into: &output)
            default:
                return
            }
        case .partial(let name, let indented):
            guard let partial = partials[name] else { return }
            var inner = scope
            inner.position = nil
            inner.escapesHTML = true
            if let indented { inner.indentation = (scope.indentation ?? "") + indented }
            render(partial, scope: inner, stack: &stack, into: &output)
        case .contentType(let isText):
            scope.escapesHTML = !isText
        }
    }

    /// A section over a value that is not a list or a flag: that value becomes the innermost
    /// scope, and the list position is forgotten.
    private func render(_ nodes: [TemplateNode], entering value: TemplateValue, scope: Scope, stack: inout [TemplateValue],
                        into output: inout [UInt8]) {
        var inner = scope
        inner.position = nil
        stack.append(value)
        render(nodes, scope: inner, stack: &stack, into: &output)
        stack.removeLast()
    }

    /// swift-mustache's `getChild`.
    private func lookUp(_ path: TemplatePath, in scope: Scope, stack: [TemplateValue]) -> TemplateValue? {
        var value: TemplateValue
        switch path.anchor {
        case .absent:
            return nil
        case .current:
            value = stack[stack.count - 1]
        case .position:
            // The position's own transforms; anything else applied to it is absent.
            guard let position = scope.position, let transform = path.transforms.last else { return nil }
            switch transform {
            case .first: value = .flag(position.first)
            case .last: value = .flag(position.last)
            case .index: value = .number(position.index)
            case .even: value = .flag(position.index & 1 == 0)
            case .odd: value = .flag(position.index & 1 == 1)
            default: return nil
            }
            for transform in path.transforms.dropLast().reversed() {
                guard let next = value.transformed(transform) else { return nil }
                value = next
            }
            return value
        case .currentOnly:
            guard let found = Self.descend(path.parts[...], from: stack[stack.count - 1]) else { return nil }
            value = found
        case .stack:
            guard let found = Self.find(path.parts, in: stack) else { return nil }
            value = found
        }
        for transform in path.transforms.reversed() {
            guard let next = value.transformed(transform) else { return nil }
            value = next
        }
        return value
    }

    private static func find(_ parts: [TemplateKey], in stack: [TemplateValue]) -> TemplateValue? {
        var index = stack.count - 1
        while index >= 0 {
            if let child = stack[index].child(parts[0]) {
                return descend(parts.dropFirst(), from: child)
            }
            index -= 1
        }
        return nil
    }

    private static func descend(_ parts: ArraySlice<TemplateKey>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in parts {
            guard let child = current.child(part) else { return nil }
            current = child
        }
        return current
    }

    /// swift-mustache's `htmlEscape`: `< > & " '` as entities, compared as whole characters
    /// (an `&` carrying a combining accent is one character, left as it is).
    static func appendEscapingHTML(_ text: String, to output: inout [UInt8]) {
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsEscaping else {
            output.append(contentsOf: text.utf8)
            return
        }
        output.append(contentsOf: HTMLEscaping.escaped(text).utf8)
    }
}
