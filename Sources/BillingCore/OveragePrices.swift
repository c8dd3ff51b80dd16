/// Prices of metered usage above a plan's allowance.
public struct OveragePrices: Sendable, Hashable, Codable {
    /// Price per started block of 1,000 visits over the allowance.
    public var per1000Visits: PriceList
    /// Price per GB of CDN traffic over the allowance.
    public var perCDNGB: PriceList
    /// Price per GB of disk over the allowance.
    public var perDiskGB: PriceList

    /// Overage prices.
    public init(per1000Visits: PriceList, perCDNGB: PriceList, perDiskGB: PriceList) {
        self.per1000Visits = per1000Visits
        self.perCDNGB = perCDNGB
        self.perDiskGB = perDiskGB
    }

    /// DOMAIN.md's prices: 1.00 per 1,000 visits, 0.10 per CDN GB, 0.50 per disk GB
    /// (ten times that in SEK).
    public static let standard = OveragePrices(
        per1000Visits: .usdEurSek(100), perCDNGB: .usdEurSek(10), perDiskGB: .usdEurSek(50))
}
