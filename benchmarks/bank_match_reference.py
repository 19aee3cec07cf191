"""The peer of benchmarks/bank-match.sh: the same matching in plain Python — the open invoices
read from the export, the camt.053 entries streamed with ElementTree's iterparse, each receipt
matched by its RF reference, else by the invoice numbers in its remittance text (normalised:
case, spaces, dashes, leading zeros, FA/F/INV prefixes), the amount allocated. Prints CPU and
wall seconds (best of 3) and the number matched.

Usage: bank_match_reference.py EXPORT.csv STATEMENT.xml
"""
import re
import sys
import time
import xml.etree.ElementTree as ET

export, statement = sys.argv[1], sys.argv[2]
NS = "{urn:iso:std:iso:20022:tech:xsd:camt.053.001.08}"
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[ -][0-9]+)*")


def key(text: str) -> str:
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    for prefix in ("FACTURE", "INV", "FA", "F"):
        if compact.startswith(prefix) and len(compact) > len(prefix) and compact[len(prefix)].isdigit():
            compact = compact[len(prefix):]
            break
    return compact.lstrip("0")


def rf(customer: str, invoice: str) -> str:
    body = ("".join(c for c in customer.upper() if c.isalnum())[:8] + "".join(c for c in invoice.upper() if c.isalnum()))[-21:]
    digits = "".join(str(int(c, 36)) for c in body + "RF00")
    return f"RF{98 - int(digits) % 97:02d}{body}"


def run() -> int:
    open_cents, by_key, by_reference = {}, {}, {}
    with open(export, encoding="utf-8") as rows:
        next(rows)
        for line in rows:
            customer, _, _, number, _, _, amount = line.rstrip("\n").split(";")
            units, cents = amount.replace(" ", "").split(",")
            open_cents[number] = int(units) * 100 + int(cents)
            by_key.setdefault(key(number), []).append(number)
            by_reference[rf(customer, number)] = number
    matched = 0
    for _, element in ET.iterparse(statement, events=("end",)):
        if element.tag != NS + "Ntry":
            continue
        amount = element.find(NS + "Amt")
        cents = round(float(amount.text) * 100)
        reference = element.findtext(f".//{NS}CdtrRefInf/{NS}Ref")
        found = by_reference.get(reference) if reference else None
        if found is None:
            text = " ".join(t.text or "" for t in element.iter(NS + "Ustrd"))
            names = {by_key[k][0] for k in (key(t) for t in TOKEN.findall(text)) if len(by_key.get(k, ())) == 1}
            found = next(iter(names)) if len(names) == 1 else None
        if found is not None and open_cents[found] > 0:
            open_cents[found] -= min(cents, open_cents[found])
            matched += 1
        element.clear()
    return matched


best = None
for _ in range(3):
    cpu, wall = time.process_time(), time.perf_counter()
    matched = run()
    result = (time.process_time() - cpu, time.perf_counter() - wall)
    best = result if best is None or result[0] < best[0] else best
print(f"{best[0]:.2f} {best[1]:.2f} {matched}")
