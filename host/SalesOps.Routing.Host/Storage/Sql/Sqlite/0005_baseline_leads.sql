-- Written only by the load runner's naive baseline endpoint (LoadTest:Baselines=true): one row per request.
CREATE TABLE baseline_leads (
    id           TEXT NOT NULL PRIMARY KEY,
    received_at  TEXT NOT NULL,
    payload      TEXT NOT NULL
);
