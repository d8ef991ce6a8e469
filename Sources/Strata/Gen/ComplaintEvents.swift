import Foundation

/// `complaints.csv`: `complaints` rows per customer, dated between their first purchase (or first visit, for a
/// prospect) and `last_contact`; what owners complain about depends on whether their home is delivered yet.
enum ComplaintEvents {
    /// Fields: bits 0–2 the category, 3–4 the severity minus one, 5–13 the days it took to resolve (0 while open).
    static let maxDays = 365
    /// By severity: the share of complaints resolved, and the median days it takes. Serious complaints are
    /// resolved less often and take longer.
    static let resolvedShare = [0.88, 0.75, 0.6]
    static let typicalDays = [2.0, 7.0, 20.0]

    static func generate(_ c: CustomerRecord, _ rng: inout Rng, _ t: GeneratorTables, from start: Int, into rows: inout [UInt64]) {
        guard c.complaints > 0 else { return }
        let categories = !c.owner ? t.prospectComplaint : c.stage <= 2 ? t.awaitingComplaint : t.deliveredComplaint
        for _ in 0..<c.complaints {
            let day = rng.int(in: min(start, c.contact)...c.contact)
            let category = categories.draw(&rng)
            let severity = min(t.severity.draw(&rng), resolvedShare.count - 1)
            var days = 0
            if rng.chance(resolvedShare[severity]) {
                days = Int(min(Double(maxDays), max(1, rng.lognormal(mu: log(typicalDays[severity]), sigma: 0.8))).rounded())
                // One that would be resolved after the export date is still open in it.
                if day + days > t.lastDay { days = 0 }
            }
            rows.append(EventRow.pack(day: day, customer: c.number, fields: category | severity << 3 | days << 5, t))
        }
    }

    static func format(_ row: UInt64, _ t: GeneratorTables, into out: inout [UInt8]) {
        let f = EventRow.fields(row)
        EventRow.appendCustomerAndDate(row, t, into: &out)
        out.append(contentsOf: t.complaintBytes[EventRow.bits(f, at: 0, width: 3)])
        out.append(UInt8(ascii: ","))
        CustomerGenerator.appendInt(EventRow.bits(f, at: 3, width: 2) + 1, &out)
        out.append(UInt8(ascii: ","))
        let days = EventRow.bits(f, at: 5, width: 9)
        out.append(contentsOf: days > 0 ? t.trueBytes : t.falseBytes)
        out.append(UInt8(ascii: ","))
        if days > 0 { CustomerGenerator.appendInt(days, &out) }
        out.append(UInt8(ascii: "\n"))
    }
}
