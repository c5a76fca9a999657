-- Free seal sets for new enterprises (企业开办, 政府购买服务): the yearly quota and the grants made against it.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

-- One row per year; quota follows the configuration (approval.seals.free-sets-per-year), granted only grows,
-- raised by a conditional update (granted < quota) so the quota is never overdrawn.
create table app_free_seal_quota (
  quota_year integer primary key,
  quota      integer not null,
  granted    integer not null default 0
);

-- One row per case: whether it got its set free, and what a set cost then (the catalog fee of seal engraving).
create table app_seal_grant (
  case_number        varchar(32)   primary key,
  holder_credit_code varchar(18),
  quota_year         integer       not null,
  free_of_charge     boolean       not null,
  fee                numeric(12,2) not null,
  granted_at         timestamp     not null
);
create index ix_app_seal_grant_year on app_seal_grant (quota_year, free_of_charge);
