/// The catalog's texts for what `strata gen`'s generators say (its command line is `CLIText`'s).
enum GenText: String, CatalogKey {
    case tooManyCustomersForEvents

    var template: Template {
        switch self {
        case .tooManyCustomersForEvents:
            Template(en: "--events supports up to {limit} customers, not {customers}", zh: "--events 最多支持 {limit} 位客户，这里是 {customers}")
        }
    }
}
