/// Personal data (names, phone numbers, e-mail and postal addresses, WeChat/QQ accounts, ID numbers):
/// which fields hold it, by their names, and how a value of each kind is masked in `show`, exports and
/// every other output. docs/privacy.md states the rules for users; the tables here are those rules.
public enum PII {
    /// The kinds of personal field, each with its own mask.
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// A person's name (`张**`, `J***`); also the mask of a `pii` field whose name says nothing and of
        /// a value mixing two kinds, since it keeps the least: one character.
        case name
        case phone
        case email
        case idNumber
        /// A postal address: the province and city stay (`广东省深圳市****`), the street does not.
        case address
        /// A WeChat or QQ account: the first and the last character stay.
        case account
    }

    /// True when the field, by its name, holds personal data.
    public static func isPersonal(fieldName: String) -> Bool { kind(fieldName: fieldName) != nil }

    /// The kind of personal data a field holds, judged by its name; nil for ordinary fields.
    ///
    /// Chinese names are matched by the words they contain (`联系电话`, `客户姓名`, `家庭住址`), English
    /// names by their last word (`contact_phone`, `home_address`, `cust_name`, camelCase split too), so a
    /// count or a status of something personal (`contact_count`, `联系次数`, `证件类型`) is not personal,
    /// and neither is a project's or a city's name (`project_name`, `项目名称`).
    public static func kind(fieldName: String) -> Kind? {
        let f = normalized(fieldName)
        if f.isEmpty { return nil }
        if f.unicodeScalars.contains(where: isHan) {
            // The Chinese word decides; a name with no Chinese rule may still end in an English word (`客户_phone`).
            if hanNotPersonalSuffixes.contains(where: f.hasSuffix) || hanNotPersonalPrefixes.contains(where: f.hasPrefix) { return nil }
            if let k = hanKind(f) { return k }
        }
        return tokenKind(f.split(separator: "_").map(String.init))
    }

    /// The kind by the Chinese words of a name, most specific first: `联系人电话` is a phone, `邮件地址` an e-mail.
    private static func hanKind(_ f: String) -> Kind? {
        if ["身份证", "证件号", "护照号"].contains(where: f.contains) { return .idNumber }
        if ["手机", "电话", "联系方式", "座机"].contains(where: f.contains) { return .phone }
        if ["邮箱", "电子邮件", "邮件地址", "电邮"].contains(where: f.contains) { return .email }
        if ["微信", "qq"].contains(where: f.contains) { return .account }
        if ["地址", "住址", "居住地"].contains(where: f.contains) { return .address }
        if f.contains("姓名") || f.contains("联系人") || f.hasSuffix("客户名") || f.hasSuffix("客户名称") || f == "业主" { return .name }
        return nil
    }

    /// The kind by the English words of a name: the last word that is not a qualifier decides.
    private static func tokenKind(_ all: [String]) -> Kind? {
        var t = all
        // `phone_2`, `mobile_home`, `name_en`: the qualifier says which one, not what it is.
        while t.count > 1, let l = t.last, l.allSatisfy(\.isNumber) || qualifiers.contains(l) { t.removeLast() }
        guard let last = t.last else { return nil }
        // The developer's own places (`project_address`, `store_phone`): not a person's.
        if t.count > 1, let first = t.first, publicOwners.contains(first) { return nil }
        let prev = t.count >= 2 ? t[t.count - 2] : nil
        let prev2 = t.count >= 3 ? t[t.count - 3] : nil
        // ID numbers first: `id_number` must not lose its `number` to the next step and become the key `id`.
        if idWords.contains(last) { return .idNumber }
        if prev == "id", idTails.contains(last) { return .idNumber }
        if (prev == "national" && last == "id") || (prev == "identity" && idTails.contains(last)) { return .idNumber }
        if prev2 == "id", prev == "card", numberWords.contains(last) { return .idNumber }
        if prev == "passport", numberWords.contains(last) { return .idNumber }
        // `phone_number`, `qq_no`, `wechat_id` are the phone, the QQ, the WeChat account.
        if t.count > 1, numberWords.contains(last) || last == "id", let p = prev, phoneWords.contains(p) || accountWords.contains(p) {
            return phoneWords.contains(p) ? .phone : .account
        }
        if phoneWords.contains(last) { return .phone }
        if emailWords.contains(last) || (last == "address" && (prev == "email" || prev == "mail")) { return .email }
        if prev == "e" && last == "mail" { return .email }
        if accountWords.contains(last) || (prev == "we" && last == "chat") { return .account }
        if addressWords.contains(last) { return prev.map(notAddressOwners.contains) == true ? nil : .address }
        if nameWords.contains(last) { return .name }
        // `project_name` or `city_name` are not people; only names qualified by a person word are.
        if last == "name" { return prev.map(personWords.contains) ?? true ? .name : nil }
        // A contact on its own or a customer's is a person; `last_contact` is a date.
        if last == "contact" { return prev.map(contactOwners.contains) ?? true ? .name : nil }
        return nil
    }

    /// The masked form of a value from the named field; values of ordinary fields come back unchanged.
    public static func mask(_ s: String, fieldName: String) -> String {
        guard let k = kind(fieldName: fieldName) else { return s }
        return mask(s, kind: k)
    }

    /// Masks text as the given kind: `138****5678`, `张**`, `J***`, `z***@qq.com`, `440301********1234`,
    /// `广东省深圳市****`, `w*********3`. Short values are masked whole.
    public static func mask(_ s: String, kind: Kind) -> String {
        maskOneScalarCharacters(s, kind: kind) ?? maskByCharacters(s, kind: kind)
    }

    /// The mask of any text, character by character.
    static func maskByCharacters(_ s: String, kind: Kind) -> String {
        let text = s.trimmingSpaces
        if text.isEmpty { return "" }
        let chars = Array(text)
        let p = plan(chars.map { $0.unicodeScalars.first ?? "\u{FFFD}" }, kind: kind)
        return String(chars.prefix(p.head)) + String(repeating: "*", count: p.stars) + String(chars.suffix(p.tail))
    }

    /// What a mask keeps of a text: its first `head` characters, then `stars` asterisks, then its last `tail` characters.
    struct Plan: Equatable {
        var head: Int, stars: Int, tail: Int
        /// Every character hidden (at least one star, so a masked value never looks empty).
        static func hidden(_ n: Int) -> Plan { Plan(head: 0, stars: max(1, n), tail: 0) }
    }

    /// The mask of a kind for a text, given each character's first scalar (which says what it is).
    static func plan<C: RandomAccessCollection>(_ chars: C, kind: Kind) -> Plan where C.Element == Unicode.Scalar, C.Index == Int {
        let n = chars.count
        switch kind {
        case .phone:
            return n >= 8 ? Plan(head: 3, stars: n - 7, tail: 4) : .hidden(n)
        case .idNumber:
            return n >= 11 ? Plan(head: 6, stars: n - 10, tail: 4) : .hidden(n)
        case .email:
            guard let at = chars.lastIndex(of: "@"), at > chars.startIndex, at < n - 1 else { return .hidden(n) }
            return Plan(head: 1, stars: 3, tail: n - at)
        case .name:
            guard n >= 2, let first = chars.first else { return .hidden(n) }
            if first.isASCII && first.properties.isAlphabetic { return Plan(head: 1, stars: 3, tail: 0) }
            if isHan(first) { return Plan(head: 1, stars: n - 1, tail: 0) }
            return .hidden(n)
        case .address:
            // A fixed run of stars: the length of the street would tell something too.
            return Plan(head: addressRegion(chars), stars: 4, tail: 0)
        case .account:
            return n >= 3 ? Plan(head: 1, stars: n - 2, tail: 1) : .hidden(n)
        }
    }

    /// How many characters of an address stay: the province (through 省 or 自治区 near the start) and
    /// then the city (through a 市 soon after), `广东省深圳市`, `北京市`; else the first two characters of
    /// a Chinese address, which name the province or the municipality (`浙江`, `上海`); nothing of an
    /// address in another script, whose first characters are the house number. Something is always masked.
    static func addressRegion<C: RandomAccessCollection>(_ chars: C) -> Int where C.Element == Unicode.Scalar, C.Index == Int {
        guard let first = chars.first, isHan(first) else { return 0 }
        func find(_ word: [Unicode.Scalar], from: Int, within: Int) -> Int? {
            let last = min(from + within, chars.count) - word.count
            guard last >= from else { return nil }
            for k in from...last where word.indices.allSatisfy({ chars[k + $0] == word[$0] }) { return k + word.count }
            return nil
        }
        var kept = find(["省"], from: 0, within: 5) ?? find(["自", "治", "区"], from: 0, within: 9) ?? 0
        kept = find(["市"], from: kept, within: 6) ?? kept
        if kept == 0 { kept = chars.count > 4 ? 2 : 0 }
        return kept < chars.count ? kept : 0
    }

    /// The mask of text in which every character is one scalar (ASCII and Chinese: nearly all CRM data),
    /// worked out on its UTF-8 bytes; nil for any other text, which takes the general path by Characters.
    /// Splitting a million phone numbers into Characters and joining them again costs more than the rest
    /// of an export, so the bytes kept are copied as they are, with no String built along the way.
    static func maskOneScalarCharacters(_ s: String, kind: Kind) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            var lo = 0, hi = b.count
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            if lo == hi { return "" }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: hi - lo) { scalars -> String? in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: hi - lo + 1) { starts -> String? in
                    var n = 0, i = lo
                    while i < hi {
                        guard let (u, width) = decode(b, at: i, end: hi), standsAlone(u) else { return nil }
                        scalars[n] = u
                        starts[n] = i
                        n += 1
                        i += width
                    }
                    starts[n] = hi
                    let p = plan(UnsafeMutableBufferPointer(rebasing: scalars[0..<n]), kind: kind)
                    let headEnd = starts[p.head], tailStart = starts[n - p.tail]
                    return String(unsafeUninitializedCapacity: headEnd - lo + p.stars + hi - tailStart) { out in
                        var k = 0
                        for j in lo..<headEnd { out[k] = b[j]; k += 1 }
                        for _ in 0..<p.stars { out[k] = 0x2A; k += 1 }
                        for j in tailStart..<hi { out[k] = b[j]; k += 1 }
                        return k
                    }
                }
            }
        }
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let c0 = UInt32(b[i])
        let width = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4
        guard i + width <= end else { return nil }
        var value = width == 1 ? c0 : c0 & (0xFF >> UInt32(width + 1))
        for j in 1..<width { value = value << 6 | UInt32(b[i + j] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, width) }
    }

    /// A scalar that is a character on its own whatever surrounds it: printable ASCII, Chinese characters,
    /// CJK and full-width punctuation, the middle dot of transliterated names (`阿卜杜·艾力`).
    static func standsAlone(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20...0x7E, 0xB7, 0x3000...0x3029, 0xFF01...0xFF5E: return true
        default: return isHan(u)
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }

    /// Lower case with `_` between words: separators (`-`, space, `.`) become `_`, and so do camelCase
    /// boundaries (`contactPhone`) and changes between Chinese and Latin letters (`QQ号` → `qq_号`).
    static func normalized(_ name: String) -> String {
        var out = ""
        var previous: Character?
        for ch in name.trimmingSpaces {
            if ch == "-" || ch == " " || ch == "." || ch == "_" {
                if !out.isEmpty, out.last != "_" { out.append("_") }
                previous = nil
                continue
            }
            if let p = previous, boundary(p, ch), out.last != "_" { out.append("_") }
            out.append(contentsOf: ch.lowercased())
            previous = ch
        }
        while out.last == "_" { out.removeLast() }
        return out
    }

    /// A word boundary inside a name: lower case then upper case, or a change of script.
    private static func boundary(_ a: Character, _ b: Character) -> Bool {
        if a.isASCII, b.isASCII { return (a.isLowercase || a.isNumber) && b.isUppercase }
        let hanA = a.unicodeScalars.first.map(isHan) ?? false, hanB = b.unicodeScalars.first.map(isHan) ?? false
        return hanA != hanB && (a.isLetter || a.isNumber) && (b.isLetter || b.isNumber)
    }

    /// Chinese names that count or classify something personal rather than hold it (`联系次数`, `证件类型`).
    private static let hanNotPersonalSuffixes = ["数", "数量", "状态", "类型", "类别", "时间", "日期", "率", "标志", "来源"]
    /// Chinese names about the developer's own places, not people (`项目地址`, `门店电话`), or yes/no flags.
    private static let hanNotPersonalPrefixes = ["项目", "楼盘", "门店", "案场", "售楼", "是否", "有无"]

    private static let qualifiers: Set<String> = ["home", "work", "office", "primary", "main", "alt", "backup", "other", "personal",
                                                  "private", "cn", "en", "zh", "pinyin"]
    private static let numberWords: Set<String> = ["number", "no", "num", "nr"]
    private static let idWords: Set<String> = ["idcard", "idnumber", "idno", "idnum", "passport", "ssn", "nationalid"]
    private static let idTails: Set<String> = ["card", "number", "no", "num"]
    private static let phoneWords: Set<String> = ["phone", "mobile", "tel", "telephone", "cellphone", "cell", "phone1", "phone2",
                                                  "mobilephone", "phonenumber", "mobileno", "landline", "handphone"]
    private static let emailWords: Set<String> = ["email", "mail", "emailaddress", "mailbox"]
    private static let accountWords: Set<String> = ["wechat", "weixin", "qq", "wxid", "openid"]
    private static let addressWords: Set<String> = ["address", "addr", "street"]
    /// Addresses that are not postal (`ip_address`).
    private static let notAddressOwners: Set<String> = ["ip", "mac", "web", "url", "email", "mail"]
    /// First words of fields about the developer's own places (`project_address`, `store_phone`).
    private static let publicOwners: Set<String> = ["project", "store", "shop", "site", "branch", "sales", "building"]
    private static let nameWords: Set<String> = ["fullname", "realname", "customername", "username", "nickname", "firstname",
                                                 "lastname", "surname", "givenname", "ownername", "contactname", "custname"]
    private static let personWords: Set<String> = ["customer", "cust", "owner", "contact", "buyer", "referrer", "real", "first", "last",
                                                   "member", "client", "person", "user", "nick", "given", "family", "guest",
                                                   "visitor", "applicant", "spouse", "emergency", "legal"]
    private static let contactOwners: Set<String> = ["customer", "cust", "client", "emergency", "owner", "buyer", "family"]
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
