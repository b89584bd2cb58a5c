/**
 * Schema migrations, applied in order; PRAGMA user_version counts those applied.
 * Invitations and connections carry no secondary indexes: every rule reads them whole into
 * core/, and each index would slow every import row.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,            -- the path as the user named it (archive › entry)
    path TEXT NOT NULL,             -- absolute path of the file or archive
    entry TEXT,                     -- entry inside the archive
    kind TEXT NOT NULL,             -- linkedin-invitations, google-csv, vcard, …
    description TEXT NOT NULL,
    encoding TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    written_at TEXT,                -- when the export or file was written (ISO 8601)
    imported_at TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    replaced_by INTEGER REFERENCES sources(id)
  );

  CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    line INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    company TEXT NOT NULL,
    title TEXT NOT NULL,
    emails TEXT NOT NULL,           -- JSON array of normalised addresses, in file order
    phones TEXT NOT NULL,           -- JSON array, as written
    name_key TEXT
  );
  CREATE INDEX contacts_source ON contacts(source_id);

  CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,  -- direction | the other side's key | sent at
    direction TEXT NOT NULL CHECK (direction IN ('OUTGOING', 'INCOMING')),
    inviter_name TEXT NOT NULL,
    invitee_name TEXT NOT NULL,
    inviter_url TEXT,
    invitee_url TEXT,
    invitee_email TEXT,             -- for an invitation sent to an address (a non-member)
    peer_slug TEXT,                 -- the other side: invitee when outgoing, inviter when incoming
    peer_name_key TEXT,
    sent_at TEXT NOT NULL,
    message TEXT,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    seen_source_id INTEGER NOT NULL REFERENCES sources(id), -- the last file that listed it
    last_seen_at TEXT NOT NULL,     -- written_at of the newest export that lists it
    closed_at TEXT,                 -- a newer export no longer lists it
    withdrawn_at TEXT,
    reinvite_after TEXT
  );

  CREATE TABLE connections (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    url TEXT,
    slug TEXT,
    email TEXT,
    company TEXT NOT NULL,
    position TEXT NOT NULL,
    connected_on TEXT,
    name_key TEXT,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    seen_source_id INTEGER NOT NULL REFERENCES sources(id),
    last_seen_at TEXT NOT NULL,
    gone_at TEXT,                   -- a newer export no longer lists it
    removed_at TEXT                 -- we removed it
  );
  `,
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,          -- the command line, to resume with
    action TEXT NOT NULL,           -- withdraw, remove
    account TEXT,                   -- the profile slug the session belonged to
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT,                   -- done, stopped, failed; null while running or killed
    detail TEXT,
    planned INTEGER NOT NULL
  );

  -- One row per request that changes something, written before it is sent (the intent) and
  -- completed after (the outcome). An entry without outcome was in flight when a run ended.
  CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    action TEXT NOT NULL,
    invitation_id INTEGER REFERENCES invitations(id),
    live_id TEXT NOT NULL,          -- the network's id for the item, as text
    target TEXT NOT NULL,           -- whom it concerns, for history
    intent_at TEXT NOT NULL,
    outcome TEXT,                   -- withdrawn, not-found, refused, failed, settled-withdrawn
    outcome_at TEXT,
    detail TEXT
  );
  CREATE UNIQUE INDEX journal_in_flight ON journal(action, live_id) WHERE outcome IS NULL;
  CREATE INDEX journal_run ON journal(run_id);
  `,
  `
  -- A removal's journal rows name the connection; its outcomes are removed and settled-removed.
  ALTER TABLE journal ADD COLUMN connection_id INTEGER REFERENCES connections(id);
  -- Items a run passed over without a request (no longer listed, or not safely recognised).
  ALTER TABLE runs ADD COLUMN skipped INTEGER;
  `,
  `
  -- A journal entry is settled (outcome) only by a complete read of the live list that shows
  -- whether the request took effect; what the network answered is kept apart from that.
  ALTER TABLE journal ADD COLUMN surface TEXT;    -- the list its live_id was read from
  ALTER TABLE journal ADD COLUMN via TEXT;        -- how the request went out: legacy, sdui, dash, …
  ALTER TABLE journal ADD COLUMN answer TEXT;     -- ok, not-found, refused, unexpected, lost, stopped
  ALTER TABLE journal ADD COLUMN answer_at TEXT;
  ALTER TABLE journal ADD COLUMN answer_detail TEXT;
  UPDATE journal SET answer = CASE outcome
      WHEN 'withdrawn' THEN 'ok' WHEN 'removed' THEN 'ok' ELSE outcome END,
    answer_at = outcome_at
    WHERE outcome IS NOT NULL;
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  -- Closures seen in a complete live read, with the run that saw them: a later complete read
  -- that lists the item again takes them back. Imports keep their own (closed_at, gone_at).
  ALTER TABLE invitations ADD COLUMN live_closed_at TEXT;
  ALTER TABLE invitations ADD COLUMN live_closed_run INTEGER REFERENCES runs(id);
  ALTER TABLE connections ADD COLUMN live_gone_at TEXT;
  ALTER TABLE connections ADD COLUMN live_gone_run INTEGER REFERENCES runs(id);
  -- Facts about the user's account: the LinkedIn member the first run acted for.
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- Which imported file listed which invitation and connection. last_seen_at, the import
  -- closures (closed_at, gone_at) and source_id / seen_source_id are derived from these, so that
  -- taking a file back (invites sources forget) recomputes them from the files that remain.
  CREATE TABLE invitation_sightings (
    invitation_id INTEGER NOT NULL REFERENCES invitations(id),
    source_id INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (invitation_id, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX invitation_sightings_source ON invitation_sightings(source_id);
  CREATE TABLE connection_sightings (
    connection_id INTEGER NOT NULL REFERENCES connections(id),
    source_id INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (connection_id, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX connection_sightings_source ON connection_sightings(source_id);

  -- The Invitations.csv / Connections.csv whose import closed the row. A closure without one did
  -- not come from an import and is left alone when closures are recomputed.
  ALTER TABLE invitations ADD COLUMN closed_source_id INTEGER REFERENCES sources(id);
  ALTER TABLE connections ADD COLUMN gone_source_id INTEGER REFERENCES sources(id);

  -- Rows so far name their first and their last file; the exports in between were not recorded.
  -- Each export written from the first file's date to last_seen_at is taken to have listed the
  -- row: had one not, it would have closed it. Taking an export back can then never close a row
  -- that a remaining one listed.
  INSERT OR IGNORE INTO invitation_sightings (invitation_id, source_id)
    SELECT id, source_id FROM invitations
    UNION SELECT id, seen_source_id FROM invitations
    UNION SELECT i.id, s.id FROM invitations i
      JOIN sources f ON f.id = i.source_id
      JOIN sources s ON s.kind = 'linkedin-invitations'
        AND s.written_at BETWEEN f.written_at AND i.last_seen_at;
  INSERT OR IGNORE INTO connection_sightings (connection_id, source_id)
    SELECT id, source_id FROM connections
    UNION SELECT id, seen_source_id FROM connections
    UNION SELECT c.id, s.id FROM connections c
      JOIN sources f ON f.id = c.source_id
      JOIN sources s ON s.kind = 'linkedin-connections'
        AND s.written_at BETWEEN f.written_at AND c.last_seen_at;

  -- An import closed a row as of the newest export's date; a live read closed it as of the
  -- moment of the read, which no export date matches.
  UPDATE invitations SET closed_source_id = (
    SELECT s.id FROM sources s
    WHERE s.kind = 'linkedin-invitations' AND s.written_at = invitations.closed_at
    ORDER BY s.id LIMIT 1)
  WHERE closed_at IS NOT NULL;
  UPDATE connections SET gone_source_id = (
    SELECT s.id FROM sources s
    WHERE s.kind = 'linkedin-connections' AND s.written_at = connections.gone_at
    ORDER BY s.id LIMIT 1)
  WHERE gone_at IS NOT NULL;
  `,
  `
  -- Before reads had to be whole, a run wrote its closures into closed_at, and a short read
  -- closed real invitations for good. Those closures (no import made them) become what a run's
  -- closure is now: with the run that most likely made it, taken back by the next whole read
  -- that lists the item.
  UPDATE invitations SET
      live_closed_at = closed_at,
      live_closed_run = (SELECT max(r.id) FROM runs r
                         WHERE r.action = 'withdraw' AND r.started_at <= invitations.closed_at),
      closed_at = NULL
    WHERE closed_at IS NOT NULL AND closed_source_id IS NULL;
  UPDATE connections SET
      live_gone_at = gone_at,
      live_gone_run = (SELECT max(r.id) FROM runs r
                       WHERE r.action = 'remove' AND r.started_at <= connections.gone_at),
      gone_at = NULL
    WHERE gone_at IS NOT NULL AND gone_source_id IS NULL;
  `,
  `
  -- The highest import number ever given. An import taken back (sources forget) keeps its
  -- number: the next import gets a new one, so that "sources forget N" run again from the
  -- shell's history can never take back another file.
  CREATE TABLE numbers (of TEXT PRIMARY KEY, last INTEGER NOT NULL);
  INSERT INTO numbers SELECT 'sources', coalesce(max(id), 0) FROM sources;
  CREATE TRIGGER sources_numbered AFTER INSERT ON sources
  BEGIN
    UPDATE numbers SET last = max(last, NEW.id) WHERE of = 'sources';
  END;
  `,
  `
  -- What stopped a run, apart from its detail: history showed the code ("stopped: expired: …")
  -- to people, who took it for expired invitations. Earlier runs wrote it before the detail.
  ALTER TABLE runs ADD COLUMN signal TEXT;
  UPDATE runs SET
      signal = substr(detail, 1, instr(detail, ': ') - 1),
      detail = substr(detail, instr(detail, ': ') + 2)
    WHERE outcome = 'stopped' AND substr(detail, 1, instr(detail, ': ') - 1) IN
      ('expired', 'csrf', 'challenge', 'throttled', 'blocked', 'restricted', 'forbidden',
       'changed', 'failing', 'browser');
  `,
];
