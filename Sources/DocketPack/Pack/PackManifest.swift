import Foundation

/// `manifest.json` of an agenda pack (its schema: `Schemas/agenda-pack.schema.json`). It lists
/// every other member with size, media type and SHA-256; `manifest.json.p7s` signs its exact bytes.
public struct PackManifest: Sendable, Codable, Equatable {
    public static let format = "docket-agenda-pack/2"
    /// Formats `docket pack verify` still reads; format 1 listed withheld documents.
    public static let readableFormats: Set<String> = ["docket-agenda-pack/1", format, archiveFormat]
    /// Dossiers handed to the archive (nộp lưu): the same layout, with `archive` instead of a session.
    public static let archiveFormat = "docket-archive-pack/1"

    public struct SessionInfo: Sendable, Codable, Equatable {
        public var id: String
        public var number: Int
        public var title: String
        public var startsAt: String
        public var endsAt: String?
        public var location: String?
        public var state: String

        public init(
            id: String, number: Int, title: String, startsAt: String, endsAt: String?, location: String?, state: String
        ) {
            self.id = id
            self.number = number
            self.title = title
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.location = location
            self.state = state
        }
    }

    public struct BodyInfo: Sendable, Codable, Equatable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public struct BridgePointInfo: Sendable, Codable, Equatable {
        public var name: String
        public var hostAgency: String

        public init(name: String, hostAgency: String) {
            self.name = name
            self.hostAgency = hostAgency
        }
    }

    public struct Agenda: Sendable, Codable, Equatable {
        public var version: Int
        public var items: [Item]

        public init(version: Int, items: [Item]) {
            self.version = version
            self.items = items
        }
    }

    public struct Item: Sendable, Codable, Equatable {
        public var number: String
        public var title: String
        public var presenter: String?
        public var plannedMinutes: Int?
        public var status: String
        /// Document ids, each described in `documents`: only those the recipient may receive.
        public var documents: [String]
        /// True when the item has material the recipient may not receive; nothing else of it is
        /// in the pack. Absent in format 1 packs.
        public var withheldMaterial: Bool?

        public init(
            number: String, title: String, presenter: String?, plannedMinutes: Int?, status: String, documents: [String],
            withheldMaterial: Bool
        ) {
            self.number = number
            self.title = title
            self.presenter = presenter
            self.plannedMinutes = plannedMinutes
            self.status = status
            self.documents = documents
            self.withheldMaterial = withheldMaterial
        }
    }

    public struct DocumentEntry: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var filename: String
        public var mediaType: String
        public var size: Int64
        public var sha256: String
        public var classification: String
        /// The member holding the content (nil only for what format 1 packs listed as withheld).
        public var path: String?
        public var signatures: [SignatureEntry]

