import Testing
@testable import TallyIngest
