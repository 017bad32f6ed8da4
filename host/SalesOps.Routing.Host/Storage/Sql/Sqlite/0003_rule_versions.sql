-- Every rule-set version that was ever live, with the text of its files, so the rule_set_version
-- of any stored decision leads back to the exact rules that made it.
CREATE TABLE rule_set_versions (
    version             TEXT NOT NULL PRIMARY KEY,
    first_activated_at  TEXT NOT NULL,
    files               TEXT NOT NULL
);

-- Each time a version became the live one; a version comes back when an edit is reverted.
CREATE TABLE rule_set_activations (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    version       TEXT    NOT NULL REFERENCES rule_set_versions (version),
    activated_at  TEXT    NOT NULL
);

CREATE INDEX ix_rule_set_activations_version ON rule_set_activations (version);
