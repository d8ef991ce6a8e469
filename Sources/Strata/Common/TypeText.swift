/// The catalog's names of the value types, as messages say them ("found string `city`", "这里是文本 `city`"); English keeps the names `.schema` shows.
public enum TypeText: String, CatalogKey {
    case number, string, bool, date, duration, null

    public var template: Template {
        switch self {
        case .number: Template(en: "number", zh: "数值")
        case .string: Template(en: "string", zh: "文本")
        case .bool: Template(en: "bool", zh: "布尔值")
        case .date: Template(en: "date", zh: "日期")
        case .duration: Template(en: "duration", zh: "时长")
        case .null: Template(en: "null", zh: "空值")
        }
    }
}

extension ValueType {
    /// The type's name as a slot of a message, rendered in the output's language.
    public var slot: Slot {
        switch self {
        case .number: .message(TypeText.number.message)
        case .string: .message(TypeText.string.message)
        case .bool: .message(TypeText.bool.message)
        case .date: .message(TypeText.date.message)
        case .duration: .message(TypeText.duration.message)
        case .null: .message(TypeText.null.message)
        }
    }
}
