import Dispatch
import Testing

@testable import TallyMemory

/// The safe API over TallyMemory's unsafe code: views, output buffers, frozen buffers, small strings,
/// the guarded state and the cell.
@Suite struct SafeAPITests {
    @Test func byteViewsReadSliceSearchAndDecode() {
        "héllo, world".withBytes { view in
            #expect(view.count == 13)
            #expect(view[0] == UInt8(ascii: "h"))
            #expect(view.string(0..<6) == "héllo")
            #expect(view.slice(8..<13).string == "world")
            #expect(view.firstIndex(of: UInt8(ascii: ","), from: 0) == 6)
            #expect(view.firstIndex(of: UInt8(ascii: "o"), in: 7..<13) == 9)
            #expect(view.firstIndex(of: UInt8(ascii: "z"), from: 3) == nil)
            #expect(view.firstIndex(of: UInt8(ascii: "h"), from: 13) == nil)
            #expect(view.word(at: 0) & 0xFF == UInt64(UInt8(ascii: "h")))
            #expect(view.wordHash(8..<13) == WordHash.of("world"))
            var out: [UInt8] = []
            view.append(8..<13, to: &out)
            #expect(out == Array("world".utf8))
        }
        [UInt8]().withView { #expect($0.isEmpty && $0.firstIndex(of: 0, from: 0) == nil) }
    }

    @Test func outputBuffersFillArraysAndStrings() {
        let squares = [Int](writing: 5) { out in
            for k in 0..<out.capacity { out.append(k * k) }
        }
        #expect(squares == [0, 1, 4, 9, 16])
        #expect([Int](writing: 0) { _ in }.isEmpty)
        let text = String(utf8Capacity: 8) { out in
            "abc".withBytes { out.append(0..<3, of: $0) }
            out.append(UInt8(ascii: "!"))
        }
        #expect(text == "abc!")
    }

    struct Pair {
        var text: String
        var lower: String
        var n: Int
    }

    @Test func smallStringsStoredIntoFieldsAreOrdinaryStrings() throws {
        try #require(SmallASCII.available)
        let text = try #require(StringField(\Pair.text)), lower = try #require(StringField(\Pair.lower))
        let pairs = [Pair](writing: 1) { out in
            "Kyiv".withBytes { bytes in
                let (maskLow, maskHigh) = SmallASCII.masks(4)
                let (low, high) = SmallASCII.pack(bytes, 0, 4, maskLow, maskHigh)
                out.append(
                    Pair(text: "", lower: "", n: 7), setting: text, to: SmallASCII(low: low, high: high, count: 4),
                    lower, to: SmallASCII(low: low | 0x20, high: high, count: 4))
            }
        }
        #expect(pairs[0].text == "Kyiv" && pairs[0].lower == "kyiv" && pairs[0].n == 7)
        #expect(pairs[0].text.hashValue == "Kyiv".hashValue)
    }

    @Test func frozenBuffersShareTheirElements() {
        let buffer = FrozenBuffer([3, 1, 4, 1, 5])
        let copy = buffer
        #expect(copy.count == 5 && copy[2] == 4)
        #expect(buffer.withView { Array($0) } == [3, 1, 4, 1, 5])
        #expect(FrozenBuffer([Int]()).count == 0)
    }

    @Test func guardedStateCountsEveryThreadsIncrements() {
        let counter = Guarded(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { counter.withLock(wake: true) { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 8000)
        #expect(counter.withLock(waitingFor: { $0 >= 8000 ? $0 : nil }) == 8000)
    }

    @Test func cellsAndCaseIndices() {
        let cell = Cell(-1)
        cell.value = 4
        #expect(cell.value == 4)
        enum Three: CaseIterable { case a, b, c }
        #expect(Three.allCases.map { CaseIndex.of($0) } == [0, 1, 2])
    }
}
