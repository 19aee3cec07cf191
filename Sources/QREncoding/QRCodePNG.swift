/// A QR code as a PNG image, for HTML email: mail clients show an inline PNG (a `cid:` part of
/// the message) where they drop SVG and `data:` images. The modules come from libqrencode
/// (`QRCodeSVG.modules`); the PNG is written here because it is a few dozen lines for a
/// black-and-white image: one bit per pixel, the zlib stream in stored (uncompressed) blocks, so
/// no compressor is needed — a 33-module code at 6 pixels a module is under 6 kB.
public enum QRCodePNG {
    /// The PNG of `text`'s QR code, `scale` pixels a module with the four-module quiet zone;
    /// nil when the text does not fit in a QR code.
    public static func png(_ text: String, scale: Int = 6) -> [UInt8]? {
        guard let modules = QRCodeSVG.modules(text), scale > 0 else { return nil }
        let quiet = 4
        let side = (modules.count + 2 * quiet) * scale
        let rowBytes = (side + 7) / 8
        // Each scanline: filter type 0, then the pixels, 1 = white in a 1-bit greyscale image.
        var raw: [UInt8] = []
        raw.reserveCapacity(side * (rowBytes + 1))
        for y in 0..<side {
            raw.append(0)
            var line = [UInt8](repeating: 0xFF, count: rowBytes)
            let moduleY = y / scale - quiet
            if moduleY >= 0, moduleY < modules.count {
                for x in 0..<side {
                    let moduleX = x / scale - quiet
                    if moduleX >= 0, moduleX < modules.count, modules[moduleY][moduleX] {
                        line[x / 8] &= ~(0x80 >> UInt8(x % 8))
                    }
                }
            }
            raw += line
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(side))
        header += bigEndian(UInt32(side))
        header += [1, 0, 0, 0, 0]   // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", zlibStored(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// A zlib stream of stored deflate blocks (at most 65,535 bytes each) and its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let last: UInt8 = offset + count == data.count ? 1 : 0
            out.append(last)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out += bigEndian(b << 16 | a)
        return out
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        png += bigEndian(UInt32(data.count))
        png += typed
        png += bigEndian(crc32(typed))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// CRC-32 (ISO 3309, the polynomial PNG names), bit by bit: a few kilobytes per image.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
