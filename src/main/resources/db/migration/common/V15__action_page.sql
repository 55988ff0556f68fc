-- The action page: when a message was opened and its link followed, the customer's answer, an
-- optional satisfaction score, and an opt-out.

alter table outreach_message add column opened_at timestamp with time zone;
alter table outreach_message add column clicked_at timestamp with time zone;
alter table outreach_message add column answer varchar(16);
alter table outreach_message add column answer_detail varchar(200);
alter table outreach_message add column answered_at timestamp with time zone;
alter table outreach_message add column csat integer;
alter table outreach_message add column opted_out_at timestamp with time zone;
alter table outreach_message add constraint outreach_message_csat_ck check (csat between 1 and 5);
