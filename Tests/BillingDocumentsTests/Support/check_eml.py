#!/usr/bin/env python3
"""Parse invoice emails with Python's `email` package and report what it sees, as JSON.

Usage: check_eml.py MESSAGE.eml...

Each file is parsed from bytes with `email.policy.default`, the strict modern policy.
For each file one JSON object is printed (all of them in a JSON array on stdout):

  defects          defects of the message and of every part (class names)
  header_defects   {header name: [defect class names]} for headers with defects
  subject, date    the decoded Subject and the Date as ISO 8601
  message_id       the Message-ID
  from, to         {"name": display name, "address": local@domain}, decoded to Unicode
  content_type     the top-level content type
  parts            the content types of the leaf parts, in order
  body             the text/plain part's decoded text, line breaks as "\n"
  attachment       {"filename", "content_type", "path"}; the decoded bytes of the
                   attachment are written to MESSAGE.eml.attachment
  rfc2047          {"Subject", "From", "To"}: the raw header decoded by the older
                   `email.header.decode_header`, which drops the white space between
                   adjacent encoded-words as RFC 2047 §6.2 says (the address parser of
                   policy.default keeps it before CPython gh-128110); null for a header
                   that is not ASCII (RFC 6532)

The Swift tests make the assertions; this script only reports, so a failure shows the
values side by side in the Swift test output.
"""

import json
import sys
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser


def names(defects):
    return [type(defect).__name__ for defect in defects]


def unicode(text):
    # Headers parsed from bytes keep non-ASCII bytes (RFC 6532 addresses) as surrogate
    # escapes; turn them back into the UTF-8 text they were.
    return text.encode("utf-8", "surrogateescape").decode("utf-8")


def mailbox(header):
    if header is None or len(header.addresses) != 1:
        return None
    address = header.addresses[0]
    # username@domain rather than addr_spec, which would quote a local part again.
    return {"name": unicode(address.display_name), "address": unicode(address.username) + "@" + unicode(address.domain)}


def rfc2047(raw, name):
    value = raw[name]
    if not isinstance(value, str) or not value.isascii():
        return None
    return str(make_header(decode_header(value)))


def report(path):
    with open(path, "rb") as file:
        data = file.read()
    message = BytesParser(policy=policy.default).parsebytes(data)
    raw = BytesParser(policy=policy.compat32).parsebytes(data, headersonly=True)
    defects = names(message.defects)
    header_defects = {}
    for name in message.keys():
        header = message[name]
        if getattr(header, "defects", None):
            header_defects[name] = names(header.defects)
    parts = []
    body = None
    attachment = None
    for part in message.walk():
        defects += names(part.defects) if part is not message else []
        if part.is_multipart():
            continue
        parts.append(part.get_content_type())
        if part.get_content_type() == "text/plain" and body is None:
            body = part.get_content().replace("\r\n", "\n")
        elif part.get_content_disposition() == "attachment":
            data = part.get_content()
            with open(path + ".attachment", "wb") as out:
                out.write(data)
            attachment = {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "path": path + ".attachment",
            }
    date = message["date"]
    return {
        "defects": defects,
        "header_defects": header_defects,
        "subject": str(message["subject"]),
        "date": date.datetime.isoformat() if date is not None and date.datetime else None,
        "message_id": str(message["message-id"]),
        "from": mailbox(message["from"]),
        "to": mailbox(message["to"]),
        "content_type": message.get_content_type(),
        "parts": parts,
        "body": body,
        "attachment": attachment,
        "rfc2047": {name: rfc2047(raw, name) for name in ("Subject", "From", "To")},
    }


if __name__ == "__main__":
    json.dump([report(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=True)
