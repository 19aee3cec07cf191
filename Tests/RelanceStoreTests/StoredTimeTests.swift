import Foundation
import Testing
@testable import RelanceStore

/// The store writes times as GRDB does (`yyyy-MM-dd HH:mm:ss.SSS`, UTC, POSIX locale), without
/// its `DateFormatter`: the two must give the same text, or stored times would sort apart.
@Suite struct StoredTimeTests {
    /// GRDB's own formatter for stored dates, set up as GRDB sets it.
    static let reference: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter
    }()

    @Test(arguments: [
        0, 0.9996, 1.0004, 1.9999, 59.9995, 951_782_400, 951_868_800.5, 1_764_493_207.9489, 1_764_493_207.12345,
        4_107_542_400, 253_402_300_798.9994,
    ])
    func aTimeReadsAsGRDBWritesIt(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredTime.text(date) == Self.reference.string(from: date))
    }

    @Test func manyTimesAroundTodayAndAcrossCenturies() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let recent = Double(Int64.random(in: 1_700_000_000_000..<1_900_000_000_000, using: &generator)) / 1000
                + Double.random(in: -0.0006...0.0006, using: &generator)
            let any = Double.random(in: 0..<253_402_300_798, using: &generator)
            for seconds in [recent, any] {
                let date = Date(timeIntervalSince1970: seconds)
                #expect(StoredTime.text(date) == Self.reference.string(from: date), "\(seconds)")
            }
        }
    }

    @Test func beforeNineteenSeventyGRDBFormatsIt() {
        let date = Date(timeIntervalSince1970: -86_400.25)
        #expect(StoredTime.text(date) == Self.reference.string(from: date))
    }
}
