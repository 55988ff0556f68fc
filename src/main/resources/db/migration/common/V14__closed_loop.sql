-- The closed loop: each case keeps its playbook's verify window and, once resolved (or held out),
-- the moment that window ends, so reopening and verification are plain set-based SQL. Contacts of
-- held-out customers are counted once per event; each tenant names its contact event types and what
-- one contact costs.

alter table customer_case add column verify_window_seconds bigint default 1209600 not null;
alter table customer_case add column verify_until timestamp with time zone;
alter table customer_case add column reopened_at timestamp with time zone;

update customer_case set verify_until = resolved_at + interval '14' day
    where state = 'RESOLVED' and resolved_at is not null;
update customer_case set verify_until = detected_at + interval '14' day where state = 'HELD_OUT';

-- Reopening and the daily verification look for one tenant's cases in one state.
create index customer_case_loop_ix on customer_case (tenant_id, state, verify_until);

-- A contact event counted for a held-out case: the key makes counting it again impossible.
create table case_contact (
    tenant_id    bigint not null references tenant (id),
    case_id      bigint not null references customer_case (id),
    event_id     bigint not null,
    type         varchar(100) not null,
    occurred_at  timestamp with time zone not null,
    primary key (case_id, event_id)
);

create table closed_loop_settings (
    tenant_id         bigint primary key references tenant (id),
    contact_types     varchar(2000) not null,
    cost_per_contact  numeric(12, 2) not null,
    currency          varchar(3) not null,
    updated_at        timestamp with time zone not null
);
