"""Per-invoice Typst time for bench/run: the Python `typst` package compiling docket's own
emitted invoice sources (--emit-typst), one compile call per invoice in one process, with
docket's fonts only. Its rate is also the Python typst peer's invoices/s.

argv: RESULTS FONTS LABEL INVOICE_DIR...
Appends {"step": "typst", "label": LABEL, "ms_per_invoice": ..., "count": ...} to RESULTS
(a JSON-lines file; bench/report.py prints the table) and prints one progress line.
LABEL is `main` for the invoices the peers use, `before` / `after` for BENCH_BEFORE's.
"""
import json
import sys
import time

import typst

results, fonts, label = sys.argv[1:4]
folders = sys.argv[4:]
if not folders:
    sys.exit("typst_time.py: no invoice folders")

start = time.perf_counter()
for folder in folders:
    typst.compile(f"{folder}/main.typ", root=folder, font_paths=[fonts], ignore_system_fonts=True)
ms = 1000 * (time.perf_counter() - start) / len(folders)

with open(results, "a") as f:
    f.write(json.dumps({"step": "typst", "label": label, "ms_per_invoice": round(ms, 3),
                        "count": len(folders)}) + "\n")
print(f"{label}: Python typst package {ms:.2f} ms per invoice ({len(folders)} invoices)")
