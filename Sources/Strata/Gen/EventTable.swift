/// The event tables `strata gen --events` writes beside `customers.csv`, each linked to it by customer id.
public enum EventTable: Int, CaseIterable, Sendable {
    case visits, purchases, referrals, complaints

    /// The file's name in the output folder.
    public var fileName: String {
        switch self {
        case .visits: "visits.csv"
        case .purchases: "purchases.csv"
        case .referrals: "referrals.csv"
        case .complaints: "complaints.csv"
        }
    }

    /// The CSV columns, in order.
    public var header: [String] {
        switch self {
        case .visits: ["customer_id", "date", "channel", "minutes"]
        case .purchases: ["customer_id", "date", "amount", "project"]
        case .referrals: ["referrer", "referee", "date", "converted"]
        case .complaints: ["customer_id", "date", "category", "severity", "resolved", "days_to_resolve"]
        }
    }

    /// The header line, LF-terminated.
    var headerLine: [UInt8] { Array((header.joined(separator: ",") + "\n").utf8) }

    /// Appends one packed row as a CSV line.
    func format(_ row: UInt64, customers: Int, _ t: GeneratorTables, into out: inout [UInt8]) {
        switch self {
        case .visits: VisitEvents.format(row, customers: customers, t, into: &out)
        case .purchases: PurchaseEvents.format(row, t, into: &out)
        case .referrals: ReferralEvents.format(row, t, into: &out)
        case .complaints: ComplaintEvents.format(row, t, into: &out)
        }
    }
}

/// One event row packed in a word, so that millions fit in memory: bits 52–63 hold the day (counted from the
/// generator's first day), bits 25–51 the customer number, bits 0–24 the table's own fields.
enum EventRow {
    static let fieldBits = 25
    static let customerBits = 27
    /// 2^27 is above the 100 million customers `strata gen` accepts, and 2^12 days cover the calendar window.
    static let dayShift = UInt64(fieldBits + customerBits)

    static func pack(day: Int, customer: Int, fields: Int, _ t: GeneratorTables) -> UInt64 {
        UInt64(day - t.firstDay) << dayShift | UInt64(customer) << UInt64(fieldBits) | UInt64(fields)
    }

    /// Days since the generator's first day.
    static func dayIndex(_ row: UInt64) -> Int { Int(row >> dayShift) }
    static func day(_ row: UInt64, _ t: GeneratorTables) -> Int { t.firstDay + dayIndex(row) }
    static func customer(_ row: UInt64) -> Int { Int((row >> UInt64(fieldBits)) & (1 << UInt64(customerBits) - 1)) }
    static func fields(_ row: UInt64) -> Int { Int(row & (1 << UInt64(fieldBits) - 1)) }

    /// Appends the row's customer id and date, each followed by a comma: the first two columns of most tables.
    static func appendCustomerAndDate(_ row: UInt64, _ t: GeneratorTables, into out: inout [UInt8]) {
        CustomerGenerator.appendID(customer(row), &out)
        out.append(UInt8(ascii: ","))
        appendDate(row, t, into: &out)
    }

    /// Appends the row's date and a comma.
    static func appendDate(_ row: UInt64, _ t: GeneratorTables, into out: inout [UInt8]) {
        out.append(contentsOf: t.date(day(row, t)))
        out.append(UInt8(ascii: ","))
    }

    /// `width` bits of `fields` starting at bit `at`.
    static func bits(_ fields: Int, at: Int, width: Int) -> Int { (fields >> at) & (1 << width - 1) }
}

/// The packed rows of each event table, for one block of customers or one window of days.
struct EventRows: Sendable {
    var visits: [UInt64] = []
    var purchases: [UInt64] = []
    var referrals: [UInt64] = []
    var complaints: [UInt64] = []

    subscript(table: EventTable) -> [UInt64] {
        get {
            switch table {
            case .visits: visits
            case .purchases: purchases
            case .referrals: referrals
            case .complaints: complaints
            }
        }
        set {
            switch table {
            case .visits: visits = newValue
            case .purchases: purchases = newValue
            case .referrals: referrals = newValue
            case .complaints: complaints = newValue
            }
        }
    }
}

/// Where generated CSV bytes go: a file being written atomically, or memory in tests.
protocol ByteSink: AnyObject {
    func write(_ data: [UInt8]) throws
}

extension AtomicFileWriter: ByteSink {}

/// Bytes collected in memory.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []
    func write(_ data: [UInt8]) throws { bytes.append(contentsOf: data) }
}
