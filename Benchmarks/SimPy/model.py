#!/usr/bin/env python3
"""A SimPy model of BillingSim's `simulate`: the same population and billing rules.

One SimPy process per company bills its plan in advance on the anniversary (monthly or
annual), closes a monthly usage window (overage in arrears: on the next plan invoice for
monthly plans, on a per-use invoice with the add-ons for annual plans), applies VAT
(domestic, EU reverse charge, EU destination rate, outside the EU) and the account
balance. One more process sends, at each month end, every invoice finalized since the
last one to the opted-in Owner, Administrator and Billing members.

    python3 Benchmarks/SimPy/model.py --companies 50000 --months 12

With `--rng python` (the default) the population is drawn from Python's `random`: the
same distributions as BillingSim, not the same draws. `--rng splitmix` replays
BillingSim's SplitMix64 streams draw for draw, so the counts and revenue can be checked
against `billingsim simulate` exactly.
"""

import argparse
import calendar
import datetime
import random
import sys
from dataclasses import dataclass, field

import simpy

DAY = 86_400
MASK = (1 << 64) - 1

# --- Catalog (Catalog.swift, OveragePrices.swift): minor units; SEK is ten times USD/EUR.
# name: (monthly price, visits, disk GB, CDN GB); the annual price is ten monthly prices.
PLANS = {
    "starter": (3_500, 25_000, 10, 100),
    "pro": (7_000, 50_000, 20, 200),
    "business": (11_500, 100_000, 30, 300),
    "agency": (34_000, 400_000, 100, 1_000),
    "enterprise": (67_500, 1_000_000, 250, 2_500),
}
PLAN_WEIGHTS = [("starter", 40), ("pro", 25), ("business", 20), ("agency", 10), ("enterprise", 5)]
# Sorted by id, as BillingSim iterates them: id -> (monthly price, per site?).
ADD_ONS = {"backups": (5_000, True), "disk20": (2_000, False), "proxy": (5_000, True), "redis": (10_000, True)}
PER_1000_VISITS, PER_CDN_GB, PER_DISK_GB = 100, 10, 50


def price(amount, currency):
    return amount * 10 if currency == "SEK" else amount


# --- VAT (TaxTable.swift): basis points per country, with the dates they take effect.
SELLER = "SE"
EU_RATES = {
    "AT": 2000, "BE": 2100, "BG": 2000, "HR": 2500, "CY": 1900, "CZ": 2100, "DK": 2500, "EE": 2200, "FI": 2400,
    "FR": 2000, "DE": 1900, "GR": 2400, "HU": 2700, "IE": 2300, "IT": 2200, "LV": 2100, "LT": 2100, "LU": 1700,
    "MT": 1800, "NL": 2100, "PL": 2300, "PT": 2300, "RO": 1900, "SK": 2000, "SI": 2200, "ES": 2100, "SE": 2500,
}
RATE_CHANGES = {"FI": [(datetime.date(2024, 9, 1), 2550)], "EE": [(datetime.date(2025, 7, 1), 2400)],
                "RO": [(datetime.date(2025, 8, 1), 2100)], "SK": [(datetime.date(2025, 1, 1), 2300)]}
TAX_TABLE = {code: [(datetime.date(2000, 1, 1), bp)] + RATE_CHANGES.get(code, []) for code, bp in EU_RATES.items()}


def vat_rate(country, vat_number, on):
    """Basis points of VAT, or None (reverse charge, outside the EU). TaxTreatment.swift."""
    if country != SELLER and (country not in TAX_TABLE or vat_number):
        return None
    rate = None
    for effective, bp in TAX_TABLE[country]:
        if effective <= on:
            rate = bp
    return rate


def scale(value, numerator, denominator):
    """value * numerator / denominator, rounded half away from zero (Rounding.swift)."""
    q, r = divmod(abs(value * numerator), abs(denominator))
    q += 1 if 2 * r >= abs(denominator) else 0
    return -q if (value * numerator < 0) != (denominator < 0) else q


