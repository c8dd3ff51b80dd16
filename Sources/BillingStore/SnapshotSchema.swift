/// The snapshot file's tables (docs/snapshot-schema.md explains each column). Instants
/// are whole seconds since 1970-01-01 UTC, amounts minor units, dates `YYYY-MM-DD`.
enum SnapshotSchema {
    /// `PRAGMA user_version` of files this code writes and reads. Version 2 added
    /// `addons.disk_gb`, the lines' `credits` and `exchange_rates`; version 3 moved
    /// `payment_method` from `companies` to `company_details`. Earlier versions are
    /// refused by a restore but may be replaced.
    static let version: Int64 = 3

    /// Versions of files BillingSim wrote, which a save may replace.
    static let written: ClosedRange<Int64> = 1...version

    /// Every table a snapshot must have.
    static let tables = [
        "world", "tax_rates", "exchange_rates", "plans", "plan_prices", "addons", "addon_prices", "overage_prices", "users", "companies",
        "company_details", "sites", "active_addons", "memberships", "invitations", "pending_lines", "invoices",
        "invoice_lines", "outbox",
    ]

    static let create = """
        CREATE TABLE world (key TEXT PRIMARY KEY, value);
        CREATE TABLE tax_rates (country TEXT NOT NULL, effective TEXT NOT NULL, basis_points INTEGER NOT NULL);
        CREATE TABLE exchange_rates (currency TEXT NOT NULL, effective TEXT NOT NULL, sek_per_unit INTEGER NOT NULL);
        CREATE TABLE plans (id TEXT PRIMARY KEY, name TEXT NOT NULL, visits INTEGER NOT NULL, disk_gb INTEGER NOT NULL,
            cdn_gb INTEGER NOT NULL);
        CREATE TABLE plan_prices (plan TEXT NOT NULL, cycle TEXT NOT NULL, currency TEXT NOT NULL,
            minor_units INTEGER NOT NULL);
        CREATE TABLE addons (id TEXT PRIMARY KEY, name TEXT NOT NULL, scope TEXT NOT NULL, disk_gb INTEGER NOT NULL);
        CREATE TABLE addon_prices (addon TEXT NOT NULL, currency TEXT NOT NULL, minor_units INTEGER NOT NULL);
        CREATE TABLE overage_prices (metric TEXT NOT NULL, currency TEXT NOT NULL, minor_units INTEGER NOT NULL);
        CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL,
            invoice_email INTEGER NOT NULL);
        CREATE TABLE companies (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, currency TEXT NOT NULL, plan TEXT NOT NULL, cycle TEXT NOT NULL, anchor_mode TEXT NOT NULL,
            anchor_date TEXT NOT NULL, anchor_second INTEGER NOT NULL, period_index INTEGER NOT NULL,
            period_start INTEGER NOT NULL, period_billed INTEGER NOT NULL, usage_index INTEGER NOT NULL,
            usage_start INTEGER NOT NULL, visits INTEGER NOT NULL, cdn_gb INTEGER NOT NULL, disk_gb INTEGER NOT NULL,
            disk_peak_gb INTEGER NOT NULL, incurred_visits INTEGER NOT NULL, incurred_cdn_gb INTEGER NOT NULL,
            incurred_disk_gb INTEGER NOT NULL, balance INTEGER NOT NULL, number_prefix TEXT NOT NULL,
            next_sequence INTEGER NOT NULL, emailed_count INTEGER NOT NULL, closed INTEGER NOT NULL,
            settled_until INTEGER NOT NULL, profile_visits INTEGER, profile_cdn_gb INTEGER, profile_disk_gb INTEGER,
            random_state INTEGER NOT NULL, next_due INTEGER);
        CREATE TABLE company_details (company INTEGER NOT NULL, revision INTEGER NOT NULL, name TEXT NOT NULL,
            address TEXT NOT NULL, country TEXT NOT NULL, vat_number TEXT NOT NULL, payment_method TEXT NOT NULL);
        CREATE TABLE sites (company INTEGER NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL);
        CREATE TABLE active_addons (company INTEGER NOT NULL, position INTEGER NOT NULL, addon TEXT NOT NULL, site TEXT,
            since INTEGER NOT NULL);
        CREATE TABLE memberships (company INTEGER NOT NULL, position INTEGER NOT NULL, user INTEGER NOT NULL,
            role TEXT NOT NULL, sites TEXT);
        CREATE TABLE invitations (company INTEGER NOT NULL, position INTEGER NOT NULL, invitee INTEGER NOT NULL,
            role TEXT NOT NULL, sites TEXT, invited_by INTEGER NOT NULL, created INTEGER NOT NULL,
            expires INTEGER NOT NULL, status TEXT NOT NULL);
        CREATE TABLE pending_lines (company INTEGER NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, item TEXT,
            site TEXT, cycle TEXT, quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL, amount INTEGER NOT NULL,
            period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, credits INTEGER);
        CREATE TABLE invoices (company INTEGER NOT NULL, position INTEGER NOT NULL, number_prefix TEXT,
            number_sequence INTEGER, kind TEXT NOT NULL, cycle TEXT NOT NULL, created INTEGER NOT NULL,
            period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, currency TEXT NOT NULL,
            subtotal INTEGER NOT NULL, tax TEXT NOT NULL, tax_basis_points INTEGER, tax_amount INTEGER NOT NULL,
            total INTEGER NOT NULL, balance_applied INTEGER NOT NULL, amount_due INTEGER NOT NULL,
            balance_remaining INTEGER NOT NULL, details_revision INTEGER NOT NULL);
        CREATE TABLE invoice_lines (company INTEGER NOT NULL, invoice INTEGER NOT NULL, position INTEGER NOT NULL,
            kind TEXT NOT NULL, item TEXT, site TEXT, cycle TEXT, quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL,
            amount INTEGER NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, credits INTEGER);
        CREATE TABLE outbox (position INTEGER PRIMARY KEY, sent_at INTEGER NOT NULL, recipient INTEGER NOT NULL,
            company INTEGER NOT NULL, invoice INTEGER NOT NULL, number_prefix TEXT NOT NULL,
            number_sequence INTEGER NOT NULL);
        """
}
