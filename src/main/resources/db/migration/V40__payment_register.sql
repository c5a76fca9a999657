-- Payment register: money the platform pays out or has paid out on a case (policy subsidies from the finance
-- bureau, courier fees the government settles for 邮帮办, loan disbursements by partner banks).
-- payment_key makes paying idempotent: a retried payment step (the step reaches the treasury or a bank and is
-- retried on technical failure) finds the payment it already made instead of paying twice.
create sequence app_payment_seq start with 1 increment by 1;

create table app_payment (
  voucher_number      varchar(40)    primary key,
  payment_key         varchar(300)   not null,
  case_number         varchar(32)    not null,
  process_instance_id varchar(64),
  purpose             varchar(200)   not null,
  payer               varchar(200)   not null,
  payee_name          varchar(200)   not null,
  payee_credit_code   varchar(18),
  amount              decimal(18, 2) not null,
  paid_at             timestamp      not null,
  constraint uq_app_payment_key unique (payment_key),
  constraint ck_app_payment_amount check (amount > 0)
);
create index ix_app_payment_case on app_payment (case_number);
create index ix_app_payment_payee on app_payment (payee_credit_code);
