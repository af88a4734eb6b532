import Foundation

/// Random identifiers: the kind, a dash, and 20 lowercase base-32 characters (100 bits).
public struct RandomIdentifiers: IdentifierSource {
    public init() {}
    public func make(_ kind: String) -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return kind + "-" + String((0..<20).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
