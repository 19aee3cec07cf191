import Foundation

extension Wording {
    /// A moment as a reader of the language writes it, in UTC as the logs are: `07/12/2026 à
    /// 5 h 58 (UTC)`, `7 Dec 2026 at 05:58 (UTC)` — never `2026-12-07T05:58:00Z`.
    func dateAndTimeUTC(_ time: Date) -> String {
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let parts = calendar.dateComponents([.hour, .minute], from: time)
        let clock = dates.clock(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
        // The French clock says its own « à »; English puts « at » before the time.
        return "\(date(CivilDate(time, in: utc))) \(language == .english ? "at " : "")\(clock) (UTC)"
    }
}
