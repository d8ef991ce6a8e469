import Foundation

/// The drawn facts of one generated customer: everything `customers.csv` states about them except the
/// name, phone, e-mail and which optional cells are blank, which are drawn while the row is written.
/// The event tables are made from these, so they agree with the customer's row.
struct CustomerRecord: Sendable {
    var number = 0
    var male = false
    var age = 0
    var band = 0
    var occupation = 0
    var city = 0
    var owner = false
    var channel = 0
    var demand = 0
    var stage = 0
    var visits = 0
    /// The price of each home bought, in yuan, in the order they were drawn; they sum to `spend`.
    var amounts: [Int] = []
    var spend = 0
    var clv = 0
    var referrals = 0
    var complaints = 0
    var satTenths = 0
    var member = false
    /// Days since 1970-01-01.
    var first = 0
    var lastVisit = 0
    var contact = 0

    /// Draws one customer's facts; the order of draws is part of the generator's output and must not change.
    static func draw(_ number: Int, _ rng: inout Rng, _ t: GeneratorTables) -> CustomerRecord {
        var c = CustomerRecord()
        c.number = number
        let wealth = rng.normal()
        c.male = rng.chance(0.52)
        c.age = Int(min(75, max(22, rng.normal(mean: 41 + 3 * wealth, sd: 10).rounded())))
        c.band = wealth < -0.8 ? 0 : wealth < 0.3 ? 1 : wealth < 1.1 ? 2 : 3
        c.occupation = c.age >= 60 && rng.chance(0.7) ? 8 : t.occupation[c.band].draw(&rng)
        c.city = t.city.draw(&rng)
        let owner = rng.chance(min(0.9, max(0.15, 0.5 + 0.1 * wealth)))
        c.owner = owner
        c.channel = (owner ? t.ownerChannel : t.prospectChannel).draw(&rng)
        c.demand = t.demand[c.band].draw(&rng)
        var purchases = 0
        if owner {
            purchases = 1
            if rng.chance(min(0.5, 0.12 + 0.08 * max(0, wealth))) { purchases += 1 + t.repeatExtra.draw(&rng) }
        }
        c.stage = (owner ? t.ownerStage : t.prospectStage).draw(&rng)
        c.visits = owner ? 3 + min(50, rng.geometric(0.2)) + 2 * (purchases - 1) : 1 + min(29, rng.geometric(0.45))

        var spend = 0.0
        let price = GeneratorVocabulary.cities[c.city].2
        for _ in 0..<purchases {
            let unit = rng.lognormal(mu: log(3.0e6 * price) + 0.3 * wealth, sigma: 0.4)
            let rounded = (min(3e7, max(1e6, unit)) / 1000).rounded() * 1000
            spend += rounded
            c.amounts.append(Int(rounded))
        }
        c.spend = Int(spend)

        var complaints = 0
        if rng.chance(owner ? 0.22 : 0.05) { complaints = 1 + t.complaintExtra.draw(&rng) }
        c.complaints = complaints
        let baseSat = owner ? rng.normal(mean: 4.3, sd: 0.45) : rng.normal(mean: 3.9, sd: 0.55)
        let satisfaction = min(5.0, max(1.0, baseSat - 0.55 * Double(complaints)))
        c.satTenths = Int((satisfaction * 10).rounded())
        let member = c.channel == 5 || rng.chance(owner ? 0.6 : 0.12)
        c.member = member

        var referrals = 0
        if owner {
            var q = 0.35 + 0.2 * (satisfaction - 4) + (member ? 0.1 : 0) + (c.channel == 1 ? 0.1 : 0)
            q = min(0.9, max(0.05, q))
            if rng.chance(q) {
                referrals = 1 + min(8, rng.geometric(0.5))
                // A few owners are connectors who bring in many buyers: the long tail of 老带新.
                if rng.chance(0.03) { referrals += rng.int(in: 3...12) }
            }
        } else if rng.chance(0.02) {
            referrals = 1
        }
        c.referrals = referrals

        var clv: Double
        if owner {
            clv = spend * (0.1 + 0.08 * Double(purchases - 1)) * exp(0.35 * wealth)
            clv += Double(referrals) * 1.2e5 * price
            clv *= (member ? 1.15 : 1.0) * pow(satisfaction / 4.0, 1.5) * pow(0.9, Double(complaints))
            clv *= rng.lognormal(mu: 0, sigma: 0.35)
        } else {
            clv = rng.lognormal(mu: log(1.5e4) + 0.6 * wealth, sigma: 0.7) * (c.stage == 1 ? 3 : 1)
        }
        c.clv = Int((clv / 100).rounded() * 100)

        let span = t.lastDay - t.firstDay - 30
        let u = rng.uniform()
        let first = t.firstDay + Int(Double(span) * (owner ? u : u.squareRoot()))
        let atRisk = complaints >= 2 ? rng.chance(0.7) : rng.chance(owner ? 0.12 : 0.3)
        let gap = atRisk ? 180 + Int(min(3000, -250 * log(1 - rng.uniform()))) : Int(min(3000, -45 * log(1 - rng.uniform())))
        let contact = min(t.lastDay, max(first + 1, t.lastDay - gap))
        if owner {
            c.lastVisit = first + Int(Double(contact - first) * pow(rng.uniform(), 0.7))
        } else {
            c.lastVisit = first + min(contact - first, Int(min(3000, -20 * log(1 - rng.uniform()))))
        }
        c.first = first
        c.contact = contact
        return c
    }

    var purchases: Int { amounts.count }
}
