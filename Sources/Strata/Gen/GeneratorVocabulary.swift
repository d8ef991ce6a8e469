/// Word lists and weights for the demo customers, drawn from how Chinese developers' CRM exports look.
enum GeneratorVocabulary {
    /// Common surnames with rough frequencies (percent of the population) and the pinyin used in e-mail names.
    static let surnames: [(String, String, Double)] = [
        ("王", "wang", 7.1), ("李", "li", 7.0), ("张", "zhang", 6.8), ("刘", "liu", 5.4), ("陈", "chen", 4.6),
        ("杨", "yang", 3.1), ("黄", "huang", 2.2), ("赵", "zhao", 2.1), ("吴", "wu", 2.0), ("周", "zhou", 1.9),
        ("徐", "xu", 1.6), ("孙", "sun", 1.5), ("马", "ma", 1.4), ("朱", "zhu", 1.3), ("胡", "hu", 1.3),
        ("郭", "guo", 1.1), ("何", "he", 1.1), ("高", "gao", 1.0), ("林", "lin", 1.0), ("罗", "luo", 0.9),
        ("郑", "zheng", 0.9), ("梁", "liang", 0.8), ("谢", "xie", 0.7), ("宋", "song", 0.7), ("唐", "tang", 0.6),
        ("许", "xu", 0.6), ("韩", "han", 0.6), ("冯", "feng", 0.6), ("邓", "deng", 0.6), ("曹", "cao", 0.5),
        ("彭", "peng", 0.5), ("曾", "zeng", 0.5), ("肖", "xiao", 0.5), ("田", "tian", 0.4), ("董", "dong", 0.4),
        ("袁", "yuan", 0.4), ("潘", "pan", 0.4), ("于", "yu", 0.4), ("蒋", "jiang", 0.4), ("蔡", "cai", 0.4),
        ("余", "yu", 0.4), ("杜", "du", 0.4), ("叶", "ye", 0.4), ("程", "cheng", 0.4), ("苏", "su", 0.3),
        ("魏", "wei", 0.3), ("吕", "lv", 0.3), ("丁", "ding", 0.3), ("任", "ren", 0.3), ("沈", "shen", 0.3),
        ("姚", "yao", 0.3), ("卢", "lu", 0.3), ("姜", "jiang", 0.3), ("崔", "cui", 0.3), ("钟", "zhong", 0.3),
        ("谭", "tan", 0.3), ("陆", "lu", 0.3), ("汪", "wang", 0.3), ("范", "fan", 0.3), ("金", "jin", 0.3),
        ("石", "shi", 0.3), ("廖", "liao", 0.3), ("贾", "jia", 0.3), ("夏", "xia", 0.2), ("韦", "wei", 0.2),
        ("付", "fu", 0.2), ("方", "fang", 0.2), ("白", "bai", 0.2), ("邹", "zou", 0.2), ("孟", "meng", 0.2),
        ("熊", "xiong", 0.2), ("秦", "qin", 0.2), ("邱", "qiu", 0.2), ("江", "jiang", 0.2), ("尹", "yin", 0.2),
        ("薛", "xue", 0.2), ("闫", "yan", 0.2), ("段", "duan", 0.2), ("雷", "lei", 0.2), ("侯", "hou", 0.2),
        ("龙", "long", 0.2), ("史", "shi", 0.2), ("陶", "tao", 0.2), ("黎", "li", 0.2), ("贺", "he", 0.2),
        ("顾", "gu", 0.2), ("毛", "mao", 0.2), ("郝", "hao", 0.2), ("龚", "gong", 0.2), ("邵", "shao", 0.2),
        ("万", "wan", 0.2), ("钱", "qian", 0.2), ("严", "yan", 0.2), ("覃", "qin", 0.1), ("武", "wu", 0.1),
        ("戴", "dai", 0.1), ("莫", "mo", 0.1), ("孔", "kong", 0.1), ("向", "xiang", 0.1), ("汤", "tang", 0.1),
        ("欧阳", "ouyang", 0.05), ("司马", "sima", 0.02), ("诸葛", "zhuge", 0.02),
    ]

