-- A tenant's guardrails for outreach: quiet hours in the customer's time zone and a frequency cap
-- per customer across playbooks. Tenants without a row use the defaults.

create table outreach_settings (
    tenant_id           bigint primary key references tenant (id),
    quiet_start_minute  integer not null,
    quiet_end_minute    integer not null,
    cap_messages        integer not null,
    cap_days            integer not null,
    updated_at          timestamp with time zone not null
);
