#!/usr/bin/env python3
"""Checks one world's export folder (what `billingsim ... --out DIR` wrote) with tools
that are not ours: qpdf and pdftotext for the PDFs, Python's email, mailbox, json and
xml packages for the rest. Prints one JSON object with counts; exits 1 with the
problems on stderr when anything is wrong.

usage: check_export.py DIR
"""
import email
import email.policy
import json
import mailbox
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

folder = sys.argv[1]
problems = []


def problem(text):
    problems.append(text)


report = json.load(open(os.path.join(folder, "report.json"), encoding="utf-8"))
pdf_by_number = {}
for company in report["companies"]:
    for invoice in company["invoices"]:
        path = os.path.join(folder, invoice["pdf"])
        pdf_by_number[(company["id"], invoice["number"])] = path
        if not os.path.isfile(path):
            problem(f"missing {invoice['pdf']}")
            continue
        check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
        if check.returncode != 0:
            problem(f"qpdf --check {invoice['pdf']}: {check.stdout}{check.stderr}")
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
        for field in ("number", "total", "amountDue", "created", "periodStart", "periodLastDay"):
            if invoice[field] not in text:
                problem(f"{invoice['pdf']}: {field} {invoice[field]!r} not in the text")

pdf_files = sum(len(files) for _, _, files in os.walk(os.path.join(folder, "invoices")))
if pdf_files != len(pdf_by_number):
    problem(f"{pdf_files} PDF files but report.json lists {len(pdf_by_number)}")

emls = []
for row in report["emails"]:
    path = os.path.join(folder, row["eml"])
    raw = open(path, "rb").read()
    emls.append(raw)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    defects = list(message.defects) + [d for part in message.walk() for d in part.defects]
    if defects:
        problem(f"{row['eml']}: defects {defects}")
    if b"\r\n" not in raw or b"\n" in raw.replace(b"\r\n", b""):
        problem(f"{row['eml']}: not CRLF line endings")
    if any(len(line) > 78 for line in raw.split(b"\r\n")):
        problem(f"{row['eml']}: a line longer than 78 characters")
    if row["invoice"] not in str(message["subject"]):
        problem(f"{row['eml']}: subject {message['subject']!r} does not name {row['invoice']}")
    attachments = [part for part in message.iter_attachments()]
    if len(attachments) != 1:
        problem(f"{row['eml']}: {len(attachments)} attachments")
        continue
    pdf = open(pdf_by_number[(row["company"], row["invoice"])], "rb").read()
    if attachments[0].get_content() != pdf:
        problem(f"{row['eml']}: attachment differs from the exported PDF")

messages = list(mailbox.mbox(os.path.join(folder, "outbox.mbox")))
if len(messages) != len(emls):
    problem(f"outbox.mbox holds {len(messages)} messages, emails/ {len(emls)}")
for index, (entry, raw) in enumerate(zip(messages, emls)):
    if entry.as_bytes().replace(b"\r\n", b"\n").rstrip(b"\n") != raw.replace(b"\r\n", b"\n").rstrip(b"\n"):
        problem(f"outbox.mbox message {index + 1} differs from its .eml")

html = open(os.path.join(folder, "report.html"), encoding="utf-8").read()
try:
    ElementTree.fromstring(html.split(">", 1)[1] if html.startswith("<!DOCTYPE") else html)
except ElementTree.ParseError as error:
    problem(f"report.html is not well-formed: {error}")
if "<script" in html or "http://" in html or "https://" in html:
    problem("report.html has a script or a network address")

print(json.dumps({"pdfs": len(pdf_by_number), "emails": len(emls), "mbox": len(messages), "problems": len(problems)}))
if problems:
    sys.stderr.write("\n".join(problems[:50]) + "\n")
    sys.exit(1)
