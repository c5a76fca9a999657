-- Rectification ledger (整改台账): problems found by business-environment observers (营商环境观察员) and bad service
-- reviews (差评), each assigned to a department with a due date, until verified as rectified (销号).
-- One entry per case and source; ledger numbers are drawn from their own sequence (TZ-2026-000042).
create sequence app_ledger_seq start with 1 increment by 1;

create table app_rectification_ledger (
  ledger_number       varchar(40)   primary key,
  case_number         varchar(32)   not null,
  process_instance_id varchar(64),
  source              varchar(30)   not null,
  title               varchar(500)  not null,
  category            varchar(60),
  department          varchar(64)   not null,
  department_name     varchar(100),
  opened_at           timestamp     not null,
  due_date            timestamp     not null,
  status              varchar(16)   not null,
  rework_count        integer       default 0 not null,
  overdue_count       integer       default 0 not null,
  measures            varchar(4000),
  submitted_at        timestamp,
  closed_at           timestamp,
  closing_note        varchar(2000),
  constraint uq_app_ledger_case_source unique (case_number, source)
);
create index ix_app_ledger_status on app_rectification_ledger (status);
create index ix_app_ledger_department on app_rectification_ledger (department);