# --- Random draws.
class SplitMix64:
    """BillingSim's generator (SplitMix64.swift), for draw-for-draw replays."""
    __slots__ = ("state",)

    def __init__(self, seed, stream=None):
        self.state = seed & MASK
        if stream is not None:
            mixer = SplitMix64(seed ^ (stream * 0x9E3779B97F4A7C15))
            self.state = mixer.next() ^ stream

    def next(self):
        self.state = z = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        return ((self.next() >> 32) * bound) >> 32

    def chance(self, percent):
        return self.below(100) < percent


class PythonRandom(random.Random):
    """Python's Mersenne Twister with the two draws the model needs."""

    def below(self, bound):
        return int(self.random() * bound)

    def chance(self, percent):
        return self.random() * 100 < percent


# --- The world.
@dataclass(slots=True)
class Invoice:
    number: tuple  # (series prefix, sequence)
    kind: str  # "plan" or "per-use"
    cycle: str
    created: int  # seconds since the start
    period_start: int
    period_end: int
    currency: str
    lines: list  # (description, quantity, unit price, amount, start, end)
    subtotal: int
    tax_rate: object  # basis points or None
    tax: int
    total: int
    balance_applied: int
    amount_due: int
    balance_remaining: int


@dataclass(slots=True)
class Company:
    index: int
    name: str
    country: str
    vat_number: str
    currency: str
    plan: str
    cycle: str  # "monthly" or "annual"
    boundaries: list  # seconds of anchor boundary k, k = 0, 1, ...
    visits: int  # the usage profile
    cdn_gb: int
    disk_gb: int
    add_ons: list  # (id, site or None)
    members: list  # (user, role)
    usage_random: object
    payment_method: str
    balance: int = 0
    pending: list = field(default_factory=list)
    invoices: list = field(default_factory=list)
    emailed: int = 0


RECEIVES_INVOICES = {"owner", "administrator", "billing"}
EU = ["DE", "FI", "FR", "NL", "DK", "EE", "ES", "IT", "PL", "RO", "SK", "IE", "AT", "BE"]
OUTSIDE = ["US", "GB", "NO", "CH", "CA", "AU", "JP"]
NAMES = ["Åkerberg", "Björk", "Dahlström", "Ekström", "Fjäll", "Gärdet", "Hällström", "Ljung", "Nordvik", "Öberg",
         "Sjö", "Ängby"]
KINDS = ["Konsult AB", "Media AB", "Webbyrå", "Digital", "Studio", "Handel AB", "GmbH", "Ltd", "Oy", "BV"]


