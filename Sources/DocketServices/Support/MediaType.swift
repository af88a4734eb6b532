/// Media types by file extension, for documents whose type the clerk did not give.
enum MediaType {
    static let byExtension: [String: String] = [
        "pdf": "application/pdf", "html": "text/html", "htm": "text/html", "txt": "text/plain",
        "md": "text/markdown", "csv": "text/csv", "json": "application/json", "xml": "application/xml",
        "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "zip": "application/zip", "p7s": "application/pkcs7-signature",
    ]

    static func guess(filename: String) -> String {
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }

    /// `type/subtype` with token characters only (parameters are not stored).
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let token = { (part: Substring) in
            !part.isEmpty && part.count <= 127
                && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$&^_.+-".contains($0)) }
        }
        return parts.count == 2 && token(parts[0]) && token(parts[1])
    }
}
