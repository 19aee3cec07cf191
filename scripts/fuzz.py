#!/usr/bin/env python3
"""A bounded mutation fuzzer for Relance's parsers, driving the built binary.

Three targets: `relance import --dry-run --json` (CSV, FEC, XLSX, UBL/CII, Factur-X, contacts,
bank statements), `relance inspect-mail --json` (MIME), and `xml`, the import seeded with the
XML files only (UBL, CII, camt, OFX 2) — the default is all three. Seeds are the test fixtures; each round mutates a
batch of them (bit flips, byte edits, truncation, splices, a chunk repeated thousands of
times to find superlinear costs), runs the binary on the batch, and checks that every input
ends in a result or a refusal: no crash (a signal, or an exit status other than 0 and 1), no
hang, within CPU and memory caps. A failing batch is replayed one input at a time; each
culprit is saved under the findings folder with the command that reproduces it.
"""
import argparse, os, random, resource, shutil, subprocess, sys, tempfile, time, zipfile, io, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = {
    "import": (["import", "--dry-run", "--json"], ["Tests/RelanceImportTests/Fixtures", "examples/exports"], {0, 1}),
    "mail": (["inspect-mail", "--json"], ["Tests/RelanceMailTests/Fixtures"], {0}),
    # The XML readers alone (UBL, CII, camt.053/054, OFX 2): they moved from Foundation's XMLParser
    # (which crashed on mutated worksheets) to ByteXMLScanner; this target aims the mutations at them.
    "xml": (["import", "--dry-run", "--json"], ["Tests/RelanceImportTests/Fixtures/einvoices/ubl", "Tests/RelanceImportTests/Fixtures/einvoices/cii",
                                                  "Tests/RelanceImportTests/Fixtures/xml", "Tests/RelanceImportTests/Fixtures/bank"], {0, 1}),
}


def seeds(folders, max_bytes=300_000):
    found = []
    for folder in folders:
        for base, _, names in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(names):
                path = os.path.join(base, name)
                if os.path.getsize(path) <= max_bytes and not name.endswith((".md", ".txt.license", ".LICENSE")):
                    with open(path, "rb") as f:
                        found.append((name, f.read()))
    return found


def mutate_zip(data, rng):
    """Mutates the XML inside an XLSX, then zips it again, so the mutation survives inflation."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            names = source.namelist()
            victim = rng.choice(names)
            for name in names:
                content = source.read(name)
                if name == victim:
                    content = mutate(content, rng, depth=1)
                target.writestr(name, content)
        return out.getvalue()
    except Exception:
        return mutate(data, rng, depth=1)


def mutate(data, rng, depth=0):
    data = bytearray(data)
    if depth == 0 and data[:4] == b"PK\x03\x04" and rng.random() < 0.6:
        return mutate_zip(bytes(data), rng)
    for _ in range(rng.randint(1, 4)):
        if not data:
            data = bytearray(b"<")
        choice = rng.randrange(9)
        at = rng.randrange(len(data))
        if choice == 0:
            data[at] ^= 1 << rng.randrange(8)
        elif choice == 1:
            data[at] = rng.choice([0, 0x0A, 0x0D, 0x22, 0x3B, 0x3C, 0x3E, 0x2F, 0x26, 0xFF, 0xC3, 0xA0, 0x3F])
        elif choice == 2:
            del data[at:at + rng.randint(1, 64)]
        elif choice == 3:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif choice == 4:
            data = data[:at]
        elif choice == 5:
            # A chunk repeated: deep nesting, long lines, many cells, many parts.
            end = min(len(data), at + rng.randint(1, 48))
            data[end:end] = data[at:end] * rng.choice([100, 1_000, 20_000])
        elif choice == 6:
            data[at:at] = rng.choice([b"<a>" * 5_000, b"\xc2\xa0" * 10_000, b"=?utf-8?q?", b"&amp;", b"<!DOCTYPE x>",
                                      b"stream\n", b"\"", b"1E999999", b"--b\n" * 3_000, b";" * 50_000])
        elif choice == 7:
            other = data[rng.randrange(len(data)):]
            data[at:at] = other[:rng.randint(1, 4096)]
        else:
            data[at:at + 1] = data[at:at + 1] * rng.randint(2, 4096)
    return bytes(data[:4_000_000])


def limit_child(cpu_seconds, memory_bytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_DATA, (memory_bytes, memory_bytes))
    return apply


def run(binary, arguments, files, cpu_seconds, memory_bytes, wall_seconds):
    try:
        result = subprocess.run([binary] + arguments + files, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                preexec_fn=limit_child(cpu_seconds, memory_bytes), timeout=wall_seconds)
        return result.returncode, result.stderr[-2000:].decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/relance"))
    parser.add_argument("--seconds", type=float, default=40, help="total time, shared by the targets")
    parser.add_argument("--targets", default="import,mail,xml")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--cpu", type=int, default=5, help="CPU seconds allowed per input")
    parser.add_argument("--memory-mb", type=int, default=1024, help="data segment allowed per process")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--findings", default=os.path.join(ROOT, ".fuzz-findings"))
    options = parser.parse_args()
    rng = random.Random(options.seed)
    targets = options.targets.split(",")
    work = tempfile.mkdtemp(prefix="relance-fuzz-")
    failures = 0
    print(f"fuzz: seed {options.seed}, {options.seconds:.0f} s over {', '.join(targets)}, binary {options.binary}")
    try:
        for target in targets:
            arguments, folders, accepted = TARGETS[target]
            corpus = seeds(folders)
            deadline = time.monotonic() + options.seconds / len(targets)
            inputs = rounds = 0
            while time.monotonic() < deadline:
                rounds += 1
                files = []
                for index in range(options.batch):
                    name, data = rng.choice(corpus)
                    path = os.path.join(work, f"{target}-{rounds}-{index}-{name}")
                    with open(path, "wb") as f:
                        f.write(mutate(data, rng))
                    files.append(path)
                memory = options.memory_mb * 1_048_576
                # The batch may use each input's CPU allowance; a batch over it is replayed input by input.
                status, _ = run(options.binary, arguments, files, options.cpu * len(files), memory, 120)
                inputs += len(files)
                if status not in accepted:
                    # Replay one at a time to name the culprits.
                    for path in files:
                        single, errors = run(options.binary, arguments, [path], options.cpu, memory, 60)
                        if single == "timeout":
                            # Past a minute of wall clock without passing its CPU allowance: a loaded
                            # machine, not a parser that loops (that one dies of SIGXCPU, a failure).
                            print(f"note {target}: {os.path.basename(path)} took over 60 s of wall clock within its CPU allowance")
                        elif single not in accepted:
                            failures += 1
                            os.makedirs(options.findings, exist_ok=True)
                            kept = os.path.join(options.findings, os.path.basename(path))
                            shutil.copyfile(path, kept)
                            print(f"FAIL {target}: {kept}: status {single}\n  reproduce: {options.binary} {' '.join(arguments)} {kept}\n  {errors.strip()[-400:]}")
                for path in files:
                    os.remove(path)
            print(f"fuzz {target}: {inputs} inputs in {rounds} runs, {len(corpus)} seeds")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"fuzz: {failures} failing input(s) kept in {options.findings}")
        sys.exit(1)
    print("fuzz: no crash, no hang, every input within its limits")


if __name__ == "__main__":
    main()
