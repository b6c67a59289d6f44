import TallyMemory

/// File names that are not UTF-8 (a Latin-1 `café.txt` from an old archive): listing a folder turns each
/// invalid byte into U+FFFD, since paths are Swift `String`s everywhere, and that name does not exist.
/// Before a path is opened, each component holding U+FFFD is looked up in its folder again and replaced
/// by the raw bytes of the entry whose name reads the same, so such files are read, not reported as
/// "no such file". (Two names that differ only in their invalid bytes read the same: the first is used.)
enum RawPath {
    /// The path as the C string to hand to `open`, `stat`, `opendir`: the UTF-8 of `path`, or the raw
    /// bytes of the entries its U+FFFD components stand for.
    static func cString(_ path: String) -> [CChar] {
        guard path.unicodeScalars.contains("\u{FFFD}"), let raw = resolve(path) else { return Array(path.utf8CString) }
        return raw.map { CChar(bitPattern: $0) } + [0]
    }

    /// The raw bytes of `path` with every U+FFFD component resolved in its folder; nil when one is not found.
    static func resolve(_ path: String) -> [UInt8]? {
        var raw: [UInt8] = path.hasPrefix("/") ? [UInt8(ascii: "/")] : []
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, component) in components.enumerated() {
            if index > 0 { raw.append(UInt8(ascii: "/")) }
            guard component.unicodeScalars.contains("\u{FFFD}") else {
                raw += Array(component.utf8)
                continue
            }
            let folder = raw.isEmpty ? [CChar(bitPattern: UInt8(ascii: "."))] + [0] : raw.map { CChar(bitPattern: $0) } + [0]
            guard let name = entry(named: String(component), in: folder) else { return nil }
            raw += name
        }
        return raw
    }

    /// The raw name of the entry of `folder` (a C string) that decodes to `name`, valid UTF-8 first.
    private static func entry(named name: String, in folder: [CChar]) -> [UInt8]? {
        guard let entries = try? FileSystemCalls.entryNames(ofFolder: folder).get() else { return nil }
        var found: [UInt8]?
        for bytes in entries {
            guard String(decoding: bytes, as: UTF8.self) == name else { continue }
            if String(validating: bytes, as: UTF8.self) != nil { return bytes }
            if found == nil { found = bytes }
        }
        return found
    }
}
