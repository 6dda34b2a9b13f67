"""Per-document Typst time of docket's invoices, before and after the client-grade layouts.

argv: FONTS COUNT BEFORE_WALL_J1 AFTER_WALL_J1 --before DIR... --after DIR...
- docket itself, one worker thread (-j 1), wall time per invoice including loading and
  writing: before (Markdown converted to Typst) and after (the invoice layout).
- The Python typst package compiling each version's emitted sources (--emit-typst), one
  compile call per invoice in one process: the Typst time alone, the same engine for both.
"""
import sys
import time

import typst

fonts, count, before_wall, after_wall = sys.argv[1:5]
rest = sys.argv[5:]
split = rest.index("--after")
before = rest[1:split]
after = rest[split + 1 :]


def per_doc(folders):
    start = time.perf_counter()
    for folder in folders:
        typst.compile(f"{folder}/main.typ", root=folder, font_paths=[fonts], ignore_system_fonts=True)
    return 1000 * (time.perf_counter() - start) / len(folders)


n = int(count)
before_ms = f"{1000 * float(before_wall) / n:.2f} ms" if before_wall != "-" else "not measured"
print(f"per invoice, docket -j 1 (wall incl. load and write): before {before_ms}, "
      f"after {1000 * float(after_wall) / n:.2f} ms ({n} invoices)")
b = f"{per_doc(before):.2f} ms ({len(before)})" if before else "not measured"
print(f"per invoice, Typst alone (Python typst, one compile per invoice, on docket's emitted "
      f"sources): before {b}, after {per_doc(after):.2f} ms ({len(after)})")
