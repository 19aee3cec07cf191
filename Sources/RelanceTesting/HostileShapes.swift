/// The hostile inputs of issue #12, made by small generators instead of committed files: each is
/// built in memory in a fraction of a second, however large it inflates to.
public enum HostileShapes {
    private static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A ZIP archive (no CRC: the reader does not check it), with honest or `declaredSize` sizes.
    public static func zip(_ entries: [(name: String, deflated: [UInt8], size: Int)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: Int, _ into: inout [UInt8]) { u16(value & 0xFFFF, &into); u16(value >> 16 & 0xFFFF, &into) }
        for entry in entries {
            let offset = out.count
            let name = utf8(entry.name)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(8, &out); u32(0, &out); u32(0, &out)
            u32(entry.deflated.count, &out); u32(entry.size, &out); u16(name.count, &out); u16(0, &out)
            out += name + entry.deflated
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(8, &central)
            u32(0, &central); u32(0, &central); u32(entry.deflated.count, &central); u32(entry.size, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += name
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }

    /// One deflated ZIP entry made of repeated segments; `declaredSize` lies about its size.
    public static func entry(_ name: String, _ segments: [(String, Int)], declaredSize: Int? = nil) -> (name: String, deflated: [UInt8], size: Int) {
        let units = segments.map { (unit: utf8($0.0), count: $0.1) }
        let size = units.reduce(0) { $0 + $1.unit.count * $1.count }
        return (name, RepeatingDeflate.raw(units), declaredSize ?? size)
    }

    /// An XLSX whose xl/workbook.xml nests `depth` elements (the issue's: 100,000).
    public static func nestedWorkbook(depth: Int = 100_000) -> [UInt8] {
        zip([entry("xl/workbook.xml", [("<workbook><sheets>", 1), ("<a>", depth), ("</a>", depth), ("</sheets></workbook>", 1)]),
             entry("xl/worksheets/sheet1.xml", [("<worksheet><sheetData/></worksheet>", 1)])])
    }

    /// A UBL invoice nested `depth` deep (the issue's: 40,000, 282 KB).
    public static func nestedUBL(depth: Int = 40_000) -> [UInt8] {
        utf8("<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>F-1</ID>"
             + String(repeating: "<Note>", count: depth) + String(repeating: "</Note>", count: depth) + "</Invoice>\n")
    }

    /// A worksheet of `rows` rows of one inline-string cell each: 5.2 million rows inflate to 250 MB.
    public static func inflatingSheet(rows: Int = 5_200_000, declaredSize: Int? = nil) -> [UInt8] {
        zip([entry("xl/worksheets/sheet1.xml",
                   [("<worksheet><sheetData>", 1), ("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", rows), ("</sheetData></worksheet>", 1)],
                   declaredSize: declaredSize)])
    }

    /// A worksheet of `cells` inline cells, ten to a row (the issue's: 5 million).
    public static func manyCells(_ cells: Int = 5_000_000) -> [UInt8] {
        let row = "<row>" + String(repeating: "<c t=\"inlineStr\"><is><t>1</t></is></c>", count: 10) + "</row>"
        return zip([entry("xl/worksheets/sheet1.xml", [("<worksheet><sheetData>", 1), (row, cells / 10), ("</sheetData></worksheet>", 1)])])
    }

    /// A PDF of `streams` Flate streams, each of `megabytes` MB of zeros (the issue's: 150 × 64 MB).
    /// With `invoiceHead`, each stream starts like a CII invoice, so that it is inflated whole.
    public static func zerosPDF(streams: Int = 150, megabytes: Int = 64, invoiceHead: Bool = false) -> [UInt8] {
        let head = invoiceHead ? [(unit: utf8("<?xml version=\"1.0\"?><CrossIndustryInvoice>"), count: 1)] : []
        let data = RepeatingDeflate.zlib(head + [(unit: [0], count: megabytes * 1_048_576)])
        var pdf = utf8("%PDF-1.7\n")
        for number in 1...streams {
            pdf += utf8("\(number) 0 obj\n<< /Filter /FlateDecode /Length \(data.count) >>\nstream\n") + data + utf8("\nendstream\nendobj\n")
        }
        return pdf + utf8("trailer\n<< /Size \(streams + 1) >>\n%%EOF\n")
    }

    /// An open-invoice CSV whose amount cell is `bytes` digits long and ends in a non-ASCII byte.
    public static func longAmountCSV(bytes: Int = 4 * 1_048_576) -> [UInt8] {
        utf8("client;facture;date;echeance;montant\nC1;F-1;01/09/2026;01/10/2026;") + [UInt8](repeating: UInt8(ascii: "1"), count: bytes - 1)
            + [0xE9] + utf8("\n")
    }

    /// An email whose Subject line is `bytes` long (the issue's: 10 MB).
    public static func longHeaderMail(bytes: Int = 10 * 1_048_576) -> [UInt8] {
        utf8("From: a@example.test\r\nTo: b@example.test\r\nSubject: ") + [UInt8](repeating: UInt8(ascii: "A"), count: bytes)
            + utf8("\r\nMessage-ID: <x@example.test>\r\n\r\nHello\r\n")
    }
}