class World:
    def __init__(self, env, start, seed, rng):
        self.env = env
        self.start = start
        self.seed = seed
        self.rng = rng
        self.users = []  # (email, opted in)
        self.companies = []
        self.unsent = set()
        self.outbox = []  # (sent at, recipient, company, invoice position, number)
        self.anchors = {}

    def date(self, seconds):
        return self.start + datetime.timedelta(days=seconds // DAY)

    def boundaries(self, signup_day, months):
        """Anchor boundaries of a company signing up `signup_day` days after the start:
        the same day each month, clamped to the month's last day (BillingAnchor.swift)."""
        if signup_day not in self.anchors:
            anchor = self.start + datetime.timedelta(days=signup_day)
            days = []
            for k in range(months + 13):  # an annual period may end a year after the last month
                y, m = divmod(anchor.year * 12 + anchor.month - 1 + k, 12)
                d = datetime.date(y, m + 1, min(anchor.day, calendar.monthrange(y, m + 1)[1]))
                days.append((d - self.start).days * DAY)
            self.anchors[signup_day] = days
        return self.anchors[signup_day]

    # Population (PopulationGenerator.swift, with PopulationSpec's default mix).
    def populate(self, count, months):
        partners = max(1, count // 500) if count else 0
        splitmix = isinstance(self.rng, SplitMix64)
        partner_random = SplitMix64(self.seed ^ 0xACC0, 0) if splitmix else self.rng
        self.users = [(f"u{k}@bs.io", partner_random.chance(80)) for k in range(partners)]
        for index in range(count):
            r = SplitMix64(self.seed ^ 0x5EED, index) if splitmix else self.rng
            self.companies.append(self.draft(index, r, partners, months))

    def draft(self, index, r, partners, months):
        roll = r.below(100)
        for plan, weight in PLAN_WEIGHTS:
            if roll < weight:
                break
            roll -= weight
        cycle = "annual" if r.chance(15) else "monthly"
        place = r.below(100)
        country, vat, currency = "SE", "", "SEK"
        if place < 40:
            vat = f"SE55{100_000 + r.below(900_000)}01" if r.chance(70) else ""
            currency = "SEK" if r.chance(70) else "EUR"
        elif place < 75:
            country = EU[r.below(len(EU))]
            vat = f"{country}{10_000_000 + r.below(89_999_999)}" if place < 58 else ""
            currency = "EUR"
        else:
            country, currency = OUTSIDE[r.below(len(OUTSIDE))], "USD"
        name = f"{NAMES[r.below(len(NAMES))]} {KINDS[r.below(len(KINDS))]}"
        r.below(99)  # the street number of the address
        _, visits, disk, cdn = PLANS[plan]
        visits = visits * (50 + r.below(80)) // 100
        cdn = cdn * (30 + r.below(90)) // 100
        disk = disk * (40 + r.below(80)) // 100
        sites = 1 + r.below(5)
        add_ons = []
        if r.chance(20):
            for add_on, (_, per_site) in ADD_ONS.items():
                if r.chance(40):
                    add_ons.append((add_on, f"s{1 + r.below(sites)}" if per_site else None))
        members = []
        for k in range(1 + r.below(8)):
            user = len(self.users)
            self.users.append((f"u{user}@bs.io", r.chance(30)))
            members.append((user, "owner" if k == 0 else self.role(r, sites)))
        if r.chance(10):
            members.append((r.below(partners), "billing"))
        payment = f"Card •••• {1000 + r.below(9000)}" if r.chance(80) else "Invoice"
        usage_random = SplitMix64(self.seed, index) if isinstance(r, SplitMix64) else r
        return Company(index, name, country, vat, currency, plan, cycle, self.boundaries(r.below(28), months),
                       visits, cdn, disk, add_ons, members, usage_random, payment)

    @staticmethod
    def role(r, sites):
        roll = r.below(100)
        if roll < 25:
            return "administrator"
        if roll < 50:
            return "developer"
        if roll < 70:
            return "billing"
        r.below(sites)  # the site a site-level role is scoped to
        return "site administrator" if roll < 85 else "site developer"

    # Billing (CompanyState+Billing.swift).
    def company(self, c):
        """One company's life: the plan in advance each period, usage in arrears each month."""
        b = c.boundaries
        months_per_period = 12 if c.cycle == "annual" else 1
        period, window = 0, 0  # boundary indices of the current period and usage window
        yield self.env.timeout(b[0])
        self.plan_invoice(c, b[period], b[period + months_per_period])
        while True:
            yield self.env.timeout(b[window + 1] - self.env.now)
            self.close_usage_window(c, b[window], b[window + 1])
            window += 1
            if window == period + months_per_period:
                period = window
                self.plan_invoice(c, b[period], b[period + months_per_period])

    def plan_invoice(self, c, start, end):
        amount = price(PLANS[c.plan][0], c.currency) * (10 if c.cycle == "annual" else 1)
        lines = [(f"{c.plan} ({c.cycle})", 1, amount, amount, start, end)]
        if c.cycle == "monthly":
            for add_on, site in c.add_ons:
                unit = price(ADD_ONS[add_on][0], c.currency)
                lines.append((add_on if site is None else f"{add_on} ({site})", 1, unit, unit, start, end))
        lines += c.pending
        c.pending = []
        self.finalize(c, "plan", c.cycle, start, end, lines)

    def close_usage_window(self, c, start, end):
        r = c.usage_random
        visits = c.visits * (80 + r.below(41)) // 100
        cdn = c.cdn_gb * (80 + r.below(41)) // 100
        _, plan_visits, plan_disk, plan_cdn = PLANS[c.plan]
        lines = []
        for what, quantity, unit in (("visits (1,000)", -(-(visits - plan_visits) // 1000), PER_1000_VISITS),
                                     ("CDN GB", cdn - plan_cdn, PER_CDN_GB), ("disk GB", c.disk_gb - plan_disk, PER_DISK_GB)):
            if quantity > 0:
                unit = price(unit, c.currency)
                lines.append((f"Overage: {what}", quantity, unit, quantity * unit, start, end))
        if c.cycle == "monthly":
            c.pending += lines
            return
        for add_on, site in c.add_ons:  # add-ons set up at signup were in use the whole window
            unit = price(ADD_ONS[add_on][0], c.currency)
            lines.append((add_on if site is None else f"{add_on} ({site})", 1, unit, unit, start, end))
        lines += c.pending
        c.pending = []
        if lines:
            self.finalize(c, "per-use", "monthly", start, end, lines)

    def finalize(self, c, kind, cycle, start, end, lines):
        now = self.env.now
        rate = vat_rate(c.country, c.vat_number, self.date(now))
        subtotal = sum(line[3] for line in lines)
        tax = scale(subtotal, rate, 10_000) if rate is not None else 0
        total = subtotal + tax
        if total > 0:
            applied = min(c.balance, total)
            c.balance -= applied
        else:
            applied = 0
            c.balance -= total
        number = (f"C{c.index:07d}", len(c.invoices) + 1)
        c.invoices.append(Invoice(number, kind, cycle, now, start, end, c.currency, lines, subtotal, rate, tax, total,
                                  applied, max(0, total - applied), c.balance))
        self.unsent.add(c.index)

    # Month-end emails (SimulationClock.sendMonthEnd, InvoiceEmail.swift).
    def month_ends(self):
        day = self.start
        while True:
            day = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
            yield self.env.timeout((day - self.start).days * DAY - self.env.now)
            # Companies due at this instant were scheduled before this zero delay, so they
            # run first: an invoice issued as the month turns goes out at once.
            yield self.env.timeout(0)
            self.send(self.env.now)

    def send(self, now):
        for index in sorted(self.unsent):
            c = self.companies[index]
            recipients = [user for user, role in c.members if role in RECEIVES_INVOICES and self.users[user][1]]
            for position in range(c.emailed, len(c.invoices)):
                number = c.invoices[position].number
                self.outbox.extend((now, user, index, position, number) for user in recipients)
            c.emailed = len(c.invoices)
        self.unsent.clear()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=datetime.date.fromisoformat, default=datetime.date(2026, 1, 1))
    parser.add_argument("--rng", choices=["python", "splitmix"], default="python")
    args = parser.parse_args()

    env = simpy.Environment()
    rng = SplitMix64(args.seed) if args.rng == "splitmix" else PythonRandom(args.seed)
    world = World(env, args.start, args.seed, rng)
    world.populate(args.companies, args.months)
    for c in world.companies:
        env.process(world.company(c))
    env.process(world.month_ends())
    end = world.boundaries(0, args.months)[args.months]  # `--months` calendar months after the start
    env.run(until=end + 1)  # work due at the end instant is done too

    revenue = {}
    for c in world.companies:
        revenue[c.currency] = revenue.get(c.currency, 0) + sum(invoice.total for invoice in c.invoices)
    print(f"SimPy model: {args.companies} companies for {args.months} months from {args.start}, seed {args.seed}, "
          f"rng {args.rng}")
    print(f"  companies      {len(world.companies)}")
    print(f"  users          {len(world.users)}")
    print(f"  invoices       {sum(len(c.invoices) for c in world.companies)}")
    print(f"  emails         {len(world.outbox)}")
    print("  revenue        " + ", ".join(f"{v // 100}.{v % 100:02d} {k}" for k, v in sorted(revenue.items())))
    sys.stdout.flush()
    # Like billingsim, leave freeing the world to the operating system.
    import os
    os._exit(0)


if __name__ == "__main__":
    main()
