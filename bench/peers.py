"""The HTML peers of bench/run, on the same invoices docket typesets.

argv: RESULTS DATA_DIR INVOICE_DIR...  (each INVOICE_DIR is docket's --emit-typst folder of
one invoice, DATA_DIR/<engagement>/engagement.toml its data)
- Jinja2 + WeasyPrint: an HTML invoice with the same letterhead, lines and totals, rendered
  in one process (a third of the invoices).
- Headless Chromium (Debian's `chromium`): the same HTML, one `--print-to-pdf` run per
  invoice, the way many teams script PDFs (a tenth, at most 30); skipped when chromium is
  not installed.
Appends {"step": "peer", "peer": ..., "rate": invoices/s, "count": ...} lines to RESULTS
(bench/report.py prints the table, with docket's ratio to each) and prints progress lines.
The Python typst peer is bench/typst_time.py.
"""
import json
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

from jinja2 import Template
from weasyprint import HTML

results, data = sys.argv[1:3]
invoices = [Path(p) for p in sys.argv[3:]]


def record(**row):
    with open(results, "a") as f:
        f.write(json.dumps({"step": "peer", **row}) + "\n")


TEMPLATE = Template("""<html><head><meta charset="utf-8"><style>
@page { size: letter; margin: 0.75in 0.8in; }
body { font-family: "Liberation Sans", sans-serif; font-size: 9.5pt; color: #1e1e1e; }
.head { display: flex; justify-content: space-between; border-bottom: 1.4pt solid #1f3a5f; padding-bottom: 8pt; }
.name { font-size: 14pt; font-weight: bold; color: #1f3a5f; } .muted { color: #696969; font-size: 8pt; }
h1 { font-size: 18pt; color: #1f3a5f; letter-spacing: .08em; margin: 0; text-align: right; }
table { border-collapse: collapse; width: 100%; margin-top: 14pt; }
th { font-size: 7.5pt; color: #696969; text-align: left; border-bottom: 0.9pt solid #1f3a5f; padding: 4pt 5pt; }
td { border-bottom: 0.4pt solid #d7d7d7; padding: 4pt 5pt; } .r { text-align: right; }
.totals { width: 58%; margin-left: auto; } .due { background: #e8edf3; font-weight: bold; font-size: 12pt; }
</style></head><body>
<div class="head"><div><div class="name">{{ e.provider.name }}</div><div class="muted">{{ e.provider.email }}</div></div>
<div><h1>INVOICE</h1><div class="muted">No. {{ inv.number }} · Issued {{ inv.issue_date }} · Due {{ inv.due_date }} · {{ inv.payment_terms }}</div></div></div>
<p><b>Bill to</b><br>{{ e.client_details.legal_name }}</p><p>{{ inv.milestone }}</p>
<table><tr><th>Description</th><th class=r>Qty</th><th class=r>Unit price</th><th class=r>Amount</th></tr>
{% for l in lines %}<tr><td>{{ l.description }}</td><td class=r>{{ l.quantity }}</td><td class=r>{{ l.unit_price }}</td><td class=r>{{ l.net }}</td></tr>{% endfor %}
</table><table class="totals"><tr><td>Subtotal</td><td class=r>{{ total }}</td></tr><tr><td>Paid</td><td class=r>{{ paid }}</td></tr>
<tr class="due"><td>Amount due</td><td class=r>{{ inv.currency }} {{ due }}</td></tr></table>
<p><b>Payment</b><br>{{ inv.remittance }}</p><div class="muted">{{ e.provider.legal_name }} · {{ e.provider.email }}</div></body></html>""")


def money(d):
    return f"{d.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"

def html_of(folder):
    e = tomllib.loads((Path(data) / folder.parent.name / "engagement.toml").read_text())
    inv = e["invoice"]
    if isinstance(inv, list):
        # One of many invoices (`[[invoice]]`): the emitted folder is named invoice.<key>.
        key = folder.name.partition(".")[2]
        inv = next(i for i in inv if i.get("key") == key)
    lines, total = [], Decimal(0)
    for l in inv["lines"]:
        net = (Decimal(l["quantity"]) * Decimal(l["unit_price"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        total += net
        lines.append(dict(l, net=money(net)))
    paid = sum((Decimal(p["amount"]) for p in inv.get("paid", [])), Decimal(0))
    return TEMPLATE.render(e=e, inv=inv, lines=lines, total=money(total), paid=money(paid), due=money(total - paid))


weasy = invoices[: max(1, len(invoices) // 3)]
start = time.perf_counter()
for folder in weasy:
    HTML(string=html_of(folder)).write_pdf()
weasy_rate = len(weasy) / (time.perf_counter() - start)
record(peer="weasyprint", rate=round(weasy_rate, 3), count=len(weasy))
print(f"Jinja2 + WeasyPrint {weasy_rate:.1f} invoices/s ({len(weasy)} invoice(s))")

chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if chromium:
    chrome = invoices[: max(1, min(30, len(invoices) // 10))]
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for i, folder in enumerate(chrome):
            page = Path(tmp) / f"{i}.html"
            page.write_text(html_of(folder))
            pages.append(page)
        start = time.perf_counter()
        for page in pages:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={page.with_suffix('.pdf')}", page.as_uri()],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        chrome_rate = len(chrome) / (time.perf_counter() - start)
        if not all(page.with_suffix(".pdf").stat().st_size > 0 for page in pages):
            sys.exit("peers.py: chromium wrote no PDF")
    record(peer="chromium", rate=round(chrome_rate, 4), count=len(chrome))
    print(f"headless Chromium --print-to-pdf {chrome_rate:.2f} invoices/s ({len(chrome)} invoice(s), one run each)")
else:
    record(peer="chromium", rate=None, count=0)
    print("headless Chromium: skipped (apt-get install chromium)")
