-- Policy fulfilment claims (政策兑现): one row per enterprise and policy (and claim period, for policies that
-- can be claimed once a year, e.g. 创新券; 'ONCE' for one-off policies such as listing subsidies).
-- The unique key is the guard against double payment: two claims of one firm for one policy cannot both be
-- registered, even when they arrive at the same moment (the second insert fails on the key, whatever the
-- process engine does). A claim that is refused (review, upheld objection, materials never completed) is
-- released (deleted) so the firm may claim again; a paid claim stays for good.
create table app_policy_claim (
  policy_code   varchar(40)    not null,
  claim_period  varchar(10)    not null,
  credit_code   varchar(18)    not null,
  case_number   varchar(32)    not null,
  applicant_name varchar(200)  not null,
  policy_name   varchar(200)   not null,
  amount        decimal(18, 2) not null,
  status        varchar(16)    not null,
  claimed_at    timestamp      not null,
  paid_at       timestamp,
  payment_voucher varchar(40),
  constraint pk_app_policy_claim primary key (policy_code, claim_period, credit_code),
  constraint uq_app_policy_claim_case unique (case_number)
);
