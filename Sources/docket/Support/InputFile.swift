import DocketCore
import Foundation

/// A file a command reads whole: its bytes, or an error naming the option that gave its path.
enum InputFile {
    static func read(_ path: String, field: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DocketError.invalid(field, "cannot read \(path): no such file, or not readable")
        }
        return data
    }
}
