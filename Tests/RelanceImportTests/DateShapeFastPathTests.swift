import RelanceCore
@testable import RelanceImport
import Testing

/// `DateText.shape` reads `DD/MM/YYYY` and `YYYY-MM-DD` from their ten bytes (the import's hot
/// path); the same text with a space around it takes the general path. Both must agree on
/// every shape, valid or not.
@Suite("Date shapes: the ten-byte path agrees with the general one")
struct DateShapeFastPathTests {
    static let samples: [String] = {
        var texts: [String] = []
        for separator in ["/", ".", "-"] {
            for (a, b, year) in [("15", "07", "2026"), ("31", "02", "2026"), ("00", "01", "1900"), ("07", "13", "2026"),
                                 ("12", "31", "2026"), ("29", "02", "2024"), ("99", "99", "9999")] {
                texts.append(a + separator + b + separator + year)
            }
            for (year, month, day) in [("2026", "07", "15"), ("2026", "02", "30"), ("2026", "13", "01"), ("2024", "02", "29"), ("0000", "00", "00")] {
                texts.append(year + separator + month + separator + day)
            }
        }
        // Ten bytes that are not one of the two shapes: the general path decides them all.
        texts += ["15/07-2026", "2026/07-15", "1/07/20260", "15/07/202a", "20260715AB", "15 07 2026", "2026-07-1x", "45123.5000"]
        return texts
    }()

    @Test("each sample", arguments: samples)
    func agrees(_ text: String) {
        #expect(text.utf8.count == 10)
        #expect(DateText.shape(text) == DateText.shape(" " + text + " "), "\(text)")
    }

    @Test func readsTheCommonShapes() {
        #expect(DateText.shape("15/07/2026") == .numeric(15, 7, year: 2026))
        #expect(DateText.shape("2026-07-15") == .exact(CivilDate(year: 2026, month: 7, day: 15)!))
        #expect(DateText.shape("2026-02-30") == .invalid)
    }
}
