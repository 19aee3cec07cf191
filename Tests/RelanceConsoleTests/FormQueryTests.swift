import HummingbirdCore
@testable import RelanceConsole
import Testing

/// A GET form's query as browsers write it: `+` is a space (Hummingbird's own reading kept it a plus).
@Suite struct FormQueryTests {
    @Test func spacesPlusesAndEscapes() {
        let query = FormQuery(URI("/customers?q=Boulangerie+Martin&plus=%2B33+1&accent=premi%C3%A8re&empty=&bad=%zz&flag&q=second"))
        #expect(query["q"] == "Boulangerie Martin", "the first value of a name")
        #expect(query["plus"] == "+33 1", "a plus the person typed is sent as %2B")
        #expect(query["accent"] == "première")
        #expect(query["empty"] == "" && query["bad"] == "" && query["flag"] == "")
        #expect(query["missing"] == nil)
        #expect(FormQuery(URI("/customers"))["q"] == nil)
    }
}
