public import RelanceCore

/// The dates a person would never mean (issue #11, "Dates"): Excel's day 0 (1899-12-30, what
/// a formula over an empty cell gives), a date before 1990, a due date before the issue date,
/// a due date more than two years after the export date. Such a row is refused on its own,
/// with the reason, rather than read as "46363 days late". Pure.
public enum DatePlausibility {
    public static let excelDayZero = CivilDate(year: 1899, month: 12, day: 30)!
    public static let earliest = CivilDate(year: 1990, month: 1, day: 1)!
    public static let maximumYearsAhead = 2

    public enum Field: String, Sendable { case issued, due }

    /// What a spreadsheet writes in a text export for its day 0: the bare serial `0`, or Excel's
    /// impossible `00/01/1900` (LibreOffice writes 30/12/1899, which reads as a date). Read as
    /// `excelDayZero` so that the row is refused on its own with the reason, not the whole file.
    public static func isSpreadsheetDayZero(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        return trimmed == "0" || trimmed == "00/01/1900" || trimmed == "0/1/1900" || trimmed == "1900-01-00"
    }

    /// The first problem with these dates, as (field, problem); nil when they are plausible.
    /// `exportDate` (the file's "as of" date, else the import day) bounds the due date.
    public static func problem(issued: CivilDate?, due: CivilDate?, exportDate: CivilDate?) -> (field: Field, problem: RefusedRow.Problem)? {
        for (field, date) in [(Field.issued, issued), (.due, due)] {
            guard let date else { continue }
            let named: RefusedRow.DateField = field == .issued ? .issued : .due
            if date == excelDayZero { return (field, .spreadsheetDayZero(named)) }
            if date < earliest { return (field, .before1990(named, date)) }
        }
        if let issued, let due, due < issued {
            return (.due, .dueBeforeIssue(due: due, issued: issued))
        }
        if let due, let exportDate,
           let limit = CivilDate(year: exportDate.year + maximumYearsAhead, month: exportDate.month, day: min(exportDate.day, 28)),
           due > limit {
            return (.due, .dueTooFarAhead(due: due, exportDate: exportDate, years: maximumYearsAhead))
        }
        return nil
    }
}
