"""bench/run's table: reads the figures its steps appended to results.jsonl (one JSON object
a line, each with a "step") and prints one table, figure / value / aim / status, with fixed
columns; writes the same table as Markdown (which bench/run appends to bench/results.md).
Standard library only.

argv: RESULTS_JSONL MARKDOWN_OUT
"""
import json
import sys

# The aims (the batch issue) and the peers' targets (docket's invoices/s as a multiple).
ARTIFACTS_AIM, ARTIFACTS_FLOOR, ARTIFACTS_AT = 400, 272, 1000
NOOP_AIM_S, RSS_AIM_MIB, LARGE = 0.5, 500, 10000
ONE_INVOICE_AIM_MS = 50
TARGETS = {"typst": 5, "weasyprint": 25, "chromium": 200}

results, markdown = sys.argv[1:3]
rows = [json.loads(line) for line in open(results) if line.strip()]


def steps(name, **match):
    return [r for r in rows if r["step"] == name and all(r.get(k) == v for k, v in match.items())]


def one(name, **match):
    found = steps(name, **match)
    return found[-1] if found else None


def met(ok):
    return "met" if ok else "not met"


def count(n):
    return f"{n:,}"


def invoices(n):
    return f"{n:,} invoice" + ("" if n == 1 else "s")


machine = one("machine") or {}
table = []  # (figure, value, aim, status)
sizes = steps("size")
for s in sizes:
    n, wall, docs = s["n"], float(s["wall_s"]), int(s["documents"])
    at = f"{n:,}:"
    rate = docs / wall if wall else 0
    table.append((f"{at} full build, wall", f"{wall:.2f} s", "", ""))
    table.append((f"{at} documents typeset (PDF + Markdown)",
                  f"{count(docs)} ({invoices(s['invoices'])}, {count(s['engagements'])} engagements)", "", ""))
    if n == ARTIFACTS_AT:
        status = "met" if rate >= ARTIFACTS_AIM else f"not met (> {ARTIFACTS_FLOOR}: {met(rate > ARTIFACTS_FLOOR)})"
        table.append((f"{at} artifacts/s", f"{rate:.0f}", f">= {ARTIFACTS_AIM} (at least > {ARTIFACTS_FLOOR})", status))
    else:
        table.append((f"{at} artifacts/s", f"{rate:.0f}", "", ""))
    table.append((f"{at} ms per PDF", f"{1000 * wall / docs:.2f} ms (wall, {s['cores']} cores)" if docs else "-", "", ""))
    rss = s["rss_mib"]
    table.append((f"{at} peak RSS", f"{rss} MiB", *((f"< {RSS_AIM_MIB} MiB", met(rss < RSS_AIM_MIB))
                                                   if n == LARGE else ("", ""))))
    noop = float(s["noop_s"])
    table.append((f"{at} no-op rebuild", f"{noop:.2f} s ({s['noop_documents']} rendered)",
                  *((f"< {NOOP_AIM_S} s", met(noop < NOOP_AIM_S)) if n == LARGE else ("", ""))))
    ms = 1000 * float(s["one_invoice_s"])
    rendered = int(s["one_invoice_documents"])
    status = met(ms < ONE_INVOICE_AIM_MS) if rendered else "not measured (nothing rendered)"
    table.append((f"{at} one invoice after approval (start to exit)",
                  f"{ms:.0f} ms ({rendered} rendered)", f"< {ONE_INVOICE_AIM_MS} ms", status))
    table.append((f"{at} status board (one engagement changed)",
                  f"index.html {s['board_bytes'] / 1024:,.0f} KiB in {s['board_ms']} ms", "", ""))
    thumbs, typeset = int(s["thumbnail_thread_ms"]), int(s["typeset_thread_ms"])
    sample = (f"shard 0/{s['sample_shards']}: {count(s['sample_engagements'])} engagements"
              if s["sample_shards"] > 1 else "all engagements, again")
    table.append((f"{at} thumbnails' share of typesetting threads",
                  f"{100 * thumbs / max(1, typeset):.1f}% ({count(thumbs)} of {count(typeset)} ms; {sample})", "", ""))

measured = {s["n"] for s in sizes}
for n, aim in ((ARTIFACTS_AT, f">= {ARTIFACTS_AIM} artifacts/s"), (LARGE, f"no-op < {NOOP_AIM_S} s"),
               (LARGE, f"peak RSS < {RSS_AIM_MIB} MiB")):
    if n not in measured:
        table.append((f"{n:,} engagements", "-", aim, f"not measured (BENCH_SIZES has no {n})"))

