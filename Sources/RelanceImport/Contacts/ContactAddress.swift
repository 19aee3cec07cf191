import RelanceCore

/// A contacts file's address columns ("Adresse 1", "Code postal", "Ville"…) as address lines:
/// the postcode and the town, in separate columns, go on one line (`44000 Nantes`), as a
/// letter prints them; a cell holding several lines gives several lines.
enum ContactAddress {
    static let postcodeTitles: Set<String> = ["code postal", "cp", "postcode", "postal code", "zip", "zip code"]
    static let townTitles: Set<String> = ["ville", "city", "town", "localite", "commune"]

    static func lines(fromCells cells: [(text: String, title: String)]) -> [String] {
        var lines: [String] = []
        var pendingPostcode: String?
        var townAt: Int?
        for (text, title) in cells {
            let parts = text.split(separator: "\n").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            guard !parts.isEmpty else { continue }
            let kind = HeaderText.normalize(title)
            if postcodeTitles.contains(kind) && parts.count == 1 {
                // "Ville" before "Code postal": the postcode still goes first on the town's line.
                if let at = townAt, at == lines.count - 1 {
                    lines[at] = parts[0] + " " + lines[at]
                    townAt = nil
                } else {
                    pendingPostcode = parts[0]
                }
                continue
            }
            townAt = townTitles.contains(kind) && pendingPostcode == nil ? lines.count : nil
            if townTitles.contains(kind), let postcode = pendingPostcode {
                lines.append(postcode + " " + parts.joined(separator: " "))
                pendingPostcode = nil
                continue
            }
            if let postcode = pendingPostcode { lines.append(postcode); pendingPostcode = nil }
            lines += parts
        }
        if let postcode = pendingPostcode { lines.append(postcode) }
        return lines
    }
}
