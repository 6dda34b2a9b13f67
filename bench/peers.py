"""Peers for docket's benchmark, on the same invoices docket typesets.

argv: EMIT_DIR DATA_DIR FONTS DOCKET_WALL DOCKET_COUNT INVOICE_DIR...
- Python `typst` package: one `typst.compile` call per invoice, in one process, on the very
  Typst sources docket generated (--emit-typst), with the same fonts.
- Jinja2 + WeasyPrint: an HTML invoice with the same lines and totals, one process.
Prints documents per second for each and docket's throughput as a ratio to each.
"""
import sys
import time
import tomllib
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

import typst
from jinja2 import Template
from weasyprint import HTML

emit, data, fonts, docket_wall, docket_count = sys.argv[1:6]
invoices = [Path(p) for p in sys.argv[6:]]
docket_rate = int(docket_count) / float(docket_wall)

start = time.perf_counter()
for folder in invoices:
    typst.compile(str(folder / "main.typ"), root=str(folder), font_paths=[fonts], ignore_system_fonts=True)
typst_rate = len(invoices) / (time.perf_counter() - start)

TEMPLATE = Template("""<html><head><style>
@page { size: letter; margin: 0.9in; } body { font-family: sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; } td, th { border: 0.5pt solid #bbb; padding: 4pt; }
.r { text-align: right; }</style></head><body>
<h1>Milestone Invoice {{ inv.number }}</h1>
<p>{{ e.provider.legal_name }} to {{ e.client_details.legal_name }}. Issued {{ inv.issue_date }}, due {{ inv.due_date }}.</p>
<table><tr><th>Description</th><th>Qty</th><th>Unit price</th><th>Net</th><th>Tax</th></tr>
{% for l in lines %}<tr><td>{{ l.description }}</td><td class=r>{{ l.quantity }}</td><td class=r>{{ l.unit_price }}</td><td class=r>{{ l.net }}</td><td>{{ l.tax }}</td></tr>{% endfor %}
</table><p>Total {{ total }}; paid {{ paid }}; due {{ due }}.</p><p>{{ inv.remittance }}</p></body></html>""")

def money(d):
    return f"{d.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"

weasy = invoices[: max(1, len(invoices) // 3)]
start = time.perf_counter()
for folder in weasy:
    e = tomllib.loads((Path(data) / folder.parent.name / "engagement.toml").read_text())
    inv = e["invoice"]
    lines, total = [], Decimal(0)
    for l in inv["lines"]:
        net = (Decimal(l["quantity"]) * Decimal(l["unit_price"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        total += net
        lines.append(dict(l, net=money(net)))
    paid = sum(Decimal(p["amount"]) for p in inv.get("paid", []))
    html = TEMPLATE.render(e=e, inv=inv, lines=lines, total=money(total), paid=money(paid), due=money(total - paid))
    HTML(string=html).write_pdf()
weasy_rate = len(weasy) / (time.perf_counter() - start)

print(f"invoices: docket {docket_rate:.1f}/s ({docket_count} invoices, {float(docket_wall):.2f} s wall incl. start-up)")
print(f"          Python typst package {typst_rate:.1f}/s ({len(invoices)} invoices, one compile call each)")
print(f"          Jinja2 + WeasyPrint {weasy_rate:.1f}/s ({len(weasy)} invoices)")
print(f"docket / Python typst = {docket_rate / typst_rate:.1f}x (target >= 5x)")
print(f"docket / Jinja2 + WeasyPrint = {docket_rate / weasy_rate:.1f}x (target >= 100x)")
