-- Follow-up register (好差评 / 企业回访): one row per finished case, written in the same transaction that starts the
-- follow-up case, so a case is never followed up twice (the primary key) and the coverage report can tell finished
-- cases without a follow-up.
create table app_follow_up (
  original_process_instance_id varchar(64)  primary key,
  original_case_number         varchar(32),
  original_process_key         varchar(64)  not null,
  original_ended_at            timestamp,
  follow_up_case_number        varchar(32)  not null,
  follow_up_process_instance_id varchar(64),
  started_at                   timestamp    not null,
  status                       varchar(16)  not null,
  evaluation                   varchar(10),
  evaluation_comment           varchar(2000),
  evaluated_at                 timestamp,
  second_evaluation            varchar(10),
  second_evaluation_comment    varchar(2000),
  second_evaluated_at          timestamp,
  constraint uq_app_follow_up_case unique (follow_up_case_number)
);
create index ix_app_follow_up_original_case on app_follow_up (original_case_number);
