/// The help texts, one per command, generated from nothing but these strings and
/// checked against recorded copies by the end-to-end tests.
enum Help {
    static let tool = """
        OVERVIEW: BillingSim simulates a hosting company's customer billing.

        USAGE: billingsim <command> [options]

        COMMANDS:
          run         Run scenario files and folders and report what passed.
          check       Parse and check scenario files without running them.
          simulate    Generate a population of companies and run it for some months.
          resume      Restore a snapshot and run it on for some months.
          inspect     Show what a snapshot holds: time, counts, totals (--verify: digest).
          help        Show help for a command.

        See 'billingsim help <command>' or 'billingsim <command> --help'.

        """

    static let simulate = """
        OVERVIEW: Generate a population of companies and run it for some months.

        USAGE: billingsim simulate [--companies N] [--months M] [--seed S] [--start YYYY-MM-DD]
                                   [--numbering per-company|seller-wide] [--exchange-rate CUR=RATE[@DATE]]…
                                   [--pace-ms MS] [--dump FILE] [--snapshot FILE] [--out DIR]
                                   [--smtp HOST:PORT] [--json] [--no-progress]

        OPTIONS:
          --companies N     Companies to generate (default 1000).
          --months M        Simulated months to run (default 12).
          --seed S          World seed, a whole number (default 1).
          --start DATE      First simulated day, YYYY-MM-DD (default 2026-01-01), no
                            earlier than 2020-01-01, the first date of the VAT table.
          --numbering NAME  Invoice numbering: per-company (default) or seller-wide.
          --exchange-rate CUR=RATE[@DATE]
                            Kronor per EUR or USD (EUR=11.20, at most four decimals) from
                            DATE (default the start) on, to state Swedish VAT in SEK on
                            invoices in that currency; repeat it for each currency or
                            change. BillingSim holds no rates unless given.
          --pace-ms MS      Real-time mode: MS wall-clock milliseconds per simulated day.
          --dump FILE       Write the canonical dump of the world to FILE.
          --snapshot FILE   Save the world at the end to FILE (SQLite).
                            Both are checked before the run: an existing regular file is
                            replaced; a folder, link, FIFO or device is refused (73).
          --out DIR         Write invoice PDFs, emails, outbox.mbox and report.html to DIR.
          --smtp HOST:PORT  Deliver every invoice email to the SMTP server at HOST:PORT.
          --json            Print one JSON object instead of the readable summary.
          --no-progress     Never draw progress on stderr.
          -h, --help        Show this help.

        EXIT CODES:
          0 success, 64 bad usage (also a world too large for this machine's memory:
          the message says how many companies fit), 73 the dump, snapshot or export
          cannot be written, 75 some emails could not be delivered (the server kept failing).

        """

    static let run = """
        OVERVIEW: Run scenario files and folders and report what passed.

        USAGE: billingsim run <path>... [--seed S] [--json] [--junit FILE] [--out DIR]
                                        [--smtp HOST:PORT] [--allow-paths DIR[:DIR...]]

        Folders are searched for *.scenario files, run in name order. Each file runs in
        its own simulation; several run at once. See docs/scenario-language.md.
        A scenario's include and snapshot paths stay in the folder named here (or the
        file's own folder) unless --allow-paths widens it.

        OPTIONS:
          --seed S          Replace every scenario's seed with S.
          --json            Print the report as one JSON object.
          --junit FILE      Also write the report as JUnit XML to FILE.
          --out DIR         Write each scenario's PDFs, emails and report to DIR/<name>/,
                            with an index at DIR/report.html.
          --smtp HOST:PORT  Deliver every scenario's invoice emails to that SMTP server.
          --allow-paths DIR[:DIR...]
                            Also let include and snapshot paths reach these folders.
          -h, --help        Show this help.

        EXIT CODES:
          0 every expectation passed, 1 an expectation or statement failed,
          64 bad usage, 65 a malformed scenario, 66 a missing file,
          73 the JUnit file or the export cannot be written,
          75 some emails could not be delivered (the server kept failing).

        """

    static let resume = """
        OVERVIEW: Restore a snapshot and run it on for some months.

        USAGE: billingsim resume <file> [--months M] [--snapshot FILE] [--out DIR] [--smtp HOST:PORT]
                                 [--json] [--no-progress]

        Prints the same report as simulate; "from" is the snapshot's simulated time.

        OPTIONS:
          --months M        Simulated months to run on (default 12).
          --snapshot FILE   Save the world at the end to FILE.
          --out DIR         Write invoice PDFs, emails, outbox.mbox and report.html of the
                            whole world (before and after the snapshot) to DIR.
          --smtp HOST:PORT  Deliver every invoice email to the SMTP server at HOST:PORT.
          --json            Print one JSON object instead of the readable summary.
          --no-progress     Never draw progress on stderr.
          -h, --help        Show this help.

        EXIT CODES:
          0 success, 64 bad usage, 65 the file is not a valid snapshot,
          66 the file does not exist, 73 the new snapshot or the export cannot be
          written, 75 some emails could not be delivered (the server kept failing).

        """

    static let inspect = """
        OVERVIEW: Show what a snapshot holds: time, counts, totals; digest with --verify.

        USAGE: billingsim inspect <file> [--verify] [--json]

        Without --verify, inspect reads the counts and totals the save stored, in
        about the same time at any size. --verify restores the world, checking every
        row (as resume does), and adds its digest.

        OPTIONS:
          --verify          Restore the world, check every row, print its digest.
          --json            Print one JSON object.
          -h, --help        Show this help.

        EXIT CODES:
          0 success, 64 bad usage, 65 the file is not a valid snapshot,
          66 the file does not exist.

        """

    static let check = """
        OVERVIEW: Parse and check scenario files without running them.

        USAGE: billingsim check <path>... [--allow-paths DIR[:DIR...]]

        Prints every problem as file:line:column with a hint where one helps. Include and
        snapshot paths must stay in the folder named here (or the file's own folder).

        OPTIONS:
          --allow-paths DIR[:DIR...]
                            Also let include and snapshot paths reach these folders.
          -h, --help        Show this help.

        EXIT CODES:
          0 every file is well formed, 64 bad usage, 65 a malformed scenario,
          66 a missing file.

        """

    /// The help of `command`, if it exists.
    static func text(for command: String) -> String? {
        switch command {
        case "simulate": simulate
        case "run": run
        case "check": check
        case "resume": resume
        case "inspect": inspect
        default: nil
        }
    }
}
