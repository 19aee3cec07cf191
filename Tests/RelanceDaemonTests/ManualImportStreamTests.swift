import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// `relance import FILE` maps the file and writes a report's items as it reads them (issue #17):
/// the book is the one the whole-file import leaves, and a row refused far into the file
/// leaves the book unchanged and names its line.
@Suite struct ManualImportStreamTests {
    /// `rows` invoices of 50 customers; `badRow`: one whose amount nobody can read.
    static func report(rows: Int, badRow: Int? = nil) -> String {
        let rows = (0..<rows).map { n in
            let amount = n == badRow ? "12,3,4" : "\(100 + n % 900),\(10 + n % 90)"
            return "C\(n % 50);Client \(n % 50);compta\(n % 50)@client.example;F-\(n);01/10/2026;31/10/2026;\(amount)"
        }
        return ([DaemonFixture.header] + rows).joined(separator: "\n") + "\n"
    }

    func imported(_ text: String, mapped: Bool) async throws -> (Result<ImportReceipt, any Error>, [Receivable]) {
        let fixture = try DaemonFixture()
        let runtime = try fixture.runtime()
        try await runtime.prepare()
        let importer = runtime.creditors[0].intake.importer
        let result: Result<ImportReceipt, any Error>
        do {
            if mapped {
                _ = try fixture.workspace.write("export.csv", text)
                result = .success(try await ManualImport(importer: importer).importFile(at: fixture.workspace.url("export.csv")))
            } else {
                switch try await importer.importExport(Array(text.utf8), fileName: "export.csv") {
                case .imported(let receipt, _): result = .success(receipt)
                case .rejected(_, let reason): result = .failure(ScenarioFailure(reason))
                }
            }
        } catch {
            result = .failure(error)
        }
        return (result, try await runtime.store.openReceivables(of: CreditorID("acme")!))
    }

    @Test func aMappedReportLeavesTheBookTheWholeFileLeaves() async throws {
        let text = Self.report(rows: 3_000)
        let (mapped, book) = try await imported(text, mapped: true)
        let (whole, wholeBook) = try await imported(text, mapped: false)
        #expect(try mapped.get() == whole.get())
        #expect(try mapped.get().newInvoices == 3_000)
        #expect(book == wholeBook)
    }

    @Test func aRowRefusedFarIntoTheFileLeavesTheBookUnchanged() async throws {
        let (result, book) = try await imported(Self.report(rows: 3_000, badRow: 2_900), mapped: true)
        guard case .failure(let error) = result else {
            Issue.record("the file was not refused")
            return
        }
        // The header is line 1: row 2,900 (from 0) is line 2,902.
        #expect("\(error)".contains("2902"), "\(error)")
        #expect(book.isEmpty)
    }
}
