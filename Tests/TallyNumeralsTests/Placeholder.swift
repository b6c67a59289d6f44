import Testing
@testable import TallyNumerals
