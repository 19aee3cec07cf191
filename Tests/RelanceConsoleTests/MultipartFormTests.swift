import Testing
@testable import RelanceConsole

@Suite("Multipart form reading")
struct MultipartFormTests {
    static func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    @Test("fields and one file, as a browser sends them")
    func browserForm() throws {
        let body = Self.body("""
            --XyZ
            Content-Disposition: form-data; name="csrf"

            token123
            --XyZ
            Content-Disposition: form-data; name="file"; filename="balance \\"nov\\".csv"
            Content-Type: text/csv

            a;b
            1;2
            --XyZ--

            """)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=XyZ") == "XyZ")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        let form = try MultipartForm(body: body, boundary: "XyZ")
        #expect(form.field("csrf") == "token123")
        #expect(form.file?.fileName == "balance \"nov\".csv")
        #expect(form.file.map { String(decoding: $0.content, as: UTF8.self) } == "a;b\r\n1;2")
    }

    @Test("a truncated form, a missing boundary or too many fields are refused")
    func malformed() {
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm(body: Self.body("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nvalue"), boundary: "XyZ") }
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm(body: Self.body("hello"), boundary: "XyZ") }
        let many = (0...MultipartForm.maximumParts).map { "--B\nContent-Disposition: form-data; name=\"f\($0)\"\n\nx\n" }.joined() + "--B--\n"
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm(body: Self.body(many), boundary: "B") }
    }
}

@Suite("Console page values")
struct ConsolePageValuesTests {
    @Test("empty text is dropped at every depth, so that a Mustache section over it stays closed")
    func emptyText() throws {
        let cleaned = ConsolePage.withoutEmptyText(["a": "", "b": "x", "rows": [["c": "", "d": 1]], "links": [["shown": ""]]])
        #expect(cleaned["a"] == nil && cleaned["b"] as? String == "x")
        let rows = try #require(cleaned["rows"] as? [[String: Any]])
        #expect(rows[0]["c"] == nil && rows[0]["d"] as? Int == 1)
        #expect((cleaned["links"] as? [[String: Any]])?.first?.isEmpty == true)
    }
}
