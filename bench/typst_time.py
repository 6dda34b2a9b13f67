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
print(f"per invoice, docket -j 1 (wall incl. load and write): before {1000 * float(before_wall) / n:.2f} ms, "
      f"after {1000 * float(after_wall) / n:.2f} ms ({n} invoices)")
b, a = per_doc(before), per_doc(after)
print(f"per invoice, Typst alone (Python typst on docket's emitted sources): before {b:.2f} ms "
      f"({len(before)}), after {a:.2f} ms ({len(after)})")
