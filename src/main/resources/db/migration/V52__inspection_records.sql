-- Results of double-random inspections (双随机、一公开): one row per drawn enterprise of a campaign; the public result
-- list (公示) is compiled from here.
create table app_inspection_record (
  case_number         varchar(32)   not null,
  credit_code         varchar(18)   not null,
  enterprise_name     varchar(200)  not null,
  inspector           varchar(64)   not null,
  co_inspector        varchar(64)   not null,
  inspection_matters  varchar(500),
  result              varchar(30),
  findings            varchar(2000),
  handling_measure    varchar(30),
  handling_note       varchar(2000),
  inspected_at        timestamp,
  handled_at          timestamp,
  constraint pk_app_inspection_record primary key (case_number, credit_code)
);
