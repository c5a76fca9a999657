-- Licence register: licences, permits and certificates issued by any reform.
-- issue_key makes issuing idempotent: the same case issuing the same licence (for the same subject, e.g. one
-- housing unit) twice, e.g. when a step is retried, finds the licence it already issued.
create sequence app_licence_seq start with 1 increment by 1;

create table app_licence (
  licence_number     varchar(40)   primary key,
  issue_key          varchar(300)  not null,
  case_number        varchar(32)   not null,
  process_instance_id varchar(64),
  licence_type       varchar(60)   not null,
  title              varchar(200)  not null,
  holder_name        varchar(200)  not null,
  holder_credit_code varchar(18),
  subject            varchar(300),
  permits            varchar(4000) not null,
  issued_by          varchar(100)  not null,
  issued_at          timestamp     not null,
  valid_until        date,
  status             varchar(16)   not null,
  status_changed_at  timestamp,
  status_reason      varchar(1000),
  constraint uq_app_licence_issue unique (issue_key)
);
create index ix_app_licence_case on app_licence (case_number);
create index ix_app_licence_holder on app_licence (holder_credit_code);
