import Testing
@testable import TallyReport
