import Testing
@testable import TallyExtract
