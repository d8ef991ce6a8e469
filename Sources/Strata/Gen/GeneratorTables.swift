/// The generator's word lists as UTF-8 bytes and weighted tables, built once.
struct Tables: Sendable {
    static let shared = Tables()

    let firstDay: Int
    let lastDay: Int
    private let dateBytes: [[UInt8]]

    let surname: WeightedTable
    let surnameBytes: [[UInt8]]
    let pinyinBytes: [[UInt8]]
    let maleGiven: [[UInt8]]
    let femaleGiven: [[UInt8]]
    let neutralGiven: [[UInt8]]
    let city: WeightedTable
    let cityBytes: [[UInt8]]
    let bandBytes: [[UInt8]]
    let occupation: [WeightedTable]
    let occupationBytes: [[UInt8]]
    let ownerChannel: WeightedTable
    let prospectChannel: WeightedTable
    let channelBytes: [[UInt8]]
    let demand: [WeightedTable]
    let demandBytes: [[UInt8]]
    let ownerStage: WeightedTable
    let prospectStage: WeightedTable
    let stageBytes: [[UInt8]]
    let complaintExtra = WeightedTable([50, 25, 13, 7, 5])
    /// Extra homes bought by repeat buyers: most buy one more, few three more.
    let repeatExtra = WeightedTable([70, 20, 10])
    let domain: WeightedTable
    let domainBytes: [[UInt8]]
    let qqDomain = Array("@qq.com".utf8)
    let male = Array("男".utf8)
    let female = Array("女".utf8)
    let trueBytes = Array("true".utf8)
    let falseBytes = Array("false".utf8)

    init() {
        // Fixed calendar bounds; both dates exist, so the fallbacks are never taken.
        firstDay = Int(CivilDate.days(year: 2019, month: 1, day: 1) ?? 17897)
        lastDay = Int(CivilDate.days(year: 2026, month: 6, day: 30) ?? 20634)
        dateBytes = (firstDay...lastDay).map { Array(CivilDate.format(Int32($0)).utf8) }
        func bytes(_ words: [String]) -> [[UInt8]] { words.map { Tables.csvField($0) } }
        surname = WeightedTable(Vocabulary.surnames.map(\.2))
        surnameBytes = bytes(Vocabulary.surnames.map(\.0))
        pinyinBytes = bytes(Vocabulary.surnames.map(\.1))
        maleGiven = bytes(Vocabulary.maleGiven.map(String.init))
        femaleGiven = bytes(Vocabulary.femaleGiven.map(String.init))
        neutralGiven = bytes(Vocabulary.neutralGiven.map(String.init))
        city = WeightedTable(Vocabulary.cities.map(\.1))
        cityBytes = bytes(Vocabulary.cities.map(\.0))
        bandBytes = bytes(Vocabulary.incomeBands)
        occupation = Vocabulary.occupationByBand.map(WeightedTable.init)
        occupationBytes = bytes(Vocabulary.occupations)
        ownerChannel = WeightedTable(Vocabulary.ownerChannels)
        prospectChannel = WeightedTable(Vocabulary.prospectChannels)
        channelBytes = bytes(Vocabulary.channels)
        demand = Vocabulary.demandByBand.map(WeightedTable.init)
        demandBytes = bytes(Vocabulary.demandTypes)
        ownerStage = WeightedTable(Vocabulary.ownerStages)
        prospectStage = WeightedTable(Vocabulary.prospectStages)
        stageBytes = bytes(Vocabulary.stages)
        domain = WeightedTable(Vocabulary.mailDomainWeights)
        domainBytes = bytes(Vocabulary.mailDomains)
    }

    /// ISO text of a day inside the generator's calendar window.
    func date(_ day: Int) -> [UInt8] {
        let i = min(max(day - firstDay, 0), dateBytes.count - 1)
        return dateBytes[i]
    }

    /// A word as a CSV field, quoted if it ever needs to be, so edited word lists stay valid CSV.
    static func csvField(_ s: String) -> [UInt8] { Array(CSVWriter.field(s).utf8) }
}
