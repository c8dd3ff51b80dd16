#!/usr/bin/env bash
# Installs what BillingSim needs and a fresh Debian machine may lack, and nothing that is
# already there. `prerequisites.sh build`: the system SQLite library and pkg-config (the
# package links libsqlite3 for snapshots). `prerequisites.sh test`: those, plus the tools
# the tests check outputs with: qpdf and poppler-utils for PDFs, Python 3 for emails, mbox
# and the report page, aiosmtpd (PyPI) as a real SMTP server, util-linux and bsdutils for
# the pinned-core and terminal tests.
set -euo pipefail

missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${1:-build}" = test ]; then
    command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
    command -v script >/dev/null 2>&1 || missing+=(bsdutils)
    command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
if [ "${1:-build}" = test ] && ! python3 -c "import aiosmtpd" 2>/dev/null; then
    echo "installing aiosmtpd (PyPI)" >&2
    python3 -m pip install --quiet aiosmtpd || python3 -m pip install --quiet --break-system-packages aiosmtpd
fi
