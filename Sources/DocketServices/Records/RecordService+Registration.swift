import DocketCore
import DocketCrypto
import Foundation

extension RecordService {
    /// The original of a registration: a document already in the store, or new content streamed
    /// in by `fill` and stored in the same transaction as the entry.
    public enum Original: Sendable {
        case stored(id: String)
        case content(NewDocument, fill: @Sendable (BlobWriter) async throws -> Void)

        /// The file at `path` (the CLI's FILE), stored under its own name.
        public static func file(at path: String, title: String?) throws -> Original {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw DocketError.invalid("file", "\(path) is not a readable file")
            }
            let new = NewDocument(title: title, filename: URL(fileURLWithPath: path).lastPathComponent)
            return .content(new) { try $0.write(contentsOf: path, progress: nil) }
        }
    }

    /// Registers an arrived document in an incoming register (admin, clerk): the next arrival
    /// number of the register's year, the original byte-exact in the store, and a flag when the
    /// same sender's number and symbol was registered before.
    public func registerIncoming(_ new: NewIncoming, original: Original?, as actor: User) async throws -> RegisterEntry {
        try actor.require(.manageRecords)
        let (draft, backEntry) = try incomingDraft(new, as: actor)
        if new.signature != nil && original == nil {
            throw DocketError.invalid("signature", "a signature is checked against the original it signs; give the original too")
        }
        return try await withOriginal(original, classification: new.classification, signature: new.signature, as: actor) {
            document, text, signature, writer in
            var entry = draft
            entry.documentID = document?.id
            if let document, let signature {
                entry.signatureCheck = try keep(signature, of: document, as: actor, in: writer)
            }
            return try enterIncoming(
                entry, in: try Self.register(new.register, kind: .incoming, in: writer), document: document, text: text,
                backEntered: backEntry, as: actor, in: writer)
        }
    }

    /// An incoming entry as `new` describes it, checked, not yet numbered.
    func incomingDraft(_ new: NewIncoming, as actor: User) throws -> (RegisterEntry, BackEntry?) {
        let now = configuration.time.now()
        let sender = try Self.line(new.sender, field: "sender", limit: 300)
        let senderSymbol = try Self.line(new.senderSymbol, field: "senderSymbol", limit: 100)
        let summary = try Self.line(new.summary, field: "summary", limit: 500)
        let type: String
        if let given = new.type {
            type = try DocumentType.parse(given, field: "type")
        } else if let shown = DocumentType.from(symbol: senderSymbol) {
            type = shown
        } else {
            throw DocketError.invalid("type", "'\(senderSymbol)' does not show the document type; give it, e.g. CV")
        }
        try Self.check(pages: new.pages)
        try Self.check(new.classification, for: actor)
        let arrivedAt = new.arrivedAt ?? now
        if let deadline = new.deadline, deadline < CalendarDate(arrivedAt, in: configuration.timeZone) {
            throw DocketError.invalid("deadline", "the processing deadline \(deadline) is before the document arrived")
        }
        let backEntry = try BackEntry.from(
            backEntered: new.backEntered, number: new.number, date: new.arrivedAt.map { CalendarDate($0, in: configuration.timeZone) },
            dateField: "arrivedAt", today: configuration.today())
        let note = try TextInput.clean(optional: new.note, field: "note", multiline: true)
        let draft = RegisterEntry(
            id: configuration.identifiers.make("ent"), registerID: "", kind: .incoming, series: "", number: 0, year: 0,
            symbol: "", type: type, summary: summary, documentDate: new.senderDate, classification: new.classification,
            urgency: new.urgency, pages: new.pages, note: note, registeredBy: actor.id, registeredAt: now, sender: sender,
            senderSymbol: senderSymbol, arrivedAt: arrivedAt, deadline: new.deadline, state: .registered)
        return (draft, backEntry)
    }

    /// Numbers and inserts an incoming draft in `register`, flags a likely duplicate, starts its
    /// processing and records the event.
    func enterIncoming(
        _ draft: RegisterEntry, in register: Register, document: Document?, text: String?, backEntered: BackEntry?, as actor: User,
        in writer: any StorageWriter
    ) throws -> RegisterEntry {
        var entry = draft
        entry.duplicateOf = try writer.incomingEntry(sender: entry.sender ?? "", senderSymbol: entry.senderSymbol ?? "")?.id
        let entered = try book.enter(entry, in: register, document: document, text: text, backEntered: backEntered, in: writer)
        try writer.append(
            ProcessingStep(
                entryID: entered.id, sequence: 1, kind: .register, actorID: actor.id, at: entered.registeredAt,
                deadline: entered.deadline))
        try audit.record(
            writer, actor: actor.id, action: .recordIncoming, subject: entered.id,
            details: [
                "register": register.code, "number": entered.symbol, "year": String(entered.year), "sender": entered.sender ?? "",
                "senderSymbol": entered.senderSymbol ?? "", "document": document?.id ?? "", "duplicateOf": entered.duplicateOf ?? "",
                "backEntered": String(entered.backEntered),
            ])
        return entered
    }

    /// Registers a document the office issues in an outgoing register (admin, clerk): the next
    /// number of its series, printed `NN-TYPE/ISSUER`.
    public func registerOutgoing(_ new: NewOutgoing, original: Original?, as actor: User) async throws -> RegisterEntry {
        try actor.require(.manageRecords)
        let (draft, backEntry) = try outgoingDraft(new, as: actor)
        return try await withOriginal(original, classification: new.classification, signature: nil, as: actor) {
            document, text, _, writer in
            var entry = draft
            entry.documentID = document?.id
            if let answers = new.answers {
                let answered = try Self.readable(answers, by: actor, in: writer)
                guard answered.kind == .incoming else {
                    throw DocketError.invalid("answers", "\(answers) is an outgoing document; an answer answers an incoming one")
                }
                entry.answersID = answered.id
            }
            return try enterOutgoing(
                entry, in: try Self.register(new.register, kind: .outgoing, in: writer), document: document, text: text,
                backEntered: backEntry, as: actor, in: writer)
        }
    }

    /// An outgoing entry as `new` describes it, checked, not yet numbered.
    func outgoingDraft(_ new: NewOutgoing, as actor: User) throws -> (RegisterEntry, BackEntry?) {
        let type = try DocumentType.parse(new.type, field: "type")
        let summary = try Self.line(new.summary, field: "summary", limit: 500)
        let signer = try TextInput.clean(optional: new.signer, field: "signer")
        let recipients = try new.recipients.map { try Self.line($0, field: "recipients", limit: 300) }
        let keptBy = try TextInput.clean(optional: new.keptBy, field: "keptBy")
        if let copies = new.copies, copies < 1 { throw DocketError.invalid("copies", "copies is 1 or more; got \(copies)") }
        try Self.check(pages: new.pages)
        try Self.check(new.classification, for: actor)
        let note = try TextInput.clean(optional: new.note, field: "note", multiline: true)
        let backEntry = try BackEntry.from(
            backEntered: new.backEntered, number: new.number, date: new.date, dateField: "date", today: configuration.today())
        let draft = RegisterEntry(
            id: configuration.identifiers.make("ent"), registerID: "", kind: .outgoing, series: "", number: 0, year: 0,
            symbol: "", type: type, summary: summary, documentDate: new.date ?? configuration.today(),
            classification: new.classification, urgency: new.urgency, pages: new.pages, note: note, registeredBy: actor.id,
            registeredAt: configuration.time.now(), signer: signer, recipients: recipients, keptBy: keptBy, copies: new.copies)
        return (draft, backEntry)
    }

    /// Numbers and inserts an outgoing draft in `register` and records the event.
    func enterOutgoing(
        _ draft: RegisterEntry, in register: Register, document: Document?, text: String?, backEntered: BackEntry?, as actor: User,
        in writer: any StorageWriter
    ) throws -> RegisterEntry {
        let entered = try book.enter(draft, in: register, document: document, text: text, backEntered: backEntered, in: writer)
        try audit.record(
            writer, actor: actor.id, action: .recordOutgoing, subject: entered.id,
            details: [
                "register": register.code, "symbol": entered.symbol, "document": document?.id ?? "",
                "answers": entered.answersID ?? "", "backEntered": String(entered.backEntered),
            ])
        return entered
    }

    /// Runs `body` in one write transaction with the original, its text for the index and what
    /// checking `signature` against it found: looked up (and checked readable), or stored from its
    /// content first and recorded in the transaction, its blob removed again if the transaction
    /// rolls back. Text and signature are read before the transaction, so no write waits on them.
    private func withOriginal<T: Sendable>(
        _ original: Original?, classification: Classification, signature: Data?, as actor: User,
        _ body: @escaping @Sendable (Document?, String?, CheckedSignature?, any StorageWriter) throws -> T
    ) async throws -> T {
        switch original {
        case nil:
            return try await groupCommit.write(storage) { try body(nil, nil, nil, $0) }
        case .stored(let id):
            let blobs = blobs
            let found = try await storage.read { reader -> (Document, BlobContent?)? in
                guard let document = try reader.document(id: id), try actor.mayRead(document, in: reader) else { return nil }
                return (document, try blobs.content(document.sha256, in: reader))
            }
            guard let (document, content) = found else { throw DocketError(.notFound, "no document with id \(id)", field: "document") }
            let text = content.flatMap { DocumentText.extract($0, mediaType: document.mediaType) }
            let checked = try signature.map { der in
                guard let content else { throw BlobStore.missing(id) }
                return try check(der, content: content)
            }
            return try await groupCommit.write(storage) { try body(document, text, checked, $0) }
        case .content(var new, let fill):
            new.classification = max(new.classification, classification)
            let staged = try await StagedDocument(new, as: actor, blobs: blobs, configuration: configuration, fill: fill)
            do {
                let text = DocumentText.extract(staged.content, mediaType: staged.document.mediaType)
                let checked = try signature.map { try check($0, content: staged.content) }
                return try await groupCommit.write(storage) { writer in
                    try staged.record(by: actor, audit: audit, in: writer)
                    return try body(staged.document, text, checked, writer)
                }
            } catch {
                staged.discard()
                throw error
            }
        }
    }

    /// A signature that came with an original and what checking it against the trusted roots found.
    struct CheckedSignature: Sendable {
        let der: Data
        let report: SignatureReport
    }

    /// Checks a detached signature against the content at `path`; a signature that is not DER CMS
    /// is refused, naming the field.
    private func check(_ der: Data, content: BlobContent) throws -> CheckedSignature {
        do {
            let verifier = try KeyStore.translating {
                CMSVerifier(trust: try signed.keys.trustStore(), timestampTrust: try signed.keys.timestampTrust())
            }
            return CheckedSignature(der: der, report: try content.verify(der, with: verifier))
        } catch let error as SignatureError {
            throw DocketError.invalid("signature", "the signature is \(error.description); give the .p7s that came with the document")
        }
    }

    /// Keeps an incoming original's own signature beside it (the clerk who registered it asked for
    /// it to be kept) and says what checking it found, for the register.
    private func keep(_ signature: CheckedSignature, of document: Document, as actor: User, in writer: any StorageWriter) throws -> String {
        let report = signature.report
        let number = (try writer.signatures(documentID: document.id).map(\.number).max() ?? 0) + 1
        try audit.recordSigned(
            DocumentSignature(
                documentID: document.id, number: number, signerSubject: report.signerSubject, signerIssuer: report.signerIssuer,
                signerSerial: report.signerSerial, signedBy: actor.id, signedAt: report.signingTime ?? configuration.time.now(),
                der: signature.der),
            in: writer)
        return report.isValid
            ? "valid: \(report.signerSubject)"
            : "invalid: \(report.contentProblem ?? report.chainProblem ?? "does not hold") (\(report.signerSubject))"
    }

    /// The register named by `code` (of `kind` when one is given); without a code, the one
    /// register of `kind`.
    static func register(_ code: String?, kind: RegisterKind?, in reader: any StorageReader) throws -> Register {
        guard let code else {
            guard let kind else {
                throw DocketError.invalid("register", "name a register by its code, or say which kind: incoming or outgoing")
            }
            let registers = try reader.registers().filter { $0.kind == kind }
            guard registers.count == 1 else {
                throw DocketError.invalid(
                    "register",
                    registers.isEmpty
                        ? "there is no \(kind.rawValue) register yet; open one with `docket register create`"
                        : "there are \(registers.count) \(kind.rawValue) registers (\(registers.map(\.code).joined(separator: ", "))); name one")
            }
            return registers[0]
        }
        let register = try register(code, in: reader)
        if let kind, register.kind != kind {
            throw DocketError.invalid(
                "register", "\(register.code) is an \(register.kind.rawValue) register; name an \(kind.rawValue) one")
        }
        return register
    }

    static func check(pages: Int?) throws {
        if let pages, pages < 1 { throw DocketError.invalid("pages", "pages is 1 or more; got \(pages)") }
    }

    static func check(_ classification: Classification, for actor: User) throws {
        guard actor.isCleared(for: classification) else {
            throw DocketError.invalid(
                "classification",
                "you are cleared up to \(actor.clearance.rawValue) and cannot register a \(classification.rawValue) document")
        }
    }
}
