/// One element of a camt entry (`Ntry`), kept as a small tree while that entry is read and
/// dropped once it has become `BankEntry` values: memory follows one entry, not the file.
struct CamtNode: Sendable {
    var name: String
    var text = ""
    var attributes: [String: String] = [:]
    var children: [CamtNode] = []

    /// The first descendant along a path of local names (`RltdPties/Dbtr/Nm`).
    func first(_ path: String) -> CamtNode? {
        var node = self
        for name in path.split(separator: "/") {
            guard let next = node.children.first(where: { $0.name == name }) else { return nil }
            node = next
        }
        return node
    }

    /// Every descendant along a path, in document order.
    func all(_ path: String) -> [CamtNode] {
        var level = [self]
        for name in path.split(separator: "/") {
            level = level.flatMap { $0.children.filter { $0.name == name } }
        }
        return level
    }

    /// The trimmed text at a path; nil when absent or blank.
    func text(_ path: String) -> String? { first(path).flatMap { BankText.clean($0.text) } }

    /// The text of the first path that has one.
    func text(anyOf paths: [String]) -> String? {
        for path in paths { if let found = text(path) { return found } }
        return nil
    }
}
