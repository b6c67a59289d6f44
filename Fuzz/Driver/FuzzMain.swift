#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import TallyFuzzTargets

/// `tally-fuzz TARGET [libFuzzer flags] [corpus dirs]` when linked with libFuzzer (see `Fuzz/build.sh`);
/// `tally-fuzz TARGET FILE...` otherwise, which replays inputs (regressions) through the target.
///
/// libFuzzer is linked without its own `main` (`libclang_rt.fuzzer_no_main`), so the one binary works
/// both ways: when `LLVMFuzzerRunDriver` is present it drives the target, else files are replayed.
@main
struct FuzzMain {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    typealias Driver = @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback
    ) -> Int32

    nonisolated(unsafe) static var target: FuzzTarget = .text

    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let chosen = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: tally-fuzz \(names) [libFuzzer flags | files to replay]\n".utf8))
            exit(64)
        }
        target = chosen
        chosen.prepare()
        if let symbol = dlsym(nil, "LLVMFuzzerRunDriver") {
            let driver = unsafeBitCast(symbol, to: Driver.self)
            // libFuzzer sees argv without the target name.
            var argc = CommandLine.argc - 1
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            argv![1] = argv![0]
            argv = argv! + 1
            exit(driver(&argc, &argv) { data, size in
                FuzzMain.target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
                return 0
            })
        }
        for path in arguments.dropFirst(2) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("tally-fuzz: cannot read \(path)\n".utf8))
                exit(66)
            }
            target.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
