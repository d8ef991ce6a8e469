/// What changes between two evaluations of the same customers (`strata diff`): two data snapshots under
/// the same rules, or two versions of the rules on the same data. A pure value, compared by key, so every
/// presentation (the terminal, CSV/JSON, the `--export` file, an HTML report) renders the same facts.
public struct MembershipDiff: Sendable, Equatable {
    /// Which two evaluations were compared; the words of the output follow from it.
    public enum Mode: String, Sendable, Equatable {
        /// Same rules, `--data` (before) against `--against` (after).
        case snapshots
        /// Old rules against new rules, on the same data.
        case rules
    }

    /// Whether a segment, tiers or derived field is defined in both evaluations or only in one.
    public enum Presence: String, Sendable, Equatable {
        case both
        /// Only the before side defines it (the new rules removed it): every member left.
        case removed
        /// Only the after side defines it (the new rules added it): every member entered.
        case added
    }

    public var mode: Mode
    /// The customer key's name (`id`), which rows of `moves` are keyed by.
    public var keyName: String
    /// Customers in the before and after evaluations, and in both (matched by key).
    public var before: Int
    public var after: Int
    public var matched: Int
    /// Customers only in the after snapshot (arrived) or only in the before one (left).
    public var arrived: Int { after - matched }
    public var left: Int { before - matched }

    public var tiers: [TierMigration] = []
    public var segments: [SegmentChange] = []
    public var fields: [FieldChange] = []
    /// One entry per customer and segment or tiers field whose membership changed, in the after side's
    /// load order (customers who left last, in the before side's order), fields in definition order.
    public var moves: [Move] = []

    /// Whether anything differs: a membership or tier, a derived value, or a customer arrived or left.
    public var changed: Bool {
        !moves.isEmpty || arrived > 0 || left > 0 || fields.contains { $0.changed > 0 || $0.presence != .both }
    }

    /// The customers whose membership or tier changed (each counted once).
    public var customersChanged: Int {
        var n = 0
        var last: String?
        for m in moves where m.key != last {
            n += 1
            last = m.key
        }
        return n
    }

    public init(mode: Mode, keyName: String, before: Int, after: Int, matched: Int) {
        self.mode = mode
        self.keyName = keyName
        self.before = before
        self.after = after
        self.matched = matched
    }
}

/// The from→to matrix of one tiers field: rows are the before tier, columns the after tier.
public struct TierMigration: Sendable, Equatable {
    /// Row and column label of customers with no tier (no arm matched and no `otherwise`).
    public static let none = "(none)"
    /// Row label of customers only in the after snapshot.
    public static let arrivedLabel = "(arrived)"
    /// Column label of customers only in the before snapshot.
    public static let leftLabel = "(left)"

    public var name: String
    public var presence: MembershipDiff.Presence
    /// The tiers in declared order, highest first (the after rules' order, then tiers only the before
    /// rules have); `(none)` ranks below every tier.
    public var tiers: [String]
    /// `counts[from][to]`: from = tier index, `tiers.count` for (none), `tiers.count + 1` for arrived;
    /// to = tier index, `tiers.count` for (none), `tiers.count + 1` for left.
    public var counts: [[Int]]

    public init(name: String, presence: MembershipDiff.Presence, tiers: [String]) {
        self.name = name
        self.presence = presence
        self.tiers = tiers
        counts = Array(repeating: Array(repeating: 0, count: tiers.count + 2), count: tiers.count + 2)
    }

    /// Row labels: the tiers, `(none)`, `(arrived)`.
    public var fromLabels: [String] { tiers + [TierMigration.none, TierMigration.arrivedLabel] }
    /// Column labels: the tiers, `(none)`, `(left)`.
    public var toLabels: [String] { tiers + [TierMigration.none, TierMigration.leftLabel] }

    /// Customers in both evaluations whose tier is now higher (earlier in the declared order; any tier is above `(none)`).
    public var up: Int { sum { from, to in to < from } }
    /// Customers in both evaluations whose tier is now lower.
    public var down: Int { sum { from, to in to > from } }
    /// Customers in both evaluations with the same tier (also `(none)` both times).
    public var stayed: Int { sum { from, to in to == from } }
    public var arrived: Int { counts[tiers.count + 1].reduce(0, +) }
    public var left: Int { counts.reduce(0) { $0 + $1[tiers.count + 1] } }

    /// The sum over cells of customers in both evaluations (ranks 0…tiers.count) that pass `test`.
    private func sum(_ test: (Int, Int) -> Bool) -> Int {
        var n = 0
        for from in 0...tiers.count {
            for to in 0...tiers.count where test(from, to) { n += counts[from][to] }
        }
        return n
    }
}

/// Entered/left/stayed counts of one segment. `entered` and `left` include customers who arrived or
/// left with the snapshot, so `before = stayed + left` and `after = stayed + entered`.
public struct SegmentChange: Sendable, Equatable {
    public var name: String
    public var presence: MembershipDiff.Presence
    public var before = 0
    public var after = 0
    public var entered = 0
    public var left = 0
    public var stayed = 0

    public init(name: String, presence: MembershipDiff.Presence) {
        self.name = name
        self.presence = presence
    }
}

/// How many customers in both evaluations have another value of a derived field (nulls equal to each other).
public struct FieldChange: Sendable, Equatable {
    public var name: String
    public var presence: MembershipDiff.Presence
    public var changed = 0

    public init(name: String, presence: MembershipDiff.Presence) {
        self.name = name
        self.presence = presence
    }
}

/// One customer's change in one segment (`true`/`false`) or tiers field (a tier, `(none)`), with
/// `(arrived)`/`(left)` for the side a customer is missing from.
public struct Move: Sendable, Equatable {
    public var key: String
    public var field: String
    public var from: String
    public var to: String

    public init(key: String, field: String, from: String, to: String) {
        self.key = key
        self.field = field
        self.from = from
        self.to = to
    }
}
