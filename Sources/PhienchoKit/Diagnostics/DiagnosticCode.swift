/// Stable codes for every problem phiencho reports about content. Staff search the staff guide
/// (docs/huong-dan-nhan-vien.md) for a code; the codes never change meaning once published.
///
/// Ranges: PC1xx files, PC2xx front matter and YAML, PC3xx field values, PC4xx across files,
/// PC5xx site settings and theme, PC6xx output, PC7xx spreadsheet import (`phiencho import`), PC9xx privacy.
enum DiagnosticCode: String, CaseIterable, Sendable, Comparable {
    case fileTooLarge = "PC101"
    case invalidUTF8 = "PC102"
    case emptyFile = "PC103"
    case symlinkOutside = "PC104"
    case unreadable = "PC105"
    case missingFile = "PC106"
    case notAFolder = "PC107"

    case missingFrontMatter = "PC201"
    case unclosedFrontMatter = "PC202"
    case yamlSyntax = "PC203"
    case tabIndentation = "PC204"
    case duplicateKey = "PC205"
    case yamlAnchor = "PC206"
    case notAMapping = "PC207"
    case unusualSpace = "PC208"

    case unknownKey = "PC301"
    case missingField = "PC302"
    case wrongType = "PC303"
    case invalidID = "PC304"
    case invalidDate = "PC305"
    case expiresBeforePosted = "PC306"
    case invalidOpenings = "PC307"
    case salaryRange = "PC308"
    case unknownCommune = "PC309"
    case unknownSector = "PC310"
    case invalidChoice = "PC311"
    case invalidURL = "PC312"
    case invalidEmail = "PC313"
    case emptyValue = "PC314"
    case imageRemoved = "PC315"
    case invalidNumber = "PC316"
    case typographicQuotes = "PC317"
    case nonLatinName = "PC318"

    case duplicateID = "PC401"
    case duplicateSlug = "PC402"
    case duplicateName = "PC403"
    case unmatchedEmployer = "PC404"

    case invalidTimezone = "PC501"
    case themeProblem = "PC502"

    case outputProblem = "PC601"
    case outputRefused = "PC602"

    case importUnreadable = "PC701"
    case importNoHeader = "PC702"
    case importMissingColumn = "PC703"
    case importSeekerSheet = "PC704"
    case importEmptyCell = "PC705"
    case importInvalidDate = "PC706"
    case importInvalidNumber = "PC707"
    case importUnknownTerm = "PC708"
    case importInvalidChoice = "PC709"
    case importPhoneRestored = "PC710"
    case importDuplicateRow = "PC711"
    case importAmbiguousMatch = "PC712"
    case importInvalidValue = "PC713"
    case importUnknownColumn = "PC714"
    case importKeptDescription = "PC715"
    case importExpired = "PC716"
    case importSalaryPeriod = "PC717"
    case importTargetFile = "PC718"
    case importDuplicateColumn = "PC719"
    case importFormulaError = "PC720"

    case seekerDataLeak = "PC901"
    case citizenIDShape = "PC902"
    case seekerFileUnreadable = "PC903"

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
