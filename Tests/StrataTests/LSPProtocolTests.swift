import Foundation
import Testing
@testable import Strata

/// The JSON the server reads and writes: strict RFC 8259, bounded depth, canonical output.
@Suite struct LSPJSONTests {
    @Test func valuesRoundTripWithSortedKeysAndWholeNumbers() throws {
        let text = #"{"b":[1,2.5,-3e2,true,false,null],"a":{"z":"x","y":""},"é":"\u00e9","A":0}"#
        let v = try JSONParser.parse(text)
        // Keys sorted by their bytes (uppercase before lowercase, é after both); 3e2 written whole.
        #expect(v.serialized == #"{"A":0,"a":{"y":"","z":"x"},"b":[1,2.5,-300,true,false,null],"é":"é"}"#)
        #expect(try JSONParser.parse(v.serialized) == v)
    }

    @Test func stringsDecodeEveryEscapeAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u4e2d\ud83d\ude00\ud800x""#)
        #expect(v.string == "\"\\/\u{08}\u{0C}\n\r\t中😀\u{FFFD}x")
        // Written back, control characters are escaped and everything else stays UTF-8.
        #expect(v.serialized == #""\"\\/\b\f\n\r\t中😀�x""#)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "+1", ".5", "1e", "tru", "nul", "\"a", "\"\\x\"", "\"\\u12\"",
        "\"a\nb\"", "[1] [2]", "{\"a\":1,}", "NaN", "Infinity",
    ])
    func malformedJSONIsAnErrorNotATrap(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func nestingIsBoundedSoNoInputExhaustsTheStack() throws {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        for n in [JSONParser.maxDepth + 1, 100_000] {
            let deep = String(repeating: "[", count: n) + String(repeating: "]", count: n)
            #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func numbersOutsideDoubleAndNonFiniteValuesStayJSON() throws {
        #expect(try JSONParser.parse("1e999") == .number(.infinity))
        #expect(JSONValue.number(.infinity).serialized == "null")
        #expect(JSONValue.number(.nan).serialized == "null")
        #expect(JSONValue.number(1e20).serialized == "1e+20")
        #expect(JSONValue.int(-7).serialized == "-7")
        #expect(JSONValue.number(2.5).int == nil && JSONValue.number(4).int == 4)
    }

    @Test func aLargeDocumentTextParsesInOnePass() throws {
        // A 5 MB rule text arrives as one string: read as a run of plain bytes, not byte by byte.
        let big = String(repeating: "segment s where clv > 100 # 深圳\n", count: 150_000)
        let message = JSONValue.object(["text": .string(big)]).serialized
        let start = Date()
        let v = try JSONParser.parse(message)
        #expect(v["text"]?.string == big)
        #expect(Date().timeIntervalSince(start) < 20)
    }
}

/// Content-Length framing: messages cut from any chunks, broken headers reported and skipped.
@Suite struct LSPFramingTests {
    static func frames(_ input: [UInt8], chunk: Int = .max) -> [Frame] {
        var f = MessageFramer()
        var out: [Frame] = []
        var i = 0
        while i < input.count {
            let j = min(input.count, i + max(1, min(chunk, input.count)))
            f.append(input[i..<j])
            i = j
            while let frame = f.next() { out.append(frame) }
        }
        return out
    }

    @Test func messagesAreCutAtTheirLengthWhateverTheChunks() {
        let a = #"{"id":1}"#, b = "{\"t\":\"深圳😀\"}"
        let input = MessageFramer.frame(a) + Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n".utf8)
            + MessageFramer.frame(b)
        let expected: [Frame] = [.body(Array(a.utf8)), .body(Array(b.utf8))]
        for chunk in [1, 2, 3, 7, 64, .max] {
            #expect(Self.frames(input, chunk: chunk) == expected, "chunks of \(chunk)")
        }
        // The length counts UTF-8 bytes, not characters.
        #expect(String(decoding: MessageFramer.frame(b).prefix(20), as: UTF8.self).hasPrefix("Content-Length: 18\r\n"))
    }

    @Test func headerNamesInAnyCaseAndBareLineFeeds() {
        let input = Array("content-LENGTH:2\n\n{}".utf8)
        #expect(Self.frames(input) == [.body(Array("{}".utf8))])
    }

    @Test(arguments: ["-1", "abc", "", "1 2", "9999999999999", "0x10"])
    func aBadLengthIsReportedAndTheNextMessageStillRead(_ length: String) {
        let input = Array("Content-Length: \(length)\r\n\r\n".utf8) + MessageFramer.frame("{}")
        let frames = Self.frames(input, chunk: 5)
        #expect(frames.count == 2)
        guard case .malformed? = frames.first else { Issue.record("expected a malformed frame first: \(frames)"); return }
        #expect(frames.last == .body(Array("{}".utf8)))
    }

    @Test func aMessageOverTheLimitIsSkippedAsItArrives() {
        let n = MessageFramer.maxBody + 1
        var f = MessageFramer()
        f.append(Array("Content-Length: \(n)\r\n\r\n".utf8))
        guard case .malformed? = f.next() else { Issue.record("the over-long message is not refused"); return }
        // Its bytes are dropped in chunks without being kept, and the message after it is read.
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        var left = n
        while left > 0 {
            let k = min(left, chunk.count)
            f.append(chunk[0..<k])
            left -= k
            #expect(f.next() == nil)
        }
        f.append(MessageFramer.frame("{}"))
        #expect(f.next() == .body(Array("{}".utf8)))
    }

    @Test func aHeaderThatNeverEndsIsDroppedNotBuffered() {
        var f = MessageFramer()
        f.append([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.maxHeader + 10))
        guard case .malformed? = f.next() else { Issue.record("an endless header is not refused"); return }
        #expect(!f.hasPartialMessage)
        f.append(MessageFramer.frame("[]"))
        #expect(f.next() == .body(Array("[]".utf8)))
    }

    @Test func bytesBeforeAHeaderAreSkippedUpToIt() {
        let input = Array("garbage{}".utf8) + MessageFramer.frame("{}")
        let frames = Self.frames(input)
        #expect(frames.count == 2 && frames.last == .body(Array("{}".utf8)))
    }

    @Test func aTruncatedBodyIsNeverHandedOut() {
        var f = MessageFramer()
        f.append(Array("Content-Length: 10\r\n\r\n{\"a\":".utf8))
        #expect(f.next() == nil)
        #expect(f.hasPartialMessage)
    }
}

/// `file:` URIs and paths.
@Suite struct LSPDocumentURITests {
    @Test func percentEncodingRoundTrips() {
        let path = "/home/分析/my rules#1/vip%.strata"
        let uri = DocumentURI.uri(path: path)
        #expect(uri == "file:///home/%E5%88%86%E6%9E%90/my%20rules%231/vip%25.strata")
        #expect(DocumentURI.path(uri) == path)
    }

    @Test func clientsSpellingsAreRead() {
        #expect(DocumentURI.path("file:///a/b.strata") == "/a/b.strata")
        #expect(DocumentURI.path("FILE://localhost/a/b.strata") == "/a/b.strata")
        #expect(DocumentURI.path("file:///a/%e5%88%86.strata") == "/a/分.strata")
        #expect(DocumentURI.path("file:///a/b.strata?x#y") == "/a/b.strata")
    }

    @Test(arguments: ["untitled:Untitled-1", "file://host/a", "file:///a/%zz", "file:///a/%00", "file:///%FF", "http://x/a", "file://"])
    func otherURIsNameNoFile(_ uri: String) {
        #expect(DocumentURI.path(uri) == nil)
    }
}
