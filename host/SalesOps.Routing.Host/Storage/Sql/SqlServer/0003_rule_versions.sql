-- The T-SQL twin of Sqlite/0003_rule_versions.sql.

-- Every rule-set version that was ever live, with the text of its files, so the rule_set_version
-- of any stored decision leads back to the exact rules that made it.
CREATE TABLE dbo.rule_set_versions (
    version             nvarchar(64)      NOT NULL,
    first_activated_at  datetimeoffset(7) NOT NULL,
    files               nvarchar(max)     NOT NULL,
    CONSTRAINT pk_rule_set_versions PRIMARY KEY (version)
);

-- Each time a version became the live one; a version comes back when an edit is reverted.
CREATE TABLE dbo.rule_set_activations (
    id            bigint IDENTITY(1, 1) NOT NULL,
    version       nvarchar(64)          NOT NULL,
    activated_at  datetimeoffset(7)     NOT NULL,
    CONSTRAINT pk_rule_set_activations PRIMARY KEY (id),
    CONSTRAINT fk_rule_set_activations_version FOREIGN KEY (version) REFERENCES dbo.rule_set_versions (version)
);

CREATE INDEX ix_rule_set_activations_version ON dbo.rule_set_activations (version);
