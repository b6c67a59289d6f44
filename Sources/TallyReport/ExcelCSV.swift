/// CSV that Excel opens as written (`tally extract --format csv --excel`).
///
/// Excel reads a CSV file without a byte order mark in the computer's legacy code page (Windows-1252 in
/// the West), so "Zelensky’s", "Łódź" or "Київ" arrive garbled; with the UTF-8 BOM first it reads UTF-8.
/// Nothing else changes: records already end in CRLF, as RFC 4180 and Excel want, in every CSV Tally
/// writes (a line break inside a quoted cell stays as the article had it, and Excel keeps it in the cell),
/// and cells that a spreadsheet would run as formulas are guarded in every CSV (`ClaimWriter.csvText`),
/// since a CSV written without `--excel` is opened in a spreadsheet just as often.
/// The BOM is opt-in because other readers (`cut`, Python's `csv` without `utf-8-sig`, databases'
/// import) take it for part of the first column's name.
public enum ExcelCSV {
    /// U+FEFF in UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
