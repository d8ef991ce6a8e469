/// One column of the membership table (`strata sql`'s final query, `strata run --membership`): the key,
/// a segment as true/false, or a derived or tiers field.
public struct MembershipColumn: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case key
        case segment
        /// A `derive`d field or a `tiers` field (its label), of the given type.
        case field(ValueType)
    }

    public var name: String
    public var kind: Kind
}

extension Program {
    /// The customer table's key: the one its `schema` or `load … key` names, else the one picked by name.
    public var customerKey: FieldSchema? {
        guard let t = customers else { return nil }
        return t.key.flatMap { t.field($0) } ?? t.keyField
    }

    /// The membership table's columns: the key, then every segment, derived field and tiers field in the
    /// order the program defines them. Both back ends build their table from this one list, so the SQL
    /// result and `--membership` can be compared column by column.
    public var membershipColumns: [MembershipColumn] {
        var out: [MembershipColumn] = []
        if let k = customerKey { out.append(MembershipColumn(name: k.name, kind: .key)) }
        for s in statements {
            switch s.checked.kind {
            case .segment(let name, _): out.append(MembershipColumn(name: name, kind: .segment))
            case .derive(let name, let e): out.append(MembershipColumn(name: name, kind: .field(e.type)))
            case .tiers(let name, _): out.append(MembershipColumn(name: name, kind: .field(.string)))
            case .setAsOf, .let, .show, .count, .export, .assert, .expression, .summarize, .print, .overlap: break
            }
        }
        return out
    }
}
