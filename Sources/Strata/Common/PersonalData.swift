/// Personal data (names, phone numbers, e-mail addresses, ID numbers): which fields hold it, by their
/// names, and how a value of each kind is masked in `show`, exports and every other output.
public enum PII {
    /// The kinds of personal field, each with its own mask.
    public enum Kind: Sendable, Equatable {
        case name, phone, email, idNumber
    }

    /// True when the field, by its name, holds personal data.
    public static func isPersonal(fieldName: String) -> Bool { kind(fieldName: fieldName) != nil }

    /// The kind of personal data a field holds, judged by its name; nil for ordinary fields.
    public static func kind(fieldName: String) -> Kind? {
        let f = normalized(fieldName)
        if f.isEmpty { return nil }
        let tokens = f.split(separator: "_").map(String.init)
        if exactNames.contains(f) || f.hasSuffix("姓名") { return .name }
        // `project_name` or `city_name` are not people; only names qualified by a person word are.
        if tokens.count >= 2, tokens.last == "name", let before = tokens.dropLast().last, personWords.contains(before) {
            return .name
        }
        if idNames.contains(f) || f.contains("身份证") || f.contains("证件号") { return .idNumber }
        if f.contains("手机") || f.contains("电话") || tokens.contains(where: phoneWords.contains) { return .phone }
        if f.contains("邮箱") || f.contains("电子邮件") || f == "e_mail" || f == "mail" || tokens.contains("email") {
            return .email
        }
        return nil
    }

    /// The masked form of a value from the named field; values of ordinary fields come back unchanged.
    public static func mask(_ s: String, fieldName: String) -> String {
        guard let k = kind(fieldName: fieldName) else { return s }
        return mask(s, kind: k)
    }

    /// Masks text as the given kind: `138****5678`, `张**`, `J***`, `z***@qq.com`, `440301********1234`.
    public static func mask(_ s: String, kind: Kind) -> String {
        let chars = Array(s.trimmingSpaces)
        if chars.isEmpty { return "" }
        switch kind {
        case .phone:
            guard chars.count >= 8 else { return stars(chars.count) }
            return String(chars.prefix(3)) + stars(chars.count - 7) + String(chars.suffix(4))
        case .idNumber:
            guard chars.count >= 11 else { return stars(chars.count) }
            return String(chars.prefix(6)) + stars(chars.count - 10) + String(chars.suffix(4))
        case .email:
            guard let at = chars.lastIndex(of: "@"), at > 0, at < chars.count - 1 else { return stars(chars.count) }
            return String(chars[0]) + "***" + String(chars[at...])
        case .name:
            guard chars.count >= 2 else { return stars(chars.count) }
            let first = chars[0]
            if first.isASCII && first.isLetter { return String(first) + "***" }
            if first.unicodeScalars.first.map(isHan) == true { return String(first) + stars(chars.count - 1) }
            return stars(chars.count)
        }
    }

    private static func stars(_ n: Int) -> String { String(repeating: "*", count: max(1, n)) }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    private static func normalized(_ name: String) -> String {
        var out = ""
        for ch in name.trimmingSpaces.lowercased() {
            out.append(ch == "-" || ch == " " ? "_" : ch)
        }
        return out
    }

    private static let exactNames: Set<String> = ["name", "姓名", "客户姓名", "联系人", "业主", "customer_name", "full_name",
                                                   "real_name", "fullname", "realname", "customername"]
    private static let personWords: Set<String> = ["customer", "owner", "contact", "buyer", "referrer", "full", "real",
                                                   "first", "last", "member", "client", "person", "user"]
    private static let phoneWords: Set<String> = ["phone", "mobile", "tel", "telephone", "cellphone", "cell", "phone1",
                                                  "phone2", "mobilephone", "phonenumber"]
    private static let idNames: Set<String> = ["id_number", "id_card", "idcard", "id_no", "idno", "idnumber",
                                               "identity_number", "national_id", "id_card_number", "passport"]
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