    static let maleGiven = Array("伟强磊军洋勇杰涛明超刚华鹏辉建文斌宇浩凯健俊帆帅旭博轩晨阳亮飞龙成林波志海峰鑫毅坤荣")
    static let femaleGiven = Array("芳娜敏静丽艳娟秀霞平桂英玉兰萍婷雪琳欣怡佳涵诗梦晓红丹春燕颖慧倩璐瑶琪蕾薇玲")
    static let neutralGiven = Array("子梓思雨嘉一宁文安新晨睿")

    /// City, weight in the customer base, and price level relative to a typical second-tier city.
    static let cities: [(String, Double, Double)] = [
        ("深圳", 14, 2.2), ("广州", 11, 1.4), ("上海", 12, 2.4), ("北京", 9, 2.3), ("杭州", 8, 1.5),
        ("成都", 9, 0.75), ("武汉", 7, 0.7), ("东莞", 6, 0.85), ("佛山", 6, 0.7), ("南京", 5, 1.2),
        ("苏州", 5, 1.0), ("重庆", 4, 0.55), ("西安", 2, 0.6), ("天津", 2, 0.8),
    ]

    static let incomeBands = ["低", "中", "中高", "高"]

    static let occupations = ["企业主", "白领", "公务员", "教师", "医生", "自由职业", "金融", "IT", "退休"]
    /// Occupation weights by income band (低 中 中高 高), in `occupations` order; 退休 is chosen by age.
    static let occupationByBand: [[Double]] = [
        [1, 30, 5, 8, 2, 25, 3, 8, 0],
        [3, 35, 10, 10, 5, 12, 8, 15, 0],
        [10, 25, 10, 5, 10, 8, 15, 17, 0],
        [35, 8, 5, 2, 10, 10, 18, 12, 0],
    ]

    static let channels = ["自然到访", "老带新", "线上", "中介", "活动", "万客会"]
    /// Owners come through referrals far more often than prospects do (20–30 % of buyers).
    static let ownerChannels: [Double] = [25, 26, 11, 17, 11, 10]
    static let prospectChannels: [Double] = [30, 10, 28, 13, 16, 3]

    static let demandTypes = ["价格敏感", "品质追求", "服务导向"]
    static let demandByBand: [[Double]] = [[60, 20, 20], [40, 35, 25], [25, 45, 30], [12, 55, 33]]

    /// Lifecycle: 到访 → 认购 → 签约 → 交付 → 入住 → 保修.
    static let stages = ["到访", "认购", "签约", "交付", "入住", "保修"]
    static let prospectStages: [Double] = [78, 22, 0, 0, 0, 0]
    static let ownerStages: [Double] = [0, 0, 15, 15, 45, 25]

    static let phonePrefixes = [130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157,
                                158, 159, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189]
    static let mailDomains = ["qq.com", "163.com", "126.com", "gmail.com", "sina.com", "outlook.com", "foxmail.com"]
    static let mailDomainWeights: [Double] = [0, 30, 12, 8, 6, 6, 8]

    /// Channels of `visits.csv`: a visit to the sales office, an online chat, a call, an event.
    static let visitChannels = ["到访", "线上", "电话", "活动"]
    /// Channels of the contacts that are not office visits (`线上`, `电话`, `活动`); owners come to more owner events.
    static let ownerContactChannels: [Double] = [30, 45, 25]
    static let prospectContactChannels: [Double] = [45, 45, 10]

    /// Residential projects; the weights are roughly how much each has sold.
    static let projects: [(String, Double)] = [
        ("万科城", 16), ("金色家园", 13), ("翡翠公园", 12), ("滨江壹号", 9), ("云栖府", 8), ("锦绣华庭", 8),
        ("天悦湾", 7), ("星河湾", 7), ("观澜府", 6), ("中央公园", 6), ("海上明月", 4), ("璟园", 4),
    ]

    /// Complaint categories; 服务态度 is the one a prospect who has not bought can have besides 销售承诺.
    static let complaintCategories = ["物业", "工程质量", "交付延期", "销售承诺", "装修", "服务态度"]
    /// Category weights, in `complaintCategories` order, for owners whose home is delivered, owners still
    /// waiting for it (stage 签约), and prospects.
    static let deliveredComplaints: [Double] = [38, 25, 5, 8, 18, 6]
    static let awaitingComplaints: [Double] = [0, 15, 45, 30, 0, 10]
    static let prospectComplaints: [Double] = [0, 0, 0, 60, 0, 40]
    /// Severity 1 (minor) to 3 (serious).
    static let severities: [Double] = [55, 33, 12]
}
