import Testing
import RelanceCore

@Suite struct SourcePositionTests {
    @Test(arguments: [
        (SourcePosition(file: "balance.csv", line: 12, column: 3), "balance.csv:12:3"),
        (SourcePosition(file: "Balance.XLSX", line: 12, column: 3), "Balance.XLSX:12:3 (cell C12)"),
        (SourcePosition(file: "b.xlsx", line: 7, column: 26), "b.xlsx:7:26 (cell Z7)"),
        (SourcePosition(file: "b.xlsx", line: 7, column: 27), "b.xlsx:7:27 (cell AA7)"),
        (SourcePosition(file: "b.xlsx", line: 1, column: 702), "b.xlsx:1:702 (cell ZZ1)"),
        (SourcePosition(file: "b.xlsx", line: 1, column: 703), "b.xlsx:1:703 (cell AAA1)"),
        (SourcePosition(file: "b.xlsx", line: 4), "b.xlsx:4"),
        (SourcePosition(file: "f.xml", path: "/Invoice/cbc:ID"), "f.xml at /Invoice/cbc:ID"),
    ])
    func aPositionSaysWhereInTheTermsOfItsFile(position: SourcePosition, expected: String) {
        #expect(position.description == expected)
    }
}
