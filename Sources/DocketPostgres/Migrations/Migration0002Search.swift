/// Full-text search in Vietnamese. Each entry's and dossier's words are kept as written (for
/// snippets and for ranking exact-diacritic matches first) and folded by PostgreSQL itself:
/// `unaccent` strips the marks and đ → d is translated first, since đ has no decomposition.
/// `docket_fold` names the dictionary so it can be IMMUTABLE, as a generated column needs.
enum Migration0002Search {
    static let identifier = "0002-search"

    static let statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
        """
        CREATE FUNCTION docket_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, translate($1, 'đĐðÐ', 'dDdD')))
        """,
        """
        CREATE TABLE recordText (
            entryID text PRIMARY KEY REFERENCES registerEntry (id), exact text NOT NULL, words text NOT NULL,
            exactVector tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED,
            foldedVector tsvector GENERATED ALWAYS AS (to_tsvector('simple', docket_fold(words))) STORED)
        """,
        "CREATE INDEX recordText_folded ON recordText USING gin (foldedVector)",
        """
        CREATE TABLE dossierText (
            dossierID text PRIMARY KEY REFERENCES dossier (id), exact text NOT NULL, words text NOT NULL,
            exactVector tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED,
            foldedVector tsvector GENERATED ALWAYS AS (to_tsvector('simple', docket_fold(words))) STORED)
        """,
        "CREATE INDEX dossierText_folded ON dossierText USING gin (foldedVector)",
    ]
}
