#!/usr/bin/env python3
"""Writes a realistic FEC (article A47 A-1 LPF, 18 columns, TAB, UTF-8) of about N lines.

Shape, per invoice: a sales entry (customer 411 debit, revenue 706 credit, VAT 44571
credit) and, for most invoices, a bank entry (512 debit, 411 credit) lettered with it:
  ~80 % paid in full (lettered, sums to zero: settled),
  ~7 % paid in part (lettered, remainder: partly paid),
  ~13 % unpaid (unlettered debit: open).
About 20,000 customers (N / 50) with 411000 / CompAuxNum ids, one fiscal year 2026.
Deterministic (seeded), so every run benchmarks the same bytes.

usage: generate-fec.py N OUTPUT
"""
import random
import sys


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out_path = sys.argv[2] if len(sys.argv) > 2 else f"FEC-{target}.txt"
    rng = random.Random(42)
    customers = max(1, target // 50)
    header = ("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\t"
              "PieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n")

    def money(cents: int) -> str:
        return f"{cents // 100},{cents % 100:02d}"

    def day(n: int) -> str:
        # n in 0..364 → 2026MMDD
        months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        m = 0
        while n >= months[m]:
            n -= months[m]
            m += 1
        return f"2026{m + 1:02d}{n + 1:02d}"

    def letter_code(n: int) -> str:
        s = ""
        n += 1
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(65 + r) + s
        return s

    lines = 0
    entry = 0
    invoice = 0
    lettering = [0] * customers
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        while lines < target:
            invoice += 1
            entry += 1
            c = rng.randrange(customers)
            aux = f"C{c:06d}"
            name = f"Client {c:06d} SAS"
            issued = rng.randrange(0, 330)
            net = rng.randrange(5_000, 2_000_000)
            vat = net * 20 // 100
            gross = net + vat
            piece = f"FA{invoice:08d}"
            fate = rng.random()
            letter = ""
            if fate < 0.87:
                lettering[c] += 1
                letter = letter_code(lettering[c])
            d = day(issued)
            out.write(f"VE\tVentes\t{entry}\t{d}\t411000\tClients\t{aux}\t{name}\t{piece}\t{d}\tFacture {piece}\t{money(gross)}\t0,00\t{letter}\t{d if letter else ''}\t{d}\t\t\n")
            out.write(f"VE\tVentes\t{entry}\t{d}\t706000\tPrestations de services\t\t\t{piece}\t{d}\tFacture {piece}\t0,00\t{money(net)}\t\t\t{d}\t\t\n")
            out.write(f"VE\tVentes\t{entry}\t{d}\t445710\tTVA collectee\t\t\t{piece}\t{d}\tFacture {piece}\t0,00\t{money(vat)}\t\t\t{d}\t\t\n")
            lines += 3
            if letter:
                entry += 1
                paid = gross if fate < 0.80 else gross * rng.randrange(20, 90) // 100
                p = day(min(364, issued + rng.randrange(10, 35)))
                out.write(f"BQ\tBanque\t{entry}\t{p}\t512000\tBanque\t\t\tVIR{entry}\t{p}\tReglement {piece}\t{money(paid)}\t0,00\t\t\t{p}\t\t\n")
                out.write(f"BQ\tBanque\t{entry}\t{p}\t411000\tClients\t{aux}\t{name}\tVIR{entry}\t{p}\tReglement {piece}\t0,00\t{money(paid)}\t{letter}\t{p}\t{p}\t\t\n")
                lines += 2
    print(f"{out_path}: {lines} lines, {invoice} invoices, {customers} customers", file=sys.stderr)


if __name__ == "__main__":
    main()