        public init(
            id: String, title: String, filename: String, mediaType: String, size: Int64, sha256: String,
            classification: String, path: String, signatures: [SignatureEntry]
        ) {
            self.id = id
            self.title = title
            self.filename = filename
            self.mediaType = mediaType
            self.size = size
            self.sha256 = sha256
            self.classification = classification
            self.path = path
            self.signatures = signatures
        }
    }

    /// What an archive pack hands over: the catalogue of dossiers (mục lục hồ sơ).
    public struct Archive: Sendable, Codable, Equatable {
        public struct Dossier: Sendable, Codable, Equatable {
            public var code: String
            public var title: String
            public var unit: String
            /// Years, or `permanent`.
            public var retention: String
            public var openedOn: String
            public var closedOn: String?
            public var accessLevel: String
            public var language: String
            public var pageCount: Int
            /// Its documents' ids, in order.
            public var documents: [String]
            /// The member holding its audit history as JSON.
            public var historyPath: String

            public init(
                code: String, title: String, unit: String, retention: String, openedOn: String, closedOn: String?,
                accessLevel: String, language: String, pageCount: Int, documents: [String], historyPath: String
            ) {
                self.code = code
                self.title = title
                self.unit = unit
                self.retention = retention
                self.openedOn = openedOn
                self.closedOn = closedOn
                self.accessLevel = accessLevel
                self.language = language
                self.pageCount = pageCount
                self.documents = documents
                self.historyPath = historyPath
            }
        }

        public var dossiers: [Dossier]
        public var transferredBy: String
        /// The signed transfer record's document id, itself in the pack.
        public var transferRecord: String

        public init(dossiers: [Dossier], transferredBy: String, transferRecord: String) {
            self.dossiers = dossiers
            self.transferredBy = transferredBy
            self.transferRecord = transferRecord
        }
    }

    /// The audit event that issued the pack, proved to be in the office's audit log: a signed
    /// checkpoint and the event's inclusion proof (docs/formats.md). The log key sits in this
    /// manifest, so the office's CMS signature over the manifest vouches for it.
    public struct AuditAnchor: Sendable, Codable, Equatable {
        /// The log's Ed25519 public key, 32 bytes, base64.
        public var logKey: String
        public var checkpoint: String
        public var sequence: Int64
        /// The event's canonical encoding, base64.
        public var event: String
        public var treeSize: Int
        public var path: [String]

        public init(logKey: String, checkpoint: String, sequence: Int64, event: String, treeSize: Int, path: [String]) {
            self.logKey = logKey
            self.checkpoint = checkpoint
            self.sequence = sequence
            self.event = event
            self.treeSize = treeSize
            self.path = path
        }
    }

    public struct SignatureEntry: Sendable, Codable, Equatable {
        public var number: Int
        public var signer: String
        public var signedAt: String
        /// The member holding the detached CMS signature (nil only in format 1 packs, when withheld).
        public var path: String?

        public init(number: Int, signer: String, signedAt: String, path: String) {
            self.number = number
            self.signer = signer
            self.signedAt = signedAt
            self.path = path
        }
    }

    public struct File: Sendable, Codable, Equatable {
        public var path: String
        public var size: Int64
        public var mediaType: String
        public var sha256: String

        public init(path: String, size: Int64, mediaType: String, sha256: String) {
            self.path = path
            self.size = size
            self.mediaType = mediaType
            self.sha256 = sha256
        }
    }

    public var format: String
    public var generatedAt: String
    /// The user the pack was made for; their clearance decided what is withheld.
    public var recipient: String
    public var clearance: String
    /// An agenda pack's session, body, bridge points and agenda; nil in an archive pack.
    public var session: SessionInfo?
    public var body: BodyInfo?
    public var bridgePoints: [BridgePointInfo]?
    public var agenda: Agenda?
    /// An archive pack's catalogue; nil in an agenda pack.
    public var archive: Archive?
    public var documents: [DocumentEntry]
    /// Every member except `manifest.json` and `manifest.json.p7s`.
    public var files: [File]
    /// Absent in packs made before the audit log was a Merkle tree, and when nothing issued the
    /// pack yet (a draft session).
    public var audit: AuditAnchor?

    public init(
        generatedAt: String, recipient: String, clearance: String, session: SessionInfo, body: BodyInfo,
        bridgePoints: [BridgePointInfo], agenda: Agenda, documents: [DocumentEntry], files: [File]
    ) {
        format = Self.format
        self.generatedAt = generatedAt
        self.recipient = recipient
        self.clearance = clearance
        self.session = session
        self.body = body
        self.bridgePoints = bridgePoints
        self.agenda = agenda
        self.documents = documents
        self.files = files
    }

    /// An archive pack's manifest.
    public init(generatedAt: String, recipient: String, clearance: String, archive: Archive, documents: [DocumentEntry], files: [File]) {
        format = Self.archiveFormat
        self.generatedAt = generatedAt
        self.recipient = recipient
        self.clearance = clearance
        self.archive = archive
        self.documents = documents
        self.files = files
    }

    public static let manifestPath = "manifest.json"
    public static let signaturePath = "manifest.json.p7s"
    public static let chainPath = "chain.pem"
    public static let indexPath = "index.html"
}
