import Testing

@testable import TallyMemory

@Suite struct ScratchBufferTests {
    @Test func growsKeepingElementsAndFillsNewRoom() {
        let buffer = ScratchBuffer<Int32>(capacity: 2, filling: -1)
        buffer[0] = 7
        buffer.reserve(5, filling: 9)
        #expect(buffer.capacity >= 5)
        #expect((0..<5).map { buffer[$0] } == [7, -1, 9, 9, 9])
        buffer.fill(0, count: 3)
        #expect((0..<5).map { buffer[$0] } == [0, 0, 0, 9, 9])
    }

    @Test func pushesPopsAndCopies() {
        let stack = ScratchBuffer<Int>(capacity: 1, filling: 0)
        for n in 1...10 { stack.push(n) }
        #expect(stack.count == 10)
        #expect(stack.pop() == 10 && stack.count == 9)
        stack.count = 0
        #expect(stack.pop() == nil)
        let copy = ScratchBuffer<Int>(capacity: 4, filling: 0)
        copy.copy(4, from: stack)
        #expect((0..<4).map { copy[$0] } == [1, 2, 3, 4])
    }
}
