import Foundation
import Testing
@testable import Strata

/// The REPL compiles each input with the same compiler as a rule file: `include` and `schema` work as in
/// a file, paths are relative to the working folder and the messages say so.
@Suite struct ReplProgramTests {
    static var data: String { Repo.path("examples/data/customers.csv") }

    static func folder(_ files: [String: String]) -> String {
        let dir = Repo.tempDir()
        for (name, text) in files { try? text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func includeRunsTheFilesStatementsAsInAFile() {
        let dir = Self.folder(["common.strata": "segment big where clv > 2e6\ninclude \"more.strata\"\n",
                               "more.strata": "segment bigger where big and referrals >= 2\n"])
        let r = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\ninclude \"\(dir)/common.strata\"\ncount(bigger)\ncount(big) >= count(bigger)\n")
        #expect(r.code == 0, "\(r.err)")
        // The same rule as the README's vip segment, reached through two includes.
        #expect(r.out.components(separatedBy: "\n").prefix(2) == ["186", "true"])
    }

    @Test func anIncludeThatCannotBeReadIsAnErrorAtTheInclude() {
        let r = CLIRun(["repl"], input: "include \"no/such.strata\"\n1 + 1\n")
        #expect(r.code == 1)
        #expect(r.err.contains("<repl:1>:1:9: error: cannot read included file `no/such.strata`"))
        #expect(r.out == "2\n")
    }

    @Test func aSchemaVerifiesTheLoadedDataAndMarksPersonalFields() {
        let ok = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\nschema customers {\n  id: string key\n  clv: number\n  city: string pii\n}\ncount city\n")
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.err.contains("the data matches schema `customers` (3 fields)"))
        // `city` is declared personal, so counting by it does not list the cities.
        #expect(!ok.out.contains("深圳"))
        let bad = CLIRun(["repl"], input: "load customers from \"\(Self.data)\"\nschema customers { clv: string }\n")
        #expect(bad.code == 1)
        #expect(bad.err.contains("<repl:2>:1:20: error: field `clv` is declared string but the data holds number values"))
    }

    @Test func aSchemaBeforeAnyDataMakesTheFieldsKnownAndChecksTheDataLoadedNext() {
        let input = "schema customers {\n  clv: number\n}\nsegment big where clv > 2e6\nsegment odd where clvv > 1\nload customers from \"\(Self.data)\"\ncount(big)\n"
        let r = CLIRun(["repl"], input: input)
        #expect(r.code == 1)
        #expect(r.err.contains("unknown name `clvv`"))
        #expect(r.err.contains("did you mean `clv`?"))
        // `big` was checked before the data came and computed when it did.
        #expect(r.err.contains("checked `big`; it is computed when data is loaded"))
        #expect(r.out == "512\n", "\(r.out)\(r.err)")
        let wrong = CLIRun(["repl"], input: "schema customers { clv: date }\nload customers from \"\(Self.data)\"\n")
        #expect(wrong.code == 1)
        #expect(wrong.err.contains("field `clv` is declared date but the data holds number values"))
    }

    @Test func aLoadTypedAtThePromptIsRelativeToTheWorkingFolderAndSaysSo() {
        let r = CLIRun(["repl"], input: "load customers from \"nowhere/customers.csv\"\n")
        #expect(r.code == 1)
        #expect(r.err.contains("relative to the folder strata was started in"))
        // In a rule file the same statement is relative to the file, and the message says that.
        let dir = Self.folder(["r.strata": "load customers from \"nowhere/customers.csv\"\nshow clv > 0\n"])
        let file = CLIRun(["run", dir + "/r.strata"])
        #expect(file.code == 3)
        #expect(file.err.contains("\(dir)/nowhere/customers.csv"))
        #expect(file.err.contains("relative to the rule file"))
        // A `--data` path is relative to the current folder.
        let data = CLIRun(["run", dir + "/r.strata", "--data", "customers=nowhere.csv"])
        #expect(data.err.contains("relative to the current folder"))
    }

    @Test func aDataPathFromTheCommandLineIsRelativeToTheWorkingFolderEverywhere() {
        // `--data` replaces the path of a `load` in a rule file; the path given is relative to where strata runs,
        // and every command says so, also the REPL when an included file's `load` takes it.
        let dir = Self.folder(["c.csv": "id,clv\nC1,10\n", "v.csv": "customer_id,minutes\nC1,5\n",
                               "r.strata": "load customers from \"c.csv\"\nload visits from \"v.csv\" linked by customer_id\ncount clv > 0\n"])
        for command in ["run", "check", "test"] {
            for table in ["customers", "visits"] {
                let r = CLIRun([command, dir + "/r.strata", "--data", "\(table)=nowhere.csv"])
                #expect(r.err.contains("nowhere.csv: cannot read the file"), "\(command) \(table): \(r.err)")
                #expect(r.err.contains("(relative to the current folder)"), "\(command) \(table): \(r.err)")
                #expect(!r.err.contains("relative to the rule file"))
            }
        }
        for table in ["customers", "visits"] {
            let r = CLIRun(["repl", "--data", "\(table)=nowhere.csv"], input: "include \"\(dir)/r.strata\"\n")
            #expect(r.err.contains("(relative to the folder strata was started in)"), "\(table): \(r.err)")
            #expect(!r.err.contains("relative to the rule file"), "\(table): \(r.err)")
        }
        // Without `--data` the included file's own path is relative to that file.
        let own = CLIRun(["repl"], input: "include \"\(dir)/r.strata\"\nload visits from \"\(dir)/nowhere.csv\" linked by customer_id\n")
        #expect(own.err.contains("relative to the folder strata was started in"))
        let inFile = Self.folder(["r.strata": "load customers from \"nowhere.csv\"\n"])
        #expect(CLIRun(["repl"], input: "include \"\(inFile)/r.strata\"\n").err.contains("(relative to the rule file)"))
    }

    @Test func aDateDeclaredPersonalIsMasked() {
        let dir = Self.folder(["c.csv": "id,birthday,clv\nC1,1985-03-14,10\nC2,,20\n",
                               "r.strata": "schema customers {\n  id: string key\n  birthday: date pii\n  clv: number\n}\nload customers from \"c.csv\"\nshow clv > 0 columns id, birthday\n"])
        let masked = CLIRun(["run", dir + "/r.strata", "--format", "csv"])
        #expect(masked.code == 0, "\(masked.err)")
        #expect(masked.out == "id,birthday\nC1,****-**-**\nC2,\n")
        let revealed = CLIRun(["run", dir + "/r.strata", "--format", "csv", "--reveal-pii"])
        #expect(revealed.out.contains("1985-03-14"))
    }
}
