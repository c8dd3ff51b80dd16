#!/usr/bin/env python3
"""Read an mboxrd file with Python's `mailbox.mbox` and report its messages, as JSON.

Usage: check_mbox.py FILE.mbox OUTPUT_DIRECTORY

`mailbox.mbox` splits the file into messages but does not undo mboxrd quoting, so this
script does: one `>` is removed from every line matching `^>+From `. Message N (from 0)
is written, unquoted, to OUTPUT_DIRECTORY/N.eml. Printed on stdout, a JSON array with one
object per message:

  from     the `From ` line as `mailbox` reports it (without `From `)
  path     where the unquoted message was written
  defects  defects Python's `email` parser (policy.default) finds in it and its parts
"""

import json
import os
import re
import sys
from email import policy
from email.parser import BytesParser

import mailbox

QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def main(mbox_path, output):
    box = mailbox.mbox(mbox_path, create=False)
    results = []
    for index, key in enumerate(box.keys()):
        raw = box.get_bytes(key)
        unquoted = QUOTED_FROM.sub(rb"\1", raw)
        path = os.path.join(output, f"{index}.eml")
        with open(path, "wb") as file:
            file.write(unquoted)
        message = BytesParser(policy=policy.default).parsebytes(unquoted)
        defects = [type(defect).__name__ for part in message.walk() for defect in part.defects]
        results.append({"from": box.get_message(key).get_from(), "path": path, "defects": defects})
    json.dump(results, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
