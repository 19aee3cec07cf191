import Testing
@testable import CurlMail

/// The one-pass check of ASCII addresses (`SMTPEnvelopeAddress.asciiProblem`, on the sending
/// path) must give the verdict the scalar-by-scalar checks give, for every address.
@Suite("SMTP envelope address: the byte check agrees with the scalar check")
struct SMTPEnvelopeAddressBytesTests {
    @Test("same verdict on addresses built from the characters that matter")
    func sameVerdict() {
        // Every string of up to 4 characters over an alphabet with each class of character,
        // wrapped in a plausible address in several places.
        let alphabet: [String] = ["a", "Z", "0", ".", "@", "-", "_", "+", " ", "<", ">", "\"", ":", "[", "\\", "\r\n", "\t", "\u{7F}"]
        var pieces = [""]
        for _ in 0..<3 { pieces = pieces + pieces.flatMap { piece in alphabet.map { piece + $0 } }.filter { $0.count <= 3 } }
        pieces = Array(Set(pieces))
        var checked = 0
        for piece in pieces {
            for address in [piece, piece + "@relance.test", "alice" + piece + "@relance.test", "alice@relance" + piece + ".test",
                            "alice@" + piece, piece + "@" + piece, String(repeating: "a", count: 63) + piece + "@x"] {
                #expect(SMTPEnvelopeAddress.problem(in: address) == SMTPEnvelopeAddress.problemByScalars(in: address),
                        "\(address.debugDescription)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test("long labels and addresses near the limits")
    func limits() {
        for length in [62, 63, 64, 65, 250, 254, 255] {
            for address in [String(repeating: "a", count: length) + "@relance.test", "a@" + String(repeating: "b", count: length) + ".test",
                            "a@" + String(repeating: "b.", count: length / 2) + "test"] {
                #expect(SMTPEnvelopeAddress.problem(in: address) == SMTPEnvelopeAddress.problemByScalars(in: address), "\(length)")
            }
        }
    }
}
