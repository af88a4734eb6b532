import ArgumentParser

/// `docket`: the command line over the service layer.
@main
struct DocketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "Paperless sessions, task supervision and work records on a signed document store.",
        discussion: """
            Data lives in --data-dir (or $DOCKET_DATA_DIR, default ./docket-data). Commands act as \
            --as USER (or $DOCKET_USER). Exit codes: 0 success, 1 verification failed, 2 invalid input, \
            3 not found, 4 not authenticated, 5 forbidden, 6 conflict, 7 too large, 8 key unavailable, \
            9 too many attempts (wait and retry), 70 internal error.
            """,
        subcommands: [
            InitCommand.self, ServeCommand.self, DocCommand.self, VerifyCommand.self, StoreCommand.self, MigrateStoreCommand.self,
            BodyCommand.self, SessionCommand.self, UserCommand.self, TokenCommand.self, KeysCommand.self,
            AuditCommand.self, AgencyCommand.self, NoticeCommand.self, RegisterCommand.self, IncomingCommand.self, OutgoingCommand.self, SearchCommand.self,
            FilingPlanCommand.self, DossierCommand.self,
            PackCommand.self,
            PlanCommand.self, TaskCommand.self,
        ]
    )
}