signed = {r["mode"]: r for r in steps("signed")}
if "evidence" in signed and "signed" in signed:
    u, v = signed["evidence"], signed["signed"]
    n = u["n"]
    table.append((f"{n:,}: check (gate) unsigned / signed approvals, best of {v.get('runs', 1)}",
                  f"{float(u['check_s']):.2f} s / {float(v['check_s']):.2f} s ({count(v['approvals'])} signatures verified)", "", ""))
    slower = 100 * (float(v["build_s"]) / float(u["build_s"]) - 1) if float(u["build_s"]) else 0
    table.append((f"{n:,}: build unsigned / signed approvals, best of {v.get('runs', 1)}",
                  f"{float(u['build_s']):.2f} s / {float(v['build_s']):.2f} s ({slower:+.1f}%; final {v['final']} / {u['final']})",
                  "same decisions", met(v["final"] == u["final"])))

ins = {r["mode"]: r for r in steps("signed_instructions")}
if "evidence" in ins and "signed" in ins:
    u, v = int(ins["evidence"]["instructions"]), int(ins["signed"]["instructions"])
    more = 100 * (v / u - 1) if u else 0
    table.append((f"{ins['signed']['n']:,}: build of shard {ins['signed']['shard']}, -j 1, instructions unsigned / signed",
                  f"{u / 1e6:,.0f} M / {v / 1e6:,.0f} M ({more:+.2f}%)", "signed <= +2%", met(more <= 2.0)))

docket = one("docket_invoices")
typst = one("typst", label="main")
peers = {p["peer"]: p for p in steps("peer")}
rates = {}
if docket:
    rates["docket"] = docket["documents"] / float(docket["wall_s"])
    table.append((f"invoices/s: docket, invoice-only build, {docket['cores']} cores",
                  f"{rates['docket']:.1f} ({invoices(docket['documents'])}, {float(docket['wall_s']):.2f} s "
                  "incl. start-up)", "", ""))
if typst:
    rates["typst"] = 1000 / typst["ms_per_invoice"]
    table.append(("invoices/s: Python typst, a compile per invoice",
                  f"{rates['typst']:.1f} ({invoices(typst['count'])})", "", ""))
if "weasyprint" in peers:
    rates["weasyprint"] = peers["weasyprint"]["rate"]
    table.append(("invoices/s: Jinja2 + WeasyPrint, one process",
                  f"{rates['weasyprint']:.1f} ({invoices(peers['weasyprint']['count'])})", "", ""))
if "chromium" in peers:
    p = peers["chromium"]
    if p["rate"]:
        rates["chromium"] = p["rate"]
        table.append(("invoices/s: headless Chromium, a process each",
                      f"{p['rate']:.2f} ({invoices(p['count'])})", "", ""))
    else:
        table.append(("invoices/s: headless Chromium", "skipped (chromium not installed)", "", ""))

j1 = one("docket_j1", label="main")
if j1:
    table.append(("per invoice: docket -j 1 (load, typeset, write)",
                  f"{1000 * float(j1['wall_s']) / j1['documents']:.2f} ms ({invoices(j1['documents'])})", "", ""))
if typst:
    table.append(("per invoice: Python typst on docket's sources",
                  f"{typst['ms_per_invoice']:.2f} ms ({invoices(typst['count'])})", "", ""))
for side in ("before", "after"):
    d, t = one("docket_j1", label=side), one("typst", label=side)
    if d and t:
        who = f"docket at {d['rev']}" if side == "before" else "docket now"
        table.append((f"per invoice, {who}: -j 1 / Python typst",
                      f"{1000 * float(d['wall_s']) / d['documents']:.2f} ms / {t['ms_per_invoice']:.2f} ms "
                      f"({count(d['documents'])} / {count(t['count'])} invoices)", "", ""))

names = {"typst": "Python typst package", "weasyprint": "Jinja2 + WeasyPrint",
         "chromium": "headless Chromium"}
for key, target in TARGETS.items():
    figure = f"invoices/s, docket / {names[key]}"
    if "docket" in rates and key in rates:
        ratio = rates["docket"] / rates[key]
        table.append((figure, f"{ratio:.1f}x" if ratio < 10 else f"{ratio:.0f}x", f">= {target}x", met(ratio >= target)))
    else:
        table.append((figure, "-", f">= {target}x", "not measured"))

title = (f"docket {machine.get('version', '?')} (commit {machine.get('commit', '?')}, binary "
         f"{machine.get('bin', '?')}), {machine.get('arch', '?')}, {machine.get('cores', '?')} cores, "
         f"{machine.get('mem_gib', '?')} GiB, {machine.get('date', '?')}")
header = ("figure", "value", "aim", "status")
widths = [max(len(r[i]) for r in [header, *table]) for i in range(4)]


def line(cells):
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


print(title)
print(line(header))
print(line(["-" * w for w in widths]))
for r in table:
    print(line(r))


def cell(text):
    return text.replace("|", "\\|") or " "


with open(markdown, "w") as f:
    f.write(f"{title}\n\n")
    f.write("| " + " | ".join(header) + " |\n|---|---|---|---|\n")
    for r in table:
        f.write("| " + " | ".join(cell(c) for c in r) + " |\n")
print(f"\n(also {markdown}; figures in {results})")
