#!/usr/bin/env python3
"""Writes an aged-balance export (the CSV an accounting tool produces) of N open invoices for
N/5 customers (or the count given third), with due dates spread over the last five months, for benchmarks/plan.sh."""
import random, sys

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = sys.argv[2] if len(sys.argv) > 2 else "/dev/stdout"
    rng = random.Random(20261130)
    customers = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, count // 5)
    with open(out, "w", encoding="utf-8") as f:
        f.write("Balance âgée clients au 27/11/2026\n")
        f.write("Code client;Raison sociale;Email;N° facture;Date facture;Échéance;Reste dû\n")
        for n in range(count):
            c = rng.randrange(customers)
            issued = rng.randrange(0, 150)            # days before 27/11/2026
            day_of_year = 331 - issued                # 27/11 is day 331 of 2026
            due = day_of_year + 30
            def date(doy):
                months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                y = 2026
                if doy > 365:
                    doy -= 365; y = 2027
                m = 0
                while doy > months[m]:
                    doy -= months[m]; m += 1
                return f"{doy:02d}/{m + 1:02d}/{y}"
            cents = rng.randrange(5_000, 900_000)
            f.write(f"C{c:06d};Client {c};compta{c}@client{c % 97}.example;F{n:08d};{date(day_of_year)};{date(due)};"
                    f"{cents // 100},{cents % 100:02d}\n")

if __name__ == "__main__":
    main()
