"""Writes the inputs of benchmarks/bank-match.sh: an open-invoice export of N invoices (N/5
customers) and a camt.053.001.08 statement of N credit entries against them — 8 in 10 name their
invoice in the remittance text (with the spaces, dashes and prefixes banks add), 1 in 10 carry
the invoice's RF creditor reference, 1 in 10 name nothing (left unmatched). Deterministic.

Usage: generate-bank-match.py N EXPORT.csv STATEMENT.xml
"""
import random
import sys

n, export, statement = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(15)


def rf(customer: str, invoice: str) -> str:
    """ISO 11649 as Relance builds it (RFCreditorReference.make)."""
    body = ("".join(c for c in customer.upper() if c.isalnum())[:8] + "".join(c for c in invoice.upper() if c.isalnum()))[-21:]
    digits = "".join(str(int(c, 36)) for c in body + "RF00")
    return f"RF{98 - int(digits) % 97:02d}{body}"


invoices = []
with open(export, "w", encoding="utf-8") as out:
    out.write("customer;name;email;invoice;issue_date;due_date;amount\n")
    for i in range(n):
        customer = f"C{i // 5:06d}"
        number = f"FA26-{i:06d}"
        cents = rng.randint(1000, 500000)
        invoices.append((customer, number, cents))
        out.write(f"{customer};Client {i // 5};c{i // 5}@example.com;{number};15/09/2026;15/10/2026;{cents // 100},{cents % 100:02d}\n")

with open(statement, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'
              "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-04T06:00:00</CreDtTm></GrpHdr>"
              "<Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id></Acct>\n")
    for i, (customer, number, cents) in enumerate(invoices):
        kind = i % 10
        if kind == 9:
            remittance, reference = f"<Ustrd>VIREMENT DIVERS {i}</Ustrd>", ""
        elif kind == 8:
            remittance, reference = "", f"<Strd><CdtrRefInf><Ref>{rf(customer, number)}</Ref></CdtrRefInf></Strd>"
        else:
            shown = number.replace("FA26-", rng.choice(["FA26-", "FA26 ", "fa26-", "FACTURE FA26-"]))
            remittance, reference = f"<Ustrd>REGLEMENT {shown}</Ustrd>", ""
        amount = f"{cents // 100}.{cents % 100:02d}"
        out.write(f"<Ntry><NtryRef>E{i}</NtryRef><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                  f"<BookgDt><Dt>2026-12-03</Dt></BookgDt><ValDt><Dt>2026-12-03</Dt></ValDt><AcctSvcrRef>BANK{i}</AcctSvcrRef>"
                  f"<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>CLIENT {i // 5}</Nm></Pty></Dbtr></RltdPties>"
                  f"<RmtInf>{remittance}{reference}</RmtInf></TxDtls></NtryDtls></Ntry>\n")
    out.write("</Stmt></BkToCstmrStmt></Document>\n")
