-- A tenant's channel settings: who its email comes from, and the HTTP provider its SMS go through.
-- Tenants without a row use the defaults (the platform's sender address, the tenant's name, no SMS).
-- The provider's token is encrypted by the application (SecretBox) and never shown back.

create table channel_settings (
    tenant_id          bigint primary key references tenant (id),
    email_sender_name  varchar(120),
    email_from         varchar(254),
    email_reply_to     varchar(254),
    sms_enabled        boolean not null,
    sms_provider_url   varchar(2000),
    sms_sender_id      varchar(16),
    sms_token_enc      varchar(2000),
    updated_at         timestamp with time zone not null
);

-- The provider's id for a sent message (an SMS provider's answer), for support and reconciliation.
alter table outreach_message add column provider_message_id varchar(200);
