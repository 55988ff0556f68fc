-- What a published playbook version asks of outreach beyond its templates: its level, the
-- self-service options, the remedy done first and how it is confirmed. Messages of a PRE_EMPT case
-- wait for the remedy's confirmation. A message handed to the SMTP server is HANDED until its
-- server said yes: a crash then counts it as sent, never as one to send again.

create table outreach_plan (
    tenant_id         bigint not null references tenant (id),
    playbook_id       bigint not null,
    playbook_version  integer not null,
    level             varchar(16) not null,
    options           varchar(2000),
    remedy_action     varchar(200),
    confirm_by        varchar(16),
    follow_up_team    varchar(60) not null,
    created_at        timestamp with time zone not null,
    primary key (playbook_id, playbook_version)
);

alter table outreach_message add column awaiting varchar(16);
alter table outreach_message add column lease_owner varchar(100);
alter table outreach_message drop constraint outreach_message_state_ck;
alter table outreach_message add constraint outreach_message_state_ck
    check (state in ('WAITING', 'QUEUED', 'SENDING', 'HANDED', 'SENT', 'SKIPPED', 'DEAD'));

-- The frequency cap counts a customer's recent messages before each send.
create index outreach_message_customer_ix on outreach_message (tenant_id, customer_id, sent_at);
