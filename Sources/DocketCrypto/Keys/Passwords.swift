import HummingbirdBcrypt

/// Password hashing with bcrypt; only hashes are ever stored.
public enum Passwords {
    /// A bcrypt hash of `password` (cost 12 unless told).
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches the bcrypt `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
