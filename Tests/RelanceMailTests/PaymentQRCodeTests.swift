import Foundation
import QREncoding
import RelanceCore
import RelanceTesting
import Testing

/// The QR code libqrencode draws for an EPC payload decodes back to the same bytes: read by
/// `zbarimg` (Debian's zbar-tools, installed by scripts/install-build-deps.sh) from a picture
/// of the modules, as a phone's banking app would read the printed letter.
@Suite("Payment QR code")
struct PaymentQRCodeTests {
    static let payload = EPCQRPayload.make(
        name: "Atelier Lumière SARL", iban: "FR7630006000011234567890189", bic: "AGRIFRPP",
        amount: Money(minorUnits: 123_456, currency: .euro), reference: RFCreditorReference.make(customer: "C042", invoice: "F2026-0117"), text: nil)!

    /// The modules as a binary PGM picture, 6 pixels a module, with the quiet zone.
    static func pgm(_ modules: [[Bool]]) -> Data {
        let scale = 6, quiet = 4
        let side = (modules.count + 2 * quiet) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark {
                for dy in 0..<scale {
                    for dx in 0..<scale { pixels[((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }

    @Test("zbarimg reads the EPC payload back, byte for byte")
    func decodes() throws {
        let modules = try #require(QRCodeSVG.modules(Self.payload))
        #expect(modules.count >= 21 && modules.allSatisfy { $0.count == modules.count })
        #expect(try QRReader.decode(Self.pgm(modules), name: "qr.pgm") == Self.payload)
    }

    @Test("the PNG for emails: a 1-bit greyscale image of the same modules that zbarimg reads back")
    func png() throws {
        let png = try #require(QRCodePNG.png(Self.payload, scale: 4))
        let side = (try #require(QRCodeSVG.modules(Self.payload)).count + 8) * 4
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width, height, bit depth 1, colour type 0 (greyscale).
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(Int(png[16]) << 24 | Int(png[17]) << 16 | Int(png[18]) << 8 | Int(png[19]) == side)
        #expect(Array(png[24..<26]) == [1, 0])
        #expect(png.count < 8_000)
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], "IEND and its CRC")
        #expect(try QRReader.decode(Data(png), name: "qr.png") == Self.payload)
    }

    @Test("the SVG is one path of modules inside a quiet zone, escaped label, usable as a data URI")
    func svg() throws {
        let svg = try #require(QRCodeSVG.svg(Self.payload, size: "30mm", label: "QR <paiement> & \"SEPA\""))
        let side = try #require(QRCodeSVG.modules(Self.payload)).count + 8
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="30mm" viewBox="0 0 \#(side) \#(side)""#))
        #expect(svg.contains(#"aria-label="QR &lt;paiement> &amp; &quot;SEPA&quot;""#))
        #expect(svg.components(separatedBy: "<path").count == 2)
        let uri = try #require(QRCodeSVG.dataURI(Self.payload, label: "QR"))
        #expect(uri.hasPrefix("data:image/svg+xml;base64,"))
        #expect(QRCodeSVG.modules(String(repeating: "x", count: 4000)) == nil, "too long for any QR code")
    }
}
