#!/usr/bin/env python3
"""Writes one bench-terraform.sh RESULT (and the start-up figure) into docs/benchmarks.md.

Usage: update_benchmarks_doc.py DOC STARTUP_TXT RESULT_FILE NOTE

The table lives between the "bench-scale:begin" and "bench-scale:end" markers, one row per N;
the row of the measured N is replaced, the others are kept. Each figure is put against issue
9's target ("MET" / "MISSED"), so a reader sees the verdict without doing the arithmetic.
"""
import re
import sys

BEGIN, END = "<!-- bench-scale:begin -->", "<!-- bench-scale:end -->"
SBEGIN, SEND = "<!-- bench-startup:begin -->", "<!-- bench-startup:end -->"
HEADER = (
    "| N | refreshing plan | `terraform_data` plan | plan ratio (target ≤ 1.5) "
    "| provider CPU / Terraform's own CPU (target < 5%) | requests per refresh "
    "| apply | `terraform_data` apply | apply ratio (target ≤ 2) | destroy "
    "| `terraform_data` destroy | provider peak RSS (target < 30 MB at 5,000) "
    "| operation polls per assignment (apply / destroy) | measured |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")


def verdict(ok):
    return "MET" if ok else "MISSED"


def seconds(text):
    return "not measured" if text == "-" else f"{float(text):.1f} s"


def row(r, note):
    n = int(r["n"])
    plan, data_plan = float(r["plan"]), float(r["data_plan"])
    apply, data_apply = float(r["apply"]), float(r["data_apply"])
    provider_cpu = float(r["provider_cpu"])
    own_cpu = float(r["plan_cpu"]) - provider_cpu
    share = 100 * provider_cpu / own_cpu if own_cpu > 0 else 0
    rss = float(r["rss_mb"])
    lists = int(r["list_requests"])
    plan_ratio = plan / data_plan if data_plan > 0 else 0
    apply_ratio = apply / data_apply if data_apply > 0 else 0
    rss_cell = f"{rss:.1f} MB"
    if n >= 5000:
        rss_cell += f" {verdict(rss < 30)}"
    list_target = max(1, -(-n // 1000))  # at most one list request per 1,000 numbers
    return (
        f"| {n:,} | {plan:.2f} s | {data_plan:.2f} s | {plan_ratio:.2f} {verdict(plan_ratio <= 1.5)} "
        f"| {provider_cpu:.2f} s / {own_cpu:.2f} s = {share:.1f}% {verdict(share < 5)} "
        f"| {r['requests']} ({lists} list, {verdict(lists <= list_target)}) "
        f"| {apply:.1f} s | {data_apply:.1f} s | {apply_ratio:.2f} {verdict(apply_ratio <= 2)} "
        f"| {seconds(r['destroy'])} | {seconds(r['data_destroy'])} | {rss_cell} "
        f"| {r.get('apply_polls', '-')} / {r.get('destroy_polls', '-')} "
        f"| {note}, {r['provider_processes']} provider processes |")


def main():
    doc_path, startup_path, result_path, note = sys.argv[1:5]
    text = open(doc_path, encoding="utf-8").read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{doc_path}: no {BEGIN} ... {END} section to update")
    fields = {}
    for line in open(result_path, encoding="utf-8"):
        if line.startswith("RESULT "):
            fields = dict(kv.split("=", 1) for kv in line.split()[1:])
    if not fields:
        sys.exit(f"{result_path}: no RESULT line (did bench-terraform.sh fail?)")
    head, rest = text.split(BEGIN, 1)
    body, tail = rest.split(END, 1)
    rows = {}
    for line in body.splitlines():
        m = re.match(r"\| ([0-9,]+) \|", line)
        if m:
            rows[int(m.group(1).replace(",", ""))] = line
    rows[int(fields["n"])] = row(fields, note)
    table = HEADER + "".join(rows[n] + "\n" for n in sorted(rows))
    text = head + BEGIN + "\n" + table + END + tail
    startup = open(startup_path, encoding="utf-8").read().strip()
    if SBEGIN in text and SEND in text:
        head, rest = text.split(SBEGIN, 1)
        _, tail = rest.split(SEND, 1)
        text = head + SBEGIN + "\n```\n" + startup + "\n```\n" + SEND + tail
    open(doc_path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
