import TallyCore

/// Units after a figure: money in a sub-unit alone or in a name that needs a scale word
/// (`currency_hundredth`, `scaled_currency` in `currencies.yaml`) and units of measure (`measures.yaml`).
extension ScanContext {
    /// "12 cents", "197 pence", "212p", "one penny": hundredths of the currency the sub-unit
    /// belongs to. A one-letter sub-unit ("p") counts only glued to digits.
    func hundredths(_ m: inout Measure, at j: Int) -> Bool {
        guard j < tokenCount, facts[j].kind != .number, let unit = vocabulary.hundredthMap.value(hash: info[j].hash, tokens[j].lower) else { return false }
        if tokens[j].text.unicodeScalars.count == 1, tokens[j].text.unicodeScalars.first!.properties.isAlphabetic {
            guard m.isDigits, adjacent(j), isEndOrPunct(j + 1) || facts[j + 1].spaced, tokens[j].text == lower(j) else { return false }
        }
        m.kind = .money
        m.unit = unit
        m.value /= 100
        m.end = j + 1
        // "not one cent", "not a penny": none at all.
        if m.value == 0.01, lower(m.start - 1) == "not" { m.value = 0 }
        return true
    }

    /// "361 million pounds": a name that is money only after a scale word.
    func scaledMoney(_ m: inout Measure, at j: Int) -> Bool {
        guard m.scale >= 1000, isWord(j), let unit = vocabulary.scaledMap.value(hash: info[j].hash, tokens[j].lower) else { return false }
        m.kind = .money
        m.unit = unit
        m.end = j + 1
        return true
    }

    /// A word glued to digits that names what they count ("212p"), so the digits are no glued code.
    func isGluedUnitWord(_ j: Int) -> Bool {
        vocabulary.hundredthMap.contains(hash: info[j].hash, tokens[j].lower) || unitOfMeasure(at: j) != nil
    }

    /// A unit of measure at `j` ("GB", "km/h", "degrees Celsius") and the token just past it.
    func unitOfMeasure(at j: Int) -> (unit: UnitID, end: Int)? {
        guard j < tokenCount, facts[j].kind != .number, let (unit, end) = phrase(vocabulary.measureTable, at: j) else { return nil }
        return (unit, end)
    }
}
