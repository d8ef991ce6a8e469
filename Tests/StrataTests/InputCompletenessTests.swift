import Testing
@testable import Strata

@Suite struct InputCompletenessTests {
    @Test(arguments: [
        ("segment vip where clv > 1", true), ("count(vip)", true), ("", true), ("segment vip where", false), ("segment vip where clv >", false),
        ("tiers g {", false), ("tiers g { A where x > 1", false), ("tiers g { A otherwise }", true), ("avg(clv", false),
        ("segment a where x > 1 and", false), ("segment", false), ("show vip limit", false), ("segment vip clv > 1", true),
        ("let x = \"unterminated", true), ("segment a where x in [1,", false),
        // A blank continuation line does not end a statement that stops short; keyword case does not matter.
        ("segment a where x >\n", false), ("segment a where x > 1 AND", false), ("segment a where x >\n\n  ", false),
        ("segment a where x > 1\nsegment b where", false), ("segment a where\n  x > 1", true),
    ] as [(String, Bool)])
    func detects(_ text: String, _ complete: Bool) {
        #expect(InputCompleteness.isComplete(text) == complete, "\(text)")
    }
}
