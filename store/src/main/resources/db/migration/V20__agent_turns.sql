-- The round robin's turn moves out of the agents row. Every lead insert and every task insert holds the
-- assigned agent's row in share mode until it commits (the foreign keys leads.assigned_agent_id and
-- tasks.agent_id), and every intake took the turn with an UPDATE of that same row: under load the turns
-- queued behind the inserts and the inserts behind the turns (bench/speed-to-lead: 3.4 turn attempts and
-- 54 ms of lock wait per lead at 75 leads/s). No foreign key points at agent_turns, so taking a turn waits
-- for nobody's insert.
CREATE TABLE agent_turns (
  agent_id         BIGINT       NOT NULL PRIMARY KEY,
  last_assigned_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT fk_agent_turns_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
) ENGINE=InnoDB;

INSERT INTO agent_turns (agent_id, last_assigned_at)
SELECT id, last_assigned_at FROM agents WHERE last_assigned_at IS NOT NULL;

ALTER TABLE agents DROP COLUMN last_assigned_at;
