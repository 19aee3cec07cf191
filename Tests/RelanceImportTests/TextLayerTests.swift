@testable import RelanceImport
import Testing

@Suite("Text layer: encodings, separators, quoting")
struct TextLayerTests {
    @Test("encodings are told apart by their bytes", arguments: [
        ([0x43, 0x61, 0x66, 0xC3, 0xA9, 0x20, 0xE2, 0x82, 0xAC] as [UInt8], TextEncoding.utf8, "Café €"),
        ([0xEF, 0xBB, 0xBF, 0x41], .utf8, "A"),
        ([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x20, 0x92], .windows1252, "Café € ’"),
        ([0x43, 0x61, 0x66, 0xE9, 0x20, 0xA4, 0x20, 0xBD], .iso8859_15, "Café € œ"),
        ([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00], .utf16LittleEndian, "Aé"),
        ([0xFE, 0xFF, 0x00, 0x41, 0x20, 0xAC], .utf16BigEndian, "A€"),
    ])
    func encoding(_ bytes: [UInt8], _ expected: TextEncoding, _ text: String) throws {
        let decoded = try TextEncodingDetector.decode(bytes, file: "x")
        #expect(decoded.encoding == expected)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == text)
    }

    @Test("UTF-8 is recognised chunk by chunk exactly as a whole-file check would, wherever the chunks end", arguments: [
        Array("Café € 𝄞 ok".utf8),
        Array("Société Générale\tœuvre\t€".utf8),
        [0x41, 0xC3],                    // truncated é
        [0x41, 0x80, 0x42],              // stray continuation byte
        [0xE2, 0x82, 0x82, 0x82, 0x41],  // one continuation too many
        [0xF0, 0x9D, 0x84, 0x9E, 0xF0, 0x9D, 0x84],
        [0xC0, 0xAF],                    // overlong
        [0xED, 0xA0, 0x80],              // surrogate
        [0x80, 0x80, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func chunkedUTF8(_ bytes: [UInt8]) {
        let whole = String(validating: bytes, as: UTF8.self) != nil
        for chunkSize in 1...(bytes.count + 1) {
            #expect(TextEncodingDetector.isValidUTF8(bytes, chunkSize: chunkSize) == whole, "chunks of \(chunkSize)")
        }
    }

    @Test("the separator is the one whose count per line is steady", arguments: [
        ("a;b;c\n1;2,5;3\n4;5,25;6\n", ";"),
        ("a,b,c\n1,\"2;5\",3\n4,5,6\n", ","),
        ("a\tb\tc\n1\t2,5\t3\n", "\t"),
        ("Titre du rapport, édité le 1/2/2026\n\na;b;c\n1;2;3\n", ";"),
    ])
    func separator(_ text: String, _ expected: String) {
        #expect(DelimitedTextReader.detectSeparator(utf8: Array(text.utf8)) == expected.utf8.first!)
    }

    @Test("RFC 4180 cells keep their positions across embedded newlines and CR CR LF line ends")
    func positions() throws {
        let text = "a;\"b\"\"c\";\"d\r\ne\"\r\r\nx;é;z"
        let records = try DelimitedTextReader.records(utf8: Array(text.utf8), separator: UInt8(ascii: ";"), file: "t")
        #expect(records.map { $0.fields.map(\.text) } == [["a", "b\"c", "d\ne"], ["x", "é", "z"]])
        #expect(records[0].fields.map { [$0.line, $0.column] } == [[1, 1], [1, 3], [1, 10]])
        #expect(records[1].line == 3)
        #expect(records[1].fields.map(\.column) == [1, 3, 5], "é counts as one column")
    }

    /// Unquoted cells are decoded from the file's bytes in one piece (issue #17); what trails a
    /// closing quote is kept after the quoted text, and every line end still ends the record.
    @Test("cells read as runs of bytes keep their text and positions at every kind of line end")
    func runsOfBytes() throws {
        let text = "\"ab\"cd;Société\rÉ;\"\";x\n\nq;\"1;2\"z;\r\nlast;"
        let records = try DelimitedTextReader.records(utf8: Array(text.utf8), separator: UInt8(ascii: ";"), file: "t")
        #expect(records.map { $0.fields.map(\.text) } == [["abcd", "Société"], ["É", "", "x"], [""], ["q", "1;2z", ""], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5])
        #expect(records[0].fields.map(\.column) == [1, 8])
        #expect(records[1].fields.map(\.column) == [1, 3, 6])
        #expect(records[3].fields.map(\.column) == [1, 3, 10])
        #expect(records[4].fields.map(\.column) == [1, 6])
    }
}
