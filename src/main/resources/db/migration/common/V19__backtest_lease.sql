-- At most one backtest runs per tenant, on whichever node: a running backtest holds its tenant's row.
-- The holder renews expires_at after each day it evaluates; a row left behind by a node that died
-- expires and is taken over by the next backtest.
create table backtest_lease (
    tenant_id   bigint primary key references tenant (id),
    holder      varchar(36) not null,
    started_by  varchar(200) not null,
    node        varchar(100) not null,
    started_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
