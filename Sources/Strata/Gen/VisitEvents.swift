import Foundation

/// `visits.csv`: every contact with a customer (a visit to the sales office, an online chat, a call, an event).
///
/// A customer's rows agree with their row in `customers.csv`: exactly `visits` rows are 到访, the latest of
/// them on `last_visit`; the earliest row of any channel is on `first_visit`, and none is after `last_contact`.
enum VisitEvents {
    /// Channels, in `GeneratorVocabulary.visitChannels` order.
    enum Channel: Int {
        case office, online, phone, event
    }
    /// Rows whose customer id is empty or names no customer, as a real export has; they come on top of the
    /// customers' own rows, so the counts above still hold.
    static let orphanRate = 0.001

    /// How a row names its customer: fields bits 11–12. Bits 0–1 are the channel, 2–10 the minutes (0: empty).
    enum Orphan: Int {
        case none, emptyID, pastTheEnd, malformed
    }

    /// Appends the customer's rows to `rows` and leaves the days of their 到访 rows, in order, in `officeDays`.
    static func generate(_ c: CustomerRecord, _ rng: inout Rng, _ t: GeneratorTables, into rows: inout [UInt64], officeDays: inout [Int]) {
        officeDays.removeAll(keepingCapacity: true)
        let visits = max(1, c.visits)
        officeDays.append(c.lastVisit)
        if visits > 1 {
            officeDays.append(c.first)
            for _ in 2..<visits { officeDays.append(rng.int(in: c.first...c.lastVisit)) }
            officeDays.sort()
        }
        for day in officeDays { append(day, .office, c, &rng, t, &rows) }

        // The earliest row is on first_visit. A customer with one visit whose first_visit is earlier than it
        // enquired first: a call or chat on first_visit, then the visit.
        let enquiry = visits == 1 && c.first < c.lastVisit
        // Engagement varies a lot between customers: a log-normal rate gives most a few contacts and a long tail.
        let rate = (c.owner ? 4.2 : 0.7) * (c.member ? 1.3 : 1.0) * rng.lognormal(mu: 0, sigma: 0.9)
        let others = min(400, rng.geometric(1 / (1 + rate)))
        let channels = c.owner ? t.ownerContactChannel : t.prospectContactChannel
        for k in 0..<max(others, enquiry ? 1 : 0) {
            if enquiry, k == 0 {
                append(c.first, rng.chance(0.5) ? .online : .phone, c, &rng, t, &rows)
            } else {
                let day = rng.int(in: c.first...c.contact)
                append(day, Channel(rawValue: 1 + channels.draw(&rng)) ?? .phone, c, &rng, t, &rows)
            }
        }
    }

    /// Appends one row, and now and then an orphan beside it.
    private static func append(_ day: Int, _ channel: Channel, _ c: CustomerRecord, _ rng: inout Rng, _ t: GeneratorTables, _ rows: inout [UInt64]) {
        rows.append(EventRow.pack(day: day, customer: c.number, fields: channel.rawValue | minutes(channel, &rng) << 2, t))
        guard rng.chance(orphanRate) else { return }
        let kind: Orphan = rng.chance(0.4) ? .emptyID : rng.chance(0.6) ? .pastTheEnd : .malformed
        let other = Channel(rawValue: rng.int(in: 0...3)) ?? .office
        let fields = other.rawValue | minutes(other, &rng) << 2 | kind.rawValue << 11
        rows.append(EventRow.pack(day: day, customer: c.number, fields: fields, t))
    }

    /// Minutes spent, by channel; 0 when none was logged (more often for online chats).
    private static func minutes(_ channel: Channel, _ rng: inout Rng) -> Int {
        let (median, sigma, lo, hi, blank): (Double, Double, Double, Double, Double) = switch channel {
        case .office: (45, 0.5, 5, 300, 0.02)
        case .online: (6, 0.9, 1, 120, 0.08)
        case .phone: (3, 0.8, 1, 60, 0.02)
        case .event: (120, 0.35, 30, 300, 0.03)
        }
        if rng.chance(blank) { return 0 }
        return Int(min(hi, max(lo, rng.lognormal(mu: log(median), sigma: sigma))).rounded())
    }

    static func format(_ row: UInt64, customers: Int, _ t: GeneratorTables, into out: inout [UInt8]) {
        let f = EventRow.fields(row)
        let customer = EventRow.customer(row)
        switch Orphan(rawValue: EventRow.bits(f, at: 11, width: 2)) ?? .none {
        case .none: CustomerGenerator.appendID(customer, &out)
        case .emptyID: break
        case .pastTheEnd: CustomerGenerator.appendID(customers + 1 + customer % 997, &out)
        case .malformed:
            CustomerGenerator.appendID(customer, &out)
            out.append(UInt8(ascii: "x"))
        }
        out.append(UInt8(ascii: ","))
        EventRow.appendDate(row, t, into: &out)
        out.append(contentsOf: t.visitChannelBytes[EventRow.bits(f, at: 0, width: 2)])
        out.append(UInt8(ascii: ","))
        let minutes = EventRow.bits(f, at: 2, width: 9)
        if minutes > 0 { CustomerGenerator.appendInt(minutes, &out) }
        out.append(UInt8(ascii: "\n"))
    }
}
