import Testing
import TallyCore
@testable import TallyNumerals

/// `UnitID` and `UnitNames` (Sources/TallyNumerals/Numerals/UnitID.swift): interned units behave as
/// the names they stand for.
struct UnitIDTests {
    @Test func fixedIdsNameTheirUnits() {
        let names = UnitNames()
        let fixed: [(UnitID, String)] = [
            (.seconds, "seconds"), (.minutes, "minutes"), (.hours, "hours"), (.days, "days"), (.weeks, "weeks"), (.months, "months"),
            (.quarters, "quarters"), (.years, "years"), (.percent, "percent"), (.fraction, "fraction"), (.all, "all"),
        ]
        for (id, name) in fixed {
            #expect(names[id] == name)
            #expect(names.id(of: name) == id)
        }
    }

    @Test func internedNamesAreStableAndDistinct() {
        var names = UnitNames()
        let usd = names.intern("USD")
        let uah = names.intern("UAH")
        #expect(usd != uah && names.intern("USD") == usd && names[usd] == "USD")
        #expect(names.intern("hours") == .hours)
        #expect(names.id(of: "EUR") == nil)
    }

    @Test func timeTablesByIdMatchTheNamedTables() {
        var names = UnitNames()
        let all = UnitID.builtin.map { names.intern($0) } + [names.intern("fortnights"), names.intern("USD")]
        for a in all {
            #expect(a.timeRank == TimeUnit.rank[names[a]])
            #expect(TimeUnit.smaller(a).map { names[$0] } == TimeUnit.smaller[names[a]])
            for b in all { #expect(TimeUnit.factor(a, b) == TimeUnit.factor(names[a], names[b])) }
            for v in [0.5, 1.5, 2.25, 0.1, 3] {
                let (value, unit) = TimeUnit.normalise(v, a)
                let named = TimeUnit.normalise(v, names[a])
                #expect(value == named.0 && names[unit] == named.1)
            }
        }
    }

    @Test func vocabularyInternsCodesAddedLater() {
        var vocabulary = NumeralVocabulary.standard
        #expect(vocabulary.units.id(of: "USD") != nil)
        #expect(vocabulary.units.id(of: "CHF") == nil)
        vocabulary.currencies["CHF"] = "CHF"
        #expect(vocabulary.units.id(of: "CHF") != nil)
        let quantities = NumeralScanner(vocabulary: vocabulary).scan(text: "a 30 MCHF contract")
        #expect(quantities.map(\.unit) == ["CHF"])
    }
}
