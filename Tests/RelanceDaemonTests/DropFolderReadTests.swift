import Foundation
import Testing
import RelanceCore
import RelanceDaemon
import RelanceTesting

/// The drop folder's reader says why it would not read a file as a refusal the creditor's
/// people read in their words (`DropRefusal`), with the path and errno — not the system's English.
@Suite struct DropFolderReadTests {
    @Test func aFileGoneSinceTheListingCannotBeOpened() throws {
        let workspace = try TemporaryWorkspace("relance-drop-read")
        let folder = LocalDropFolder(folder: workspace.url("drop"), createRoot: true)
        try folder.createFolders()
        #expect(throws: DropRefusal.cannotOpen(FileSystemFailure(path: workspace.url("drop/gone.csv").path, code: ENOENT))) {
            try folder.read("gone.csv", limit: 100)
        }
    }

    @Test func aFolderIsNotARegularFile() throws {
        let workspace = try TemporaryWorkspace("relance-drop-read")
        let folder = LocalDropFolder(folder: workspace.url("drop"), createRoot: true)
        try folder.createFolders()
        #expect(throws: DropRefusal.notARegularFile) { try folder.read("processed", limit: 100) }
    }

    @Test func aFileThatGrewPastTheLimitIsTooLarge() throws {
        let workspace = try TemporaryWorkspace("relance-drop-read")
        try workspace.write("drop/open.csv", "0123456789")
        let folder = LocalDropFolder(folder: workspace.url("drop"))
        #expect(throws: DropRefusal.tooLarge(bytes: 10, limit: 9)) { try folder.read("open.csv", limit: 9) }
        #expect(try folder.read("open.csv", limit: 10) == Array("0123456789".utf8))
    }
}
