import DocketCore
import Foundation

/// The JSON both front ends write and read: sorted keys, RFC 3339 UTC times with milliseconds.
public enum DocketJSON {
    /// Compact, for the wire.
    public static let compact = encoder(pretty: false)
    /// Indented, for people.
    public static let pretty = encoder(pretty: true)
    /// Reads what the encoders write.
    public static let decoder = makeDecoder()

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(date))
        }
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try Timestamp.parse(try container.decode(String.self), field: "date")
        }
        return decoder
    }
}
