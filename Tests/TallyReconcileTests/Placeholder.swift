import Testing
@testable import TallyReconcile
