#!/usr/bin/env python3
"""Parses a report page strictly as XML and prints what the Swift tests check, as JSON.

Usage: check_html.py PAGE.html
Prints {"error": ...} and exits 1 when the page is not well-formed.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def text_of(element):
    return "".join(element.itertext())


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        page = file.read()
    if not page.startswith("<!DOCTYPE html>\n"):
        print(json.dumps({"error": "the page does not start with <!DOCTYPE html>"}))
        return 1
    try:
        root = ET.fromstring(page[len("<!DOCTYPE html>\n"):])
    except ET.ParseError as error:
        print(json.dumps({"error": "not well-formed XML: %s" % error}))
        return 1
    counts = {}
    problems = []
    for element in root.iter():
        counts[element.tag] = counts.get(element.tag, 0) + 1
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append("event handler attribute %s on <%s>" % (name, element.tag))
            if name in ("href", "src") and re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)", value):
                problems.append("%s=%r on <%s> leaves the page" % (name, value, element.tag))
    charset = [m for m in root.iter("meta") if m.get("charset") == "utf-8"]
    if not charset:
        problems.append("no <meta charset=\"utf-8\">")
    result = {
        "root": root.tag,
        "title": text_of(root.find("head/title")) if root.find("head/title") is not None else "",
        "counts": counts,
        "problems": problems,
        "links": [
            {
                "href": a.get("href", ""),
                "text": text_of(a),
                "target": a.get("target"),
                "download": a.get("download"),
            }
            for a in root.iter("a")
        ],
        "notes": [re.sub(r"\s+", " ", text_of(p)).strip() for p in root.iter("p") if p.get("class") == "note"],
        "summaries": [re.sub(r"\s+", " ", text_of(s)).strip() for s in root.iter("summary")],
        "figcaptions": [text_of(f) for f in root.iter("figcaption")],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
