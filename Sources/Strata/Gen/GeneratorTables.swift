/// The generator's word lists as UTF-8 bytes and weighted tables, built once.
struct GeneratorTables: Sendable {
    static let shared = GeneratorTables()

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
    let visitChannelBytes: [[UInt8]]
    let ownerContactChannel = WeightedTable(GeneratorVocabulary.ownerContactChannels)
    let prospectContactChannel = WeightedTable(GeneratorVocabulary.prospectContactChannels)
    let project: WeightedTable
    let projectBytes: [[UInt8]]
    let complaintBytes: [[UInt8]]
    let deliveredComplaint = WeightedTable(GeneratorVocabulary.deliveredComplaints)
    let awaitingComplaint = WeightedTable(GeneratorVocabulary.awaitingComplaints)
    let prospectComplaint = WeightedTable(GeneratorVocabulary.prospectComplaints)
    let severity = WeightedTable(GeneratorVocabulary.severities)
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
        func bytes(_ words: [String]) -> [[UInt8]] { words.map { GeneratorTables.csvField($0) } }
        surname = WeightedTable(GeneratorVocabulary.surnames.map(\.2))
        surnameBytes = bytes(GeneratorVocabulary.surnames.map(\.0))
        pinyinBytes = bytes(GeneratorVocabulary.surnames.map(\.1))
        maleGiven = bytes(GeneratorVocabulary.maleGiven.map(String.init))
        femaleGiven = bytes(GeneratorVocabulary.femaleGiven.map(String.init))
        neutralGiven = bytes(GeneratorVocabulary.neutralGiven.map(String.init))
        city = WeightedTable(GeneratorVocabulary.cities.map(\.1))
        cityBytes = bytes(GeneratorVocabulary.cities.map(\.0))
        bandBytes = bytes(GeneratorVocabulary.incomeBands)
        occupation = GeneratorVocabulary.occupationByBand.map(WeightedTable.init)
        occupationBytes = bytes(GeneratorVocabulary.occupations)
        ownerChannel = WeightedTable(GeneratorVocabulary.ownerChannels)
        prospectChannel = WeightedTable(GeneratorVocabulary.prospectChannels)
        channelBytes = bytes(GeneratorVocabulary.channels)
        demand = GeneratorVocabulary.demandByBand.map(WeightedTable.init)
        demandBytes = bytes(GeneratorVocabulary.demandTypes)
        ownerStage = WeightedTable(GeneratorVocabulary.ownerStages)
        prospectStage = WeightedTable(GeneratorVocabulary.prospectStages)
        stageBytes = bytes(GeneratorVocabulary.stages)
        domain = WeightedTable(GeneratorVocabulary.mailDomainWeights)
        domainBytes = bytes(GeneratorVocabulary.mailDomains)
        visitChannelBytes = bytes(GeneratorVocabulary.visitChannels)
        project = WeightedTable(GeneratorVocabulary.projects.map(\.1))
        projectBytes = bytes(GeneratorVocabulary.projects.map(\.0))
        complaintBytes = bytes(GeneratorVocabulary.complaintCategories)
    }

    /// Days in the calendar window, first and last included.
    var dayCount: Int { lastDay - firstDay + 1 }

    /// ISO text of a day inside the generator's calendar window.
    func date(_ day: Int) -> [UInt8] {
        let i = min(max(day - firstDay, 0), dateBytes.count - 1)
        return dateBytes[i]
    }

    /// A word as a CSV field, quoted if it ever needs to be, so edited word lists stay valid CSV.
    static func csvField(_ s: String) -> [UInt8] { Array(CSVWriter.field(s).utf8) }
}
