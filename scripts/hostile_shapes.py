#!/usr/bin/env python3
"""Writes the hostile inputs of issue #12 into a folder (the same shapes as the Swift generator
Sources/RelanceTesting/HostileShapes.swift, here compressed by zlib, as real tools would)."""
import os, sys, zipfile, zlib

NBSP = "\u00a0"


def xlsx(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, content in parts.items():
            z.writestr(name, content)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    w = lambda name: os.path.join(folder, name)
    depth = 100_000
    xlsx(w("nested-workbook.xlsx"), {
        "xl/workbook.xml": b"<workbook><sheets>" + b"<a>" * depth + b"</a>" * depth + b"</sheets></workbook>",
        "xl/worksheets/sheet1.xml": b"<worksheet><sheetData/></worksheet>"})
    with open(w("nested-ubl.xml"), "wb") as f:
        f.write(b'<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>F-1</ID>'
                + b"<Note>" * 40_000 + b"</Note>" * 40_000 + b"</Invoice>\n")
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    xlsx(w("inflating-sheet.xlsx"), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>" + row * (250 * 1_048_576 // len(row)) + b"</sheetData></worksheet>"})
    cells = b"<row>" + b'<c t="inlineStr"><is><t>1</t></is></c>' * 10 + b"</row>"
    xlsx(w("five-million-cells.xlsx"), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>" + cells * 500_000 + b"</sheetData></worksheet>"})
    # Just under the inflated-size limit: a million small cells, the most the cell limit allows.
    small = b"<row>" + b"<c><v>1</v></c>" * 10 + b"</row>"
    xlsx(w("million-cells.xlsx"), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>" + small * 99_999 + b"</sheetData></worksheet>"})
    zeros = zlib.compress(bytes(64 * 1_048_576), 9)
    with open(w("zeros-streams.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n")
        for number in range(1, 151):
            f.write(b"%d 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n" % (number, len(zeros)) + zeros + b"\nendstream\nendobj\n")
        f.write(b"trailer\n<< /Size 151 >>\n%%EOF\n")
    with open(w("long-amount.csv"), "wb") as f:
        f.write(b"client;facture;date;echeance;montant\nC1;F-1;01/09/2026;01/10/2026;" + b"1" * (4 * 1_048_576 - 1) + b"\xe9\n")
    with open(w("long-header.eml"), "wb") as f:
        f.write(b"From: a@example.test\r\nTo: b@example.test\r\nSubject: " + b"A" * (10 * 1_048_576)
                + b"\r\nMessage-ID: <x@example.test>\r\n\r\nHello\r\n")
    for name, space in (("rows-plain.csv", ""), ("rows-nbsp.csv", NBSP)):
        with open(w(name), "w", encoding="utf-8") as f:
            f.write("client;facture;date;echeance;montant\n")
            for i in range(100_000):
                f.write(f"C{i % 500};F-{i};01/09/2026;01/10/2026;1{space}234{space}567,{i % 100:02d}\n")


if __name__ == "__main__":
    main(sys.argv[1])
