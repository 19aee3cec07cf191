import Foundation
import RelanceDaemon
import RelanceImport
import RelanceTesting
import Testing

/// `relance import FILE` maps the file rather than reading it (issue #17): the bytes are the
/// file's, pages handed back read again from the file, and the refusals are the read's.
@Suite struct MappedExportFileTests {
    @Test func theMappedBytesAreTheFileAndSurviveBeingHandedBack() throws {
        let workspace = try TemporaryWorkspace("relance-mapped")
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let url = try workspace.write("ledger.bin", bytes)
        try ExportFile.withMapped(at: url) { file in
            #expect(Array(file.bytes) == bytes)
            // Every page but the last handed back: the mapping stays and reads the file again.
            file.pagesRead.done(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(file.bytes)[..<(file.bytes.count - 1)]))
            #expect(Array(file.bytes) == bytes)
        }
    }

    @Test func anEmptyFileIsLentAsNoBytes() throws {
        let workspace = try TemporaryWorkspace("relance-mapped")
        let url = try workspace.write("empty.txt", [UInt8]())
        let count = try ExportFile.withMapped(at: url) { $0.bytes.count }
        #expect(count == 0)
        let error = try #require(throws: ImportError.self) {
            try ExportFile.withMapped(at: url) { try ExportParsing.parse($0, fileName: "empty.txt") }
        }
        #expect(error.code == .empty)
    }

    @Test func aMissingFileOrAFolderIsRefusedAsTheReadRefusesIt() throws {
        let workspace = try TemporaryWorkspace("relance-mapped")
        let missing = try #require(throws: IntakeError.self) { try ExportFile.withMapped(at: workspace.url("nowhere.txt")) { _ in } }
        #expect(missing.code == .unreadable)
        let folder = try #require(throws: IntakeError.self) { try ExportFile.withMapped(at: workspace.root) { _ in } }
        #expect(folder.code == .notRegular)
    }
}
