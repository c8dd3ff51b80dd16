#!/usr/bin/env python3
"""A throwaway SMTP server for BillingSim's SMTP delivery tests.

Binds 127.0.0.1 on a free port and prints that port as the first line of stdout. Every
accepted message is stored in --store as NNNN.eml (the bytes exactly as received, after
the server removed the dot-stuffing) and NNNN.json (the envelope). Faults are injected by
counters, never at random, so a test sees the same run every time.

Every connection and every injected fault is also appended to --store/events.log, one
line each ("connect", "greeting 421", "451 MAIL", "451 end of data", "drop"), so a test
can check that its faults happened and how many connections the client used.

Stops on SIGTERM, or when stdin closes (so it dies with the test process that started it).

Needs aiosmtpd: pip install aiosmtpd
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
import threading

try:
    from aiosmtpd.smtp import SMTP
except ImportError:
    sys.stderr.write("smtp_server.py needs the Python package aiosmtpd: pip install aiosmtpd\n")
    sys.exit(3)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="folder for accepted messages")
    parser.add_argument("--transient-every", type=int, default=0, metavar="N",
                        help="every Nth MAIL, RCPT or DATA command gets 451")
    parser.add_argument("--transient-data-end-every", type=int, default=0, metavar="N",
                        help="every Nth end of data gets 451 and the message is not stored")
    parser.add_argument("--drop-every", type=int, default=0, metavar="N",
                        help="every Nth end of data: close the connection without replying or storing")
    parser.add_argument("--greeting-421-first", type=int, default=0, metavar="N",
                        help="the first N connections get 421 and are closed")
    parser.add_argument("--reject-recipient", action="append", default=[], metavar="SUBSTRING",
                        help="550 for RCPT TO addresses containing SUBSTRING (repeatable)")
    parser.add_argument("--no-smtputf8", action="store_true", help="do not offer SMTPUTF8")
    parser.add_argument("--no-ehlo", action="store_true", help="answer EHLO with 502, so clients use HELO")
    parser.add_argument("--silent", action="store_true", help="accept connections but never greet")
    return parser.parse_args()


class Counters:
    """Counts across all connections, so faults fall on the same commands every run."""

    def __init__(self, options):
        self.options = options
        self.commands = 0
        self.data_ends = 0
        self.connections = 0
        self.stored = 0

    def transient_command(self, verb):
        every = self.options.transient_every
        if every <= 0:
            return False
        self.commands += 1
        if self.commands % every != 0:
            return False
        self.log(f"451 {verb}")
        return True

    def log(self, event):
        with open(os.path.join(self.options.store, "events.log"), "a", encoding="utf-8") as file:
            file.write(event + "\n")


class FaultySMTP(SMTP):
    """aiosmtpd's server with 451 injected on every Nth MAIL, RCPT or DATA command."""

    def __init__(self, handler, counters, **kwargs):
        super().__init__(handler, **kwargs)
        self.counters = counters

    async def smtp_EHLO(self, hostname):
        if self.counters.options.no_ehlo:
            await self.push("502 5.5.1 EHLO not implemented here, use HELO")
            return
        await super().smtp_EHLO(hostname)

    async def smtp_MAIL(self, arg):
        if self.counters.transient_command("MAIL"):
            await self.push("451 4.3.0 Injected transient failure at MAIL")
            return
        await super().smtp_MAIL(arg)

    async def smtp_RCPT(self, arg):
        if self.counters.transient_command("RCPT"):
            await self.push("451 4.3.0 Injected transient failure at RCPT")
            return
        await super().smtp_RCPT(arg)

    async def smtp_DATA(self, arg):
        if self.counters.transient_command("DATA"):
            await self.push("451 4.3.0 Injected transient failure at DATA")
            return
        await super().smtp_DATA(arg)


class Handler:
    """Rejects recipients, drops or refuses data ends, and stores everything it accepts."""

    def __init__(self, counters, store):
        self.counters = counters
        self.store = store

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        for substring in self.counters.options.reject_recipient:
            if substring in address:
                return f"550 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        options = self.counters.options
        self.counters.data_ends += 1
        count = self.counters.data_ends
        if options.drop_every > 0 and count % options.drop_every == 0:
            # The client cannot know whether the message arrived: it must send it again.
            self.counters.log("drop")
            server.transport.abort()
            return "421 4.4.2 Injected drop (never sent: the connection is gone)"
        if options.transient_data_end_every > 0 and count % options.transient_data_end_every == 0:
            self.counters.log("451 end of data")
            return "451 4.3.0 Injected transient failure at end of data"
        self.counters.stored += 1
        name = os.path.join(self.store, f"{self.counters.stored:04d}")
        envelope_record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
        }
        write_atomically(name + ".json", json.dumps(envelope_record, ensure_ascii=False).encode("utf-8"))
        # original_content: the bytes as received, de-dot-stuffed, never decoded.
        write_atomically(name + ".eml", envelope.original_content)
        return f"250 2.0.0 OK stored as {self.counters.stored:04d}"


def write_atomically(path, data):
    temporary = path + ".partial"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Refusing(asyncio.Protocol):
    """Greets with 421 and hangs up: a server that is busy right now."""

    def connection_made(self, transport):
        transport.write(b"421 4.3.2 Injected: service not available, try later\r\n")
        transport.close()


class Silent(asyncio.Protocol):
    """Accepts the connection and never says a word: for client timeouts."""


async def serve(options):
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    counters = Counters(options)
    handler = Handler(counters, options.store)

    def make_protocol():
        counters.connections += 1
        counters.log("connect")
        if options.silent:
            return Silent()
        if counters.connections <= options.greeting_421_first:
            counters.log("greeting 421")
            return Refusing()
        return FaultySMTP(handler, counters, hostname="billingsim-test-server", decode_data=False,
                          enable_SMTPUTF8=not options.no_smtputf8)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(make_protocol, host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)

    def wait_for_stdin_to_close():
        while sys.stdin.buffer.read(4096):
            pass
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=wait_for_stdin_to_close, daemon=True).start()
    await stop.wait()
    server.close()
    # Every accepted message is already on disk. Leave at once: waiting for asyncio to
    # cancel the handlers of connections the client dropped can hang, and the test that
    # started the server waits for it to exit.
    sys.stdout.flush()
    os._exit(0)


def main():
    # A process started from a Swift test inherits the test thread's signal mask, in which
    # SIGTERM is blocked: unblock it, or terminating the server would do nothing.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    options = parse_arguments()
    os.makedirs(options.store, exist_ok=True)
    asyncio.run(serve(options))


if __name__ == "__main__":
    main()
