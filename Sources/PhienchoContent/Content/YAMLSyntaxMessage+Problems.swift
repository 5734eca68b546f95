import PhienchoCore

extension YAMLSyntaxMessage {
    /// Every problem libyaml's reader, scanner and parser can report (Debian 12's libyaml 0.2.5,
    /// and the nesting limit of later releases), said in Vietnamese for staff. A unit test reads
    /// the problems out of the installed library and fails on any missing here.
    package static let problems: [String: String] = [
        // Scanner.
        "block sequence entries are not allowed in this context": "không được bắt đầu một mục danh sách (“- ”) ở chỗ này",
        "could not find expected ':'": "thiếu dấu hai chấm (:) sau tên trường",
        "could not find expected directive name": "dòng bắt đầu bằng “%” nhưng không phải một chỉ thị; hãy bỏ dấu “%” hoặc đặt giá trị trong ngoặc kép",
        "did not find URI escaped octet": "nhãn (bắt đầu bằng “!”) có mã “%” viết sai; hãy đặt giá trị trong ngoặc kép",
        "did not find expected '!'": "nhãn (bắt đầu bằng “!”) viết sai; hãy đặt giá trị trong ngoặc kép",
        "did not find expected alphabetic or numeric character": "sau “&”, “*” hoặc “!” phải là chữ hoặc số; hãy đặt giá trị trong ngoặc kép",
        "did not find expected comment or line break": "sau giá trị còn chữ thừa trên cùng dòng",
        "did not find expected digit or '.' character": "số phiên bản sau “%YAML” viết sai; hãy xóa dòng này",
        "did not find expected hexdecimal number": "trong ngoặc kép, mã ký tự sau “\\x”, “\\u” hoặc “\\U” viết sai",
        "did not find expected tag URI": "nhãn (bắt đầu bằng “!”) viết sai; hãy đặt giá trị trong ngoặc kép",
        "did not find expected version number": "thiếu số phiên bản sau “%YAML”; hãy xóa dòng này",
        "did not find expected whitespace": "thiếu dấu cách sau một chỉ thị “%”; hãy xóa dòng này",
        "did not find expected whitespace or line break": "thiếu dấu cách hoặc xuống dòng sau một ký hiệu",
        "did not find the expected '>'": "nhãn “!<” chưa được đóng bằng “>”; hãy đặt giá trị trong ngoặc kép",
        "found a tab character that violates indentation": "dòng thụt lề bằng phím Tab; hãy dùng dấu cách",
        "found a tab character where an indentation space is expected": "dòng thụt lề bằng phím Tab; hãy dùng dấu cách",
        "found an incorrect leading UTF-8 octet": "có ký tự không đúng bảng mã UTF-8",
        "found an incorrect trailing UTF-8 octet": "có ký tự không đúng bảng mã UTF-8",
        "found an indentation indicator equal to 0": "số chỉ thụt lề sau “|” hoặc “>” không được là 0",
        "found character that cannot start any token": "giá trị bắt đầu bằng một ký tự đặc biệt (như @ hoặc `); hãy đặt cả giá trị trong ngoặc kép",
        "found extremely long version number": "số phiên bản sau “%YAML” quá dài; hãy xóa dòng này",
        "found invalid Unicode character escape code": "trong ngoặc kép, mã ký tự sau “\\u” hoặc “\\U” không hợp lệ",
        "found unexpected ':'": "dấu hai chấm đặt sai chỗ; hãy đặt giá trị trong ngoặc kép",
        "found unexpected document indicator": "dòng “---” hoặc “...” nằm giữa một giá trị chưa viết xong (thường là thiếu dấu ngoặc đóng)",
        "found unexpected end of stream": "phần khai báo hết khi một giá trị chưa viết xong (thường là thiếu dấu ngoặc đóng)",
        "found unexpected non-alphabetical character": "tên chỉ thị sau “%” có ký tự không phải chữ; hãy xóa dòng này",
        "found unknown directive name": "chỉ thị sau “%” không được hỗ trợ; hãy xóa dòng này",
        "found unknown escape character": "trong ngoặc kép, sau dấu “\\” là một ký tự không hợp lệ",
        "mapping keys are not allowed in this context": "không được viết tên trường ở chỗ này",
        "mapping values are not allowed in this context": "dấu hai chấm và dấu cách (“: ”) đặt sai chỗ: giá trị có dấu hai chấm phải đặt trong ngoặc kép, hoặc dòng thụt lề sai",
        // Parser.
        "did not find expected ',' or ']'": "danh sách mở bằng “[” chưa được đóng bằng “]”",
        "did not find expected ',' or '}'": "nhóm mở bằng “{” chưa được đóng bằng “}”",
        "did not find expected '-' indicator": "trong danh sách, mỗi mục phải bắt đầu bằng “- ”",
        "did not find expected <document start>": "có chữ thừa sau phần khai báo",
        "did not find expected <stream-start>": "không đọc được phần đầu của phần khai báo",
        "did not find expected key": "dòng này không có dạng “tên trường: giá trị” hoặc thụt lề không thẳng hàng với các dòng cùng nhóm",
        "did not find expected node content": "thiếu giá trị ở chỗ này",
        "found duplicate %TAG directive": "chỉ thị “%TAG” được viết hai lần; hãy xóa dòng này",
        "found duplicate %YAML directive": "chỉ thị “%YAML” được viết hai lần; hãy xóa dòng này",
        "found incompatible YAML document": "phiên bản YAML không được hỗ trợ; hãy xóa dòng “%YAML”",
        "found undefined tag handle": "nhãn (bắt đầu bằng “!”) không được khai báo; hãy đặt giá trị trong ngoặc kép",
        "Maximum nesting level reached, set with yaml_set_max_nest_level())": "các danh sách lồng nhau quá sâu",
        // Reader.
        "control characters are not allowed": "có ký tự điều khiển không nhìn thấy được (thường do dán từ nơi khác); hãy gõ lại dòng đó",
        "expected low surrogate area": "có ký tự không đúng bảng mã",
        "incomplete UTF-16 character": "có ký tự không đúng bảng mã",
        "incomplete UTF-16 surrogate pair": "có ký tự không đúng bảng mã",
        "incomplete UTF-8 octet sequence": "có ký tự không đúng bảng mã UTF-8",
        "input error": "không đọc được phần khai báo",
        "input is too long": "phần khai báo quá dài",
        "invalid Unicode character": "có ký tự không hợp lệ (thường do dán từ nơi khác); hãy gõ lại dòng đó",
        "invalid leading UTF-8 octet": "có ký tự không đúng bảng mã UTF-8",
        "invalid length of a UTF-8 sequence": "có ký tự không đúng bảng mã UTF-8",
        "invalid trailing UTF-8 octet": "có ký tự không đúng bảng mã UTF-8",
        "unexpected low surrogate area": "có ký tự không đúng bảng mã",
        // The tree builder's own.
        YAMLTreeBuilder.tooDeepProblem: "các danh sách lồng nhau quá sâu",
        YAMLTreeBuilder.anotherDocumentProblem: "có một phần khai báo thứ hai; tệp chỉ được có một",
    ]

    /// libyaml's problem in Vietnamese; a problem a later libyaml adds is still said in Vietnamese.
    static func problemText(_ problem: String) -> String {
        problems[problem] ?? "phần khai báo viết sai cú pháp"
    }
}
