-- BDC agents in the loop: shifts, notification preference, caps and availability; agents' own tokens;
-- tasks that carry their lead's dealership, attempt and script and can be overdue and escalated; and
-- task_events, the table the live task stream replays from (so it survives restarts and serves replicas).

ALTER TABLE agents
  ADD COLUMN shift_hours      VARCHAR(500) NULL AFTER role,          -- same format as business_hours; NULL: the dealership's
  ADD COLUMN notify_by        VARCHAR(8)   NOT NULL DEFAULT 'NONE' AFTER shift_hours,  -- SMS | EMAIL | NONE
  ADD COLUMN max_open_tasks   INT          NOT NULL DEFAULT 25 AFTER notify_by,
  ADD COLUMN available        BOOLEAN      NOT NULL DEFAULT TRUE AFTER max_open_tasks,
  ADD COLUMN last_assigned_at TIMESTAMP(3) NULL AFTER available;   -- round robin: least recently assigned first

-- Minutes past a CALL task's due time before it moves to another agent and the managers hear of it.
ALTER TABLE dealerships
  ADD COLUMN escalation_minutes_a INT NOT NULL DEFAULT 10,
  ADD COLUMN escalation_minutes_b INT NOT NULL DEFAULT 30,
  ADD COLUMN escalation_minutes_c INT NOT NULL DEFAULT 120;

-- An agent's own bearer token (SHA-256 hex; the token is shown once and never stored).
CREATE TABLE agent_tokens (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agent_id    BIGINT       NOT NULL,
  token_hash  CHAR(64)     NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  revoked_at  TIMESTAMP(3) NULL,
  UNIQUE KEY uq_agent_tokens_hash (token_hash),
  KEY ix_agent_tokens_agent (agent_id),
  CONSTRAINT fk_agent_tokens_agent FOREIGN KEY (agent_id) REFERENCES agents (id)
);

ALTER TABLE tasks
  MODIFY COLUMN kind VARCHAR(20) NOT NULL,           -- CALL | CALL_BACK_NOW | LEAD_REPLIED | ESCALATION
  ADD COLUMN dealership_id     BIGINT       NULL AFTER id,
  ADD COLUMN attempt           INT          NULL AFTER kind,   -- the call attempt (1 = first call)
  ADD COLUMN script            TEXT         NULL AFTER attempt,
  ADD COLUMN overdue_at        TIMESTAMP(3) NULL AFTER due_at,
  ADD COLUMN escalated_at      TIMESTAMP(3) NULL AFTER overdue_at,
  ADD COLUMN escalated_task_id BIGINT       NULL AFTER escalated_at;  -- ESCALATION tasks: the task that slipped

UPDATE tasks t JOIN leads l ON l.id = t.lead_id SET t.dealership_id = l.dealership_id;
ALTER TABLE tasks
  MODIFY COLUMN dealership_id BIGINT NOT NULL,
  ADD KEY ix_tasks_dealership_due (dealership_id, status, due_at, id),
  ADD KEY ix_tasks_agent_due (agent_id, status, due_at, id),
  ADD CONSTRAINT fk_tasks_dealership FOREIGN KEY (dealership_id) REFERENCES dealerships (id);

-- Every change to a task, in commit order as far as AUTO_INCREMENT gives it; the stream's event ids.
-- agent_id is the task's agent after the change, previous_agent_id the one before a reassignment, so
-- both agents' streams hear of it.
CREATE TABLE task_events (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dealership_id     BIGINT       NOT NULL,
  type              VARCHAR(32)  NOT NULL,  -- task.created | task.updated | task.overdue | lead.replied
  task_id           BIGINT       NULL,
  lead_id           BIGINT       NOT NULL,
  agent_id          BIGINT       NULL,
  previous_agent_id BIGINT       NULL,
  task_status       VARCHAR(16)  NULL,
  detail            VARCHAR(300) NULL,
  created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY ix_task_events_dealership (dealership_id, id),
  KEY ix_task_events_agent (agent_id, id),
  KEY ix_task_events_previous_agent (previous_agent_id, id)
);
