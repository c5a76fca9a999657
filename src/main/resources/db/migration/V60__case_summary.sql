-- Case summary for auditors (search, scorecard): one row per process instance, kept up to date in the same
-- transaction as the engine's own writes (audit/CaseSummaryRecorder, via the engine's Spring event bridge), so
-- search and scorecard never scan the engine's history tables or load historic variables.
-- Working-day figures are computed once, when the case is decided, with the Chinese working-day calendar.
-- Portable SQL: H2 (embedded default) and PostgreSQL (production).
create table app_case_summary (
  process_instance_id      varchar(64)   primary key,
  case_number              varchar(64),
  process_key              varchar(255)  not null,
  process_definition_id    varchar(64)   not null,
  top_level                boolean       not null,
  item_code                varchar(64),
  item_name                varchar(200),
  department               varchar(64),
  applicant_name           varchar(300),
  credit_code              varchar(32),
  channel                  varchar(20),
  case_status              varchar(40),
  decision_status          varchar(40),
  started_at               timestamp     not null,
  submitted_at             timestamp     not null,
  accepted_at              timestamp,
  decided_at               timestamp,
  ended_at                 timestamp,
  end_state                varchar(20)   not null,
  in_person_visits         integer,
  materials_asked          integer,
  materials_check_count    integer,
  one_time_notifications   integer,
  tolerant_acceptance      boolean       not null default false,
  supervision_events       integer       not null default 0,
  promised_days            integer,
  days_to_decision         integer,
  days_from_acceptance     integer,
  on_time                  boolean,
  followed_up_at           timestamp,
  follow_up_case_number    varchar(64),
  satisfaction             varchar(40),
  satisfaction_score       integer,
  updated_at               timestamp     not null
);
-- search: newest first within each filter; the scorecard groups by reform within a date range
create index ix_case_summary_submitted on app_case_summary (submitted_at);
create index ix_case_summary_number on app_case_summary (case_number);
create index ix_case_summary_reform on app_case_summary (process_key, submitted_at);
create index ix_case_summary_credit on app_case_summary (credit_code, submitted_at);
create index ix_case_summary_department on app_case_summary (department, submitted_at);
create index ix_case_summary_status on app_case_summary (case_status, submitted_at);
-- retention: rows whose case ended before the cut-off are removed with the engine's history
create index ix_case_summary_ended on app_case_summary (ended_at);
