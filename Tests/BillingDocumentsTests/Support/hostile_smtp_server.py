#!/usr/bin/env python3
"""A hostile SMTP server for BillingSim's delivery deadline, cap and breaker tests.

Binds 127.0.0.1 on a free port and prints that port as the first line of stdout, like
smtp_server.py, and stores what it accepts the same way (--store/NNNN.eml, NNNN.json, and
one line per connection or fault in --store/events.log). It speaks just enough SMTP to
take a message, and misbehaves in the one way --mode names:

  silent      accept the connection and never say a word
  tarpit      send an endless greeting, one byte every --interval-ms
  endless     greet, then answer EHLO with `250-` lines as fast as the client reads them
  garbage     greet with something that is not SMTP (an HTTP error page)
  long-line   greet with one 10 MB line (--line-bytes) before its CRLF
  slow-reply  answer every command correctly, but only after --interval-ms
  drop        behave, except close the connection without a word the first --times
              times (0: always) the step --at is reached: accept, EHLO, MAIL, RCPT,
              DATA or end (the final dot)
  transient   answer every MAIL with 451 (a server that is up but never takes mail)
  nasty-bounce refuse every RCPT with a 550 full of terminal escapes and a bare CR

Stops on SIGTERM, or when stdin closes (so it dies with the test process that started it).
Needs only the standard library.
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import threading

GARBAGE = b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<html>\x1b[31mno\x1b[0m</html>\r\n"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="folder for accepted messages")
    parser.add_argument("--mode", required=True,
                        choices=["silent", "tarpit", "endless", "garbage", "long-line", "slow-reply", "drop",
                                 "transient", "nasty-bounce"])
    parser.add_argument("--interval-ms", type=int, default=100, help="tarpit and slow-reply pace")
    parser.add_argument("--line-bytes", type=int, default=10_000_000, help="long-line length")
    parser.add_argument("--at", default="MAIL", help="drop: the step to drop at")
    parser.add_argument("--times", type=int, default=0, help="drop: how many times (0: always)")
    return parser.parse_args()


class State:
    """Counts across connections, so faults fall on the same steps every run."""

    def __init__(self, options):
        self.options = options
        self.drops = 0
        self.stored = 0

    def log(self, event):
        with open(os.path.join(self.options.store, "events.log"), "a", encoding="utf-8") as file:
            file.write(event + "\n")

    def should_drop(self, step):
        options = self.options
        if options.mode != "drop" or options.at != step:
            return False
        if options.times and self.drops >= options.times:
            return False
        self.drops += 1
        self.log(f"drop {step}")
        return True

    def store(self, mail_from, recipients, data):
        self.stored += 1
        name = os.path.join(self.options.store, f"{self.stored:04d}")
        record = {"mail_from": mail_from, "rcpt_tos": recipients, "mail_options": []}
        write_atomically(name + ".json", json.dumps(record).encode("utf-8"))
        write_atomically(name + ".eml", data)
        return self.stored


def write_atomically(path, data):
    temporary = path + ".partial"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


def unstuff(lines):
    """The message as stored: dot-stuffing removed, CRLF line ends kept."""
    return b"".join(line[1:] if line.startswith(b".") else line for line in lines)


async def session(state, reader, writer):
    options = state.options
    state.log("connect")
    try:
        if options.mode == "silent":
            await reader.read()  # until the client hangs up
            return
        if options.mode == "tarpit":
            while True:
                for byte in b"220-slow\r\n":
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(options.interval_ms / 1000)
        if options.mode == "garbage":
            writer.write(GARBAGE)
            await writer.drain()
            await reader.read()
            return
        if options.mode == "long-line":
            chunk = b"x" * 65536
            writer.write(b"220 ")
            sent = 0
            while sent < options.line_bytes:
                writer.write(chunk)
                await writer.drain()
                sent += len(chunk)
            writer.write(b"\r\n")
            await writer.drain()
            await reader.read()
            return
        if state.should_drop("accept"):
            return
        await speak(state, reader, writer)
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def reply(state, writer, text):
    if state.options.mode == "slow-reply":
        await asyncio.sleep(state.options.interval_ms / 1000)
    writer.write(text.encode("ascii") + b"\r\n")
    await writer.drain()


async def speak(state, reader, writer):
    options = state.options
    await reply(state, writer, "220 hostile.test ESMTP")
    mail_from, recipients = None, []
    while True:
        line = await reader.readline()
        if not line:
            return
        verb = line.split(b":")[0].split(b" ")[0].strip().upper().decode("ascii", "replace")
        step = {"EHLO": "EHLO", "HELO": "EHLO", "MAIL": "MAIL", "RCPT": "RCPT", "DATA": "DATA"}.get(verb)
        if step and state.should_drop(step):
            return
        if verb in ("EHLO", "HELO"):
            if options.mode == "endless":
                number = 0
                while True:
                    number += 1
                    writer.write(b"250-X-ENDLESS-%d\r\n" % number)
                    await writer.drain()
            await reply(state, writer, "250-hostile.test\r\n250 8BITMIME")
        elif verb == "MAIL":
            if options.mode == "transient":
                state.log("451 MAIL")
                await reply(state, writer, "451 4.3.0 Not now")
                continue
            mail_from, recipients = line[10:].strip(b"<> \r\n").decode("utf-8", "replace"), []
            await reply(state, writer, "250 2.1.0 OK")
        elif verb == "RCPT" and options.mode == "nasty-bounce":
            writer.write(b"550 5.1.1 \x1b[2J\x1b[31mgone\rFAKE 250 OK\x07\xe2\x80\xae\r\n")
            await writer.drain()
        elif verb == "RCPT":
            recipients.append(line[8:].strip(b"<> \r\n").decode("utf-8", "replace"))
            await reply(state, writer, "250 2.1.5 OK")
        elif verb == "DATA":
            await reply(state, writer, "354 go ahead")
            lines = []
            while True:
                data_line = await reader.readline()
                if not data_line:
                    return
                if data_line == b".\r\n":
                    break
                lines.append(data_line)
            if state.should_drop("end"):
                return
            number = state.store(mail_from, recipients, unstuff(lines))
            await reply(state, writer, f"250 2.0.0 stored as {number:04d}")
        elif verb == "RSET":
            mail_from, recipients = None, []
            await reply(state, writer, "250 2.0.0 OK")
        elif verb == "QUIT":
            await reply(state, writer, "221 2.0.0 bye")
            return
        else:
            await reply(state, writer, "502 5.5.2 what")


async def serve(options):
    state = State(options)
    server = await asyncio.start_server(lambda r, w: session(state, r, w), host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)

    def wait_for_stdin_to_close():
        while sys.stdin.buffer.read(4096):
            pass
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=wait_for_stdin_to_close, daemon=True).start()
    await stop.wait()
    sys.stdout.flush()
    os._exit(0)


def main():
    # See smtp_server.py: a process started from a Swift test may inherit a blocked SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    options = parse_arguments()
    os.makedirs(options.store, exist_ok=True)
    asyncio.run(serve(options))


if __name__ == "__main__":
    main()
